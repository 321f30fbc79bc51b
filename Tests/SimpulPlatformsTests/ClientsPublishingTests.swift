import Foundation
import SimpulCore
import Testing
@testable import SimpulPlatforms

@Suite struct ClientsPublishingTests {
    typealias K = ClientsKit

    func page(_ transport: ClientsFakeTransport) -> MetaGraphConnector {
        MetaGraphConnector(surface: .facebookPage, transport: transport, endpoints: K.endpoints, credentials: K.credentials { $0.pageID = "104857600" })
    }

    func x(_ transport: ClientsFakeTransport) -> XConnector {
        XConnector(transport: transport, endpoints: K.endpoints, credentials: K.credentials { $0.xUserID = "2244994945" })
    }

    @Test func pagePostGoesToFeedWithTheLinkBeside() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":"104857600_5550001"}"#)])
        let post = try await page(transport).publish(OutboundPost(text: "Jadwal vaksinasi pekan ini", link: "https://tirtamayakota.go.id/vaksin"))
        #expect(post.id == "104857600_5550001" && post.url == "https://www.facebook.com/104857600_5550001")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST" && K.path(request) == "/v21.0/104857600/feed")
        #expect(K.form(request) == ["message": "Jadwal vaksinasi pekan ini", "link": "https://tirtamayakota.go.id/vaksin"])
    }

    @Test func pageTimelineReadsPostsSinceATime() async throws {
        let body = #"{"data":[{"id":"104857600_2","message":"Jadwal vaksinasi pekan ini","created_time":"2026-11-22T03:00:05+0000","permalink_url":"https://www.facebook.com/104857600/posts/2"},{"id":"104857600_1","created_time":"2026-11-22T02:59:00+0000"}],"paging":{}}"#
        let transport = ClientsFakeTransport([K.response(body)])
        let since = Date(timeIntervalSince1970: 1_795_316_340) // 2026-11-22T02:59:00Z
        let posts = try await page(transport).recentPosts(since: since)
        #expect(posts.map(\.id) == ["104857600_2", "104857600_1"])
        #expect(posts[0].carries("Jadwal vaksinasi  pekan ini\n") && !posts[1].carries("Jadwal vaksinasi pekan ini"))
        #expect(posts[0].url == "https://www.facebook.com/104857600/posts/2")
        let request = try #require(transport.requests.first)
        #expect(K.path(request) == "/v21.0/104857600/posts")
        #expect(K.query(request) == ["fields": "id,message,created_time,permalink_url", "since": "1795316340", "limit": "25"])
    }

    @Test func instagramTextPostIsRefusedBeforeAnyCall() async throws {
        let transport = ClientsFakeTransport()
        let connector = MetaGraphConnector(surface: .instagram, transport: transport, endpoints: K.endpoints,
                                           credentials: K.credentials { $0.instagramUserID = "17841400000000001" })
        let error = await K.error { try await connector.publish(OutboundPost(text: "Halo")) }
        #expect(error == .rejected(status: 0, code: "media_required", detail: "Instagram posts need an image or a video"))
        #expect(transport.requests.isEmpty)
    }

    @Test func instagramImageGoesThroughAContainer() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":"17900000000000001"}"#), K.response(#"{"id":"17800000000000009"}"#)])
        let connector = MetaGraphConnector(surface: .instagram, transport: transport, endpoints: K.endpoints,
                                           credentials: K.credentials { $0.instagramUserID = "17841400000000001" })
        let post = try await connector.publish(OutboundPost(text: "Festival kuliner #WisataTirtamaya", imageURLs: ["https://medsos.kota.go.id/media/t/abc"]))
        #expect(post.id == "17800000000000009")
        #expect(K.path(transport.requests[0]) == "/v21.0/17841400000000001/media")
        #expect(K.form(transport.requests[0]) == ["image_url": "https://medsos.kota.go.id/media/t/abc", "caption": "Festival kuliner #WisataTirtamaya"])
        #expect(K.path(transport.requests[1]) == "/v21.0/17841400000000001/media_publish" && K.form(transport.requests[1]) == ["creation_id": "17900000000000001"])
        // Media Simpul cannot send yet is refused before any call.
        let page = page(ClientsFakeTransport())
        let refused = await K.error { try await page.publish(OutboundPost(text: "x", imageURLs: ["https://a.id/1"])) }
        #expect(refused == .rejected(status: 0, code: "unsupported", detail: "Page photo posts are not published by Simpul yet"))
    }

    @Test func xPostAndTimeline() async throws {
        let transport = ClientsFakeTransport([
            K.response(201, #"{"data":{"id":"1860000000000000001","text":"Info banjir: https://t.co/abc"}}"#),
            K.response(#"{"data":[{"id":"1860000000000000001","text":"Info banjir: https://t.co/abc","created_at":"2026-11-22T03:00:00.000Z","edit_history_tweet_ids":["1860000000000000001"]}],"meta":{"result_count":1}}"#),
            K.response(#"{"meta":{"result_count":0}}"#),
        ])
        let connector = x(transport)
        let post = try await connector.publish(OutboundPost(text: "Info banjir: https://tirtamayakota.go.id/banjir"))
        #expect(post.id == "1860000000000000001" && post.url == "https://x.com/i/web/status/1860000000000000001")
        let since = Date(timeIntervalSince1970: 1_795_316_340)
        let timeline = try await connector.recentPosts(since: since)
        // X shortened the link; the post is still recognised as ours.
        #expect(timeline.count == 1 && timeline[0].carries("Info banjir: https://tirtamayakota.go.id/banjir"))
        #expect(try await connector.recentPosts(since: since).isEmpty)
        let read = transport.requests[1]
        #expect(read.method == "GET" && K.path(read) == "/2/users/2244994945/tweets")
        #expect(K.query(read) == ["start_time": "2026-11-22T02:59:00Z", "max_results": "20", "tweet.fields": "created_at"])
    }

    @Test func sandboxAnswersPostsAndAnEmptyTimeline() async throws {
        let connector = MetaGraphConnector(surface: .facebookPage, transport: SandboxReplyTransport(), endpoints: K.endpoints,
                                           credentials: K.credentials { $0.pageID = "100000000000001" })
        let post = try await connector.publish(OutboundPost(text: "Halo"))
        #expect(post.id.hasPrefix("sandbox_"))
        #expect(try await connector.recentPosts(since: Date()).isEmpty)
    }
}
