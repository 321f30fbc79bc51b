import Fluent

struct CreateLoginAttempts: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("login_attempts")
            .tenantOwned()
            .field("email", .string, .required)
            .field("ip", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        try await db.createIndex("login_attempts_tenant_email_at", on: "login_attempts", ["tenant_id", "email", "at"])
        try await db.createIndex("login_attempts_tenant_ip_at", on: "login_attempts", ["tenant_id", "ip", "at"])
    }
    func revert(on db: Database) async throws { try await db.schema("login_attempts").delete() }
}
