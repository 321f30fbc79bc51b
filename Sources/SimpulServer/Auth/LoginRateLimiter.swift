import Fluent
import Foundation
import Vapor

/// Slows password guessing without locking out a whole office. Government offices reach the
/// internet through one address, so the address alone never locks anybody: the limits are
/// per account from one address (a few free failures, then a lock that doubles with every
/// further failure) and per account from everywhere (many addresses guessing one account).
///
/// Every attempt is written down before its password is checked and counted afterwards, so
/// parallel attempts cannot all pass one check: the k-th attempt to be written sees at least
/// k - 1 others.
enum LoginRateLimiter {
    /// Failures from one address for one account before the first lock.
    static let freeFailures = 5
    /// The first lock; each further failure from that address doubles it, up to `longestLock`.
    static let firstLock: TimeInterval = 15 * 60
    static let longestLock: TimeInterval = 24 * 3600
    /// How far back failures from one address count; a success starts the count again.
    static let memory: TimeInterval = 24 * 3600
    /// Failures for one account from all addresses together within `window`.
    static let maxFailuresPerAccount = 20
    static let window: TimeInterval = 15 * 60

    enum Decision {
        /// Check the password; on success, mark the reservation `succeeded`.
        case allowed(Reservation)
        /// Whole minutes to wait; the password was not checked.
        case locked(minutes: Int)
    }

    /// An attempt written down as a failure until it is settled as a success.
    struct Reservation {
        fileprivate let attempt: LoginAttemptModel
    }

    static func reserve(tenantID: UUID, email: String, ip: String, now: Date, on db: Database) async throws -> Decision {
        let attempt = LoginAttemptModel()
        attempt.tenantID = tenantID
        attempt.email = String(email.prefix(254))
        attempt.ip = String(ip.prefix(64))
        attempt.at = now
        attempt.succeeded = false
        try await attempt.create(on: db)
        guard let wait = try await wait(before: attempt, on: db) else { return .allowed(Reservation(attempt: attempt)) }
        // Refused without checking the password: not a guess, so it does not count as one.
        try await attempt.delete(on: db)
        return .locked(minutes: max(1, Int((wait / 60).rounded(.up))))
    }

    /// A failed attempt stays as written; a successful one starts its address's count again.
    static func succeeded(_ reservation: Reservation, on db: Database) async throws {
        reservation.attempt.succeeded = true
        try await reservation.attempt.save(on: db)
    }

    /// The lock `attempt` meets from the attempts written before or beside it, nil for none.
    static func wait(before attempt: LoginAttemptModel, on db: Database) async throws -> TimeInterval? {
        let now = attempt.at
        func others() -> QueryBuilder<LoginAttemptModel> {
            LoginAttemptModel.query(on: db).filter(\.$tenantID == attempt.tenantID).filter(\.$email == attempt.email).filter(\.$id != attempt.id!)
        }
        var waits: [TimeInterval] = []
        let fromAddress = try await others().filter(\.$ip == attempt.ip).filter(\.$at > now.addingTimeInterval(-memory))
            .sort(\.$at, .descending).limit(64).all()
        let failures = fromAddress.prefix { !$0.succeeded }
        if let latest = failures.first, failures.count >= freeFailures {
            let doublings = Double(failures.count - freeFailures)
            waits.append(latest.at.addingTimeInterval(lock(afterDoublings: doublings)).timeIntervalSince(now))
        }
        let fromEverywhere = try await others().filter(\.$succeeded == false).filter(\.$at > now.addingTimeInterval(-window))
            .sort(\.$at, .descending).limit(maxFailuresPerAccount).all()
        if fromEverywhere.count >= maxFailuresPerAccount, let oldest = fromEverywhere.last {
            waits.append(oldest.at.addingTimeInterval(window).timeIntervalSince(now))
        }
        return waits.filter { $0 > 0 }.max()
    }

    static func lock(afterDoublings doublings: Double) -> TimeInterval {
        min(longestLock, firstLock * pow(2, min(doublings, 20)))
    }
}
