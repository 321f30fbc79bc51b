import Fluent

struct CreateMemberships: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("memberships")
            .tenantOwned()
            .field("user_id", .uuid, .required)
            .field("unit_id", .uuid, .required)
            .field("role", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "user_id", "unit_id", "role")
            .sameTenantReference("user_id", to: "users", onDelete: .cascade)
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.createIndex("memberships_tenant_unit", on: "memberships", ["tenant_id", "unit_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("memberships").delete() }
}
