import Fluent

/// Every comment, mention, DM, reply, status and reaction that reached Simpul, exactly once.
struct CreateMessages: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("messages")
            .tenantOwned()
            .field("account_id", .uuid)
            .field("platform", .string, .required)
            .field("kind", .string, .required)
            .field("external_id", .string, .required)
            .field("account_ref", .string, .required)
            .field("author_id", .string)
            .field("author_name", .string)
            .field("author_handle", .string)
            .field("text", .string)
            .field("media", .string, .required)
            .field("parent_ref", .string)
            .field("thread_ref", .string)
            .field("occurred_at", .datetime)
            .field("received_at", .datetime, .required)
            .field("detail", .string, .required)
            .field("raw", .string, .required)
            .field("state", .string, .required)
            .unique(on: "tenant_id", "platform", "external_id")
            .sameTenantReference("account_id", to: "accounts")
            .create()
        try await db.createIndex("messages_tenant_account_received", on: "messages", ["tenant_id", "account_id", "received_at"])
        try await db.createIndex("messages_tenant_received", on: "messages", ["tenant_id", "received_at"])
    }
    func revert(on db: Database) async throws { try await db.schema("messages").delete() }
}
