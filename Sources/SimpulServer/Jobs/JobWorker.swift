import Foundation
import SimpulPlatforms
import Vapor

/// What a handler throws when an attempt did not succeed, to say what should happen next.
/// Any other error counts as transient: retried with backoff until attempts run out.
enum JobFailure: Error {
    /// Retrying cannot help (bad payload, the platform refused the content): dead at once.
    case permanent(String)
    /// The platform asked to wait (rate limit); the attempt does not count.
    case postpone(until: Date, reason: String)
}

/// The code that runs one kind of job. It returns true when it marked the job done itself,
/// in the same transaction that recorded its work (one commit fewer, and no window between
/// the work being recorded and the job being done); false leaves that to the worker.
struct JobHandler: Sendable {
    let kind: String
    let run: @Sendable (JobQueue.ClaimedJob, Application) async throws -> Bool
}

/// Runs leased jobs, up to `concurrency` at a time, renewing each lease while its handler
/// works. Idle, it looks for due jobs every `idle`; busy, it claims as slots free up.
final class JobWorker: Sendable {
    private struct LeaseLost: Error {}

    let app: Application
    let handlers: [String: JobHandler]
    let concurrency: Int
    let lease: TimeInterval
    let idle: Duration
    let backoff: RetryPolicy

    init(app: Application, handlers: [JobHandler], concurrency: Int = 8, lease: TimeInterval = 60, idle: Duration = .seconds(1),
         backoff: RetryPolicy = JobQueue.standardBackoff) {
        self.app = app
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.concurrency = max(1, concurrency)
        self.lease = lease
        self.idle = idle
        self.backoff = backoff
    }

    var queue: JobQueue { JobQueue(db: app.db, backoff: backoff) }

    func start() -> Task<Void, Never> {
        Task { await self.run() }
    }

    /// Until cancelled.
    func run() async {
        let kinds = Array(handlers.keys)
        // Waits for whichever comes first, a job finishing (true: a slot is free, claim again)
        // or the idle tick (false: look for newly due jobs).
        await withTaskGroup(of: Bool.self) { group in
            var running = 0
            var ticking = false
            while !Task.isCancelled {
                if running < concurrency {
                    let claimed: [JobQueue.ClaimedJob]
                    do {
                        claimed = try await queue.claim(kinds: kinds, limit: concurrency - running, leaseFor: lease, now: app.clock.now())
                    } catch {
                        app.logger.warning("job claim failed", metadata: ["error": "\(String(reflecting: error))"])
                        claimed = []
                    }
                    for job in claimed {
                        running += 1
                        group.addTask { await self.execute(job); return true }
                    }
                }
                if !ticking {
                    ticking = true
                    let idle = self.idle
                    group.addTask { try? await Task.sleep(for: idle); return false }
                }
                guard let freed = await group.next() else { continue }
                if freed { running -= 1 } else { ticking = false }
            }
            group.cancelAll()
        }
    }

    /// Claims and runs what is due now, waiting for all of it; returns how many jobs ran. For
    /// commands and tests that want one pass instead of a loop.
    /// `tenantID` keeps the pass to one tenant's jobs (tests share one database).
    @discardableResult
    func runDue(tenantID: UUID? = nil) async throws -> Int {
        var total = 0
        while true {
            let claimed = try await queue.claim(kinds: Array(handlers.keys), limit: concurrency, leaseFor: lease, now: app.clock.now(), tenantID: tenantID)
            if claimed.isEmpty { return total }
            await withTaskGroup(of: Void.self) { group in
                for job in claimed { group.addTask { await self.execute(job) } }
            }
            total += claimed.count
        }
    }

    func execute(_ job: JobQueue.ClaimedJob) async {
        let queue = self.queue
        guard let handler = handlers[job.kind] else {
            _ = try? await queue.fail(job, error: "no handler for \(job.kind)", permanent: true, now: app.clock.now())
            return
        }
        let app = self.app, lease = self.lease
        let outcome: Result<Bool, any Error> = await withTaskGroup(of: Result<Bool, any Error>?.self) { group in
            group.addTask {
                do { return .success(try await handler.run(job, app)) } catch { return .failure(error) }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(lease / 3))
                    if Task.isCancelled { return nil }
                    if let alive = try? await queue.heartbeat(job, leaseFor: lease, now: app.clock.now()), !alive { return .failure(LeaseLost()) }
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(CancellationError())
        }
        await record(outcome, for: job)
    }

    /// Writes what an attempt came to: done, again later, postponed or dead.
    func record(_ outcome: Result<Bool, any Error>, for job: JobQueue.ClaimedJob) async {
        let queue = self.queue
        let now = app.clock.now()
        let metadata: Logger.Metadata = ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempt)"]
        do {
            switch outcome {
            case .success(let completedByHandler):
                if !completedByHandler, try await !queue.complete(job, now: now) {
                    app.logger.warning("job finished after its lease was lost", metadata: metadata)
                }
            case .failure(let error as JobFailure):
                switch error {
                case .permanent(let reason):
                    try await queue.fail(job, error: reason, permanent: true, now: now)
                    app.logger.warning("job failed for good", metadata: metadata.merging(["reason": "\(reason)"]) { $1 })
                case .postpone(let until, let reason):
                    try await queue.postpone(job, until: until, reason: reason, now: now)
                }
            case .failure(is LeaseLost):
                app.logger.warning("job lease lost; another worker has it", metadata: metadata)
            case .failure(let error):
                let state = try await queue.fail(job, error: String(describing: error), now: now)
                app.logger.warning("job attempt failed", metadata: metadata.merging(["next": "\(state?.rawValue ?? "lease lost")"]) { $1 })
            }
        } catch {
            // The lease runs out and another worker retries the job.
            app.logger.error("job outcome not recorded", metadata: metadata.merging(["error": "\(String(reflecting: error))"]) { $1 })
        }
    }
}
