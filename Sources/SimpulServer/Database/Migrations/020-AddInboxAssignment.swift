import Fluent

/// Who a message is assigned to (a person or a unit), and the operators' corrections of the
/// triage rules, kept to evaluate and improve them.
struct AddInboxAssignment: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("messages").field("assignee_user_id", .uuid).update()
        try await db.schema("messages").field("assignee_unit_id", .uuid).update()
        try await db.createIndex("messages_tenant_assignee", on: "messages", ["tenant_id", "assignee_user_id"])
        try await db.schema("triage_corrections")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("field", .string, .required)
            .field("from_value", .string)
            .field("to_value", .string, .required)
            .field("text", .string, .required)
            .field("user_id", .uuid)
            .field("created_at", .datetime, .required)
            .sameTenantReference("message_id", to: "messages")
            .create()
        try await db.createIndex("triage_corrections_tenant_created", on: "triage_corrections", ["tenant_id", "created_at"])
    }

    func revert(on db: Database) async throws {
        try await db.schema("triage_corrections").delete()
        try await db.dropIndex("messages_tenant_assignee")
        try await db.schema("messages").deleteField("assignee_unit_id").update()
        try await db.schema("messages").deleteField("assignee_user_id").update()
    }
}
