import Fluent

/// Operators' labels on messages, filtered on in the inbox.
struct CreateMessageTags: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("message_tags")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("tag", .string, .required)
            .field("user_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "message_id", "tag")
            .sameTenantReference("message_id", to: "messages")
            .create()
        try await db.createIndex("message_tags_tenant_tag", on: "message_tags", ["tenant_id", "tag", "message_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("message_tags").delete() }
}
