import Fluent

/// Who has a thread open right now: the collision guard's record, kept in the database so that
/// every app process sees it.
struct CreateThreadPresence: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("thread_presence")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("user_name", .string, .required)
            .field("seen_at", .datetime, .required)
            .unique(on: "tenant_id", "message_id", "user_id")
            .sameTenantReference("message_id", to: "messages")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("thread_presence").delete() }
}
