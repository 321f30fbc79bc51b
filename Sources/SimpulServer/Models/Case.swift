import Fluent
import Foundation
import SimpulCore

/// An issue case (isu) in the war-room: one problem, the units answering it, and its clocks.
final class CaseModel: Model, @unchecked Sendable {
    static let schema = "cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// Counted per tenant from 1: "ISU-12" is what people say on the phone.
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    /// The unit that runs the case (usually Diskominfo); its managers move the case.
    @Field(key: "lead_unit_id") var leadUnitID: UUID
    @OptionalField(key: "owner_user_id") var ownerUserID: UUID?
    @Field(key: "status") var status: CaseStatus
    @Field(key: "origin") var origin: CaseOrigin
    /// The message, alert or hoax match it was opened from.
    @OptionalField(key: "origin_ref") var originRef: String?
    /// What the government says while the answer is being prepared.
    @OptionalField(key: "holding_statement") var holdingStatement: String?
    @Field(key: "opened_at") var openedAt: Date
    @OptionalField(key: "coordinate_due") var coordinateDue: Date?
    @OptionalField(key: "resolve_due") var resolveDue: Date?
    /// First time the case left `open`.
    @OptionalField(key: "coordinated_at") var coordinatedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var label: String { "ISU-\(number)" }
}

/// A unit pulled into a case. While `removedAt` is nil and the case is not closed, the unit's
/// people see the case and the messages linked to it, even outside their own inbox.
final class CaseUnitModel: Model, @unchecked Sendable {
    static let schema = "case_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "added_at") var addedAt: Date
    @OptionalField(key: "added_by") var addedBy: UUID?
    @OptionalField(key: "removed_at") var removedAt: Date?

    init() {}
}

/// A message or content item linked to a case.
final class CaseLinkModel: Model, @unchecked Sendable {
    static let schema = "case_links"

    enum Kind: String, Codable, Sendable {
        case message
        /// Response content: it goes through the normal approval and publishing.
        case content
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "kind") var kind: Kind
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "linked_at") var linkedAt: Date
    @OptionalField(key: "linked_by") var linkedBy: UUID?

    init() {}
}

final class CaseTaskModel: Model, @unchecked Sendable {
    static let schema = "case_tasks"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "title") var title: String
    @OptionalField(key: "assignee_unit_id") var assigneeUnitID: UUID?
    @OptionalField(key: "assignee_user_id") var assigneeUserID: UUID?
    @OptionalField(key: "due_at") var dueAt: Date?
    @OptionalField(key: "done_at") var doneAt: Date?
    @OptionalField(key: "done_by") var doneBy: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One line of a case's timeline: everything that happened, in order.
final class CaseEventModel: Model, @unchecked Sendable {
    static let schema = "case_events"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case opened, note, status, unitAdded, unitRemoved, messageLinked, contentLinked, taskAdded, taskDone, holding, owner
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "kind") var kind: Kind
    @Field(key: "text") var text: String

    init() {}
}
