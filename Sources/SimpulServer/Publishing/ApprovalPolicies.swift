import Fluent
import Foundation
import SimpulCore

/// Which approval chain applies to a unit's content: its own, else its nearest ancestor's,
/// else one approver.
enum ApprovalPolicies {
    static func policy(for unitID: UUID, tenantID: UUID, tree: UnitTree, on db: Database) async throws -> ApprovalPolicy {
        try await resolver(tenantID: tenantID, tree: tree, on: db)(unitID)
    }

    /// Reads the tenant's policies once, for pages that ask about many units.
    static func resolver(tenantID: UUID, tree: UnitTree, on db: Database) async throws -> @Sendable (UUID) -> ApprovalPolicy {
        let rows = try await ApprovalPolicyModel.query(on: db).filter(\.$tenantID == tenantID).all()
        let byUnit = Dictionary(rows.compactMap { row in row.policy.map { (row.unitID, $0) } }, uniquingKeysWith: { first, _ in first })
        return { unitID in
            for unit in tree.lineage(of: unitID) {
                if let policy = byUnit[unit] { return policy }
            }
            return .standard
        }
    }

    /// The unit's own policy row, if it has one.
    static func own(unitID: UUID, tenantID: UUID, on db: Database) async throws -> ApprovalPolicyModel? {
        try await ApprovalPolicyModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$unitID == unitID).first()
    }
}

extension ContentItemModel {
    var approvals: [UUID] {
        get { storedApprovals?.value ?? [] }
        set { storedApprovals = JSONText(newValue) }
    }

    var workflowItem: WorkflowItem {
        WorkflowItem(status: status, createdBy: createdBy ?? UUID(), submittedBy: submittedBy, approvals: approvals, scheduledAt: scheduledAt)
    }

    /// Takes the state machine's result.
    func adopt(_ item: WorkflowItem) {
        status = item.status
        submittedBy = item.submittedBy
        approvals = item.approvals
        scheduledAt = item.scheduledAt
    }
}
