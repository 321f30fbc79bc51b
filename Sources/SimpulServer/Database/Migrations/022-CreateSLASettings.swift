import Fluent

/// A tenant's SLA targets and office hours, and its holidays (national, regional, cuti bersama).
struct CreateSLASettings: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("sla_settings")
            .tenantOwned()
            .field("policy", .string, .required)
            .field("hours", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()
        try await db.schema("holidays")
            .tenantOwned()
            .field("day", .string, .required)
            .field("name", .string, .required)
            .unique(on: "tenant_id", "day")
            .create()
    }
    func revert(on db: Database) async throws {
        try await db.schema("holidays").delete()
        try await db.schema("sla_settings").delete()
    }
}
