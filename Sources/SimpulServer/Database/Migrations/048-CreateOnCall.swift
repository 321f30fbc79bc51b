import Fluent

/// The tenant's on-call list for spike alerts: people reached on WhatsApp with an approved
/// template, sent from one of the tenant's WhatsApp accounts.
struct CreateOnCall: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("on_call_settings")
            .tenantOwned()
            .field("account_id", .uuid)
            .field("template_id", .uuid)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()
        try await db.schema("on_call_people")
            .tenantOwned()
            .field("name", .string, .required)
            .field("phone", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "phone")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("on_call_people").delete()
        try await db.schema("on_call_settings").delete()
    }
}
