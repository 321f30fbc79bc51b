import Fluent
import Foundation
import SQLKit
import Testing
@testable import SimpulServer

@Suite("Message indexes")
struct MessageIndexTests {
    /// The predicates of the partial indexes of messages, as the database reports them.
    private func partialIndexes(_ db: Database) async throws -> [String: String] {
        let sql = try db.sql
        let rows = db.isPostgres
            ? try await sql.raw("SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'messages'").all()
            : try await sql.raw("SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' AND sql IS NOT NULL").all()
        var found: [String: String] = [:]
        for row in rows {
            let definition = try row.decode(column: "definition", as: String.self)
            guard let predicate = definition.range(of: "WHERE ", options: .caseInsensitive) else { continue }
            found[try row.decode(column: "name", as: String.self)] = String(definition[predicate.upperBound...])
                .replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
        }
        return found
    }

    @Test("the workers' queues index only waiting messages; the priority and assignee filters only messages with a value")
    func partial() async throws {
        try await withTestApp { app in
            let predicates = try await partialIndexes(app.db)
            #expect(predicates["messages_compliance_pending"] == "compliance_checked_at IS NULL")
            #expect(predicates["messages_triage_pending"] == "priority IS NULL")
            #expect(predicates["messages_tenant_priority"] == "priority IS NOT NULL")
            #expect(predicates["messages_assigned_user"] == "assignee_user_id IS NOT NULL")
            #expect(predicates["messages_assigned_unit"] == "assignee_unit_id IS NOT NULL")
            #expect(predicates["messages_tenant_assignee"] == nil)
            // The inbox's facet indexes leave out statuses and reactions.
            #expect(predicates["messages_inbox_facets"]?.contains("reply") == true)
            #expect(predicates["messages_inbox_facets"]?.contains("status") == false)
            #expect(predicates["messages_tenant_compliance"] == nil)
            // A thread page's conversation and the sender's earlier messages.
            #expect(predicates["messages_thread"] == "thread_ref IS NOT NULL")
            #expect(predicates["messages_author"] == "author_id IS NOT NULL")
            #expect(predicates["messages_waiting_due"].map { $0.contains("assigned") && $0.contains("due_at IS NOT NULL") } == true)
            guard !app.db.isPostgres else { return }
            // SQLite plans without statistics; the queues must still be read through their own
            // index, or each worker batch would walk the whole table.
            let sql = try app.db.sql
            for (query, index) in [
                (#"SELECT id FROM messages WHERE tenant_id = 'x' AND priority IS NULL LIMIT 500"#, "messages_triage_pending"),
                (#"SELECT id FROM messages WHERE tenant_id = 'x' AND compliance_checked_at IS NULL ORDER BY received_at LIMIT 200"#, "messages_compliance_pending"),
                // As ThreadController.context asks, on a supervisor's many accounts: never the
                // tenant's time index with every message tested.
                (#"SELECT id FROM messages WHERE tenant_id = 'x' AND account_id IN ('a', 'b', 'c') AND platform = 'instagram' AND thread_ref = 't' AND kind IN ('comment', 'dm') ORDER BY received_at LIMIT 50"#, "messages_thread"),
                (#"SELECT id FROM messages WHERE tenant_id = 'x' AND account_id IN ('a', 'b', 'c') AND platform = 'instagram' AND author_id = 'p' AND id <> 'm' AND kind IN ('comment', 'dm') ORDER BY received_at DESC LIMIT 10"#, "messages_author"),
            ] {
                let plan = try await sql.raw(SQLQueryString("EXPLAIN QUERY PLAN " + query)).all()
                    .map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "; ")
                #expect(plan.contains(index), "\(query): \(plan)")
            }
        }
    }

    @Test("narrowing the indexes, the inbox facet and the page indexes revert and apply again")
    func revert() async throws {
        try await withTestApp { app in
            // PostgreSQL's test database is shared by tests running at the same time.
            guard !app.db.isPostgres else { return }
            // One connection throughout: another pooled SQLite connection may still hold the
            // schema from before a DROP INDEX and refuse the CREATE as "already exists".
            try await app.db.withConnection { db in
                let current = try await partialIndexes(db).count
                try await AddPageIndexes().revert(on: db)
                try await AddInboxFacetIndexes().revert(on: db)
                try await NarrowMessageIndexes().revert(on: db)
                #expect(try await partialIndexes(db).isEmpty)
                try await NarrowMessageIndexes().prepare(on: db)
                #expect(try await partialIndexes(db).count == 4)
                try await AddInboxFacetIndexes().prepare(on: db)
                try await AddPageIndexes().prepare(on: db)
                #expect(try await partialIndexes(db).count == current)
            }
        }
    }
}
