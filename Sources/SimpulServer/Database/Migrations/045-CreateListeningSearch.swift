import Fluent

/// The tenant's listening settings (search credentials and read budgets, the hoax matcher's
/// thresholds), public search per rule and source with its cursor, and a log of every search
/// run (what it cost, what it found).
struct CreateListeningSearch: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("listening_settings")
            .tenantOwned()
            .field("x_bearer_token", .data)
            .field("youtube_api_key", .data)
            .field("x_monthly_reads", .int, .required)
            .field("youtube_daily_calls", .int, .required)
            .field("region_code", .string, .required)
            .field("language", .string, .required)
            .field("sandbox", .bool, .required)
            .field("hoax_near_copy_threshold", .double, .required)
            .field("hoax_paraphrase_threshold", .double, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()
        try await db.schema("listening_searches")
            .tenantOwned()
            .field("rule_id", .uuid, .required)
            .field("source", .string, .required)
            .field("terms", .string, .required)
            .field("active", .bool, .required)
            .field("cursor", .string)
            .field("last_run_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "rule_id", "source")
            .sameTenantReference("rule_id", to: "listening_rules", onDelete: .cascade, name: "listening_searches_rule_fk")
            .create()
        try await db.schema("listening_search_runs")
            .tenantOwned()
            .field("search_id", .uuid, .required)
            .field("source", .string, .required)
            .field("ran_at", .datetime, .required)
            .field("reads", .int, .required)
            .field("calls", .int, .required)
            .field("found", .int, .required)
            .field("error", .string)
            .sameTenantReference("search_id", to: "listening_searches", onDelete: .cascade, name: "listening_search_runs_search_fk")
            .create()
        try await db.createIndex("listening_search_runs_tenant_source_ran", on: "listening_search_runs", ["tenant_id", "source", "ran_at"])
        try await db.schema("listened_items").field("search_id", .uuid).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema("listened_items").deleteField("search_id").update()
        try await db.schema("listening_search_runs").delete()
        try await db.schema("listening_searches").delete()
        try await db.schema("listening_settings").delete()
    }
}
