import Fluent

struct CreateTenants: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("tenants")
            .id()
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("time_zone", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "slug")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("tenants").delete() }
}
