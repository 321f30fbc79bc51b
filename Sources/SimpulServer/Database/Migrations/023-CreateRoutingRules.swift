import Fluent

/// The tenant's routing rules: which new messages go to which unit or person, in order.
struct CreateRoutingRules: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("routing_rules")
            .tenantOwned()
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("source_unit_id", .uuid)
            .field("keyword", .string)
            .field("platform", .string)
            .field("kind", .string)
            .field("target_unit_id", .uuid, .required)
            .field("round_robin", .bool, .required)
            .field("rotation", .int, .required)
            .field("updated_at", .datetime, .required)
            .sameTenantReference("source_unit_id", to: "units")
            .sameTenantReference("target_unit_id", to: "units")
            .create()
        try await db.createIndex("routing_rules_tenant_position", on: "routing_rules", ["tenant_id", "position"])
    }
    func revert(on db: Database) async throws { try await db.schema("routing_rules").delete() }
}
