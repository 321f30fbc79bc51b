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
    /// Paste a text into the checker and see its findings.
    case checkCompliance
    case viewFindings
    /// Mark findings confirmed, false positive or escalated.
    case reviewFindings
    case viewRulePacks
    /// Switch packs, edit the tenant's own packs and election data (tenant-wide).
    case manageRulePacks
    case viewContent
    case manageContent
    /// Submit a draft despite a blocking finding, with a written reason.
    case overrideCompliance
    /// Take an approval step on content (which step a person may take is the unit's policy).
    case approveContent
    /// The unified inbox of comments, mentions and messages on the accounts in scope.
    case viewInbox
    /// Reply to messages and write internal notes.
    case replyInbox
    /// Write and remove saved replies for the units one manages (tenant-wide: koordinator).
    case manageSavedReplies
    /// The tenant's SLA targets, office hours and holidays.
    case manageSLA
    /// The tenant's copy of its Meta-approved WhatsApp templates (tenant-wide).
    case manageTemplates
    /// See amplification tasks and their completion per unit and person.
    case viewAmplification
    /// Hand a published official post to staff as an amplification task.
    case manageAmplification
    /// Have amplification tasks of one's own and prove them done (ASN with personal accounts).
    case amplify
    /// Read issue cases (Ruang Isu) led by or involving one's units.
    case viewCases
    /// Open cases, move their status, pull units in or out, set the holding statement.
    case manageCases
    /// Take part in a case: notes, tasks, linked messages.
    case workCases
    /// Write and switch listening rules for one's units (their hits are read with `viewCases`).
    case manageListening
    /// Keep the hoax register of one's units: claims, their clarifications, CSV imports.
    case manageHoaxRegister
    /// The tenant's listening settings: public-search credentials (X, YouTube) and read budgets,
    /// and how close a text must be to a registered hoax (tenant-wide: koordinator).
    case manageListeningSettings
}

extension Role {
    public var permissions: Set<Permission> {
        switch self {
        case .supervisor:
            // Amplification tasks go to ASN with personal accounts, not to the koordinator.
            Set(Permission.allCases).subtracting([.amplify])
        case .unitAdmin:
            [.viewHome, .viewUnits, .viewAccounts, .manageAccounts, .viewUsers, .manageUsers,
             .checkCompliance, .viewFindings, .reviewFindings, .viewRulePacks, .viewContent, .manageContent, .approveContent, .viewInbox, .replyInbox,
             .manageSavedReplies, .viewAmplification, .manageAmplification, .viewCases, .manageCases, .workCases,
             .manageListening, .manageHoaxRegister]
        case .approver:
            [.viewHome, .viewUnits, .viewAccounts,
             .checkCompliance, .viewFindings, .reviewFindings, .viewRulePacks, .viewContent, .manageContent, .overrideCompliance, .approveContent,
             .viewInbox, .replyInbox, .viewAmplification, .viewCases, .workCases]
        case .operator:
            [.viewHome, .viewUnits, .viewAccounts, .checkCompliance, .viewFindings, .viewRulePacks, .viewContent, .manageContent, .viewInbox, .replyInbox,
             .viewAmplification, .viewCases, .workCases]
        case .viewer:
            [.viewHome, .viewUnits, .viewAccounts, .checkCompliance, .viewFindings, .viewRulePacks, .viewContent, .viewInbox, .viewAmplification,
             .viewCases]
        case .staff:
            [.viewHome, .checkCompliance, .amplify]
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
