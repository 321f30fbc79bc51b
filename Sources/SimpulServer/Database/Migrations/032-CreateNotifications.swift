import Fluent

/// What a person should know happened to work they take part in (content waiting for their
/// approval, rejected, published, failed), shown on their home page.
struct CreateNotifications: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("notifications")
            .tenantOwned()
            .field("user_id", .uuid, .required)
            .field("text", .string, .required)
            .field("link", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await db.createIndex("notifications_tenant_user_created", on: "notifications", ["tenant_id", "user_id", "created_at"])
    }
    func revert(on db: Database) async throws { try await db.schema("notifications").delete() }
}
