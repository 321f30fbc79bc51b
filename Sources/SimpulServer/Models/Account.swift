import Fluent
import Foundation
import SimpulCore

final class AccountModel: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Enum(key: "platform") var platform: Platform
    @Field(key: "handle") var handle: String
    @Field(key: "display_name") var displayName: String
    @Enum(key: "kind") var kind: AccountKind
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "owner_id") var ownerID: UUID?
    @Enum(key: "status") var status: AccountStatus
    @Field(key: "follower_count") var followerCount: Int
    /// AES-GCM sealed platform credentials; never rendered, never logged.
    @OptionalField(key: "credentials") var credentials: Data?
    @Field(key: "active") var active: Bool
    /// The account's id on its platform (Page id, Instagram user id, phone_number_id, X user id,
    /// YouTube channel id): how inbound events find their account.
    @OptionalField(key: "external_id") var externalID: String?
    /// Connected to the built-in simulated platform rather than the real one.
    @Field(key: "sandbox") var sandbox: Bool
    /// Calls to the platform wait until then (a rate limit's reset time).
    @OptionalField(key: "paused_until") var pausedUntil: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(tenantID: UUID, draft: AccountDraft, at: Date) {
        self.tenantID = tenantID
        self.active = true
        self.sandbox = false
        self.createdAt = at
        apply(draft, at: at)
    }

    func apply(_ draft: AccountDraft, at: Date) {
        platform = draft.platform
        handle = draft.handle
        displayName = draft.displayName
        kind = draft.kind
        unitID = draft.unitID
        ownerID = draft.ownerID
        followerCount = draft.followers
        status = draft.status
        updatedAt = at
    }

    var draft: AccountDraft {
        AccountDraft(platform: platform, handle: handle, displayName: displayName, kind: kind, unitID: unitID,
                     ownerID: ownerID, followers: followerCount, status: status)
    }
}
