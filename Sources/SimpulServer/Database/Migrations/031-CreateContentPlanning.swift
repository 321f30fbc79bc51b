import Fluent

/// Planning words on content: the tenant's content pillars, and on each item its pillar,
/// campaign, audience segments and the day it is planned for (before it has a schedule).
struct CreateContentPlanning: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("content_pillars")
            .tenantOwned()
            .field("name", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "name")
            .create()
        try await db.schema("content_items").field("pillar_id", .uuid).update()
        try await db.schema("content_items").field("campaign", .string).update()
        try await db.schema("content_items").field("segments", .string).update()
        try await db.schema("content_items").field("planned_at", .datetime).update()
        try await db.createIndex("content_items_tenant_scheduled", on: "content_items", ["tenant_id", "scheduled_at"])
        try await db.createIndex("content_items_tenant_planned", on: "content_items", ["tenant_id", "planned_at"])
    }
    func revert(on db: Database) async throws {
        try await db.dropIndex("content_items_tenant_planned")
        try await db.dropIndex("content_items_tenant_scheduled")
        try await db.dropColumns("planned_at", "segments", "campaign", "pillar_id", from: "content_items")
        try await db.schema("content_pillars").delete()
    }
}
