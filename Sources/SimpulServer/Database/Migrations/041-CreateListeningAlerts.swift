import Fluent

/// Spike alerts (peringatan lonjakan) on listening rules: one row per surge, with the numbers
/// of the formula that raised it.
struct CreateListeningAlerts: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("listening_alerts")
            .tenantOwned()
            .field("rule_id", .uuid, .required)
            .field("bucket_start", .datetime, .required)
            .field("bucket_end", .datetime, .required)
            .field("count", .int, .required)
            .field("median", .double, .required)
            .field("mad", .double, .required)
            .field("threshold", .double, .required)
            .field("explanation", .string, .required)
            .field("case_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "rule_id", "bucket_start")
            .sameTenantReference("rule_id", to: "listening_rules", onDelete: .cascade, name: "listening_alerts_rule_fk")
            .create()
        try await db.createIndex("listening_alerts_tenant_created", on: "listening_alerts", ["tenant_id", "created_at"])
    }

    func revert(on db: Database) async throws { try await db.schema("listening_alerts").delete() }
}
