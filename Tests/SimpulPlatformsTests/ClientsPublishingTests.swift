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

    func instagram(_ transport: ClientsFakeTransport) -> MetaGraphConnector {
        MetaGraphConnector(surface: .instagram, transport: transport, endpoints: K.endpoints, credentials: K.credentials { $0.instagramUserID = "17841400000000001" })
    }

    func tiktok(_ transport: ClientsFakeTransport) -> TikTokConnector {
        TikTokConnector(transport: transport, endpoints: K.endpoints, credentials: K.credentials())
    }

    func done(_ step: PublishStep) throws -> PublishedPost {
        guard case .done(let post) = step else { throw Unfinished(step: step) }
        return post
    }

    struct Unfinished: Error { let step: PublishStep }

    @Test func pagePostGoesToFeedWithTheLinkBeside() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":"104857600_5550001"}"#)])
        let post = try done(try await page(transport).publish(OutboundPost(text: "Jadwal vaksinasi pekan ini", link: "https://tirtamayakota.go.id/vaksin")))
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
        let connector = instagram(transport)
        let error = await K.error { try await connector.publish(OutboundPost(text: "Halo")) }
        #expect(error == .rejected(status: 0, code: "media_required", detail: "Instagram posts need an image or a video"))
        #expect(transport.requests.isEmpty)
    }

    @Test func instagramImageIsAContainerPublishedOnceFinished() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":"17900000000000001"}"#),
                                              K.response(#"{"id":"17900000000000001","status_code":"IN_PROGRESS"}"#),
                                              K.response(#"{"id":"17900000000000001","status_code":"FINISHED"}"#),
                                              K.response(#"{"id":"17800000000000009"}"#)])
        let connector = instagram(transport)
        let post = OutboundPost(text: "Festival kuliner #WisataTirtamaya", media: [.image("https://medsos.kota.go.id/media/t/abc")])
        #expect(try await connector.publish(post) == .processing(handle: "17900000000000001"))
        #expect(K.path(transport.requests[0]) == "/v21.0/17841400000000001/media")
        #expect(K.form(transport.requests[0]) == ["image_url": "https://medsos.kota.go.id/media/t/abc", "caption": "Festival kuliner #WisataTirtamaya"])
        #expect(try await connector.resume("17900000000000001", post: post) == .processing(handle: "17900000000000001"))
        #expect(K.path(transport.requests[1]) == "/v21.0/17900000000000001" && K.query(transport.requests[1])["fields"] == "id,status_code")
        let published = try done(try await connector.resume("17900000000000001", post: post))
        #expect(published.id == "17800000000000009")
        #expect(K.path(transport.requests[3]) == "/v21.0/17841400000000001/media_publish" && K.form(transport.requests[3]) == ["creation_id": "17900000000000001"])
    }

    @Test func instagramReelAndCarousel() async throws {
        let reel = ClientsFakeTransport([K.response(#"{"id":"1790001"}"#)])
        _ = try await instagram(reel).publish(OutboundPost(text: "Cuplikan", media: [.video("https://m.id/v.mp4")]))
        #expect(K.form(reel.requests[0]) == ["media_type": "REELS", "video_url": "https://m.id/v.mp4", "caption": "Cuplikan"])

        let carousel = ClientsFakeTransport([K.response(#"{"id":"1791"}"#), K.response(#"{"id":"1792"}"#), K.response(#"{"id":"1793"}"#)])
        let step = try await instagram(carousel).publish(OutboundPost(text: "Galeri", media: [.image("https://m.id/a.jpg"), .video("https://m.id/b.mp4")]))
        #expect(step == .processing(handle: "1793"))
        #expect(K.form(carousel.requests[0]) == ["image_url": "https://m.id/a.jpg", "is_carousel_item": "true"])
        #expect(K.form(carousel.requests[1]) == ["media_type": "VIDEO", "video_url": "https://m.id/b.mp4", "is_carousel_item": "true"])
        #expect(K.form(carousel.requests[2]) == ["media_type": "CAROUSEL", "children": "1791,1792", "caption": "Galeri"])

        // A container Instagram could not prepare fails the post with its status.
        let broken = ClientsFakeTransport([K.response(#"{"id":"1793","status_code":"ERROR"}"#)])
        let error = await K.error { try await instagram(broken).resume("1793", post: OutboundPost(text: "Galeri")) }
        #expect(error == .rejected(status: 0, code: "error", detail: "Instagram could not prepare the media (ERROR)"))
    }

    @Test func pagePhotosAndVideos() async throws {
        let one = ClientsFakeTransport([K.response(#"{"id":"9001","post_id":"104857600_7001"}"#)])
        let photo = try done(try await page(one).publish(OutboundPost(text: "Foto kegiatan", media: [.image("https://m.id/a.jpg")])))
        #expect(photo.id == "104857600_7001" && K.path(one.requests[0]) == "/v21.0/104857600/photos")
        #expect(K.form(one.requests[0]) == ["url": "https://m.id/a.jpg", "caption": "Foto kegiatan"])

        let many = ClientsFakeTransport([K.response(#"{"id":"9001"}"#), K.response(#"{"id":"9002"}"#), K.response(#"{"id":"104857600_7002"}"#)])
        let album = try done(try await page(many).publish(OutboundPost(text: "Dua foto", media: [.image("https://m.id/a.jpg"), .image("https://m.id/b.jpg")])))
        #expect(album.id == "104857600_7002")
        #expect(K.form(many.requests[0]) == ["url": "https://m.id/a.jpg", "published": "false"])
        #expect(K.path(many.requests[2]) == "/v21.0/104857600/feed")
        #expect(K.form(many.requests[2]) == ["message": "Dua foto", "attached_media[0]": #"{"media_fbid":"9001"}"#, "attached_media[1]": #"{"media_fbid":"9002"}"#])

        let film = ClientsFakeTransport([K.response(#"{"id":"55501"}"#)])
        let video = try done(try await page(film).publish(OutboundPost(text: "Video banjir", media: [.video("https://m.id/v.mp4")])))
        #expect(video.id == "55501" && K.path(film.requests[0]) == "/v21.0/104857600/videos")
        #expect(K.form(film.requests[0]) == ["file_url": "https://m.id/v.mp4", "description": "Video banjir"])

        let mixed = ClientsFakeTransport()
        let refused = await K.error { try await page(mixed).publish(OutboundPost(text: "x", media: [.image("https://m.id/a.jpg"), .video("https://m.id/v.mp4")])) }
        #expect(refused == .rejected(status: 0, code: "unsupported", detail: "a Page post carries one video, or up to ten photos") && mixed.requests.isEmpty)
    }

    @Test func xImagesAreUploadedThenAttached() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("x-upload-\(UUID().uuidString).png")
        try Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let transport = ClientsFakeTransport([
            K.response(#"{"data":{"id":"1880000000000000001","media_key":"3_1880000000000000001","size":7,"expires_after_secs":86400}}"#),
            K.response(201, #"{"data":{"id":"1860000000000000002","text":"Foto banjir"}}"#),
        ])
        let image = OutboundMedia(url: "https://m.id/a.png", kind: .image, localFile: file, mimeType: "image/png")
        let post = try done(try await x(transport).publish(OutboundPost(text: "Foto banjir", media: [image])))
        #expect(post.id == "1860000000000000002")
        #expect(K.path(transport.requests[0]) == "/2/media/upload")
        let upload = try #require(transport.requests[0].body.flatMap { try? JSONValue.parse($0) })
        #expect(upload["media"]?.string == Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]).base64EncodedString())
        #expect(upload["media_category"]?.string == "tweet_image" && upload["media_type"]?.string == "image/png")
        let tweet = try #require(transport.requests[1].body.flatMap { try? JSONValue.parse($0) })
        #expect(tweet["media"]?["media_ids"]?.array?.compactMap(\.string) == ["1880000000000000001"] && tweet["text"]?.string == "Foto banjir")
        // A video with an image is not an X post: refused before any call.
        let mixed = ClientsFakeTransport()
        let refused = await K.error { try await x(mixed).publish(OutboundPost(text: "x", media: [.video("https://m.id/v.mp4"), image])) }
        #expect(refused == .rejected(status: 0, code: "unsupported", detail: "an X post carries one video alone, or up to four images") && mixed.requests.isEmpty)
        // A file that is not on this machine is refused, not posted without its image.
        let missing = ClientsFakeTransport()
        let gone = await K.error { try await x(missing).publish(OutboundPost(text: "x", media: [.image("https://m.id/a.png")])) }
        #expect(gone == .rejected(status: 0, code: "media_missing", detail: "the image file is not on this machine") && missing.requests.isEmpty)
    }

    @Test func tiktokVideoIsStartedThenFollowedToTheEnd() async throws {
        let transport = ClientsFakeTransport([
            K.response(#"{"data":{"creator_username":"dinas","privacy_level_options":["FOLLOWER_OF_CREATOR","PUBLIC_TO_EVERYONE","SELF_ONLY"],"comment_disabled":false,"duet_disabled":true,"stitch_disabled":false},"error":{"code":"ok","message":"","log_id":"L1"}}"#),
            K.response(#"{"data":{"publish_id":"v_pub_url~v2.123"},"error":{"code":"ok","message":"","log_id":"L2"}}"#),
            K.response(#"{"data":{"status":"PROCESSING_DOWNLOAD","uploaded_bytes":0},"error":{"code":"ok","message":"","log_id":"L3"}}"#),
            K.response(#"{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7300000000000000001]},"error":{"code":"ok","message":"","log_id":"L4"}}"#),
        ])
        let connector = tiktok(transport)
        let post = OutboundPost(text: "Tarian daerah #BudayaTirtamaya", media: [.video("https://medsos.kota.go.id/media/t/v")])
        #expect(try await connector.publish(post) == .processing(handle: "v_pub_url~v2.123"))
        #expect(K.path(transport.requests[0]) == "/v2/post/publish/creator_info/query/")
        let initBody = try #require(transport.requests[1].body.flatMap { try? JSONValue.parse($0) })
        #expect(initBody["post_info"]?["privacy_level"]?.string == "PUBLIC_TO_EVERYONE" && initBody["post_info"]?["disable_duet"]?.bool == true)
        #expect(initBody["source_info"]?["source"]?.string == "PULL_FROM_URL" && initBody["source_info"]?["video_url"]?.string == "https://medsos.kota.go.id/media/t/v")
        #expect(try await connector.resume("v_pub_url~v2.123", post: post) == .processing(handle: "v_pub_url~v2.123"))
        let published = try done(try await connector.resume("v_pub_url~v2.123", post: post))
        #expect(published.id == "7300000000000000001" && published.url == "https://www.tiktok.com/video/7300000000000000001")
        #expect(connector.settlingTime > 0)

        let failing = ClientsFakeTransport([K.response(#"{"data":{"status":"FAILED","fail_reason":"video_pull_failed"},"error":{"code":"ok","message":"","log_id":"L5"}}"#)])
        let error = await K.error { try await tiktok(failing).resume("v_pub_1", post: post) }
        #expect(error == .rejected(status: 0, code: "publish_failed", detail: "TikTok could not publish the video: video_pull_failed"))
        // An image is not a TikTok post: refused before any call.
        let image = ClientsFakeTransport()
        #expect(await K.error { try await tiktok(image).publish(OutboundPost(text: "x", media: [.image("https://m.id/a.jpg")])) } != nil && image.requests.isEmpty)
    }

    @Test func xVideoIsUploadedInPiecesAndPostedOnceProcessed() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("x-video-\(UUID().uuidString).mp4")
        let size = XConnector.videoChunkBytes + 10
        try Data(repeating: 3, count: size).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let transport = ClientsFakeTransport([
            K.response(#"{"data":{"id":"1880000000000000101","media_key":"7_1880000000000000101","expires_after_secs":86400}}"#),
            K.response(204, ""),
            K.response(204, ""),
            K.response(#"{"data":{"id":"1880000000000000101","processing_info":{"state":"pending","check_after_secs":1}}}"#),
            K.response(#"{"data":{"id":"1880000000000000101","processing_info":{"state":"pending","check_after_secs":1}}}"#),
            // Next run: still working; then done, nothing on the timeline yet, so the post is made.
            K.response(#"{"data":{"id":"1880000000000000101","processing_info":{"state":"in_progress","progress_percent":50}}}"#),
            K.response(#"{"data":{"id":"1880000000000000101","processing_info":{"state":"succeeded","progress_percent":100}}}"#),
            K.response(#"{"meta":{"result_count":0}}"#),
            K.response(201, #"{"data":{"id":"1860000000000000301","text":"Video banjir"}}"#),
        ])
        let connector = x(transport)
        let post = OutboundPost(text: "Video banjir", media: [OutboundMedia(url: "https://m.id/v.mp4", kind: .video, localFile: file, mimeType: "video/mp4")])
        let handle = XConnector.videoHandle + "1880000000000000101"
        #expect(try await connector.publish(post) == .processing(handle: handle))
        #expect(K.path(transport.requests[0]) == "/2/media/upload/initialize")
        let start = try #require(transport.requests[0].body.flatMap { try? JSONValue.parse($0) })
        #expect(start["total_bytes"]?.int == size && start["media_category"]?.string == "tweet_video" && start["media_type"]?.string == "video/mp4")
        #expect(K.path(transport.requests[1]) == "/2/media/upload/1880000000000000101/append")
        #expect(K.header(transport.requests[1], "Content-Type")?.hasPrefix("multipart/form-data; boundary=") == true)
        let second = String(decoding: transport.requests[2].body ?? Data(), as: UTF8.self)
        #expect(second.contains("name=\"segment_index\"\r\n\r\n1\r\n") && (transport.requests[2].body?.count ?? 0) < 1_000)
        #expect(K.path(transport.requests[3]) == "/2/media/upload/1880000000000000101/finalize")
        #expect(K.query(transport.requests[4]) == ["command": "STATUS", "media_id": "1880000000000000101"])
        #expect(try await connector.resume(handle, post: post) == .processing(handle: handle))
        let posted = try done(try await connector.resume(handle, post: post))
        #expect(posted.id == "1860000000000000301")
        let tweet = try #require(transport.requests.last?.body.flatMap { try? JSONValue.parse($0) })
        #expect(tweet["media"]?["media_ids"]?.array?.compactMap(\.string) == ["1880000000000000101"])

        // Ready, and the timeline already has the post (a lost answer): no second post.
        let again = ClientsFakeTransport([
            K.response(#"{"data":{"id":"1880000000000000101"}}"#),
            K.response(#"{"data":[{"id":"1860000000000000301","text":"Video banjir https://t.co/v","created_at":"2024-06-01T11:59:00.000Z"}]}"#),
        ])
        #expect(try done(try await x(again).resume(handle, post: post)).id == "1860000000000000301" && again.requests.count == 2)
        let failed = ClientsFakeTransport([K.response(#"{"data":{"id":"1","processing_info":{"state":"failed","error":{"code":1,"name":"InvalidMedia","message":"Unsupported video"}}}}"#)])
        let error = await K.error { try await x(failed).resume(handle, post: post) }
        #expect(error == .rejected(status: 0, code: "media_failed", detail: "X could not process the video: Unsupported video"))
    }

    @Test func youtubeVideoGoesUpInChunksThroughAResumableSession() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("yt-upload-\(UUID().uuidString).mp4")
        let size = YouTubeConnector.chunkBytes + 1000
        try Data(repeating: 7, count: size).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let session = "https://yt.example.test/upload/youtube/v3/videos?uploadType=resumable&upload_id=U1"
        let transport = ClientsFakeTransport([
            K.response(200, "", headers: [("Location", session)]),
            K.response(308, ""),
            K.response(308, "", headers: [("Range", "bytes=0-\(YouTubeConnector.chunkBytes - 1)")]),
            K.response(201, #"{"kind":"youtube#video","id":"dQw4w9WgXcQ","status":{"uploadStatus":"uploaded"}}"#),
            // A later run, after a worker stopped: YouTube says what it holds, the rest follows.
            K.response(308, "", headers: [("Range", "bytes=0-\(YouTubeConnector.chunkBytes - 1)")]),
            K.response(200, #"{"id":"dQw4w9WgXcQ"}"#),
        ])
        let connector = YouTubeConnector(transport: transport, endpoints: K.endpoints, credentials: K.credentials { $0.channelID = "UC1" })
        let video = OutboundMedia(url: "https://m.id/v.mp4", kind: .video, localFile: file, mimeType: "video/mp4")
        let post = OutboundPost(text: "Liputan festival", media: [video], title: "Festival Budaya 2026")
        #expect(try await connector.publish(post) == .processing(handle: session))
        let start = transport.requests[0]
        #expect(start.method == "POST" && K.path(start) == "/upload/youtube/v3/videos" && K.query(start) == ["uploadType": "resumable", "part": "snippet,status"])
        #expect(K.header(start, "X-Upload-Content-Length") == String(size) && K.header(start, "X-Upload-Content-Type") == "video/mp4")
        let metadata = try #require(start.body.flatMap { try? JSONValue.parse($0) })
        #expect(metadata["snippet"]?["title"]?.string == "Festival Budaya 2026" && metadata["status"]?["privacyStatus"]?.string == "public")

        let uploaded = try done(try await connector.resume(session, post: post))
        #expect(uploaded.id == "dQw4w9WgXcQ" && uploaded.url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        #expect(K.header(transport.requests[1], "Content-Range") == "bytes */\(size)")
        #expect(K.header(transport.requests[2], "Content-Range") == "bytes 0-\(YouTubeConnector.chunkBytes - 1)/\(size)")
        #expect(K.header(transport.requests[3], "Content-Range") == "bytes \(YouTubeConnector.chunkBytes)-\(size - 1)/\(size)")
        #expect(transport.requests[3].body?.count == 1000)

        _ = try done(try await connector.resume(session, post: post))
        #expect(K.header(transport.requests[5], "Content-Range") == "bytes \(YouTubeConnector.chunkBytes)-\(size - 1)/\(size)")

        // The token never goes to a host other than the configured upload host.
        let elsewhere = ClientsFakeTransport([K.response(200, "", headers: [("Location", "https://evil.example/upload?upload_id=U2")])])
        let refused = await K.error { try await YouTubeConnector(transport: elsewhere, endpoints: K.endpoints, credentials: K.credentials()).publish(post) }
        #expect(refused == .invalidResponse(detail: "resumable upload answer has no usable Location"))
        let expired = ClientsFakeTransport([K.response(404, #"{"error":{"code":404,"message":"Not Found","errors":[{"reason":"notFound"}]}}"#)])
        let gone = await K.error { try await YouTubeConnector(transport: expired, endpoints: K.endpoints, credentials: K.credentials()).resume(session, post: post) }
        #expect(gone == .rejected(status: 404, code: "upload_session_expired", detail: "the YouTube upload session has expired"))
    }

    @Test func tiktokTimelineIsTheVideoList() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"data":{"videos":[{"id":"7300000000000000002","title":"Tarian daerah","create_time":1717243300,"share_url":"https://www.tiktok.com/@dinas/video/7300000000000000002"},{"id":"7300000000000000001","title":"Lama","create_time":1717000000}],"cursor":0,"has_more":false},"error":{"code":"ok","message":"","log_id":"L"}}"#)])
        let posts = try await tiktok(transport).recentPosts(since: K.now)
        #expect(posts.map(\.id) == ["7300000000000000002"] && posts[0].carries("Tarian daerah"))
        #expect(K.path(transport.requests[0]) == "/v2/video/list/" && K.query(transport.requests[0])["fields"] == "id,title,create_time,share_url")
    }

    @Test func xPostAndTimeline() async throws {
        let transport = ClientsFakeTransport([
            K.response(201, #"{"data":{"id":"1860000000000000001","text":"Info banjir: https://t.co/abc"}}"#),
            K.response(#"{"data":[{"id":"1860000000000000001","text":"Info banjir: https://t.co/abc","created_at":"2026-11-22T03:00:00.000Z","edit_history_tweet_ids":["1860000000000000001"]}],"meta":{"result_count":1}}"#),
            K.response(#"{"meta":{"result_count":0}}"#),
        ])
        let connector = x(transport)
        let post = try done(try await connector.publish(OutboundPost(text: "Info banjir: https://tirtamayakota.go.id/banjir")))
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
        let post = try done(try await connector.publish(OutboundPost(text: "Halo")))
        // Shaped like a Page post id, so that links to it read like real ones.
        #expect(post.id.hasPrefix("100000000000001_") && post.id.count == "100000000000001_".count + 15)
        #expect(try await connector.recentPosts(since: Date()).isEmpty)
    }
}

@Suite struct SandboxPublishingTests {
    /// Every kind of post the demo may schedule reaches the end through the Sandbox, so a demo
    /// user never sees a publish fail for want of a fake answer.
    @Test func everyPlatformFinishesAgainstTheSandbox() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).mp4")
        try Data(repeating: 1, count: 1000).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let video = OutboundMedia(url: "https://m.id/v.mp4", kind: .video, localFile: file, mimeType: "video/mp4")
        let image = OutboundMedia(url: "https://m.id/a.jpg", kind: .image, localFile: file, mimeType: "image/jpeg")
        let cases: [(Platform, OutboundPost)] = [
            (.facebook, OutboundPost(text: "teks")), (.facebook, OutboundPost(text: "foto", media: [image, image])),
            (.facebook, OutboundPost(text: "video", media: [video])), (.instagram, OutboundPost(text: "reel", media: [video])),
            (.instagram, OutboundPost(text: "carousel", media: [image, video])), (.x, OutboundPost(text: "gambar", media: [image])),
            (.x, OutboundPost(text: "video", media: [video])), (.tiktok, OutboundPost(text: "video", media: [video])),
            (.youtube, OutboundPost(text: "video", media: [video], title: "Judul")),
        ]
        for (platform, post) in cases {
            var credentials = ClientsKit.credentials()
            (credentials.pageID, credentials.instagramUserID, credentials.xUserID, credentials.channelID) = ("100000000000001", "17841400000000001", "1500000000000000001", "UCsandbox")
            let connector = try #require(Connectors.make(platform: platform, transport: SandboxReplyTransport(), endpoints: ClientsKit.endpoints,
                                                         credentials: credentials) as? any PublishingConnector)
            var step = try await connector.publish(post)
            for _ in 0..<3 {
                guard case .processing(let handle) = step else { break }
                step = try await connector.resume(handle, post: post)
            }
            guard case .done(let made) = step else {
                Issue.record("\(platform) \(post.text) did not finish: \(step)")
                continue
            }
            #expect(!made.id.isEmpty)
        }
    }
}
