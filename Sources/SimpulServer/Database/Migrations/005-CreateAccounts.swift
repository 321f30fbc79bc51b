import Fluent

struct CreateAccounts: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("accounts")
            .tenantOwned()
            .field("platform", .string, .required)
            .field("handle", .string, .required)
            .field("display_name", .string, .required)
            .field("kind", .string, .required)
            .field("unit_id", .uuid, .required)
            .field("owner_id", .uuid)
            .field("status", .string, .required)
            .field("follower_count", .int64, .required)
            .field("credentials", .data)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "platform", "handle")
            .sameTenantReference("unit_id", to: "units")
            .sameTenantReference("owner_id", to: "users")
            .create()
        try await db.createIndex("accounts_tenant_unit", on: "accounts", ["tenant_id", "unit_id"])
        try await db.createIndex("accounts_tenant_status", on: "accounts", ["tenant_id", "status"])
    }
    func revert(on db: Database) async throws { try await db.schema("accounts").delete() }
}
