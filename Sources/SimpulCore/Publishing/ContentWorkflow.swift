import Foundation

/// Where a content item stands on its way from draft to the platforms.
public enum ContentStatus: String, CaseIterable, Codable, Sendable {
    case draft, inReview, approved, scheduled, publishing, published, failed, rejected
}

/// A unit's approval chain: zero to three steps, each taken by someone holding the step's role
/// on the item's unit (or a koordinator, who supervises every unit).
public struct ApprovalPolicy: Sendable, Equatable, Codable {
    public static let maxSteps = 3
    public let steps: [Role]

    /// The roles that may take an approval step.
    public static let approvingRoles: Set<Role> = [.approver, .unitAdmin, .supervisor]

    public init?(steps: [Role]) {
        guard steps.count <= Self.maxSteps, steps.allSatisfy(Self.approvingRoles.contains) else { return nil }
        self.steps = steps
    }

    /// Used where a unit has not set its own: one approver.
    public static let standard = ApprovalPolicy(steps: [.approver])!
    public static let withoutApproval = ApprovalPolicy(steps: [])!
}

/// The facts about an item that decide what may happen to it next.
public struct WorkflowItem: Sendable, Equatable {
    public var status: ContentStatus
    public var createdBy: UUID
    public var submittedBy: UUID?
    /// Who approved each step so far, in order.
    public var approvals: [UUID]
    public var scheduledAt: Date?

    public init(status: ContentStatus, createdBy: UUID, submittedBy: UUID? = nil, approvals: [UUID] = [], scheduledAt: Date? = nil) {
        self.status = status
        self.createdBy = createdBy
        self.submittedBy = submittedBy
        self.approvals = approvals
        self.scheduledAt = scheduledAt
    }
}

/// Who acts: a person with their roles on the item's unit, or the publishing worker.
public enum WorkflowActor: Sendable, Equatable {
    case person(UUID, roles: Set<Role>)
    case system

    var userID: UUID? { if case .person(let id, _) = self { id } else { nil } }
    var roles: Set<Role> { if case .person(_, let roles) = self { roles } else { [] } }
    func holds(_ permission: Permission) -> Bool { roles.contains { $0.permissions.contains(permission) } }
}

public enum WorkflowAction: Sendable, Equatable {
    case submit
    case approve
    case reject(comment: String)
    /// Any edit to the text, variants or media.
    case edit
    case schedule(at: Date)
    case unschedule
    case startPublishing
    case published
    case failed
    case retry
}

/// Who should hear about a transition; the server turns these into people.
public enum WorkflowAudience: Sendable, Equatable, Hashable {
    case author
    case approvers(step: Int, role: Role)
    case contentManagers
}

public enum WorkflowDenial: Error, Equatable, Sendable {
    case notInThisState(ContentStatus)
    case notPermitted
    case needsRole(Role)
    /// Four eyes: nobody approves what they wrote or submitted, or two steps of one item.
    case ownWork
    case alreadyApproved
    case commentRequired(min: Int)
    case inThePast
    case systemOnly
}

public struct WorkflowTransition: Sendable, Equatable {
    public var item: WorkflowItem
    public var notify: Set<WorkflowAudience>
}

/// The content state machine: draft → inReview → approved → scheduled → publishing →
/// published | failed, and rejected. One pure function, so every allowed and denied move is
/// tested without a server.
public enum ContentWorkflow {
    public static let minRejectComment = 10
    /// A schedule a little in the past still counts as "now" (the form took time to send).
    public static let scheduleGrace: TimeInterval = 5 * 60

    public static func apply(_ action: WorkflowAction, to item: WorkflowItem, by actor: WorkflowActor, policy: ApprovalPolicy,
                             now: Date) -> Result<WorkflowTransition, WorkflowDenial> {
        var next = item
        func done(_ status: ContentStatus, _ notify: Set<WorkflowAudience>) -> Result<WorkflowTransition, WorkflowDenial> {
            next.status = status
            return .success(WorkflowTransition(item: next, notify: notify))
        }
        /// After submission or an edit that needs review again: the first step's approvers, or
        /// straight to approved when the unit needs no approval.
        func toReview() -> Result<WorkflowTransition, WorkflowDenial> {
            next.approvals = []
            next.scheduledAt = nil
            guard let first = policy.steps.first else { return done(.approved, [.author]) }
            return done(.inReview, [.approvers(step: 0, role: first)])
        }
        switch action {
        case .startPublishing, .published, .failed:
            guard actor == .system else { return .failure(.systemOnly) }
            switch (action, item.status) {
            case (.startPublishing, .scheduled):
                guard item.approvals.count >= policy.steps.count else { return .failure(.notInThisState(item.status)) }
                return done(.publishing, [])
            case (.published, .publishing): return done(.published, [.author])
            case (.failed, .publishing): return done(.failed, [.author, .contentManagers])
            default: return .failure(.notInThisState(item.status))
            }
        default:
            break
        }
        guard let userID = actor.userID else { return .failure(.notPermitted) }

        switch action {
        case .submit:
            guard [.draft, .rejected].contains(item.status) else { return .failure(.notInThisState(item.status)) }
            guard actor.holds(.manageContent) else { return .failure(.notPermitted) }
            next.submittedBy = userID
            return toReview()

        case .edit:
            guard actor.holds(.manageContent) else { return .failure(.notPermitted) }
            switch item.status {
            case .draft, .rejected: return done(.draft, [])
            case .inReview, .approved, .scheduled, .failed:
                // Whatever was approved is not what will be published any more.
                next.submittedBy = userID
                return toReview()
            case .publishing, .published:
                return .failure(.notInThisState(item.status))
            }

        case .approve, .reject:
            guard item.status == .inReview, item.approvals.count < policy.steps.count else { return .failure(.notInThisState(item.status)) }
            let step = item.approvals.count
            let role = policy.steps[step]
            guard actor.roles.contains(role) || actor.roles.contains(.supervisor) else { return .failure(.needsRole(role)) }
            if case .reject(let comment) = action {
                guard comment.trimmingWhitespace.count >= minRejectComment else { return .failure(.commentRequired(min: minRejectComment)) }
                next.approvals = []
                return done(.rejected, [.author])
            }
            guard userID != item.createdBy, userID != item.submittedBy else { return .failure(.ownWork) }
            guard !item.approvals.contains(userID) else { return .failure(.alreadyApproved) }
            next.approvals.append(userID)
            if next.approvals.count == policy.steps.count { return done(.approved, [.author, .contentManagers]) }
            return done(.inReview, [.approvers(step: step + 1, role: policy.steps[step + 1])])

        case .schedule(let at):
            guard [.approved, .scheduled].contains(item.status) else { return .failure(.notInThisState(item.status)) }
            guard actor.holds(.manageContent) else { return .failure(.notPermitted) }
            guard at >= now.addingTimeInterval(-scheduleGrace) else { return .failure(.inThePast) }
            next.scheduledAt = max(at, now)
            return done(.scheduled, [.contentManagers])

        case .unschedule:
            guard item.status == .scheduled else { return .failure(.notInThisState(item.status)) }
            guard actor.holds(.manageContent) else { return .failure(.notPermitted) }
            next.scheduledAt = nil
            return done(.approved, [.contentManagers])

        case .retry:
            guard item.status == .failed else { return .failure(.notInThisState(item.status)) }
            guard actor.holds(.manageContent) else { return .failure(.notPermitted) }
            next.scheduledAt = now
            return done(.scheduled, [.contentManagers])

        case .startPublishing, .published, .failed:
            return .failure(.systemOnly)
        }
    }
}
