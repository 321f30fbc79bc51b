import Fluent

struct CreateAPITokens: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("api_tokens")
            .tenantOwned()
            .field("user_id", .uuid, .required)
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "tenant_id", "token_hash")
            .sameTenantReference("user_id", to: "users", onDelete: .cascade)
            .create()
        try await db.createIndex("api_tokens_tenant_user", on: "api_tokens", ["tenant_id", "user_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("api_tokens").delete() }
}
