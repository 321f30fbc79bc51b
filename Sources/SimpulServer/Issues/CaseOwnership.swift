import Fluent
import Foundation
import SimpulCore
import Vapor

extension CaseService {
    /// Hands the case to another person of the tenant who can take part in it (the lead unit's
    /// people, or those of a unit pulled in); they are told, and the change is on the timeline
    /// and in the audit log.
    static func assignOwner(_ userID: UUID, of item: CaseModel, principal: Principal, req: Request) async throws {
        guard userID != item.ownerUserID else { return }
        guard let entry = try await UserQueries.find(userID, tenantID: principal.tenantID, on: req.db), entry.user.active else {
            throw CaseProblem.ownerUnknown
        }
        let scope = try await ScopeLoader.load(tenant: principal.tenant, user: entry.user, session: nil, on: req.db).scope
        let involved = try await CaseQueries.activeUnits(of: item.id!, tenantID: item.tenantID, on: req.db).map(\.unitID)
        guard CaseAccess(item, involved: involved, scope: scope).canWork else { throw CaseProblem.ownerCannotWork }
        let before = item.ownerUserID
        let now = req.now
        let actor = req.auditActor(principal)
        item.ownerUserID = userID
        item.updatedAt = now
        try await req.db.transaction { db in
            try await item.save(on: db)
            try await event(item, .owner, "Penanggung jawab: \(entry.user.name).", actor: actor, on: db)
            try await Auditor.record(actor, on: db, action: .caseOwner, targetType: .issueCase, targetID: item.id, label: item.label,
                                     before: ["owner_user_id": before?.uuidString ?? ""], after: ["owner_user_id": userID.uuidString])
            if userID != principal.userID {
                try await NotificationModel.tell([userID], tenantID: item.tenantID, text: "Anda menjadi penanggung jawab \(item.label): \(item.title).",
                                                 link: .issueCase(item.id!), at: now, on: db)
            }
        }
    }
}
