import Fluent
import Foundation
import SimpulCore
import Vapor

/// Who is making this request, in which tenant, and what they may reach.
struct Principal: Sendable {
    let tenant: Tenant
    let user: UserModel
    let scope: AccessScope
    let session: SessionModel?

    var tenantID: UUID { tenant.id! }
    var userID: UUID { user.id! }

    /// The open units where the person holds `permission`, in tree order and indented by
    /// depth, as a form's unit menu offers them.
    func unitChoices(with permission: Permission) -> [(UUID, String)] {
        scope.tree.flattened().filter { scope.allows(permission, on: $0.unit.id) && $0.unit.active }
            .map { ($0.unit.id, String(repeating: "  ", count: $0.depth) + $0.unit.name) }
    }
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The signed-in principal; routes behind the gate always have one.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw AppError.unauthenticated }
        return principal
    }
}

enum ScopeLoader {
    /// Reads the tenant's unit tree and the user's grants: the two facts every access decision needs.
    static func load(tenant: Tenant, user: UserModel, session: SessionModel?, on db: Database) async throws -> Principal {
        let tree = try await UnitQueries.tree(tenantID: tenant.id!, on: db)
        let memberships = try await MembershipModel.query(on: db)
            .filter(\.$tenantID == tenant.id!)
            .filter(\.$userID == user.id!)
            .all()
        let grants = memberships.map { AccessScope.Grant(unitID: $0.unitID, role: $0.role) }
        return Principal(tenant: tenant, user: user, scope: AccessScope(grants: grants, tree: tree), session: session)
    }
}
