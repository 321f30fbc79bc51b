import Fluent
import SQLKit

/// Where an account lives on its platform and how its connection is doing.
struct AddAccountConnection: AsyncMigration {
    func prepare(on db: Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
        try await db.schema("accounts").field("external_id", .string).update()
        try await db.schema("accounts").field("sandbox", .bool, .required, .sql(.default(false))).update()
        try await db.schema("accounts").field("last_event_at", .datetime).update()
        try await db.schema("accounts").field("paused_until", .datetime).update()
        try await db.schema("accounts").field("last_error", .string).update()
        try await (try db.sql).create(index: "accounts_tenant_platform_external").unique().on("accounts")
            .column("tenant_id").column("platform").column("external_id").run()
    }
    func revert(on db: Database) async throws {
        try await db.dropIndex("accounts_tenant_platform_external")
        for field in ["external_id", "sandbox", "last_event_at", "paused_until", "last_error"] {
            try await db.schema("accounts").deleteField(.string(field)).update()
        }
    }
}
