import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Publishes one variant at its time. Never twice: an attempt row is committed before each
/// platform call, and an attempt whose outcome nobody recorded (the worker died, the call timed
/// out) makes the next try look at the account's recent posts before it posts again.
enum PublishVariantJob {
    static let kind = "publish.variant"
    static let maxAttempts = 5
    /// How far before an unfinished attempt's start the timeline is read (platform clocks differ).
    static let lookBack: TimeInterval = 120
    /// How often a post the platform is still preparing is looked at again.
    static let processingPoll: TimeInterval = 15
    /// A post still being prepared after this long is given up on.
    static let processingLimit: TimeInterval = 2 * 3_600

    struct Payload: Codable {
        let variant_id: UUID
        /// The item's schedule this job was made for; a reschedule makes a new job and this one stands down.
        let scheduled_at: Int
    }

    /// Where a fault-injection test stops the worker, as a crash there would.
    enum Step: Sendable { case beforeCall, afterCall, afterCommit }

    static var handler: JobHandler { JobHandler(kind: kind) { job, app in try await run(job, app: app) } }

    /// The job's lease was taken over while this worker was publishing: its record is rolled
    /// back, and the new holder finds the post on the platform.
    struct LeaseLost: Error {}

    static func enqueue(_ variant: ContentVariantModel, at: Date, on db: Database, now: Date) async throws {
        let seconds = Int(at.timeIntervalSince1970.rounded(.down))
        let payload = String(decoding: try JSONEncoder().encode(Payload(variant_id: variant.id!, scheduled_at: seconds)), as: UTF8.self)
        try await JobQueue(db: db).enqueue(JobQueue.NewJob(tenantID: variant.tenantID, kind: kind, payload: payload, runAt: at,
                                                           dedupeKey: "\(variant.id!.uuidString):\(seconds)", maxAttempts: maxAttempts), now: now)
    }

    /// True when the job was marked done with the publication, in one commit.
    @discardableResult
    static func run(_ job: JobQueue.ClaimedJob, app: Application) async throws -> Bool {
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8)) else {
            throw JobFailure.permanent("unreadable payload")
        }
        let db = app.db
        guard let variant = try await ContentVariantModel.query(on: db).filter(\.$tenantID == job.tenantID).filter(\.$id == payload.variant_id).first(),
              let item = try await ContentItemModel.query(on: db).filter(\.$tenantID == job.tenantID).filter(\.$id == variant.itemID).first(),
              let tenant = try await Tenant.find(job.tenantID, on: db) else { return false }
        // Unscheduled or moved since this job was queued: nothing to do here.
        guard [.scheduled, .publishing].contains(item.status), item.scheduledAt.map({ Int($0.timeIntervalSince1970.rounded(.down)) }) == payload.scheduled_at,
              variant.status != .published else { return false }
        let l = L10n(language: .id, zone: tenant.zone)
        let recorder = PublishRecorder(app: app, tenant: tenant, item: item, variant: variant)

        guard let account = try await AccountModel.query(on: db).filter(\.$tenantID == job.tenantID).filter(\.$id == variant.accountID).first(),
              account.active else {
            try await recorder.failed(l.t("Akun tujuan tidak aktif lagi.", "The target account is no longer active."))
            throw JobFailure.permanent("account inactive")
        }
        if let paused = account.pausedUntil, paused > app.clock.now() { throw JobFailure.postpone(until: paused, reason: "account paused") }

        let media = try await VariantQueries.media(of: [variant], tenantID: job.tenantID, on: db)
        let draft = variant.draft(body: item.body, media: media)
        let post = OutboundPost(text: draft.caption(for: account.platform), link: account.platform == .facebook ? draft.link : nil,
                                media: variant.mediaIDs.compactMap { media[$0] }.map { file in
                                    OutboundMedia(url: MediaLibrary.publicURL(file, app: app), kind: file.facts?.kind == .video ? .video : .image,
                                                  localFile: MediaLibrary.file(file, app: app), mimeType: file.facts?.format.mimeType)
                                }, title: draft.title)
        do {
            guard let connector = try AccountConnector.make(for: account, app: app) as? any PublishingConnector else {
                try await recorder.failed(l.t("Simpul belum dapat menerbitkan ke \(account.platform.displayName).",
                                              "Simpul cannot publish to \(account.platform.displayName) yet."))
                throw JobFailure.permanent("platform cannot publish")
            }

            let attempts = try await PublishAttemptModel.query(on: db).filter(\.$tenantID == job.tenantID).filter(\.$variantID == variant.id!)
                .sort(\.$number).all()
            if let open = attempts.last(where: { $0.outcome == nil }) {
                if let handle = open.processingHandle {
                    // The platform was preparing this post: carry on with it, never start again.
                    guard app.clock.now().timeIntervalSince(open.startedAt) < processingLimit else {
                        let message = l.t("\(account.platform.displayName) belum selesai menyiapkan unggahan setelah 2 jam.",
                                          "\(account.platform.displayName) had not finished preparing the post after 2 hours.")
                        open.outcome = PublishAttemptModel.Outcome.failed.rawValue
                        open.finishedAt = app.clock.now()
                        open.error = message
                        try await open.save(on: db)
                        try await recorder.failed(message)
                        throw JobFailure.permanent("processing timed out")
                    }
                    let step: PublishStep
                    do {
                        step = try await connector.resume(handle, post: post)
                    } catch {
                        try await recordFailure(error, attempt: open, l: l, app: app)
                        throw error
                    }
                    guard try await recorder.start(attempt: nil) else { return false }
                    return try await advance(step, attempt: open, account: account, recorder: recorder, job: job, app: app)
                }
                // A post the platform finishes later may not be listed yet: look again before
                // concluding that the lost call never reached it.
                if app.clock.now().timeIntervalSince(open.startedAt) < connector.settlingTime {
                    throw JobFailure.postpone(until: open.startedAt.addingTimeInterval(connector.settlingTime), reason: "waiting for a lost call to settle")
                }
                let since = open.startedAt.addingTimeInterval(-lookBack)
                if let found = try await connector.recentPosts(since: since).first(where: { $0.carries(post.text) }) {
                    guard try await recorder.start(attempt: nil) else { return false }
                    try await recorder.published(found, attempt: open, outcome: .found, job: job)
                    return true
                }
                open.outcome = PublishAttemptModel.Outcome.notFound.rawValue
                open.finishedAt = app.clock.now()
                try await open.save(on: db)
            }

            try app.publishFaults(.beforeCall)
            let attempt = PublishAttemptModel()
            attempt.id = UUID()
            attempt.tenantID = job.tenantID
            attempt.variantID = variant.id!
            attempt.number = (attempts.last?.number ?? 0) + 1
            attempt.startedAt = app.clock.now()
            guard try await recorder.start(attempt: attempt) else { return false }

            let step: PublishStep
            do {
                step = try await connector.publish(post)
            } catch {
                try await recordFailure(error, attempt: attempt, l: l, app: app)
                throw error
            }
            try app.publishFaults(.afterCall)
            return try await advance(step, attempt: attempt, account: account, recorder: recorder, job: job, app: app)
        } catch let error as PlatformError {
            // From the timeline read or the connector's set-up (no credentials).
            throw try await consequence(of: error, account: account, recorder: recorder, job: job, l: l, app: app)
        }
    }

    /// A finished post is recorded with the job's completion; one the platform is still
    /// preparing keeps its handle on the attempt, and the job comes back for it shortly.
    static func advance(_ step: PublishStep, attempt: PublishAttemptModel, account: AccountModel, recorder: PublishRecorder,
                        job: JobQueue.ClaimedJob, app: Application) async throws -> Bool {
        switch step {
        case .done(var published):
            // A Sandbox post lives nowhere a link could open.
            if account.sandbox { published.url = nil }
            try await recorder.published(published, attempt: attempt, outcome: .published, job: job)
            try app.publishFaults(.afterCommit)
            return true
        case .processing(let handle):
            if attempt.processingHandle != handle {
                attempt.processingHandle = handle
                try await attempt.save(on: app.db)
            }
            throw JobFailure.postpone(until: app.clock.now().addingTimeInterval(processingPoll), reason: "platform preparing the post")
        }
    }

    /// What a failed call means for the attempt: a clear refusal or rate limit means nothing
    /// was posted; a timeout or unreadable answer may have posted, so the attempt stays open and
    /// the next try looks first.
    static func recordFailure(_ error: PlatformError, attempt: PublishAttemptModel, l: L10n, app: Application) async throws {
        attempt.error = PlatformErrorEffects.describe(error, l)
        switch error {
        case .transient, .invalidResponse:
            break
        case .rateLimited, .authInvalid, .rejected:
            attempt.outcome = PublishAttemptModel.Outcome.failed.rawValue
            attempt.finishedAt = app.clock.now()
        }
        try await attempt.save(on: app.db)
    }

    /// Turns a platform error into what the queue should do, marking the account and, when the
    /// job will not be tried again, the variant.
    static func consequence(of error: PlatformError, account: AccountModel, recorder: PublishRecorder, job: JobQueue.ClaimedJob,
                            l: L10n, app: Application) async throws -> any Error {
        let now = app.clock.now()
        PlatformErrorEffects.apply(error, to: account, now: now)
        account.updatedAt = now
        try await account.save(on: app.db)
        let message = PlatformErrorEffects.describe(error, l)
        switch error {
        case .rateLimited:
            return JobFailure.postpone(until: account.pausedUntil ?? now.addingTimeInterval(15 * 60), reason: "rate limited")
        case .authInvalid, .rejected:
            try await recorder.failed(message)
            return JobFailure.permanent(PollingWorker.kind(error))
        case .transient, .invalidResponse:
            if job.attempt >= job.maxAttempts { try await recorder.failed(message) }
            return error
        }
    }
}

extension Application {
    private struct PublishFaultsKey: StorageKey { typealias Value = @Sendable (PublishVariantJob.Step) throws -> Void }

    /// A test seam: called at each step of publishing; a test throws to stop the worker there.
    var publishFaults: @Sendable (PublishVariantJob.Step) throws -> Void {
        get { storage[PublishFaultsKey.self] ?? { _ in } }
        set { storage[PublishFaultsKey.self] = newValue }
    }
}
