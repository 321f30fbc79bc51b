import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms

/// A routing rule: new messages that match go to a unit, or in turn to the people of that unit.
final class RoutingRuleModel: Model, @unchecked Sendable {
    static let schema = "routing_rules"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    /// Messages on accounts of this unit or below; nil for any.
    @OptionalField(key: "source_unit_id") var sourceUnitID: UUID?
    /// A word the message must contain, compared on stems ("air" finds "airnya").
    @OptionalField(key: "keyword") var keyword: String?
    @OptionalField(key: "platform") var platform: Platform?
    /// One of `routableKinds`; nil for any.
    @OptionalField(key: "kind") var kind: MessageKind?
    @Field(key: "target_unit_id") var targetUnitID: UUID
    /// Give each match to the next person of the target unit rather than to the unit.
    @Field(key: "round_robin") var roundRobin: Bool
    /// How many messages the round robin has handed out, to pick the next person.
    @Field(key: "rotation") var rotation: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// The kinds a rule may name: the ones that start a conversation.
    static let routableKinds: [MessageKind] = [.comment, .mention, .dm]
}

final class SLASettingsModel: Model, @unchecked Sendable {
    static let schema = "sla_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "policy") var policy: JSONText<SLAPolicy>
    /// Office hours by weekday (1 = Sunday … 7 = Saturday).
    @Field(key: "hours") var hours: JSONText<[Int: WorkingCalendar.Hours]>
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

final class HolidayModel: Model, @unchecked Sendable {
    static let schema = "holidays"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "day") var day: String
    @Field(key: "name") var name: String

    init() {}
}
