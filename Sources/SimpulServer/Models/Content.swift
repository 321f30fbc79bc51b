import Fluent
import Foundation
import SimpulCore

/// A piece of content being written: a draft until it is submitted for review. The compliance
/// guard runs on submission.
final class ContentItemModel: Model, @unchecked Sendable {
    static let schema = "content_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    /// A `ContentStatus` raw value.
    @Field(key: "status") var status: ContentStatus
    @OptionalField(key: "created_by") var createdBy: UUID?
    @OptionalField(key: "submitted_by") var submittedBy: UUID?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// The approver's written reason for submitting despite a blocking finding.
    @OptionalField(key: "override_reason") var overrideReason: String?
    @OptionalField(key: "override_by") var overrideBy: UUID?
    /// Who approved each step so far, in order (JSON list of user ids).
    @OptionalField(key: "approvals") var storedApprovals: JSONText<[UUID]>?
    @OptionalField(key: "scheduled_at") var scheduledAt: Date?
    /// The reviewer's comment on the last rejection.
    @OptionalField(key: "review_comment") var reviewComment: String?
    @OptionalField(key: "pillar_id") var pillarID: UUID?
    @OptionalField(key: "campaign") var campaign: String?
    /// Audience segments, stored as typed (comma-separated).
    @OptionalField(key: "segments") var segments: AudienceSegments?
    /// The day (start of day in the tenant's zone) the item is planned for, before it has a schedule.
    @OptionalField(key: "planned_at") var plannedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
