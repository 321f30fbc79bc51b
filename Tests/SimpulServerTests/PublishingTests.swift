import Fluent
import Foundation
import NIOConcurrencyHelpers
import SimpulCore
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

/// A Facebook Page on the fake platform server that keeps the posts made to it, so a test can
/// count them: the proof that nothing is posted twice and nothing is lost.
final class FakePage: Sendable {
    struct Post: Sendable { let id: String; let message: String; let created: Date }

    let pageID: String
    let posts = NIOLockedValueBox<[Post]>([])
    /// Answers for the next POSTs to the feed, before any post is kept.
    let failures = NIOLockedValueBox<[FakePlatformServer.Answer]>([])

    init(server: FakePlatformServer, pageID: String, version: String, now: @escaping @Sendable () -> Date) {
        self.pageID = pageID
        server.respond("/\(version)/\(pageID)/feed") { [posts, failures] seen in
            if let failure = failures.withLockedValue({ $0.isEmpty ? nil : $0.removeFirst() }) { return failure }
            let message = Self.form(seen.body)["message"] ?? ""
            let id = posts.withLockedValue { posts in
                let id = "\(pageID)_\(posts.count + 1)"
                posts.append(Post(id: id, message: message, created: now()))
                return id
            }
            return .init(body: #"{"id":"\#(id)"}"#)
        }
        server.respond("/\(version)/\(pageID)/posts") { [posts] _ in
            let formatter = ISO8601DateFormatter()
            let data = posts.withLockedValue { $0 }.reversed().map { ["id": $0.id, "message": $0.message, "created_time": formatter.string(from: $0.created)] }
            let body = try! JSONSerialization.data(withJSONObject: ["data": data])
            return .init(body: String(decoding: body, as: UTF8.self))
        }
    }

    var count: Int { posts.withLockedValue { $0.count } }

    static func form(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }
}

@Suite("Publishing")
struct PublishingTests {
    struct Crash: Error {}

    struct Setup {
        let app: Application
        let world: World
        let clock: ManualClock
        let page: FakePage
        let account: AccountModel
    }

    static func setUp(_ app: Application, clock: ManualClock, server: FakePlatformServer) async throws -> Setup {
        let world = try await World.make(app)
        let pageID = "7\(Int.random(in: 100_000_000...999_999_999))"
        let account = try await ConnectorTests.connect(world, app: app, platform: .facebook, externalID: pageID, server: server)
        let page = FakePage(server: server, pageID: pageID, version: app.platformEndpoints.graphVersion, now: { clock.date })
        return Setup(app: app, world: world, clock: clock, page: page, account: account)
    }

    /// An approved item with one variant on the page, scheduled for now, its job queued.
    static func scheduled(_ s: Setup, body: String = "Pelayanan KTP Sabtu ini buka sampai pukul 12.00.") async throws -> (ContentItemModel, ContentVariantModel) {
        let item = try await ComplianceFixtures.draft(s.world, app: s.app, body: body)
        item.status = .scheduled
        item.createdBy = s.world.inScope[.operator]!.id
        item.approvals = [s.world.inScope[.approver]!.id!]
        item.scheduledAt = s.clock.date
        try await item.save(on: s.app.db)
        let variant = ContentVariantModel()
        variant.id = UUID()
        variant.tenantID = item.tenantID
        variant.itemID = item.id!
        variant.accountID = s.account.id!
        variant.link = "https://tirtamayakota.go.id/ktp"
        variant.hashtags = "LayananPublik"
        variant.status = .scheduled
        variant.createdAt = s.clock.date
        variant.updatedAt = s.clock.date
        try await variant.create(on: s.app.db)
        try await PublishVariantJob.enqueue(variant, at: s.clock.date, on: s.app.db, now: s.clock.date)
        return (item, variant)
    }

    /// One worker's go at the due job: it stops where `crashAt` says, as a killed process would,
    /// leaving its lease to expire; otherwise it records the outcome as the worker does.
    @discardableResult
    static func work(_ s: Setup, crashAt: PublishVariantJob.Step? = nil) async throws -> (any Error)? {
        s.app.publishFaults = { step in if step == crashAt { throw Crash() } }
        let queue = JobQueue(db: s.app.db)
        guard let job = try await queue.claim(kinds: [PublishVariantJob.kind], limit: 1, leaseFor: 60, now: s.clock.date,
                                              tenantID: s.world.tenantA.id!).first else { return nil }
        do {
            try await PublishVariantJob.run(job, app: s.app)
        } catch is Crash {
            // The process is gone: no outcome is recorded and the lease runs out.
            s.clock.advance(by: 61)
            return Crash()
        } catch {
            await JobWorker(app: s.app, handlers: []).record(.failure(error), for: job)
            return error
        }
        try await queue.complete(job, now: s.clock.date)
        return nil
    }

    static func reload(_ s: Setup, _ item: ContentItemModel, _ variant: ContentVariantModel) async throws -> (ContentItemModel, ContentVariantModel) {
        (try #require(try await ContentItemModel.find(item.id!, on: s.app.db)), try #require(try await ContentVariantModel.find(variant.id!, on: s.app.db)))
    }

    @Test("a scheduled variant is posted once with its link and hashtags; the item is published")
    func publishes() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let s = try await Self.setUp(app, clock: clock, server: server)
            let (item, variant) = try await Self.scheduled(s)
            #expect(try await Self.work(s) == nil)
            #expect(s.page.count == 1)
            let post = try #require(s.page.posts.withLockedValue { $0.first })
            #expect(post.message == "Pelayanan KTP Sabtu ini buka sampai pukul 12.00.\n\n#LayananPublik")
            let feed = try #require(server.requests.first { $0.path.hasSuffix("/feed") })
            #expect(FakePage.form(feed.body)["link"] == "https://tirtamayakota.go.id/ktp")
            let (publishedItem, publishedVariant) = try await Self.reload(s, item, variant)
            #expect(publishedItem.status == .published && publishedVariant.status == .published)
            #expect(publishedVariant.platformPostID == post.id && publishedVariant.url == "https://www.facebook.com/\(post.id)")
            #expect(try await JobQueue(db: app.db).claim(kinds: [PublishVariantJob.kind], limit: 1, leaseFor: 60, now: clock.date.addingTimeInterval(3_600),
                                                         tenantID: s.world.tenantA.id!).isEmpty)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == s.world.tenantA.id!).filter(\.$action == .contentPublish).count()
            #expect(audit == 1)
        }
    }

    @Test("a crash at any step: never two posts, never a lost one", arguments: [PublishVariantJob.Step.beforeCall, .afterCall, .afterCommit])
    func crashSafety(at step: PublishVariantJob.Step) async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let s = try await Self.setUp(app, clock: clock, server: server)
            let (item, variant) = try await Self.scheduled(s)
            #expect(try await Self.work(s, crashAt: step) is Crash)
            #expect(s.page.count == (step == .beforeCall ? 0 : 1))
            // The next worker takes the job over once the lease has expired.
            #expect(try await Self.work(s) == nil)
            #expect(s.page.count == 1)
            let (publishedItem, publishedVariant) = try await Self.reload(s, item, variant)
            #expect(publishedItem.status == .published && publishedVariant.platformPostID == s.page.posts.withLockedValue { $0[0].id })
            let attempts = try await PublishAttemptModel.query(on: app.db).filter(\.$variantID == variant.id!).sort(\.$number).all()
            switch step {
            case .beforeCall: #expect(attempts.map(\.outcome) == ["published"])
            case .afterCall: #expect(attempts.map(\.outcome) == ["found"])
            case .afterCommit: #expect(attempts.map(\.outcome) == ["published"])
            }
            // Only the recovering worker after a mid-call crash needed to read the timeline.
            let reads = server.requests.filter { $0.path.hasSuffix("/posts") }.count
            #expect(reads == (step == .afterCall ? 1 : 0))
        }
    }

    @Test("a timeout that did not post is retried after looking; a refusal fails the item and can be retried")
    func failures() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let s = try await Self.setUp(app, clock: clock, server: server)
            let (item, variant) = try await Self.scheduled(s)
            s.page.failures.withLockedValue { $0 = [.init(status: .serviceUnavailable, body: #"{"error":{"message":"Service temporarily unavailable","code":2,"is_transient":true}}"#)] }
            #expect(try await Self.work(s) is PlatformError)
            #expect(s.page.count == 0)
            clock.advance(by: 3_600)
            #expect(try await Self.work(s) == nil)
            #expect(s.page.count == 1)
            let outcomes = try await PublishAttemptModel.query(on: app.db).filter(\.$variantID == variant.id!).sort(\.$number).all().map(\.outcome)
            #expect(outcomes == ["notFound", "published"])

            // A refusal (bad parameter) is final: the variant fails with the reason, the item shows as failed.
            let (second, secondVariant) = try await Self.scheduled(s, body: "Pengumuman kedua")
            s.page.failures.withLockedValue { $0 = [.init(status: .badRequest, body: #"{"error":{"message":"Invalid parameter","type":"OAuthException","code":100}}"#)] }
            #expect(try await Self.work(s) is JobFailure)
            let (failedItem, failedVariant) = try await Self.reload(s, second, secondVariant)
            #expect(failedItem.status == .failed && failedVariant.status == .failed)
            #expect(failedVariant.lastError?.contains("ditolak platform") == true)
            #expect(try await JobQueue(db: app.db).counts(kind: PublishVariantJob.kind)[.dead] ?? 0 >= 1)
            _ = item
        }
    }

    @Test("a rate limit postpones the post and pauses the account; an expired token asks for reconnection")
    func platformLimits() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let s = try await Self.setUp(app, clock: clock, server: server)
            let (_, variant) = try await Self.scheduled(s)
            s.page.failures.withLockedValue { $0 = [.init(status: .badRequest, body: #"{"error":{"message":"(#32) Page request limit reached","type":"OAuthException","code":32}}"#)] }
            #expect(try await Self.work(s) is JobFailure)
            let paused = try await ConnectorTests.reload(s.account, app)
            #expect(paused.pausedUntil != nil && paused.pausedUntil! > clock.date)
            #expect(try await Self.work(s) == nil, "nothing is due while the account is paused")
            clock.advance(by: 16 * 60)
            #expect(try await Self.work(s) == nil)
            #expect(s.page.count == 1)
            #expect(try await ContentVariantModel.find(variant.id!, on: app.db)?.status == .published)

            let (_, second) = try await Self.scheduled(s, body: "Pengumuman kedua")
            s.page.failures.withLockedValue { $0 = [.init(status: .badRequest, body: #"{"error":{"message":"Error validating access token","type":"OAuthException","code":190}}"#)] }
            #expect(try await Self.work(s) is JobFailure)
            #expect(try await ConnectorTests.reload(s.account, app).status == .needsReconnect)
            #expect(try await ContentVariantModel.find(second.id!, on: app.db)?.status == .failed)
        }
    }
}
