import Fluent
import Foundation
import SimpulCore

final class UnitModel: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Enum(key: "kind") var kind: UnitKind
    @Field(key: "name") var name: String
    @Field(key: "code") var code: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(id: UUID? = nil, tenantID: UUID, parentID: UUID?, kind: UnitKind, name: String, code: String, at: Date) {
        self.id = id
        self.tenantID = tenantID
        self.parentID = parentID
        self.kind = kind
        self.name = name
        self.code = code
        self.active = true
        self.createdAt = at
        self.updatedAt = at
    }
}
