import Fluent
import Foundation
import SimpulCore
import SQLKit

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

    /// The active people holding a role with `permission` on one of `units`, by name. One join
    /// for the pages that ask on every view (assignee menus, the home page's count), instead of
    /// the whole directory read into models.
    static func people(tenantID: UUID, holding permission: Permission? = nil, except excluded: Set<Role> = [], on units: Set<UUID>,
                       on db: Database) async throws -> [(id: UUID, name: String)] {
        let roles = Role.allCases.filter { !excluded.contains($0) && permission.map($0.permissions.contains) ?? true }
        guard !roles.isEmpty, !units.isEmpty else { return [] }
        let rows = try await (try db.sql).raw("""
            SELECT DISTINCT u.id, u.name FROM users u JOIN memberships m ON m.tenant_id = u.tenant_id AND m.user_id = u.id
            WHERE u.tenant_id = \(bind: tenantID) AND u.active = \(bind: true)
              AND m.role IN (\(binds: roles.map(\.rawValue))) AND m.unit_id IN (\(binds: Array(units)))
            ORDER BY u.name, u.id
            """).all()
        return try rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) }
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
