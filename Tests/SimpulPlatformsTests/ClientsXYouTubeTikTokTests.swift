import Foundation
import SimpulCore
import Testing
@testable import SimpulPlatforms

@Suite struct ClientXTests {
    typealias K = ClientsKit

    func connector(_ transport: ClientsFakeTransport, maxPages: Int = 5) -> XConnector {
        XConnector(transport: transport, endpoints: K.endpoints, credentials: K.credentials { $0.xUserID = "2244994945" }, maxPages: maxPages)
    }

    /// A mentions page with the given tweet ids (newest first).
    func mentions(_ ids: [String], next: String?) -> HTTPResponseSpec {
        let tweets = ids.map { id in
            #"{"id":"\#(id)","text":"@pemkot lampu jalan mati \#(id)","author_id":"111","created_at":"2024-06-01T10:00:00.000Z","conversation_id":"\#(id)","edit_history_tweet_ids":["\#(id)"]}"#
        }
        var meta = #""result_count":\#(ids.count)"#
        if let first = ids.first, let last = ids.last { meta += #","newest_id":"\#(first)","oldest_id":"\#(last)""# }
        if let next { meta += #","next_token":"\#(next)""# }
        let data = ids.isEmpty ? "" : #""data":[\#(tweets.joined(separator: ","))],"includes":{"users":[{"id":"111","name":"Warga Kota","username":"wargakota"}]},"#
        return K.response("{\(data)\"meta\":{\(meta)}}")
    }

    let fieldItems: [String: String] = [
        "max_results": "100",
        "tweet.fields": "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,attachments",
        "expansions": "author_id,attachments.media_keys",
        "user.fields": "username,name",
        "media.fields": "type,url,preview_image_url",
    ]

    @Test func pollFollowsNextTokenUpToPageLimit() async throws {
        let transport = ClientsFakeTransport([
            mentions(["1800000000000000006", "1800000000000000005"], next: "tokA"),
            mentions(["1800000000000000004", "1800000000000000003"], next: "tokB"),
            mentions(["1800000000000000002"], next: nil),
        ])
        let page = try await connector(transport, maxPages: 2).poll(cursor: "1799999999999999999")
        let requests = transport.requests
        #expect(requests.count == 2)
        #expect(page.events.map(\.eventID) == ["1800000000000000006", "1800000000000000005", "1800000000000000004", "1800000000000000003"])
        #expect(page.events.allSatisfy { $0.platform == .x && $0.accountRef == "2244994945" })
        #expect(page.cursor == "1800000000000000006")

        #expect(requests[0].method == "GET")
        #expect(K.host(requests[0]) == "x.example.test")
        #expect(K.path(requests[0]) == "/2/users/2244994945/mentions")
        #expect(K.header(requests[0], "Authorization") == "Bearer \(K.token)")
        #expect(K.query(requests[0]) == fieldItems.merging(["since_id": "1799999999999999999"]) { a, _ in a })
        #expect(K.query(requests[1]) == fieldItems.merging(["since_id": "1799999999999999999", "pagination_token": "tokA"]) { a, _ in a })
    }

    @Test func pollStopsWhenThereIsNoNextToken() async throws {
        let transport = ClientsFakeTransport([
            mentions(["1800000000000000006"], next: "tokA"),
            mentions(["1800000000000000005"], next: nil),
            mentions(["1"], next: nil),
        ])
        let page = try await connector(transport).poll(cursor: nil)
        #expect(transport.requests.count == 2)
        #expect(page.events.count == 2)
        #expect(page.cursor == "1800000000000000006")
        #expect(K.query(transport.requests[0]) == fieldItems)
    }

    @Test func emptyPollKeepsTheCursor() async throws {
        let transport = ClientsFakeTransport([mentions([], next: nil)])
        let page = try await connector(transport).poll(cursor: "1799999999999999999")
        #expect(page.events.isEmpty)
        #expect(page.cursor == "1799999999999999999")
    }

    @Test func nonNumericCursorIsNotSentAsSinceID() async throws {
        let transport = ClientsFakeTransport([mentions(["1800000000000000001"], next: nil)])
        let page = try await connector(transport).poll(cursor: "2024-06-01T00:00:00.000Z")
        #expect(K.query(try #require(transport.requests.first))["since_id"] == nil)
        #expect(page.cursor == "1800000000000000001")
    }

    @Test func replyPostsTweetWithReplyObject() async throws {
        let transport = ClientsFakeTransport([try K.fixture("x/create_tweet.json")])
        let id = try await connector(transport).reply(to: "1800000000000000006", text: "Terima kasih, sudah kami teruskan ke Dishub.", idempotencyKey: "k")
        #expect(id == "1445880548472328192")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(K.path(request) == "/2/tweets")
        #expect(K.query(request).isEmpty)
        #expect(K.header(request, "Authorization") == "Bearer \(K.token)")
        #expect(K.header(request, "Content-Type") == "application/json")
        #expect(K.body(request, equals: #"""
            {"text":"Terima kasih, sudah kami teruskan ke Dishub.","reply":{"in_reply_to_tweet_id":"1800000000000000006"}}
            """#))
    }

    @Test func postSendsTextOnly() async throws {
        let transport = ClientsFakeTransport([K.response(201, #"{"data":{"id":"1800000000000000100","text":"Info"}}"#)])
        #expect(try await connector(transport).post(text: "Info") == "1800000000000000100")
        #expect(K.body(try #require(transport.requests.first), equals: #"{"text":"Info"}"#))
    }

    @Test func testConnectionReadsUsersMe() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"data":{"id":"2244994945","name":"Pemkot","username":"pemkot"}}"#)])
        let check = try await connector(transport).testConnection()
        #expect(check == ConnectionCheck(accountName: "Pemkot", accountID: "2244994945", handle: "pemkot"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(K.path(request) == "/2/users/me")
    }

    @Test func rateLimitDuringPollCarriesResetTime() async {
        let transport = ClientsFakeTransport([K.response(429, #"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#,
                                                         headers: [("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", "1717243800")])])
        let error = await K.error { try await connector(transport).poll(cursor: nil) }
        #expect(error == .rateLimited(until: Date(timeIntervalSince1970: 1_717_243_800), detail: "X HTTP 429: Too Many Requests"))
    }

    @Test func notJSONMentionsIsInvalidResponse() async {
        let transport = ClientsFakeTransport([HTTPResponseSpec(status: 200, body: Data("<html>".utf8))])
        let error = await K.error { try await connector(transport).poll(cursor: nil) }
        #expect({ if case .invalidResponse = error { true } else { false } }())
    }
}

@Suite struct ClientYouTubeTests {
    typealias K = ClientsKit

    func connector(_ transport: ClientsFakeTransport, maxPages: Int = 5) -> YouTubeConnector {
        YouTubeConnector(transport: transport, endpoints: K.endpoints, credentials: K.credentials { $0.channelID = "UCchannel01" }, maxPages: maxPages)
    }

    /// A commentThreads page; each thread is (id, publishedAt), newest first.
    func threads(_ items: [(String, String)], next: String?) -> HTTPResponseSpec {
        let rendered = items.map { id, at in
            #"""
            {"kind":"youtube#commentThread","etag":"e","id":"\#(id)","snippet":{"channelId":"UCchannel01","videoId":"vid01",
             "topLevelComment":{"kind":"youtube#comment","etag":"e","id":"\#(id)","snippet":{"channelId":"UCchannel01","videoId":"vid01",
               "textDisplay":"Komentar \#(id)","textOriginal":"Komentar \#(id)","authorDisplayName":"Warga","authorChannelId":{"value":"UCwarga"},
               "canRate":true,"viewerRating":"none","likeCount":0,"publishedAt":"\#(at)","updatedAt":"\#(at)"}},
             "canReply":true,"totalReplyCount":0,"isPublic":true}}
            """#
        }
        let token = next.map { #","nextPageToken":"\#($0)""# } ?? ""
        return K.response(#"{"kind":"youtube#commentThreadListResponse","etag":"e"\#(token),"pageInfo":{"totalResults":\#(items.count),"resultsPerPage":100},"items":[\#(rendered.joined(separator: ","))]}"#)
    }

    @Test func pollStopsOnceItReachesTheCursor() async throws {
        let transport = ClientsFakeTransport([
            threads([("Ug1", "2024-06-01T11:00:00.000Z"), ("Ug2", "2024-06-01T10:00:00.000Z")], next: "P2"),
            threads([("Ug3", "2024-06-01T09:00:00.000Z"), ("Ug4", "2024-06-01T07:00:00.000Z")], next: "P3"),
            threads([("Ug5", "2024-06-01T06:00:00.000Z")], next: nil),
        ])
        let page = try await connector(transport).poll(cursor: "2024-06-01T08:00:00.000Z")
        let requests = transport.requests
        #expect(requests.count == 2)
        #expect(page.events.map(\.eventID) == ["Ug1", "Ug2", "Ug3"])
        #expect(page.cursor == "2024-06-01T11:00:00.000Z")

        #expect(requests[0].method == "GET")
        #expect(K.host(requests[0]) == "yt.example.test")
        #expect(K.path(requests[0]) == "/youtube/v3/commentThreads")
        #expect(K.header(requests[0], "Authorization") == "Bearer \(K.token)")
        let base = ["part": "snippet,replies", "allThreadsRelatedToChannelId": "UCchannel01", "maxResults": "100", "order": "time"]
        #expect(K.query(requests[0]) == base)
        #expect(K.query(requests[1]) == base.merging(["pageToken": "P2"]) { a, _ in a })
    }

    @Test func nothingNewKeepsTheCursor() async throws {
        let transport = ClientsFakeTransport([threads([("Ug4", "2024-06-01T07:00:00.000Z")], next: "P2")])
        let page = try await connector(transport).poll(cursor: "2024-06-01T08:00:00.000Z")
        #expect(transport.requests.count == 1)
        #expect(page.events.isEmpty)
        #expect(page.cursor == "2024-06-01T08:00:00.000Z")
    }

    @Test func firstPollStopsAtPageLimit() async throws {
        let transport = ClientsFakeTransport([
            threads([("Ug1", "2024-06-01T11:00:00.000Z")], next: "P2"),
            threads([("Ug2", "2024-06-01T10:00:00.000Z")], next: "P3"),
            threads([("Ug3", "2024-06-01T09:00:00.000Z")], next: nil),
        ])
        let page = try await connector(transport, maxPages: 2).poll(cursor: nil)
        #expect(transport.requests.count == 2)
        #expect(page.events.map(\.eventID) == ["Ug1", "Ug2"])
        #expect(page.cursor == "2024-06-01T11:00:00.000Z")
    }

    @Test func upstreamSamplePollsFine() async throws {
        let transport = ClientsFakeTransport([try K.fixture("youtube/comment_thread_single.json")])
        let page = try await connector(transport).poll(cursor: nil)
        #expect(page.events.first?.eventID == "UgxKREWxIgDrw8w2e_Z4AaABAg")
        #expect(page.cursor == "2019-04-20T01:03:39.000Z")
    }

    @Test func replyInsertsCommentWithParentId() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"kind":"youtube#comment","etag":"e","id":"Ug1.reply9","snippet":{"parentId":"Ug1","textOriginal":"Terima kasih"}}"#)])
        let id = try await connector(transport).reply(to: "Ug1", text: "Terima kasih", idempotencyKey: "k")
        #expect(id == "Ug1.reply9")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(K.path(request) == "/youtube/v3/comments")
        #expect(K.query(request) == ["part": "snippet"])
        #expect(K.header(request, "Content-Type") == "application/json")
        #expect(K.body(request, equals: #"{"snippet":{"parentId":"Ug1","textOriginal":"Terima kasih"}}"#))
    }

    @Test func replyToAReplyAnswersItsThread() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":"UgzTop.9xyz"}"#)])
        _ = try await connector(transport).reply(to: "UgzTop.8abcDEF", text: "Oke", idempotencyKey: "k")
        #expect(K.body(try #require(transport.requests.first), equals: #"{"snippet":{"parentId":"UgzTop","textOriginal":"Oke"}}"#))
    }

    @Test func testConnectionAndSubscribers() async throws {
        let transport = ClientsFakeTransport([
            K.response(#"{"items":[{"id":"UCchannel01","snippet":{"title":"Pemkot Channel","customUrl":"@pemkot"}}]}"#),
            K.response(#"{"items":[{"id":"UCchannel01","statistics":{"subscriberCount":"12500","hiddenSubscriberCount":false}}]}"#),
            K.response(#"{"kind":"youtube#channelListResponse","items":[]}"#),
        ])
        let youtube = connector(transport)
        #expect(try await youtube.testConnection() == ConnectionCheck(accountName: "Pemkot Channel", accountID: "UCchannel01", handle: "@pemkot"))
        #expect(try await youtube.fetchFollowerCount() == 12500)
        let missing = await K.error { try await youtube.testConnection() }
        #expect({ if case .rejected(404, "channelNotFound", _) = missing { true } else { false } }())
        let requests = transport.requests
        #expect(K.path(requests[0]) == "/youtube/v3/channels")
        #expect(K.query(requests[0]) == ["part": "snippet", "id": "UCchannel01"])
        #expect(K.query(requests[1]) == ["part": "statistics", "id": "UCchannel01"])
    }

    @Test func testConnectionWithoutChannelIdAsksForMine() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"items":[{"id":"UCmine","snippet":{"title":"Mine"}}]}"#)])
        let youtube = YouTubeConnector(transport: transport, endpoints: K.endpoints, credentials: K.credentials())
        #expect(try await youtube.testConnection().accountID == "UCmine")
        #expect(K.query(try #require(transport.requests.first)) == ["part": "snippet", "mine": "true"])
    }

    @Test func quotaExceededDuringPoll() async {
        let transport = ClientsFakeTransport([K.response(403, #"""
            {"error":{"code":403,"message":"The request cannot be completed because you have exceeded your quota.",
             "errors":[{"message":"The request cannot be completed because you have exceeded your quota.","domain":"youtube.quota","reason":"quotaExceeded"}]}}
            """#)])
        let error = await K.error { try await connector(transport).poll(cursor: nil) }
        #expect({ if case .rateLimited = error { true } else { false } }())
    }
}

@Suite struct ClientTikTokTests {
    typealias K = ClientsKit

    func connector(_ transport: ClientsFakeTransport) -> TikTokConnector {
        TikTokConnector(transport: transport, endpoints: K.endpoints, credentials: K.credentials())
    }

    @Test func publishVideoInitFromURL() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"data":{"publish_id":"v_pub_url~v2.123456789"},"error":{"code":"ok","message":"","log_id":"2024060112"}}"#)])
        let post = TikTokVideoPost(videoURL: "https://media.kota.example.id/cfd.mp4", title: "Car Free Day #kota",
                                   privacyLevel: .selfOnly, disableComment: true, videoCoverTimestampMs: 1000)
        let id = try await connector(transport).publishVideo(post)
        #expect(id == "v_pub_url~v2.123456789")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(K.host(request) == "tiktok.example.test")
        #expect(K.path(request) == "/v2/post/publish/video/init/")
        #expect(K.header(request, "Authorization") == "Bearer \(K.token)")
        #expect(K.header(request, "Content-Type") == "application/json; charset=UTF-8")
        #expect(K.body(request, equals: #"""
            {"post_info":{"title":"Car Free Day #kota","privacy_level":"SELF_ONLY","disable_comment":true,"disable_duet":false,
               "disable_stitch":false,"video_cover_timestamp_ms":1000},
             "source_info":{"source":"PULL_FROM_URL","video_url":"https://media.kota.example.id/cfd.mp4"}}
            """#))
    }

    @Test func publishStatusStates() async throws {
        let transport = ClientsFakeTransport([
            K.response(#"{"data":{"status":"FAILED","fail_reason":"picture_size_check_failed","publicaly_available_post_id":[],"uploaded_bytes":10000},"error":{"code":"ok","message":"","log_id":"x"}}"#),
            K.response(#"{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7380000000000000001]},"error":{"code":"ok","message":"","log_id":"x"}}"#),
            K.response(#"{"data":{"status":"PROCESSING_DOWNLOAD"},"error":{"code":"ok","message":"","log_id":"x"}}"#),
        ])
        let tiktok = connector(transport)
        let failed = try await tiktok.publishStatus(publishID: "v_pub_url~v2.1")
        #expect(failed.isFailed && failed.isFinal && failed.failReason == "picture_size_check_failed" && failed.uploadedBytes == 10000)
        let done = try await tiktok.publishStatus(publishID: "v_pub_url~v2.1")
        #expect(done.isComplete && done.publicPostIDs == ["7380000000000000001"])
        let pending = try await tiktok.publishStatus(publishID: "v_pub_url~v2.1")
        #expect(pending.status == "PROCESSING_DOWNLOAD" && !pending.isFinal)
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(K.path(request) == "/v2/post/publish/status/fetch/")
        #expect(K.body(request, equals: #"{"publish_id":"v_pub_url~v2.1"}"#))
    }

    @Test func testConnectionReadsUserInfo() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"data":{"user":{"open_id":"-000OGH1","display_name":"Pemkot"}},"error":{"code":"ok","message":"","log_id":"x"}}"#)])
        #expect(try await connector(transport).testConnection() == ConnectionCheck(accountName: "Pemkot", accountID: "-000OGH1"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(K.path(request) == "/v2/user/info/")
        #expect(K.query(request) == ["fields": "open_id,display_name"])
        #expect(request.body == nil)
    }

    @Test func creatorInfoOptions() async throws {
        let transport = ClientsFakeTransport([K.response(#"""
            {"data":{"creator_avatar_url":"https://x","creator_username":"pemkot","creator_nickname":"Pemkot",
             "privacy_level_options":["PUBLIC_TO_EVERYONE","SELF_ONLY"],"comment_disabled":false,"duet_disabled":true,
             "stitch_disabled":false,"max_video_post_duration_sec":600},"error":{"code":"ok","message":"","log_id":"x"}}
            """#)])
        let info = try await connector(transport).creatorInfo()
        #expect(info.privacyLevelOptions == ["PUBLIC_TO_EVERYONE", "SELF_ONLY"])
        #expect(info.duetDisabled && !info.commentDisabled && info.maxVideoPostDurationSec == 600 && info.username == "pemkot")
        #expect(K.path(try #require(transport.requests.first)) == "/v2/post/publish/creator_info/query/")
    }

    @Test func tiktokErrors() async {
        let transport = ClientsFakeTransport([
            K.response(401, #"{"error":{"code":"access_token_invalid","message":"The access token is invalid or not found in the request.","log_id":"L1"}}"#),
            K.response(200, #"{"data":{},"error":{"code":"spam_risk_too_many_posts","message":"daily cap","log_id":"L2"}}"#),
            K.response(400, #"{"data":{},"error":{"code":"privacy_level_option_mismatch","message":"bad privacy","log_id":"L3"}}"#),
        ])
        let tiktok = connector(transport)
        let post = TikTokVideoPost(videoURL: "https://m/v.mp4", title: "t", privacyLevel: .publicToEveryone)
        let auth = await K.error { try await tiktok.publishVideo(post) }
        #expect(auth == .authInvalid(detail: "TikTok HTTP 401 access_token_invalid (log_id L1): The access token is invalid or not found in the request."))
        let capped = await K.error { try await tiktok.publishVideo(post) }
        #expect({ if case .rateLimited = capped { true } else { false } }())
        let mismatch = await K.error { try await tiktok.publishVideo(post) }
        #expect({ if case .rejected(400, "privacy_level_option_mismatch", _) = mismatch { true } else { false } }())
    }
}
