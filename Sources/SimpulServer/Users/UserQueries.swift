import Fluent
import Foundation
import SimpulCore

enum UserQueries {
    struct Entry {
        let user: UserModel
        let memberships: [MembershipModel]
        var unitIDs: [UUID] { memberships.map(\.unitID) }
    }

    /// Every person of the tenant with their roles: a few hundred rows at most, read whole.
    static func directory(tenantID: UUID, on db: Database) async throws -> [Entry] {
        let users = try await UserModel.query(on: db).filter(\.$tenantID == tenantID).sort(\.$name).all()
        let memberships = try await MembershipModel.query(on: db).filter(\.$tenantID == tenantID).all()
        let byUser = Dictionary(grouping: memberships, by: \.userID)
        return users.map { Entry(user: $0, memberships: byUser[$0.id!] ?? []) }
    }

    static func find(_ id: UUID, tenantID: UUID, on db: Database) async throws -> Entry? {
        guard let user = try await UserModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == id).first() else { return nil }
        let memberships = try await MembershipModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$userID == id).all()
        return Entry(user: user, memberships: memberships)
    }

    static func emailTaken(_ email: String, tenantID: UUID, except id: UUID?, on db: Database) async throws -> Bool {
        var query = UserModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$email == email)
        if let id { query = query.filter(\.$id != id) }
        return try await query.count() > 0
    }

    static func nipTaken(_ nip: String, tenantID: UUID, except id: UUID?, on db: Database) async throws -> Bool {
        var query = UserModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$nip == nip)
        if let id { query = query.filter(\.$id != id) }
        return try await query.count() > 0
    }
}
