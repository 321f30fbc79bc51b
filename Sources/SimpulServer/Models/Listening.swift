import Fluent
import Foundation
import SimpulPlatforms

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

/// A news feed a unit listed; its validators make an unchanged feed cost a 304.
final class ListeningFeedModel: Model, @unchecked Sendable {
    static let schema = "listening_feeds"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// Rules of this unit and the units above it read the feed's items.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    @Field(key: "url") var url: String
    @Field(key: "active") var active: Bool
    @OptionalField(key: "etag") var etag: String?
    @OptionalField(key: "last_modified") var lastModified: String?
    @OptionalField(key: "last_fetched_at") var lastFetchedAt: Date?
    /// Why the last read failed, in Indonesian; nil after a good one.
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A public post, video or article found by listening, kept once per source and id.
final class ListenedItemModel: Model, @unchecked Sendable {
    static let schema = "listened_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "source") var source: ListeningSource
    @Field(key: "external_id") var externalID: String
    @OptionalField(key: "feed_id") var feedID: UUID?
    @OptionalField(key: "url") var url: String?
    @OptionalField(key: "title") var title: String?
    @Field(key: "text") var text: String
    @OptionalField(key: "author_name") var authorName: String?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "fetched_at") var fetchedAt: Date

    init() {}
}

final class ListeningItemHitModel: Model, @unchecked Sendable {
    static let schema = "listening_item_hits"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "rule_id") var ruleID: UUID
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "matched_at") var matchedAt: Date

    init() {}
}
