import Fluent
import Foundation
import SimpulCore
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
    /// The rule's search that found it (X or YouTube), when it was not a feed.
    @OptionalField(key: "search_id") var searchID: UUID?
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

/// A tenant's listening settings: sealed search credentials (never rendered), the monthly X
/// read budget and YouTube's daily call budget, the region and language YouTube searches in,
/// whether searches go to the Sandbox instead of the platforms (the demo), and the hoax
/// matcher's thresholds.
final class ListeningSettingsModel: Model, @unchecked Sendable {
    static let schema = "listening_settings"

    static let defaultMonthlyReads = 10_000
    /// YouTube gives a project 10,000 quota units a day; a search costs 100.
    static let defaultDailyCalls = 90

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "x_bearer_token") var xBearerToken: Data?
    @OptionalField(key: "youtube_api_key") var youtubeAPIKey: Data?
    @Field(key: "x_monthly_reads") var xMonthlyReads: Int
    @Field(key: "youtube_daily_calls") var youtubeDailyCalls: Int
    @Field(key: "region_code") var regionCode: String
    @Field(key: "language") var language: String
    @Field(key: "sandbox") var sandbox: Bool
    /// How close a text must be to a registered claim to be marked (HoaxMatchParameters).
    @Field(key: "hoax_near_copy_threshold") var hoaxNearCopyThreshold: Double
    @Field(key: "hoax_paraphrase_threshold") var hoaxParaphraseThreshold: Double
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// The register matcher's parameters with this tenant's thresholds.
    var hoaxParameters: HoaxMatchParameters {
        var parameters = HoaxMatchParameters()
        parameters.nearCopyThreshold = hoaxNearCopyThreshold
        parameters.paraphraseThreshold = hoaxParaphraseThreshold
        return parameters
    }

    /// The tenant's settings, or the standard ones when it never saved any (not stored until then).
    static func current(tenantID: UUID, at now: Date, on db: Database) async throws -> ListeningSettingsModel {
        try await query(on: db).filter(\.$tenantID == tenantID).first() ?? .standard(tenantID: tenantID, at: now)
    }

    /// What a tenant that never opened the settings has: nothing configured, nothing searched.
    static func standard(tenantID: UUID, at now: Date) -> ListeningSettingsModel {
        let settings = ListeningSettingsModel()
        settings.tenantID = tenantID
        settings.xMonthlyReads = defaultMonthlyReads
        settings.youtubeDailyCalls = defaultDailyCalls
        settings.regionCode = "ID"
        settings.language = "id"
        settings.sandbox = false
        let matching = HoaxMatchParameters()
        settings.hoaxNearCopyThreshold = matching.nearCopyThreshold
        settings.hoaxParaphraseThreshold = matching.paraphraseThreshold
        settings.updatedAt = now
        return settings
    }
}

/// One rule's search on X or YouTube: the terms in the platform's own syntax, where the next
/// run starts, and how the last one went.
final class ListeningSearchModel: Model, @unchecked Sendable {
    static let schema = "listening_searches"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "rule_id") var ruleID: UUID
    @Field(key: "source") var source: ListeningSource
    @Field(key: "terms") var terms: String
    @Field(key: "active") var active: Bool
    @OptionalField(key: "cursor") var cursor: String?
    @OptionalField(key: "last_run_at") var lastRunAt: Date?
    /// Why the last run failed or did not run, in Indonesian; nil after a good one.
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One search run: the reads and calls it was billed, what it found, or why it failed.
final class ListeningSearchRunModel: Model, @unchecked Sendable {
    static let schema = "listening_search_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "search_id") var searchID: UUID
    @Field(key: "source") var source: ListeningSource
    @Field(key: "ran_at") var ranAt: Date
    @Field(key: "reads") var reads: Int
    @Field(key: "calls") var calls: Int
    @Field(key: "found") var found: Int
    @OptionalField(key: "error") var error: String?

    init() {}
}

/// A surge of everything one account received in a 15-minute bucket, against the same slot of
/// the previous 14 days: a post gone viral, a complaint storm, a raid.
final class AccountAlertModel: Model, @unchecked Sendable {
    static let schema = "account_alerts"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "bucket_start") var bucketStart: Date
    @Field(key: "bucket_end") var bucketEnd: Date
    @Field(key: "count") var count: Int
    @Field(key: "median") var median: Double
    @Field(key: "mad") var mad: Double
    @Field(key: "threshold") var threshold: Double
    @Field(key: "explanation") var explanation: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
