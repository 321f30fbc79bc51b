import Fluent

/// The tenant's rule for ASN personal accounts (how many, with how many followers each).
struct CreateAccountHoldingPolicy: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("account_holding_policies")
            .tenantOwned()
            .field("min_accounts", .int, .required)
            .field("min_followers", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("account_holding_policies").delete() }
}
