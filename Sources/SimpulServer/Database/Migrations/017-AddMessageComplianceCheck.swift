import Fluent

/// Messages wait for the compliance worker until this is set.
struct AddMessageComplianceCheck: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("messages").field("compliance_checked_at", .datetime).update()
        try await db.createIndex("messages_tenant_compliance", on: "messages", ["tenant_id", "compliance_checked_at"])
    }
    func revert(on db: Database) async throws {
        try await db.dropIndex("messages_tenant_compliance")
        try await db.schema("messages").deleteField("compliance_checked_at").update()
    }
}
