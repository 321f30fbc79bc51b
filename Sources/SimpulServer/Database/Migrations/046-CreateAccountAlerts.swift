import Fluent

/// Surges on one account (everything it receives, whatever the rules), one alert per account
/// and bucket.
struct CreateAccountAlerts: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("account_alerts")
            .tenantOwned()
            .field("account_id", .uuid, .required)
            .field("bucket_start", .datetime, .required)
            .field("bucket_end", .datetime, .required)
            .field("count", .int, .required)
            .field("median", .double, .required)
            .field("mad", .double, .required)
            .field("threshold", .double, .required)
            .field("explanation", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "account_id", "bucket_start")
            .sameTenantReference("account_id", to: "accounts", onDelete: .cascade, name: "account_alerts_account_fk")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("account_alerts").delete()
    }
}
