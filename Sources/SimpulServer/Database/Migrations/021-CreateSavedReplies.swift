import Fluent

/// Saved replies for the inbox, for one unit (and the units below it) or the whole tenant.
struct CreateSavedReplies: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("saved_replies")
            .tenantOwned()
            .field("unit_id", .uuid)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("created_by", .uuid)
            .field("updated_at", .datetime, .required)
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.createIndex("saved_replies_tenant_title", on: "saved_replies", ["tenant_id", "title"])
    }
    func revert(on db: Database) async throws { try await db.schema("saved_replies").delete() }
}
