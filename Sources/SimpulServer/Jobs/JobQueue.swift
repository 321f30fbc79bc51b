import Fluent
import Foundation
import SimpulPlatforms
import SQLKit

/// The one `jobs` table that background work goes through. A worker leases due rows for a
/// while, renews the lease as it works and finishes with the lease's token, so that a worker
/// whose lease ran out (killed, or stalled) can no longer finish a job another worker took over.
/// On PostgreSQL the lease is taken with `FOR UPDATE SKIP LOCKED`, so several worker processes
/// claim disjoint rows without waiting on each other; SQLite runs one writer at a time, and the
/// claim is a single UPDATE, which makes it atomic there too.
struct JobQueue: Sendable {
    enum State: String, Sendable {
        case queued, running, done, dead
    }

    struct NewJob: Sendable {
        var tenantID: UUID
        var kind: String
        var payload: String
        var runAt: Date
        /// At most one job per (tenant, kind, key): enqueueing the same key again is a no-op.
        var dedupeKey: String?
        var maxAttempts: Int = 5
    }

    struct ClaimedJob: Sendable {
        let tenantID: UUID
        let id: UUID
        let kind: String
        let payload: String
        /// This attempt's number, 1-based.
        let attempt: Int
        let maxAttempts: Int
        /// Proves the lease in every later write.
        let leaseToken: String
    }

    /// After attempt n, wait up to 15 s × 2^(n−1), at most an hour, chosen at random.
    static let standardBackoff = RetryPolicy(base: .seconds(15), cap: .seconds(3_600), maxAttempts: .max)

    let db: Database
    var backoff = JobQueue.standardBackoff

    /// Returns whether a row was added (false: the dedupe key was already queued or done).
    @discardableResult
    func enqueue(_ job: NewJob, now: Date) async throws -> Bool {
        let rows = try await (try db.sql).raw("""
            INSERT INTO jobs (tenant_id, id, kind, payload, state, run_at, attempts, max_attempts, dedupe_key, created_at, updated_at)
            VALUES (\(bind: job.tenantID), \(bind: UUID()), \(bind: job.kind), \(bind: job.payload), 'queued', \(bind: job.runAt), 0,
                    \(bind: max(1, job.maxAttempts)), \(bind: job.dedupeKey), \(bind: now), \(bind: now))
            ON CONFLICT (tenant_id, kind, dedupe_key) DO NOTHING RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// Leases up to `limit` due jobs of the given kinds: queued ones whose time has come, oldest
    /// first, then running ones whose lease expired (their worker died). Two statements, each
    /// answered from the (state, run_at) index: one condition with OR read the whole table.
    /// `tenantID` limits the claim to one tenant's jobs (tests share one database).
    func claim(kinds: [String], limit: Int, leaseFor lease: TimeInterval, now: Date, tenantID: UUID? = nil) async throws -> [ClaimedJob] {
        guard !kinds.isEmpty, limit > 0 else { return [] }
        var claimed = try await claim(kinds: kinds, limit: limit, leaseFor: lease, now: now, tenantID: tenantID,
                                      due: "state = 'queued' AND run_at <= \(bind: now)", order: "ORDER BY run_at")
        if claimed.count < limit {
            claimed += try await claim(kinds: kinds, limit: limit - claimed.count, leaseFor: lease, now: now, tenantID: tenantID,
                                       due: "state = 'running' AND lease_until < \(bind: now)", order: "")
        }
        return claimed
    }

    private func claim(kinds: [String], limit: Int, leaseFor lease: TimeInterval, now: Date, tenantID: UUID?,
                       due: SQLQueryString, order: SQLQueryString) async throws -> [ClaimedJob] {
        let token = UUID().uuidString
        let lock: SQLQueryString = db.isPostgres ? "FOR UPDATE SKIP LOCKED" : ""
        var tenant: SQLQueryString = ""
        if let tenantID { tenant = "AND tenant_id = \(bind: tenantID)" }
        let rows = try await (try db.sql).raw("""
            UPDATE jobs SET state = 'running', lease_token = \(bind: token), lease_until = \(bind: now.addingTimeInterval(lease)),
                attempts = attempts + 1, updated_at = \(bind: now)
            WHERE id IN (
                SELECT id FROM jobs WHERE \(due) AND kind IN (\(binds: kinds)) \(tenant)
                \(order) LIMIT \(bind: limit) \(lock))
            RETURNING tenant_id, id, kind, payload, attempts, max_attempts
            """).all()
        var claimed: [ClaimedJob] = []
        for row in rows {
            let job = ClaimedJob(tenantID: try row.decode(column: "tenant_id", as: UUID.self), id: try row.decode(column: "id", as: UUID.self),
                                 kind: try row.decode(column: "kind", as: String.self), payload: try row.decode(column: "payload", as: String.self),
                                 attempt: try row.decode(column: "attempts", as: Int.self), maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
                                 leaseToken: token)
            // A job whose every attempt died with its worker is not tried again.
            if job.attempt > job.maxAttempts {
                _ = try await finish(job, state: .dead, error: "lease expired on every attempt", now: now)
            } else {
                claimed.append(job)
            }
        }
        return claimed
    }

    /// Extends the lease; false when the lease was lost, and the worker must stop.
    func heartbeat(_ job: ClaimedJob, leaseFor lease: TimeInterval, now: Date) async throws -> Bool {
        try await !(try db.sql).raw("""
            UPDATE jobs SET lease_until = \(bind: now.addingTimeInterval(lease)), updated_at = \(bind: now)
            WHERE tenant_id = \(bind: job.tenantID) AND id = \(bind: job.id) AND lease_token = \(bind: job.leaseToken) AND state = 'running'
            RETURNING id
            """).all().isEmpty
    }

    /// Marks the job done; false when the lease was lost meanwhile.
    @discardableResult
    func complete(_ job: ClaimedJob, now: Date) async throws -> Bool {
        try await finish(job, state: .done, error: nil, now: now)
    }

    /// After a failed attempt: again later with backoff, or dead once attempts are used up.
    /// Returns the state the job is left in (nil: the lease was lost meanwhile).
    @discardableResult
    func fail(_ job: ClaimedJob, error: String, permanent: Bool = false, now: Date) async throws -> State? {
        if permanent || job.attempt >= job.maxAttempts {
            return try await finish(job, state: .dead, error: error, now: now) ? .dead : nil
        }
        let delay = max(1, RetryPolicy.seconds(backoff.delay(forAttempt: job.attempt)))
        return try await requeue(job, at: now.addingTimeInterval(delay), error: error, countAttempt: true, now: now) ? .queued : nil
    }

    /// Not a failure: the platform asked to wait (rate limit). The attempt does not count.
    @discardableResult
    func postpone(_ job: ClaimedJob, until: Date, reason: String, now: Date) async throws -> Bool {
        try await requeue(job, at: until, error: reason, countAttempt: false, now: now)
    }

    private func requeue(_ job: ClaimedJob, at: Date, error: String, countAttempt: Bool, now: Date) async throws -> Bool {
        let attempts = countAttempt ? job.attempt : job.attempt - 1
        return try await !(try db.sql).raw("""
            UPDATE jobs SET state = 'queued', run_at = \(bind: at), attempts = \(bind: attempts), last_error = \(bind: String(error.prefix(1_000))),
                lease_token = NULL, lease_until = NULL, updated_at = \(bind: now)
            WHERE tenant_id = \(bind: job.tenantID) AND id = \(bind: job.id) AND lease_token = \(bind: job.leaseToken) AND state = 'running'
            RETURNING id
            """).all().isEmpty
    }

    private func finish(_ job: ClaimedJob, state: State, error: String?, now: Date) async throws -> Bool {
        try await !(try db.sql).raw("""
            UPDATE jobs SET state = \(bind: state.rawValue), last_error = \(bind: error.map { String($0.prefix(1_000)) }),
                lease_token = NULL, lease_until = NULL, finished_at = \(bind: now), updated_at = \(bind: now)
            WHERE tenant_id = \(bind: job.tenantID) AND id = \(bind: job.id) AND lease_token = \(bind: job.leaseToken) AND state = 'running'
            RETURNING id
            """).all().isEmpty
    }

    /// A dead job given another go by a person ("coba lagi"), with its attempts reset.
    @discardableResult
    func revive(tenantID: UUID, id: UUID, now: Date) async throws -> Bool {
        try await !(try db.sql).raw("""
            UPDATE jobs SET state = 'queued', attempts = 0, run_at = \(bind: now), finished_at = NULL, updated_at = \(bind: now)
            WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id) AND state = 'dead'
            RETURNING id
            """).all().isEmpty
    }

    /// Counts by state, for the health of the queue (tests, metrics, the benchmark).
    func counts(kind: String? = nil) async throws -> [State: Int] {
        var filter: SQLQueryString = ""
        if let kind { filter = "WHERE kind = \(bind: kind)" }
        let rows = try await (try db.sql).raw("SELECT state, COUNT(*) AS n FROM jobs \(filter) GROUP BY state").all()
        var counts: [State: Int] = [:]
        for row in rows {
            if let state = State(rawValue: try row.decode(column: "state", as: String.self)) { counts[state] = try row.decode(column: "n", as: Int.self) }
        }
        return counts
    }
}
