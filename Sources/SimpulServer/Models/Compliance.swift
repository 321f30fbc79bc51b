import Fluent
import Foundation
import SimpulCore

/// A compliance finding on a draft, a staff account's post or comment, or a staff account's
/// activity, with its review.
final class FindingModel: Model, @unchecked Sendable {
    static let schema = "compliance_findings"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// draft | message | activity
    @Field(key: "source") var source: FindingSource
    @Field(key: "source_id") var sourceID: UUID
    @OptionalField(key: "account_id") var accountID: UUID?
    @OptionalField(key: "unit_id") var unitID: UUID?
    @Field(key: "pack_id") var packID: String
    @Field(key: "pack_name") var packName: String
    @Field(key: "rule_id") var ruleID: String
    @Field(key: "rule_title") var ruleTitle: String
    @Field(key: "severity") var severity: Severity
    @Field(key: "explanation") var explanation: String
    /// The text that was checked (for activity: the content acted on), at most 2,000 characters.
    @Field(key: "excerpt") var excerpt: String
    /// Where the finding is in the excerpt, kept as a JSON array of {start, end}.
    @Field(key: "spans") var spans: JSONText<[TextSpan]>
    @Field(key: "matched") var matched: String
    /// open | confirmed | falsePositive | escalated
    @Field(key: "status") var status: FindingStatus
    @OptionalField(key: "review_note") var reviewNote: String?
    @OptionalField(key: "reviewed_by") var reviewedBy: UUID?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A rule pack a tenant wrote for itself.
final class TenantPackModel: Model, @unchecked Sendable {
    static let schema = "compliance_tenant_packs"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "regulation") var regulation: String
    @Field(key: "summary") var summary: String
    /// The pack's rules, kept as a JSON array of ComplianceRule.
    @Field(key: "rules") var rules: LenientJSONText<[ComplianceRule]>
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(tenantID: UUID, pack: RulePack, at: Date) {
        self.id = UUID()
        self.tenantID = tenantID
        self.createdAt = at
        apply(pack, at: at)
    }

    /// The pack's id is the row's code.
    func apply(_ pack: RulePack, at: Date) {
        code = pack.id
        name = pack.name
        regulation = pack.regulation
        summary = pack.summary
        rules = LenientJSONText(pack.rules)
        updatedAt = at
    }
}

/// Whether a pack (built-in or the tenant's own) is on for a tenant. No row means on.
final class PackSettingModel: Model, @unchecked Sendable {
    static let schema = "compliance_pack_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "pack_id") var packID: String
    @Field(key: "enabled") var enabled: Bool
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// An election the tenant watches for ASN neutrality; candidates and parties as JSON.
final class ElectionContestModel: Model, @unchecked Sendable {
    static let schema = "election_contests"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "valid_from") var validFrom: String
    @Field(key: "valid_until") var validUntil: String
    /// The candidates and parties, kept as JSON {"candidates": [...], "parties": [...]}.
    @Field(key: "data") var data: LenientJSONText<ComplianceService.ElectionData>
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(tenantID: UUID, contest: ElectionContest, at: Date) {
        self.id = UUID()
        self.tenantID = tenantID
        self.updatedAt = at
        apply(contest, at: at)
    }

    func apply(_ contest: ElectionContest, at: Date) {
        name = contest.name
        validFrom = contest.validFrom
        validUntil = contest.validUntil
        data = LenientJSONText(ComplianceService.ElectionData(candidates: contest.candidates, parties: contest.parties))
        updatedAt = at
    }
}

/// Matched words that a reviewer marked as a false positive for a rule.
final class AllowListModel: Model, @unchecked Sendable {
    static let schema = "compliance_allowlist"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "rule_id") var ruleID: String
    @Field(key: "matched") var matched: String
    @OptionalField(key: "finding_id") var findingID: UUID?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

