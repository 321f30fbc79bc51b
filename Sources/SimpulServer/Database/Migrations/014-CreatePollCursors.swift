import Fluent

/// Where each polled account's last poll stopped (X since_id, YouTube newest time).
struct CreatePollCursors: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("poll_cursors")
            .tenantOwned()
            .field("account_id", .uuid, .required)
            .field("cursor", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "account_id")
            .sameTenantReference("account_id", to: "accounts", onDelete: .cascade)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("poll_cursors").delete() }
}
