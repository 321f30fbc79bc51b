import Fluent

/// The compliance guard's tables: findings and their review, tenant packs, pack switches,
/// election data and the allow-list that false positives feed.
struct CreateCompliance: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("compliance_findings")
            .tenantOwned()
            .field("source", .string, .required)
            .field("source_id", .uuid, .required)
            .field("account_id", .uuid)
            .field("unit_id", .uuid)
            .field("pack_id", .string, .required)
            .field("pack_name", .string, .required)
            .field("rule_id", .string, .required)
            .field("rule_title", .string, .required)
            .field("severity", .string, .required)
            .field("explanation", .string, .required)
            .field("excerpt", .string, .required)
            .field("spans", .string, .required)
            .field("matched", .string, .required)
            .field("status", .string, .required)
            .field("review_note", .string)
            .field("reviewed_by", .uuid)
            .field("reviewed_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "source", "source_id", "rule_id")
            .sameTenantReference("account_id", to: "accounts")
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.createIndex("compliance_findings_tenant_created", on: "compliance_findings", ["tenant_id", "created_at"])
        try await db.createIndex("compliance_findings_tenant_status", on: "compliance_findings", ["tenant_id", "status", "created_at"])

        try await db.schema("compliance_tenant_packs")
            .tenantOwned()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("regulation", .string, .required)
            .field("summary", .string, .required)
            .field("rules", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "code")
            .create()

        try await db.schema("compliance_pack_settings")
            .tenantOwned()
            .field("pack_id", .string, .required)
            .field("enabled", .bool, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "pack_id")
            .create()

        try await db.schema("election_contests")
            .tenantOwned()
            .field("name", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_until", .string, .required)
            .field("data", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await db.schema("compliance_allowlist")
            .tenantOwned()
            .field("rule_id", .string, .required)
            .field("matched", .string, .required)
            .field("finding_id", .uuid)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "rule_id", "matched")
            .create()
    }

    func revert(on db: Database) async throws {
        for table in ["compliance_allowlist", "election_contests", "compliance_pack_settings", "compliance_tenant_packs", "compliance_findings"] {
            try await db.schema(table).delete()
        }
    }
}
