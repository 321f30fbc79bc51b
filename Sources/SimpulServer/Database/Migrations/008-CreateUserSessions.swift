import Fluent

struct CreateUserSessions: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("user_sessions")
            .tenantOwned()
            .field("user_id", .uuid, .required)
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("ip", .string)
            .field("user_agent", .string)
            .unique(on: "tenant_id", "token_hash")
            .sameTenantReference("user_id", to: "users", onDelete: .cascade)
            .create()
        try await db.createIndex("user_sessions_tenant_user", on: "user_sessions", ["tenant_id", "user_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("user_sessions").delete() }
}
