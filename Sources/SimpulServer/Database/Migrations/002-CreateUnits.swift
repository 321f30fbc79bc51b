import Fluent

struct CreateUnits: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("units")
            .tenantOwned()
            .field("parent_id", .uuid)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("code", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "code")
            .sameTenantReference("parent_id", to: "units")
            .create()
        try await db.createIndex("units_tenant_parent", on: "units", ["tenant_id", "parent_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("units").delete() }
}
