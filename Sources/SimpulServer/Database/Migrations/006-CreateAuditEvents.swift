import Fluent

struct CreateAuditEvents: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("audit_events")
            .tenantOwned()
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("target_type", .string, .required)
            .field("target_id", .uuid)
            .field("target_label", .string, .required)
            .field("at", .datetime, .required)
            .field("ip", .string)
            .field("summary", .string, .required)
            .create()
        try await db.createIndex("audit_events_tenant_at", on: "audit_events", ["tenant_id", "at"])
        try await db.createIndex("audit_events_tenant_target", on: "audit_events", ["tenant_id", "target_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("audit_events").delete() }
}
