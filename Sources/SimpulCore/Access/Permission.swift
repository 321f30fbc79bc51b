/// Everything the product lets someone do. Routes name one of these; `AccessScope` decides.
public enum Permission: String, CaseIterable, Sendable {
    case viewHome
    case viewUnits
    case manageUnits
    case viewAccounts
    case manageAccounts
    case viewUsers
    case manageUsers
    case viewAudit
}

extension Role {
    public var permissions: Set<Permission> {
        switch self {
        case .supervisor:
            Set(Permission.allCases)
        case .unitAdmin:
            [.viewHome, .viewUnits, .viewAccounts, .manageAccounts, .viewUsers, .manageUsers]
        case .operator, .approver, .viewer:
            [.viewHome, .viewUnits, .viewAccounts]
        case .staff:
            [.viewHome]
        }
    }

    /// Roles this role may hand out on units it covers: nobody grants more than they hold.
    public var grantableRoles: Set<Role> {
        switch self {
        case .supervisor: Set(Role.allCases)
        case .unitAdmin: [.unitAdmin, .operator, .approver, .viewer, .staff]
        default: []
        }
    }
}
