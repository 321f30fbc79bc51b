import Fluent
import SimpulCore
import Foundation

/// One row of the jejak audit. Append-only: the database itself refuses updates and deletes.
final class AuditEventModel: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: AuditAction
    @Field(key: "target_type") var targetType: AuditTarget
    @OptionalField(key: "target_id") var targetID: UUID?
    @Field(key: "target_label") var targetLabel: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "ip") var ip: String?
    /// The fields that changed, kept as JSON {"before": {...}, "after": {...}}.
    @Field(key: "summary") var summary: JSONText<AuditChange>

    init() {}
}
