import Fluent

/// Drafts of content, gated by the compliance guard on submission.
struct CreateContentItems: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("content_items")
            .tenantOwned()
            .field("unit_id", .uuid, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .uuid)
            .field("submitted_by", .uuid)
            .field("submitted_at", .datetime)
            .field("override_reason", .string)
            .field("override_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.createIndex("content_items_tenant_updated", on: "content_items", ["tenant_id", "updated_at"])
    }
    func revert(on db: Database) async throws { try await db.schema("content_items").delete() }
}
