import Foundation

/// One user's reach inside one tenant: the roles they hold on units, read through the unit tree.
/// A role on a unit covers the unit and its descendants; this is the only place that decides.
public struct AccessScope: Sendable {
    public struct Grant: Sendable, Hashable {
        public let unitID: UUID
        public let role: Role
        public init(unitID: UUID, role: Role) {
            self.unitID = unitID
            self.role = role
        }
    }

    public let grants: [Grant]
    public let tree: UnitTree

    public init(grants: [Grant], tree: UnitTree) {
        // A grant on a unit that no longer exists in this tenant covers nothing.
        self.grants = grants.filter { tree[$0.unitID] != nil }
        self.tree = tree
    }

    public func roles(on unitID: UUID) -> Set<Role> {
        let lineage = Set(tree.lineage(of: unitID))
        return Set(grants.filter { lineage.contains($0.unitID) }.map(\.role))
    }

    public func allows(_ permission: Permission, on unitID: UUID) -> Bool {
        roles(on: unitID).contains { $0.permissions.contains(permission) }
    }

    /// Whether the permission is held on at least one unit: enough to open a list page,
    /// whose rows are then limited to `units(with:)`.
    public func allowsSomewhere(_ permission: Permission) -> Bool {
        grants.contains { $0.role.permissions.contains(permission) }
    }

    /// Every unit on which the permission holds.
    public func units(with permission: Permission) -> Set<UUID> {
        var result: Set<UUID> = []
        for grant in grants where grant.role.permissions.contains(permission) && !result.contains(grant.unitID) {
            result.formUnion(tree.subtree(of: grant.unitID))
        }
        return result
    }

    /// Whether the permission covers the whole tenant (a supervisor on the root).
    public func coversTenant(_ permission: Permission) -> Bool {
        let all = Set(tree.units.keys)
        return !all.isEmpty && units(with: permission) == all
    }

    public func canGrant(_ role: Role, on unitID: UUID) -> Bool {
        roles(on: unitID).contains { $0.permissions.contains(.manageUsers) && $0.grantableRoles.contains(role) }
    }

    /// Managing a person (reset a password, deactivate) reaches every unit they work in, so it
    /// needs the permission on all of them; someone with no unit at all belongs to the tenant.
    public func canManageUser(memberOf unitIDs: [UUID]) -> Bool {
        if unitIDs.isEmpty { return coversTenant(.manageUsers) }
        return unitIDs.allSatisfy { allows(.manageUsers, on: $0) }
    }

    public func canViewUser(memberOf unitIDs: [UUID]) -> Bool {
        if unitIDs.isEmpty { return coversTenant(.viewUsers) }
        return unitIDs.contains { allows(.viewUsers, on: $0) }
    }
}
