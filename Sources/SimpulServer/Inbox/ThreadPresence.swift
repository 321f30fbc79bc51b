import Fluent
import Foundation
import SQLKit
import Vapor

/// The collision guard: who else has a thread open, and whether someone answered it a moment
/// ago. An open thread page reports itself every `heartbeat`; a viewer counts as present until
/// `timeout` passes without a report.
enum ThreadPresence {
    static let heartbeat: TimeInterval = 20
    static let timeout: TimeInterval = 50
    /// A reply this soon after another one on the same message asks for confirmation first.
    static let recentReply: TimeInterval = 10 * 60

    static func register(_ routes: RouteCatalog) {
        routes.add(SiteRoute.presence) { req in
            let principal = try req.requirePrincipal()
            let (message, _) = try await ThreadController.load(req, principal, need: .viewInbox)
            let others = try await touch(message, principal: principal, now: req.now, on: req.db)
            return Viewers(viewers: others)
        }
    }

    struct Viewers: Content { let viewers: [String] }

    /// A report this soon after the person's last recorded one is not written again: their row
    /// stays fresh (at most `refresh` + `heartbeat` old, well inside `timeout`), and reloading
    /// pages does not make every view a write that waits for the database's one writer.
    static let refresh: TimeInterval = 10

    /// Records that the person has the thread open and returns the names of the others who do.
    static func touch(_ message: MessageModel, principal: Principal, now: Date, on db: Database) async throws -> [String] {
        let sql = try db.sql
        let rows = try await sql.raw("""
            SELECT user_id, user_name, seen_at FROM thread_presence
            WHERE tenant_id = \(bind: principal.tenantID) AND message_id = \(bind: message.id!) AND seen_at >= \(bind: now.addingTimeInterval(-timeout))
            """).all()
        var others: [String] = []
        var recorded = false
        for row in rows {
            if try row.decode(column: "user_id", as: UUID.self) == principal.userID {
                recorded = try row.decode(column: "seen_at", as: Date.self) >= now.addingTimeInterval(-refresh)
            } else {
                others.append(try row.decode(column: "user_name", as: String.self))
            }
        }
        if !recorded {
            try await sql.raw("""
                INSERT INTO thread_presence (tenant_id, id, message_id, user_id, user_name, seen_at)
                VALUES (\(bind: principal.tenantID), \(bind: UUID()), \(bind: message.id!), \(bind: principal.userID), \(bind: principal.user.name), \(bind: now))
                ON CONFLICT (tenant_id, message_id, user_id) DO UPDATE SET seen_at = excluded.seen_at, user_name = excluded.user_name
                """).run()
        }
        return others.sorted()
    }

    /// The newest reply to the message within `recentReply` of `now`, if any: sent, or still
    /// being tried.
    static func recentReply(to message: MessageModel, now: Date, on db: Database) async throws -> MessageReplyModel? {
        try await MessageReplyModel.query(on: db).filter(\.$tenantID == message.tenantID).filter(\.$messageID == message.id!)
            .filter(\.$createdAt >= now.addingTimeInterval(-recentReply)).sort(\.$createdAt, .descending).first()
    }
}
