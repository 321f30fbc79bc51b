import Fluent
import SQLKit

/// The audit trail must hold even against a buggy route or a hand-typed SQL statement.
struct MakeAuditEventsAppendOnly: AsyncMigration {
    func prepare(on db: Database) async throws {
        let sql = try db.sql
        if db.isPostgres {
            try await sql.raw("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_events is append-only'; END;
                $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """).run()
        } else {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END
                    """).run()
            }
        }
    }
    func revert(on db: Database) async throws {
        let sql = try db.sql
        if db.isPostgres {
            try await sql.raw("DROP TRIGGER audit_events_no_change ON audit_events").run()
            try await sql.raw("DROP FUNCTION audit_events_append_only()").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_events_no_update").run()
            try await sql.raw("DROP TRIGGER audit_events_no_delete").run()
        }
    }
}
