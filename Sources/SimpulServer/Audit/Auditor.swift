import Fluent
import SimpulCore
import Foundation
import Vapor

/// Writes the jejak audit. Called inside the same transaction as the change it describes,
/// so a change without its audit row cannot be committed.
enum Auditor {
    typealias Fields = AuditChange.Fields

    /// Who did it, from where and when: a signed-in person on the web or API, or the system
    /// (a command on the server's console, the demo seeder).
    struct Actor: Sendable {
        let tenantID: UUID
        let userID: UUID?
        let name: String
        let ip: String?
        let at: Date

        static func system(tenantID: UUID, at: Date, name: String = "sistem") -> Actor {
            Actor(tenantID: tenantID, userID: nil, name: name, ip: nil, at: at)
        }
    }

    static func record(
        _ actor: Actor, on db: Database, action: AuditAction, targetType: AuditTarget, targetID: UUID?, label: String,
        before: Fields? = nil, after: Fields? = nil
    ) async throws {
        let event = AuditEventModel()
        event.tenantID = actor.tenantID
        event.actorID = actor.userID
        event.actorName = actor.name
        event.action = action
        event.targetType = targetType
        event.targetID = targetID
        event.targetLabel = String(label.prefix(200))
        event.at = actor.at
        event.ip = actor.ip
        event.summary = JSONText(AuditChange.between(before: before, after: after))
        try await event.create(on: db)
    }

}

extension Request {
    func auditActor(_ principal: Principal) -> Auditor.Actor {
        Auditor.Actor(tenantID: principal.tenantID, userID: principal.userID, name: principal.user.name, ip: ClientAddress.of(self), at: now)
    }
}
