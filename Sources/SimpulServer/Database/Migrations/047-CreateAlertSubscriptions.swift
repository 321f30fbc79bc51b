import Fluent

/// Who wants which spike alerts, and how: a person subscribes to one rule, to every rule of a
/// unit and the units below it, or to the account alerts of a unit and the units below it,
/// in the app and/or by e-mail.
struct CreateAlertSubscriptions: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("alert_subscriptions")
            .tenantOwned()
            .field("user_id", .uuid, .required)
            .field("target", .string, .required)
            .field("target_id", .uuid, .required)
            .field("in_app", .bool, .required)
            .field("email", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "user_id", "target", "target_id")
            .sameTenantReference("user_id", to: "users", onDelete: .cascade, name: "alert_subscriptions_user_fk")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("alert_subscriptions").delete()
    }
}
