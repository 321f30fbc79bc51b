import Fluent
import Foundation

/// A listening rule: a query in the listening language, watched on the messages of one unit's
/// accounts and those below it.
final class ListeningRuleModel: Model, @unchecked Sendable {
    static let schema = "listening_rules"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    /// As typed; parsed again whenever it is matched, so a better parser applies to old rules.
    @Field(key: "query") var query: String
    @Field(key: "active") var active: Bool
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A message a rule matched when it was enriched. `matchedAt` is when the message came, so that
/// counts per 15 minutes follow the messages, also for history fed in later.
final class ListeningHitModel: Model, @unchecked Sendable {
    static let schema = "listening_hits"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "rule_id") var ruleID: UUID
    @Field(key: "message_id") var messageID: UUID
    @Field(key: "matched_at") var matchedAt: Date

    init() {}
}

/// A surge of hits on one rule, as the spike detector found it.
final class ListeningAlertModel: Model, @unchecked Sendable {
    static let schema = "listening_alerts"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "rule_id") var ruleID: UUID
    @Field(key: "bucket_start") var bucketStart: Date
    @Field(key: "bucket_end") var bucketEnd: Date
    @Field(key: "count") var count: Int
    @Field(key: "median") var median: Double
    @Field(key: "mad") var mad: Double
    @Field(key: "threshold") var threshold: Double
    /// The formula with its numbers, in Indonesian, shown beside the alert.
    @Field(key: "explanation") var explanation: String
    /// The war-room case opened from it.
    @OptionalField(key: "case_id") var caseID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
