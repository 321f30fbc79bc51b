import Fluent
import Foundation
import SimpulCore

/// Who may do what with a case. The lead unit's scope reads and (for managers) runs it; a unit
/// pulled in lends its people sight of the case and its linked messages, and a part in it, only
/// while it is involved and the case is not closed.
struct CaseAccess: Equatable {
    var canView = false
    var canManage = false
    var canWork = false

    init(_ item: CaseModel, involved: [UUID], scope: AccessScope) {
        let lead = item.leadUnitID
        let lending = item.status == .closed ? [] : involved
        canManage = scope.allows(.manageCases, on: lead)
        canView = canManage || scope.allows(.viewCases, on: lead) || lending.contains { scope.allows(.viewCases, on: $0) }
        canWork = canManage || scope.allows(.workCases, on: lead) || lending.contains { scope.allows(.workCases, on: $0) }
    }
}

enum CaseQueries {
    /// The units involved in a case now (not released).
    static func activeUnits(of caseID: UUID, tenantID: UUID, on db: Database) async throws -> [CaseUnitModel] {
        try await CaseUnitModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$caseID == caseID)
            .filter(\.$removedAt == nil).sort(\.$addedAt).all()
    }

    /// The case the route names, if the person may see it (404 otherwise), with their access.
    static func load(_ id: UUID?, principal: Principal, on db: Database) async throws -> (CaseModel, [CaseUnitModel], CaseAccess) {
        guard let id, let item = try await CaseModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        let units = try await activeUnits(of: id, tenantID: principal.tenantID, on: db)
        let access = CaseAccess(item, involved: units.map(\.unitID), scope: principal.scope)
        guard access.canView else { throw AppError.notFound }
        return (item, units, access)
    }

    /// Cases the person sees: led within their scope, or not closed and involving one of their units.
    static func visible(_ principal: Principal, status: CaseStatus?, on db: Database) async throws -> [CaseModel] {
        try await visibleQuery(principal, status: status, on: db).sort(\.$openedAt, .descending).limit(500).all()
    }

    static func visibleQuery(_ principal: Principal, status: CaseStatus?, on db: Database) async throws -> QueryBuilder<CaseModel> {
        let lead = Array(principal.scope.units(with: .viewCases))
        let involvedIDs = try await CaseUnitModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$unitID ~~ lead)
            .filter(\.$removedAt == nil).all(\.$caseID)
        var query = CaseModel.query(on: db).filter(\.$tenantID == principal.tenantID).group(.or) { either in
            either.filter(\.$leadUnitID ~~ lead)
            either.group(.and) { $0.filter(\.$id ~~ Array(Set(involvedIDs))).filter(\.$status != .closed) }
        }
        if let status { query = query.filter(\.$status == status) }
        return query
    }

    /// True when a case the person's units are involved in links this message: the message is
    /// then readable for them although its account lies outside their inbox.
    static func lendsSight(of messageID: UUID, to principal: Principal, on db: Database) async throws -> Bool {
        let caseIDs = try await CaseLinkModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$kind == .message)
            .filter(\.$targetID == messageID).all(\.$caseID)
        guard !caseIDs.isEmpty else { return false }
        let mine = Array(principal.scope.units(with: .viewCases))
        let involving = try await CaseUnitModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$caseID ~~ caseIDs)
            .filter(\.$unitID ~~ mine).filter(\.$removedAt == nil).all(\.$caseID)
        guard !involving.isEmpty else { return false }
        return try await CaseModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ involving)
            .filter(\.$status != .closed).count() > 0
    }

    /// Of the cases the person sees (`visible`), the open ones they can take part in: the
    /// choices for linking a message.
    static func workable(_ principal: Principal, among visible: [CaseModel], on db: Database) async throws -> [CaseModel] {
        let open = visible.filter { $0.status != .closed }
        guard !open.isEmpty else { return [] }
        let involved = Dictionary(grouping: try await CaseUnitModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$caseID ~~ open.map { $0.id! }).filter(\.$removedAt == nil).all(), by: \.caseID)
        return open.filter { CaseAccess($0, involved: (involved[$0.id!] ?? []).map(\.unitID), scope: principal.scope).canWork }
    }
}
