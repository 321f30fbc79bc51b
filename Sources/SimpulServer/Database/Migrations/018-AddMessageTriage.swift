import Fluent
import SQLKit

/// What the enrichment pass adds to each message: sentiment, priority and SLA due time set by
/// the triage rules, and the normalised, stemmed words that full-text search reads (an FTS5
/// table on SQLite, a tsvector column on PostgreSQL).
struct AddMessageTriage: AsyncMigration {
    func prepare(on db: Database) async throws {
        for (field, type) in [("sentiment", DatabaseSchema.DataType.string), ("priority", .string), ("due_at", .datetime), ("search_text", .string)] {
            try await db.schema("messages").field(.string(field), type).update()
        }
        try await db.createIndex("messages_tenant_priority", on: "messages", ["tenant_id", "priority"])
        let sql = try db.sql
        if db.isPostgres {
            try await sql.raw("ALTER TABLE messages ADD COLUMN search_vector tsvector").run()
            // GIN has no ordering for a leading tenant_id without btree_gin; the search is
            // always combined with the tenant's own rows in the same query.
            try await sql.raw("CREATE INDEX messages_search ON messages USING GIN (search_vector)").run()
        } else {
            try await sql.raw("CREATE VIRTUAL TABLE messages_fts USING fts5(body, tenant_id UNINDEXED, message_id UNINDEXED, tokenize = 'unicode61')").run()
        }
    }

    func revert(on db: Database) async throws {
        let sql = try db.sql
        if db.isPostgres {
            try await sql.raw("DROP INDEX messages_search").run()
            try await sql.raw("ALTER TABLE messages DROP COLUMN search_vector").run()
        } else {
            try await sql.raw("DROP TABLE messages_fts").run()
        }
        try await db.dropIndex("messages_tenant_priority")
        for field in ["sentiment", "priority", "due_at", "search_text"] {
            try await db.schema("messages").deleteField(.string(field)).update()
        }
    }
}
