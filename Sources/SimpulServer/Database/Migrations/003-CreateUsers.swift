import Fluent

struct CreateUsers: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("users")
            .tenantOwned()
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("nip", .string)
            .field("phone", .string)
            .field("password_hash", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "email")
            .unique(on: "tenant_id", "nip")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("users").delete() }
}
