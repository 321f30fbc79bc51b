import Fluent
import Foundation
import SimpulCore

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @OptionalField(key: "nip") var nip: String?
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(id: UUID? = nil, tenantID: UUID, name: String, email: String, nip: String?, phone: String?, passwordHash: String, at: Date) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.email = email
        self.nip = nip
        self.phone = phone
        self.passwordHash = passwordHash
        self.active = true
        self.createdAt = at
        self.updatedAt = at
    }
}

final class MembershipModel: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "role") var role: Role
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(tenantID: UUID, userID: UUID, unitID: UUID, role: Role, at: Date) {
        self.tenantID = tenantID
        self.userID = userID
        self.unitID = unitID
        self.role = role
        self.createdAt = at
    }
}
