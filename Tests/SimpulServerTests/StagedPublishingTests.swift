import Fluent
import Foundation
import NIOConcurrencyHelpers
import SimpulCore
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

/// TikTok's Content Posting API on the fake platform server: a started publish finishes a minute
/// later (on the test's clock) and only then shows in the creator's video list, as TikTok's does.
final class FakeTikTok: Sendable {
    struct Video: Sendable { let publishID: String; let postID: String; let title: String; let started: Date }

    let videos = NIOLockedValueBox<[Video]>([])
    static let processing: TimeInterval = 60

    init(server: FakePlatformServer, now: @escaping @Sendable () -> Date) {
        let ok = #""error":{"code":"ok","message":"","log_id":"LOG"}"#
        server.respond("/v2/post/publish/creator_info/query/") { _ in
            .init(body: #"{"data":{"creator_username":"dinas_uji","privacy_level_options":["PUBLIC_TO_EVERYONE","SELF_ONLY"],"comment_disabled":false,"duet_disabled":false,"stitch_disabled":false},\#(ok)}"#)
        }
        server.respond("/v2/post/publish/video/init/") { [videos] seen in
            let body = (try? JSONSerialization.jsonObject(with: Data(seen.body.utf8))) as? [String: Any]
            let title = (body?["post_info"] as? [String: Any])?["title"] as? String ?? ""
            let id = videos.withLockedValue { videos in
                let n = videos.count + 1
                videos.append(Video(publishID: "v_pub_url~v2.\(n)", postID: "73000000000000000\(n)", title: title, started: now()))
                return "v_pub_url~v2.\(n)"
            }
            return .init(body: #"{"data":{"publish_id":"\#(id)"},\#(ok)}"#)
        }
        server.respond("/v2/post/publish/status/fetch/") { [videos] seen in
            let body = (try? JSONSerialization.jsonObject(with: Data(seen.body.utf8))) as? [String: Any]
            guard let video = videos.withLockedValue({ $0 }).first(where: { $0.publishID == body?["publish_id"] as? String }) else {
                return .init(status: .badRequest, body: #"{"error":{"code":"invalid_params","message":"unknown publish_id","log_id":"LOG"}}"#)
            }
            let done = now().timeIntervalSince(video.started) >= Self.processing
            return .init(body: done ? #"{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[\#(video.postID)]},\#(ok)}"#
                                    : #"{"data":{"status":"PROCESSING_DOWNLOAD","uploaded_bytes":0},\#(ok)}"#)
        }
        server.respond("/v2/video/list/") { [videos] _ in
            let listed = videos.withLockedValue { $0 }.filter { now().timeIntervalSince($0.started) >= Self.processing }.reversed()
            let items = listed.map { #"{"id":"\#($0.postID)","title":"\#($0.title)","create_time":\#(Int($0.started.timeIntervalSince1970))}"# }
            return .init(body: #"{"data":{"videos":[\#(items.joined(separator: ","))],"cursor":0,"has_more":false},\#(ok)}"#)
        }
    }

    var inits: Int { videos.withLockedValue { $0.count } }
}

@Suite("Publishing through a platform that prepares the post first")
struct StagedPublishingTests {
    /// A world with one account of `platform` connected to the fake server; TikTok unless told.
    static func setUp(_ app: Application, clock: ManualClock, server: FakePlatformServer,
                      platform: Platform = .tiktok, externalID: String = "tiktok-open-id") async throws -> PublishingTests.Setup {
        let world = try await World.make(app)
        let account = try await ConnectorTests.connect(world, app: app, platform: platform, externalID: externalID, server: server)
        return PublishingTests.Setup(app: app, world: world, clock: clock, page: FakePage(server: server, pageID: "0", version: "v0", now: { clock.date }),
                                     account: account)
    }

    /// A scheduled item with one video variant on the TikTok account.
    static func scheduledVideo(_ s: PublishingTests.Setup) async throws -> ContentVariantModel {
        let (_, variant) = try await PublishingTests.scheduled(s, body: "Tari Piring di Festival Budaya #BudayaTirtamaya")
        let video = try await PublishingFixtures.media(s.world, app: s.app, format: .mp4, writeFile: false)
        variant.mediaIDs = [video.id!]
        variant.link = nil
        variant.hashtags = ""
        try await variant.save(on: s.app.db)
        return variant
    }

    @Test("a TikTok video is started once, followed while TikTok processes it, and recorded with its post id")
    func tiktokPublishes() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let s = try await Self.setUp(app, clock: clock, server: server)
            let tiktok = FakeTikTok(server: server, now: { clock.date })
            let variant = try await Self.scheduledVideo(s)
            // Started: TikTok is downloading the video; the job comes back for it.
            #expect(try await PublishingTests.work(s) is JobFailure)
            var attempt = try #require(try await PublishAttemptModel.query(on: app.db).filter(\.$variantID == variant.id!).first())
            #expect(attempt.processingHandle == "v_pub_url~v2.1" && attempt.outcome == nil)
            let start = try #require(server.requests.first { $0.path == "/v2/post/publish/video/init/" })
            #expect(start.body.contains(#""video_url":""#) && start.body.contains("PULL_FROM_URL") && start.body.contains("PUBLIC_TO_EVERYONE"))
            clock.advance(by: PublishVariantJob.processingPoll + 1)
            #expect(try await PublishingTests.work(s) is JobFailure)
            clock.advance(by: FakeTikTok.processing)
            #expect(try await PublishingTests.work(s) == nil)
            let published = try #require(try await ContentVariantModel.find(variant.id, on: app.db))
            #expect(published.status == .published && published.platformPostID == "730000000000000001")
            #expect(published.url == "https://www.tiktok.com/video/730000000000000001")
            attempt = try #require(try await PublishAttemptModel.find(attempt.id, on: app.db))
            #expect(attempt.outcome == "published" && tiktok.inits == 1)
        }
    }

    @Test("a worker lost right after starting a TikTok post: the next one waits for TikTok to settle and finds it, never starting a second")
    func tiktokCrashAfterStart() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let s = try await Self.setUp(app, clock: clock, server: server)
            let tiktok = FakeTikTok(server: server, now: { clock.date })
            let variant = try await Self.scheduledVideo(s)
            #expect(try await PublishingTests.work(s, crashAt: .afterCall) is PublishingTests.Crash)
            let open = try #require(try await PublishAttemptModel.query(on: app.db).filter(\.$variantID == variant.id!).first())
            #expect(open.processingHandle == nil && open.outcome == nil)
            // Not listed yet, and too soon to conclude anything: the job waits.
            #expect(try await PublishingTests.work(s) is JobFailure)
            #expect(tiktok.inits == 1)
            clock.advance(by: 15 * 60)
            #expect(try await PublishingTests.work(s) == nil)
            let published = try #require(try await ContentVariantModel.find(variant.id, on: app.db))
            #expect(published.status == .published && published.platformPostID == "730000000000000001" && tiktok.inits == 1)
        }
    }

    @Test("an X post with a library image: the worker sends X the file's bytes, then posts with the media id")
    func xImage() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let s = try await Self.setUp(app, clock: clock, server: server, platform: .x, externalID: "9002")
            let (_, variant) = try await PublishingTests.scheduled(s, body: "Banjir surut di Jalan Merdeka")
            let image = try await PublishingFixtures.media(s.world, app: app, format: .png)
            variant.mediaIDs = [image.id!]
            try await variant.save(on: app.db)
            server.script("/2/media/upload", .init(body: #"{"data":{"id":"1880000000000000009","media_key":"3_1880000000000000009"}}"#))
            server.script("/2/tweets", .init(status: .created, body: #"{"data":{"id":"1860000000000000009","text":"Banjir surut"}}"#))
            #expect(try await PublishingTests.work(s) == nil)
            let upload = try #require(server.requests.first { $0.path == "/2/media/upload" })
            #expect(upload.body.contains(PublishingFixtures.pixel.base64EncodedString()) && upload.body.contains("image/png"))
            let tweet = try #require(server.requests.first { $0.path == "/2/tweets" })
            #expect(tweet.body.contains("1880000000000000009"))
            let published = try #require(try await ContentVariantModel.find(variant.id, on: app.db))
            #expect(published.status == .published && published.platformPostID == "1860000000000000009")
        }
    }

    @Test("a YouTube video: a resumable session is opened and kept, then the file is sent and the video id recorded")
    func youtubeUpload() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let s = try await Self.setUp(app, clock: clock, server: server, platform: .youtube, externalID: "UCuji")
            let (_, variant) = try await PublishingTests.scheduled(s, body: "Liputan Festival Budaya")
            let video = try await PublishingFixtures.media(s.world, app: app, format: .mp4)
            variant.mediaIDs = [video.id!]
            variant.title = "Festival Budaya 2026"
            variant.link = nil
            try await variant.save(on: app.db)
            let size = PublishingFixtures.pixel.count
            let session = server.baseURL.absoluteString + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=U1"
            server.respond("/upload/youtube/v3/videos") { seen in
                switch (seen.method, seen.contentRange) {
                case ("POST", _): .init(headers: [("Location", session)], body: "")
                case (_, "bytes */\(size)"): .init(status: .permanentRedirect, body: "")
                default: .init(status: .created, body: #"{"kind":"youtube#video","id":"VidUji12345"}"#)
                }
            }
            #expect(try await PublishingTests.work(s) is JobFailure)
            let attempt = try #require(try await PublishAttemptModel.query(on: app.db).filter(\.$variantID == variant.id!).first())
            #expect(attempt.processingHandle == session)
            let start = try #require(server.requests.first { $0.method == "POST" })
            #expect(start.body.contains("Festival Budaya 2026") && start.query?.contains("uploadType=resumable") == true)
            clock.advance(by: PublishVariantJob.processingPoll + 1)
            #expect(try await PublishingTests.work(s) == nil)
            let chunk = try #require(server.requests.last { $0.method == "PUT" })
            #expect(chunk.contentRange == "bytes 0-\(size - 1)/\(size)")
            let published = try #require(try await ContentVariantModel.find(variant.id, on: app.db))
            #expect(published.status == .published && published.platformPostID == "VidUji12345" && published.url == "https://www.youtube.com/watch?v=VidUji12345")
        }
    }

    @Test("what each platform's publisher takes: X images and videos but not GIFs; the rest as their own rules say")
    func publishableMedia() {
        let image = MediaFacts(format: .jpeg, bytes: 1000, width: 1080, height: 1080)
        let video = MediaFacts(format: .mp4, bytes: 1000, width: 1080, height: 1920, durationSeconds: 30)
        let gif = MediaFacts(format: .gif, bytes: 1000, width: 100, height: 100)
        #expect(ContentTransitions.publishable([image, image], on: .x) && ContentTransitions.publishable([video], on: .x)
                && !ContentTransitions.publishable([gif], on: .x))
        #expect([Platform.facebook, .instagram, .tiktok, .youtube].allSatisfy { ContentTransitions.publishable([video], on: $0) })
        #expect(!ContentTransitions.publishable([image], on: .whatsapp) && ContentTransitions.publishable([], on: .whatsapp))
        #expect(PostProblem.mediaNotPublishable.message(english: false, platform: .x).contains("GIF bergerak ke X"))
    }
}
