import Fluent

/// The hoax register (Register Hoaks): claims with their label, type, explanation, sources and
/// the approved clarification.
struct CreateHoaxClaims: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("hoax_claims")
            .tenantOwned()
            .field("unit_id", .uuid, .required)
            .field("title", .string, .required)
            .field("label", .string, .required)
            .field("type", .string)
            .field("claim", .string, .required)
            .field("variants", .string, .required)
            .field("explanation", .string, .required)
            .field("sources", .string, .required)
            .field("tags", .string, .required)
            .field("claim_date", .string)
            .field("clarification", .string)
            .field("active", .bool, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.createIndex("hoax_claims_tenant_updated", on: "hoax_claims", ["tenant_id", "updated_at"])
    }

    func revert(on db: Database) async throws { try await db.schema("hoax_claims").delete() }
}
