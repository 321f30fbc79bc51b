import Fluent

/// The WhatsApp templates Meta approved for the tenant, the only messages that may go to a
/// resident more than 24 hours after their last message; and, on a reply, the template it used,
/// so a failed template send can be retried as it was.
struct CreateWhatsAppTemplates: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("whatsapp_templates")
            .tenantOwned()
            .field("name", .string, .required)
            .field("language", .string, .required)
            .field("body", .string, .required)
            .field("approved", .bool, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "name", "language")
            .create()
        try await db.schema("message_replies").field("template_name", .string).update()
        try await db.schema("message_replies").field("template_language", .string).update()
        try await db.schema("message_replies").field("template_parameters", .string).update()
    }
    func revert(on db: Database) async throws {
        try await db.dropColumns("template_parameters", "template_language", "template_name", from: "message_replies")
        try await db.schema("whatsapp_templates").delete()
    }
}
