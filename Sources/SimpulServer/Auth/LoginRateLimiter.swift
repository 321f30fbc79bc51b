import Fluent
import Vapor

/// Slows password guessing: too many failures for one e-mail, or from one address, within the
/// window lock further attempts until the oldest failure leaves the window.
enum LoginRateLimiter {
    static let window: TimeInterval = 15 * 60
    static let maxFailuresPerAccount = 5
    static let maxFailuresPerAddress = 20

    /// Minutes to wait, or nil when another attempt is allowed.
    static func lockout(tenantID: UUID, email: String, ip: String, now: Date, on db: Database) async throws -> Int? {
        let since = now.addingTimeInterval(-window)
        let byAccount = try await LoginAttemptModel.query(on: db)
            .filter(\.$tenantID == tenantID).filter(\.$email == email).filter(\.$at > since).filter(\.$succeeded == false)
            .sort(\.$at, .ascending).all()
        let byAddress = try await LoginAttemptModel.query(on: db)
            .filter(\.$tenantID == tenantID).filter(\.$ip == ip).filter(\.$at > since).filter(\.$succeeded == false)
            .sort(\.$at, .ascending).all()
        var waits: [TimeInterval] = []
        if byAccount.count >= maxFailuresPerAccount { waits.append(byAccount[byAccount.count - maxFailuresPerAccount].at.addingTimeInterval(window).timeIntervalSince(now)) }
        if byAddress.count >= maxFailuresPerAddress { waits.append(byAddress[byAddress.count - maxFailuresPerAddress].at.addingTimeInterval(window).timeIntervalSince(now)) }
        guard let longest = waits.max() else { return nil }
        return max(1, Int((longest / 60).rounded(.up)))
    }

    static func record(tenantID: UUID, email: String, ip: String, succeeded: Bool, now: Date, on db: Database) async throws {
        let attempt = LoginAttemptModel()
        attempt.tenantID = tenantID
        attempt.email = String(email.prefix(254))
        attempt.ip = ip
        attempt.at = now
        attempt.succeeded = succeeded
        try await attempt.create(on: db)
    }
}
