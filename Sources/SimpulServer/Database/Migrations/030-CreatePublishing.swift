import Fluent

/// Content on its way to the platforms: each unit's approval chain, who approved an item and
/// when it goes out, one variant per target account, and a record of every publishing attempt,
/// written before the platform is called, so that a worker that crashed mid-call can tell
/// afterwards that it has to look before it posts again.
struct CreatePublishing: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("content_items").field("approvals", .string).update()
        try await db.schema("content_items").field("scheduled_at", .datetime).update()
        try await db.schema("content_items").field("review_comment", .string).update()
        try await db.schema("approval_policies")
            .tenantOwned()
            .field("unit_id", .uuid, .required)
            .field("steps", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "unit_id")
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.schema("content_variants")
            .tenantOwned()
            .field("item_id", .uuid, .required)
            .field("account_id", .uuid, .required)
            .field("text", .string)
            .field("link", .string)
            .field("hashtags", .string, .required)
            .field("first_comment", .string)
            .field("title", .string)
            .field("status", .string, .required)
            .field("platform_post_id", .string)
            .field("url", .string)
            .field("published_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "item_id", "account_id")
            .sameTenantReference("item_id", to: "content_items")
            .sameTenantReference("account_id", to: "accounts")
            .create()
        try await db.schema("publish_attempts")
            .tenantOwned()
            .field("variant_id", .uuid, .required)
            .field("number", .int, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("outcome", .string)
            .field("platform_post_id", .string)
            .field("error", .string)
            .unique(on: "tenant_id", "variant_id", "number")
            .sameTenantReference("variant_id", to: "content_variants")
            .create()
    }
    func revert(on db: Database) async throws {
        try await db.schema("publish_attempts").delete()
        try await db.schema("content_variants").delete()
        try await db.schema("approval_policies").delete()
        try await db.dropColumns("review_comment", "scheduled_at", "approvals", from: "content_items")
    }
}
