import Fluent

/// Messages that resemble a registered hoax claim, found at enrichment.
struct CreateHoaxMatches: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("hoax_matches")
            .tenantOwned()
            .field("claim_id", .uuid, .required)
            .field("message_id", .uuid, .required)
            .field("score", .double, .required)
            .field("method", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "claim_id", "message_id")
            .sameTenantReference("claim_id", to: "hoax_claims", onDelete: .cascade, name: "hoax_matches_claim_fk")
            .create()
        try await db.createIndex("hoax_matches_tenant_message", on: "hoax_matches", ["tenant_id", "message_id"])
    }

    func revert(on db: Database) async throws { try await db.schema("hoax_matches").delete() }
}
