import Fluent

/// Listening rules (Pemantauan) and their hits on the tenant's messages.
struct CreateListening: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("listening_rules")
            .tenantOwned()
            .field("unit_id", .uuid, .required)
            .field("name", .string, .required)
            .field("query", .string, .required)
            .field("active", .bool, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.schema("listening_hits")
            .tenantOwned()
            .field("rule_id", .uuid, .required)
            .field("message_id", .uuid, .required)
            .field("matched_at", .datetime, .required)
            .unique(on: "tenant_id", "rule_id", "message_id")
            .sameTenantReference("rule_id", to: "listening_rules", onDelete: .cascade, name: "listening_hits_rule_fk")
            .create()
        try await db.createIndex("listening_hits_tenant_rule_matched", on: "listening_hits", ["tenant_id", "rule_id", "matched_at"])
    }

    func revert(on db: Database) async throws {
        try await db.schema("listening_hits").delete()
        try await db.schema("listening_rules").delete()
    }
}
