import Fluent
import Foundation
import SimpulCore

/// A unit's approval chain; units without one use their nearest ancestor's.
final class ApprovalPolicyModel: Model, @unchecked Sendable {
    static let schema = "approval_policies"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// Role raw values, comma-separated, in step order; empty: no approval needed.
    @Field(key: "steps") var steps: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var policy: ApprovalPolicy? {
        let roles = steps.split(separator: ",").map { Role(rawValue: String($0)) }
        guard roles.allSatisfy({ $0 != nil }) else { return nil }
        return ApprovalPolicy(steps: roles.compactMap { $0 })
    }
}

/// What one account will post of a content item: the item's body unless the variant says
/// otherwise, and once published, where the post is.
final class ContentVariantModel: Model, @unchecked Sendable {
    static let schema = "content_variants"

    enum Status: String, Codable, Sendable {
        /// Part of an item that is not scheduled (draft, in review, approved).
        case pending
        case scheduled, publishing, published, failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "account_id") var accountID: UUID
    /// nil: the item's body.
    @OptionalField(key: "text") var text: String?
    @OptionalField(key: "link") var link: String?
    /// Space-separated, without '#'.
    @Field(key: "hashtags") var hashtags: String
    @OptionalField(key: "first_comment") var firstComment: String?
    @OptionalField(key: "title") var title: String?
    /// Media library ids, in order (JSON list).
    @OptionalField(key: "media_ids") var storedMediaIDs: JSONText<[UUID]>?
    @Field(key: "status") var status: Status
    @OptionalField(key: "platform_post_id") var platformPostID: String?
    @OptionalField(key: "url") var url: String?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var mediaIDs: [UUID] {
        get { storedMediaIDs?.value ?? [] }
        set { storedMediaIDs = newValue.isEmpty ? nil : JSONText(newValue) }
    }

    /// The variant as the platform rules see it, with its media's facts in order.
    func draft(body: String, media: [UUID: MediaFileModel] = [:]) -> PostDraft {
        PostDraft(text: text ?? body, link: link, hashtags: hashtags.split(separator: " ").map(String.init),
                  firstComment: firstComment, title: title, media: mediaIDs.compactMap { media[$0]?.facts })
    }
}

/// One try at publishing a variant, written (and committed) before the platform is called.
/// An attempt with no outcome is one whose result nobody saw: the next try looks first.
final class PublishAttemptModel: Model, @unchecked Sendable {
    static let schema = "publish_attempts"

    enum Outcome: String, Sendable {
        case published
        /// Found on the platform by a later attempt that looked before posting.
        case found
        /// Looked for and not there: the call never reached the platform.
        case notFound
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "variant_id") var variantID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "platform_post_id") var platformPostID: String?
    @OptionalField(key: "error") var error: String?
    /// What the platform calls the post while it prepares it (an Instagram container, a TikTok
    /// publish id); kept so that the next try carries on instead of starting again.
    @OptionalField(key: "processing_handle") var processingHandle: String?

    init() {}
}

/// One of the tenant's content pillars (Layanan Publik, Klarifikasi Hoaks, …).
final class ContentPillarModel: Model, @unchecked Sendable {
    static let schema = "content_pillars"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(tenantID: UUID, name: String, at: Date) {
        self.id = UUID()
        self.tenantID = tenantID
        self.name = name
        self.active = true
        self.createdAt = at
    }
}

/// One file of the media library.
final class MediaFileModel: Model, @unchecked Sendable {
    static let schema = "media_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// The name it was uploaded with, shown to people; never used to decide what it is.
    @Field(key: "name") var name: String
    @Field(key: "format") var format: String
    @Field(key: "bytes") var bytes: Int
    @OptionalField(key: "width") var width: Int?
    @OptionalField(key: "height") var height: Int?
    @OptionalField(key: "duration_seconds") var durationSeconds: Double?
    @Field(key: "storage_key") var storageKey: String
    /// The PNG preview beside the file, when its format could be read (JPEG, PNG).
    @OptionalField(key: "preview_key") var previewKey: String?
    @OptionalField(key: "uploaded_by") var uploadedBy: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var facts: MediaFacts? {
        MediaFacts.Format(rawValue: format).map { MediaFacts(format: $0, bytes: bytes, width: width, height: height, durationSeconds: durationSeconds) }
    }
}
