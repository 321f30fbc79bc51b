import Fluent

/// Internal notes on a message and the replies sent from Simpul, with their outcome; the time
/// of the first reply for SLA reporting.
struct CreateInboxThreads: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("message_notes")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("user_id", .uuid)
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .sameTenantReference("message_id", to: "messages")
            .create()
        try await db.createIndex("message_notes_tenant_message", on: "message_notes", ["tenant_id", "message_id", "created_at"])
        try await db.schema("message_replies")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("user_id", .uuid)
            .field("author_name", .string, .required)
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("platform_id", .string)
            .field("error", .string)
            .field("attempts", .int, .required)
            .field("override_reason", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .sameTenantReference("message_id", to: "messages")
            .create()
        try await db.createIndex("message_replies_tenant_message", on: "message_replies", ["tenant_id", "message_id", "created_at"])
        try await db.schema("messages").field("first_response_at", .datetime).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema("messages").deleteField("first_response_at").update()
        try await db.schema("message_replies").delete()
        try await db.schema("message_notes").delete()
    }
}
