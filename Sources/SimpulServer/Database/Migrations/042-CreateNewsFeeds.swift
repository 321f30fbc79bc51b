import Fluent

/// News feeds (RSS/Atom) a tenant lists for listening, the items read from them, and the
/// listening rules' hits on those items.
struct CreateNewsFeeds: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("listening_feeds")
            .tenantOwned()
            .field("unit_id", .uuid, .required)
            .field("name", .string, .required)
            .field("url", .string, .required)
            .field("active", .bool, .required)
            .field("etag", .string)
            .field("last_modified", .string)
            .field("last_fetched_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "url")
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.schema("listened_items")
            .tenantOwned()
            .field("source", .string, .required)
            .field("external_id", .string, .required)
            .field("feed_id", .uuid)
            .field("url", .string)
            .field("title", .string)
            .field("text", .string, .required)
            .field("author_name", .string)
            .field("published_at", .datetime)
            .field("fetched_at", .datetime, .required)
            .unique(on: "tenant_id", "source", "external_id")
            .create()
        try await db.createIndex("listened_items_tenant_feed_fetched", on: "listened_items", ["tenant_id", "feed_id", "fetched_at"])
        try await db.schema("listening_item_hits")
            .tenantOwned()
            .field("rule_id", .uuid, .required)
            .field("item_id", .uuid, .required)
            .field("matched_at", .datetime, .required)
            .unique(on: "tenant_id", "rule_id", "item_id")
            .sameTenantReference("rule_id", to: "listening_rules", onDelete: .cascade, name: "listening_item_hits_rule_fk")
            .sameTenantReference("item_id", to: "listened_items", onDelete: .cascade, name: "listening_item_hits_item_fk")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("listening_item_hits").delete()
        try await db.schema("listened_items").delete()
        try await db.schema("listening_feeds").delete()
    }
}
