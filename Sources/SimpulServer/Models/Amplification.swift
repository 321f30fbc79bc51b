import Fluent
import Foundation
import SimpulCore

/// A request to staff to pass one published official post on from their own accounts.
final class AmplificationTaskModel: Model, @unchecked Sendable {
    static let schema = "amplification_tasks"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// The unit of the official account that published the post; who sees the task follows it.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "variant_id") var variantID: UUID
    @Field(key: "platform") var platform: Platform
    @Field(key: "post_id") var postID: String
    @OptionalField(key: "post_url") var postURL: String?
    @Field(key: "title") var title: String
    @Field(key: "caption") var caption: String
    @Field(key: "deadline") var deadline: Date
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// A task on a published variant of `account`, whose unit it belongs to.
    init(variant: ContentVariantModel, account: AccountModel, title: String, caption: String, deadline: Date, createdBy: UUID?, at now: Date) {
        id = UUID()
        tenantID = variant.tenantID
        unitID = account.unitID
        variantID = variant.id!
        platform = account.platform
        postID = variant.platformPostID!
        postURL = variant.url
        self.title = title
        self.caption = caption
        self.deadline = deadline
        self.createdBy = createdBy
        createdAt = now
    }

    var amplified: AmplifiedPost { AmplifiedPost(platform: platform, externalID: postID, url: postURL) }
}

/// One staff member's part in a task, and how it was proven.
final class AmplificationAssignmentModel: Model, @unchecked Sendable {
    static let schema = "amplification_assignments"

    enum Method: String, Sendable {
        /// The connector saw the share or quote arrive from one of the person's accounts.
        case observed
        /// The person sent a link and the platform confirmed it.
        case link
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "user_id") var userID: UUID
    /// The staff member's unit when the task was given, for completion per unit.
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "method") var method: String?
    @OptionalField(key: "account_id") var accountID: UUID?
    @OptionalField(key: "proof_url") var proofURL: String?
    @OptionalField(key: "proof_post_id") var proofPostID: String?
    /// Why the last link sent was not accepted, in Indonesian, until one is.
    @OptionalField(key: "last_refusal") var lastRefusal: String?
    @OptionalField(key: "last_refusal_at") var lastRefusalAt: Date?

    init() {}

    init(task: AmplificationTaskModel, userID: UUID, unitID: UUID) {
        id = UUID()
        tenantID = task.tenantID
        taskID = task.id!
        self.userID = userID
        self.unitID = unitID
    }

    func status(deadline: Date, now: Date) -> AssignmentStatus {
        AssignmentStatus.of(completedAt: completedAt, deadline: deadline, now: now)
    }
}

final class AccountHoldingPolicyModel: Model, @unchecked Sendable {
    static let schema = "account_holding_policies"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "min_accounts") var minAccounts: Int
    @Field(key: "min_followers") var minFollowers: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
