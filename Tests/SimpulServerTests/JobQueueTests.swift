import Fluent
import Foundation
import NIOConcurrencyHelpers
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

/// The jobs table on the database the environment names. Each test uses job kinds of its own:
/// tests share one PostgreSQL database, and claims are not per tenant.
@Suite("Job queue")
struct JobQueueTests {
    static func kind(_ name: String) -> String { "test.\(name).\(UUID().uuidString.prefix(8))" }

    static func job(_ world: World, _ kind: String, at: Date, key: String? = nil, maxAttempts: Int = 3) -> JobQueue.NewJob {
        JobQueue.NewJob(tenantID: world.tenantA.id!, kind: kind, payload: #"{"n":1}"#, runAt: at, dedupeKey: key, maxAttempts: maxAttempts)
    }

    @Test("a job runs when due, once per dedupe key, and is done")
    func dueAndDedupe() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let queue = JobQueue(db: app.db)
            let kind = Self.kind("due")
            let now = clock.date
            #expect(try await queue.enqueue(Self.job(world, kind, at: now.addingTimeInterval(60), key: "variant-1"), now: now))
            #expect(try await !queue.enqueue(Self.job(world, kind, at: now, key: "variant-1"), now: now))
            // The same key in another tenant is another job.
            var other = Self.job(world, kind, at: now.addingTimeInterval(60), key: "variant-1")
            other.tenantID = world.tenantB.id!
            #expect(try await queue.enqueue(other, now: now))
            #expect(try await queue.claim(kinds: [kind], limit: 10, leaseFor: 30, now: now).isEmpty)
            clock.advance(by: 60)
            let claimed = try await queue.claim(kinds: [kind], limit: 10, leaseFor: 30, now: clock.date)
            #expect(claimed.count == 2 && claimed.allSatisfy { $0.attempt == 1 })
            // Leased jobs are not handed out again while the lease holds.
            #expect(try await queue.claim(kinds: [kind], limit: 10, leaseFor: 30, now: clock.date.addingTimeInterval(10)).isEmpty)
            for job in claimed { #expect(try await queue.complete(job, now: clock.date)) }
            #expect(try await queue.counts(kind: kind) == [.done: 2])
        }
    }

    @Test("failures back off with jitter, then the job is dead; a person can revive it")
    func backoffAndDeadLetter() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let queue = JobQueue(db: app.db)
            let kind = Self.kind("fail")
            try await queue.enqueue(Self.job(world, kind, at: clock.date, maxAttempts: 3), now: clock.date)
            var delays: [TimeInterval] = []
            for attempt in 1...3 {
                // Far enough ahead for any backoff the policy can choose.
                let claimed = try await queue.claim(kinds: [kind], limit: 1, leaseFor: 30, now: clock.date.addingTimeInterval(7_200))
                let job = try #require(claimed.first)
                #expect(job.attempt == attempt)
                let state = try await queue.fail(job, error: "HTTP 503", now: clock.date)
                #expect(state == (attempt < 3 ? .queued : .dead))
                if attempt < 3 {
                    let row = try await (try app.db.sql).raw("SELECT run_at FROM jobs WHERE id = \(bind: job.id)").first()
                    delays.append(try row!.decode(column: "run_at", as: Date.self).timeIntervalSince(clock.date))
                }
            }
            // Attempt n waits at most 15 s × 2^(n−1), at least a second.
            #expect(delays.count == 2 && delays[0] >= 1 && delays[0] <= 15 && delays[1] >= 1 && delays[1] <= 30, "\(delays)")
            #expect(try await queue.counts(kind: kind) == [.dead: 1])
            let row = try await (try app.db.sql).raw("SELECT id, last_error FROM jobs WHERE kind = \(bind: kind)").first()
            #expect(try row!.decode(column: "last_error", as: String.self) == "HTTP 503")
            let id = try row!.decode(column: "id", as: UUID.self)
            #expect(try await queue.revive(tenantID: world.tenantA.id!, id: id, now: clock.date))
            let revived = try await queue.claim(kinds: [kind], limit: 1, leaseFor: 30, now: clock.date)
            #expect(revived.first?.attempt == 1)
        }
    }

    @Test("a rate limit postpones without using an attempt; a permanent failure is dead at once")
    func postponeAndPermanent() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let queue = JobQueue(db: app.db)
            let kind = Self.kind("limits")
            try await queue.enqueue(Self.job(world, kind, at: clock.date, key: "a"), now: clock.date)
            try await queue.enqueue(Self.job(world, kind, at: clock.date, key: "b"), now: clock.date)
            let claimed = try await queue.claim(kinds: [kind], limit: 2, leaseFor: 30, now: clock.date)
            #expect(claimed.count == 2)
            #expect(try await queue.postpone(claimed[0], until: clock.date.addingTimeInterval(900), reason: "rate limit", now: clock.date))
            #expect(try await queue.fail(claimed[1], error: "media rejected", permanent: true, now: clock.date) == .dead)
            #expect(try await queue.claim(kinds: [kind], limit: 2, leaseFor: 30, now: clock.date.addingTimeInterval(899)).isEmpty)
            let again = try await queue.claim(kinds: [kind], limit: 2, leaseFor: 30, now: clock.date.addingTimeInterval(900))
            #expect(again.count == 1 && again[0].attempt == 1)
        }
    }

    @Test("a worker that dies mid-job loses its lease; the job is finished once, by the next worker")
    func leaseExpiry() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let queue = JobQueue(db: app.db)
            let kind = Self.kind("lease")
            try await queue.enqueue(Self.job(world, kind, at: clock.date, maxAttempts: 2), now: clock.date)
            let dead = try #require(try await queue.claim(kinds: [kind], limit: 1, leaseFor: 30, now: clock.date).first)
            // It heartbeats once, then its process is killed: nothing more comes from it.
            clock.advance(by: 20)
            #expect(try await queue.heartbeat(dead, leaseFor: 30, now: clock.date))
            clock.advance(by: 29)
            #expect(try await queue.claim(kinds: [kind], limit: 1, leaseFor: 30, now: clock.date).isEmpty)
            clock.advance(by: 2)
            let next = try #require(try await queue.claim(kinds: [kind], limit: 1, leaseFor: 30, now: clock.date).first)
            #expect(next.attempt == 2 && next.leaseToken != dead.leaseToken)
            // Had the first worker only stalled, its late writes change nothing.
            #expect(try await !queue.heartbeat(dead, leaseFor: 30, now: clock.date))
            #expect(try await !queue.complete(dead, now: clock.date))
            #expect(try await queue.complete(next, now: clock.date))
            #expect(try await queue.counts(kind: kind) == [.done: 1])

            // A job whose every attempt lost its lease is given up, not run a third time.
            try await queue.enqueue(Self.job(world, kind, at: clock.date, maxAttempts: 1), now: clock.date)
            _ = try await queue.claim(kinds: [kind], limit: 1, leaseFor: 30, now: clock.date)
            clock.advance(by: 31)
            #expect(try await queue.claim(kinds: [kind], limit: 1, leaseFor: 30, now: clock.date).isEmpty)
            #expect(try await queue.counts(kind: kind) == [.done: 1, .dead: 1])
        }
    }

    @Test("the worker runs handlers concurrently, renews leases while they work, and records each outcome")
    func workerOutcomes() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let queue = JobQueue(db: app.db)
            let kind = Self.kind("worker")
            let ran = NIOLockedValueBox<[String: Int]>([:])
            let renewed = NIOLockedValueBox(false)
            let lease: TimeInterval = 2
            let db = app.db
            let handler = JobHandler(kind: kind) { job, _ in
                let key = job.payload
                ran.withLockedValue { $0[key, default: 0] += 1 }
                switch key {
                case "slow":
                    // Works until a heartbeat has moved its lease's end, however late a loaded
                    // machine lets the heartbeat run; twenty seconds at most.
                    func leaseEnd() async throws -> Date? {
                        try await (try db.sql).raw("SELECT lease_until FROM jobs WHERE kind = \(bind: kind) AND payload = 'slow'").first()?
                            .decode(column: "lease_until", as: Date?.self)
                    }
                    let claimed = try await leaseEnd()
                    for _ in 0..<200 {
                        if let claimed, let now = try await leaseEnd(), now > claimed {
                            renewed.withLockedValue { $0 = true }
                            break
                        }
                        try await Task.sleep(for: .milliseconds(100))
                    }
                case "permanent": throw JobFailure.permanent("akun tidak ada")
                case "transient": throw URLError(.timedOut)
                default: break
                }
                return false
            }
            for payload in ["ok", "slow", "permanent", "transient"] {
                var job = Self.job(world, kind, at: app.clock.now())
                job.payload = payload
                try await queue.enqueue(job, now: app.clock.now())
            }
            // A two-second lease: the slow job outlives it only through its heartbeats.
            // A retry an hour away, so that the failed job is not due again within this pass.
            let worker = JobWorker(app: app, handlers: [handler], concurrency: 4, lease: lease, idle: .milliseconds(100),
                                   backoff: RetryPolicy(base: .seconds(3_600), cap: .seconds(3_600), maxAttempts: .max, random: { 0.5 }))
            let finished = try await worker.runDue()
            #expect(renewed.withLockedValue { $0 }, "a heartbeat renewed the slow job's lease while it worked")
            #expect(finished == 4)
            #expect(ran.withLockedValue { $0 } == ["ok": 1, "slow": 1, "permanent": 1, "transient": 1])
            #expect(try await queue.counts(kind: kind) == [.done: 2, .dead: 1, .queued: 1])
        }
    }

    @Test("two worker processes on PostgreSQL never run the same job")
    func twoWorkersOnPostgres() async throws {
        guard TestDatabase.postgresURL != nil else { return }
        try await withTestApp { first in
            try await withTestApp { second in
                let world = try await World.make(first)
                let kind = Self.kind("pair")
                let total = 400
                for n in 0..<total {
                    var job = Self.job(world, kind, at: first.clock.now())
                    job.payload = String(n)
                    try await JobQueue(db: first.db).enqueue(job, now: first.clock.now())
                }
                let runs = NIOLockedValueBox<[String: [String]]>([:])
                func handler(_ name: String) -> JobHandler {
                    JobHandler(kind: kind) { job, _ in
                        runs.withLockedValue { $0[job.payload, default: []].append(name) }
                        try await Task.sleep(for: .milliseconds(Int.random(in: 0...3)))
                        return false
                    }
                }
                let a = JobWorker(app: first, handlers: [handler("a")], concurrency: 8)
                let b = JobWorker(app: second, handlers: [handler("b")], concurrency: 8)
                async let ranA = a.runDue()
                async let ranB = b.runDue()
                let (countA, countB) = try await (ranA, ranB)
                let all = runs.withLockedValue { $0 }
                #expect(countA + countB == total && all.count == total && all.values.allSatisfy { $0.count == 1 })
                // Both took part: the claims interleaved rather than one worker taking everything.
                #expect(countA > 0 && countB > 0, "a: \(countA), b: \(countB)")
                #expect(try await JobQueue(db: first.db).counts(kind: kind) == [.done: total])
            }
        }
    }
}
