import Fluent
import Foundation
import SimpulCore
import Vapor

/// /api/v1/cases: the war-room over the API. Who sees and changes a case is CaseAccess's
/// decision and every change is CaseService's, as on the case page.
enum CaseAPIController {
    struct OpenBody: Content {
        var title: String?
        var summary: String?
        var lead_unit_id: String?
        var message_id: String?
        var alert_id: String?
        var hoax_match_id: String?
    }

    struct PatchBody: Content {
        var status: String?
        var owner_id: String?
    }

    struct UnitBody: Content { var unit_id: String? }
    struct MessageBody: Content { var message_id: String? }

    static func register(_ routes: RouteCatalog) {
        routes.add(.apiCases, list)
        routes.add(.apiCreateCase, create)
        routes.add(SiteRoute.apiCase) { req in
            let principal = try req.requirePrincipal()
            let (item, units, _) = try await CaseQueries.load(req.parameters.get("caseID", as: UUID.self), principal: principal, on: req.db)
            return try await detail(item, units: units, principal: principal, req: req)
        }
        routes.add(SiteRoute.apiUpdateCase, update)
        routes.add(SiteRoute.apiCaseInvolve) { req in
            try await change(req, need: \.canManage) { item, principal in
                let id = try uuid(try req.decodeJSON(UnitBody.self).unit_id, field: "unit_id", required: true)!
                try await CaseService.involve(id, in: item, principal: principal, req: req)
            }
        }
        routes.add(SiteRoute.apiCaseLinkMessage) { req in
            try await change(req, need: \.canWork) { item, principal in
                guard item.status != .closed else { throw AppError.forbidden }
                let id = try uuid(try req.decodeJSON(MessageBody.self).message_id, field: "message_id", required: true)!
                let message = try await readable(id, principal: principal, req: req)
                try await CaseService.linkMessage(message, to: item, principal: principal, req: req)
            }
        }
    }

    // MARK: Reading

    static func list(_ req: Request) async throws -> APIList<APICase> {
        let principal = try req.requirePrincipal()
        var status: CaseStatus?
        var activeOnly = false
        if let typed = req.query[String.self, at: "status"], !typed.isEmpty {
            if typed == "active" {
                activeOnly = true
            } else {
                guard let value = CaseStatus(rawValue: typed) else { throw AppError.badRequest("status") }
                status = value
            }
        }
        let overdue = try req.queryFlag("overdue")
        let request = try PageRequest(req)
        var query = try await CaseQueries.visibleQuery(principal, status: status, on: req.db)
        if activeOnly { query = query.filter(\.$status != .closed) }
        let now = req.now
        // The same clocks as the case page (CasePages.isOverdue): a clock runs until its step is
        // done, and is overdue once its due time has passed.
        if overdue == true {
            query = query.group(.or) { either in
                either.group(.and) { $0.filter(\.$coordinatedAt == nil).filter(\.$coordinateDue < now) }
                either.group(.and) { $0.filter(\.$closedAt == nil).filter(\.$resolveDue < now) }
            }
        } else if overdue == false {
            query = query.group(.or) { $0.filter(\.$coordinatedAt != nil).filter(\.$coordinateDue == nil).filter(\.$coordinateDue >= now) }
                .group(.or) { $0.filter(\.$closedAt != nil).filter(\.$resolveDue == nil).filter(\.$resolveDue >= now) }
        }
        let page = try await query.pageNewestFirst(by: \.$openedAt, request) { $0.openedAt }
        return APIList(data: page.items.map { APICase($0, now: now) }, next_cursor: page.next?.token)
    }

    static func detail(_ item: CaseModel, units: [CaseUnitModel], principal: Principal, req: Request) async throws -> APICase {
        let db = req.db, tenantID = principal.tenantID
        let links = try await CaseLinkModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$caseID == item.id!).sort(\.$linkedAt).all()
        let tasks = try await CaseTaskModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$caseID == item.id!).sort(\.$createdAt).all()
        let events = try await CaseEventModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$caseID == item.id!)
            .sort(\.$at, .descending).limit(200).all()
        var answer = APICase(item, now: req.now)
        answer.units = units.map { APICase.InvolvedUnit(unit_id: $0.unitID, name: principal.scope.tree[$0.unitID]?.name ?? "", added_at: $0.addedAt) }
        answer.tasks = tasks.map { APICase.CaseTask(id: $0.id!, title: $0.title, assignee_unit_id: $0.assigneeUnitID, due_at: $0.dueAt, done_at: $0.doneAt,
                                                created_at: $0.createdAt) }
        answer.timeline = events.map { APICase.Event(id: $0.id!, at: $0.at, kind: $0.kind, actor_name: $0.actorName, text: $0.text) }
        answer.message_ids = links.filter { $0.kind == .message }.map(\.targetID)
        answer.content_ids = links.filter { $0.kind == .content }.map(\.targetID)
        return answer
    }

    // MARK: Changing

    /// A message the person may read (their inbox, or a case of theirs lends sight of it).
    static func readable(_ id: UUID, principal: Principal, req: Request) async throws -> MessageModel {
        do {
            return try await ThreadController.load(id, principal, need: .viewInbox, on: req.db).0
        } catch AppError.notFound {
            throw refused("message_id", CaseProblem.messageUnknown, req: req)
        }
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let body = try req.decodeJSON(OpenBody.self)
        let l = req.l10n
        let messageID = try uuid(body.message_id, field: "message_id")
        let alertID = try uuid(body.alert_id, field: "alert_id")
        let matchID = try uuid(body.hoax_match_id, field: "hoax_match_id")
        guard [messageID, alertID, matchID].compactMap({ $0 }).count <= 1 else {
            var errors = FieldErrors()
            errors.add("origin", .explained(l.t("Isu dibuka dari satu asal saja: pesan, peringatan, atau kecocokan hoaks.",
                                               "A case opens from one origin only: a message, an alert or a hoax match.")))
            throw AppError.invalid(errors)
        }
        if let alertID {
            // As "Buka isu" on the alerts page: led by the rule's unit, the bucket's messages linked.
            let (alert, rule) = try await loadAlert(alertID, principal: principal, l: l, on: req.db)
            guard principal.scope.allows(.manageCases, on: rule.unitID) else { throw AppError.forbidden }
            if let existing = alert.caseID {
                let (item, units, _) = try await CaseQueries.load(existing, principal: principal, on: req.db)
                return try await detail(item, units: units, principal: principal, req: req).encodeResponse(status: .ok, for: req)
            }
            let item = try await ListeningRuleService.openCase(from: alert, rule: rule, principal: principal, req: req)
            return try await opened(item, principal: principal, req: req)
        }
        var title = body.title, summary = body.summary, lead = body.lead_unit_id
        var origin = CaseOrigin.manual, originRef: String?, linked: UUID?
        if let messageID {
            // As "Buka isu" on a thread: title and summary start from the message.
            let message = try await readable(messageID, principal: principal, req: req)
            title = title ?? TextSnippet.of(message.text ?? "", length: 80)
            summary = summary ?? String((message.text ?? "").prefix(CaseService.textMax))
            (origin, originRef, linked) = (.message, messageID.uuidString, messageID)
        }
        if let matchID {
            let (match, claim) = try await loadMatch(matchID, principal: principal, l: l, on: req.db)
            title = title ?? String("Hoaks: \(claim.title)".prefix(CaseService.titleMax))
            summary = summary ?? String(claim.explanation.prefix(CaseService.textMax))
            lead = lead ?? claim.unitID.uuidString
            (origin, originRef) = (.hoaxMatch, matchID.uuidString)
            // The message is linked only for those who may read it.
            do {
                linked = try await ThreadController.load(match.messageID, principal, need: .viewInbox, on: req.db).0.id
            } catch AppError.notFound {
                linked = nil
            }
        }
        switch CaseService.validateOpening(title: title, summary: summary, leadUnit: lead, principal: principal) {
        case .failure(let problem): throw refused(field(of: problem), problem, req: req)
        case .success(let (title, summary, unit)):
            let item = try await CaseService.open(.init(title: title, summary: summary, leadUnitID: unit, origin: origin, originRef: originRef, messageID: linked),
                                                  principal: principal, req: req)
            return try await opened(item, principal: principal, req: req)
        }
    }

    static func opened(_ item: CaseModel, principal: Principal, req: Request) async throws -> Response {
        let units = try await CaseQueries.activeUnits(of: item.id!, tenantID: principal.tenantID, on: req.db)
        return try await detail(item, units: units, principal: principal, req: req).encodeResponse(status: .created, for: req)
    }

    static func update(_ req: Request) async throws -> APICase {
        try await change(req, need: \.canManage) { item, principal in
            let body = try req.decodeJSON(PatchBody.self)
            var next: CaseStatus?
            if let typed = body.status {
                guard let status = CaseStatus(rawValue: typed) else {
                    var errors = FieldErrors()
                    errors.add("status", .invalidChoice)
                    throw AppError.invalid(errors)
                }
                next = status
            }
            let owner = try uuid(body.owner_id, field: "owner_id")
            // Asking for the status it already has changes nothing; a move the case cannot make
            // is refused before anything else changes.
            if next == item.status { next = nil }
            if let next, !item.status.canMove(to: next) { throw CaseProblem.notAllowedMove(item.status, next) }
            if let owner { try await CaseService.assignOwner(owner, of: item, principal: principal, req: req) }
            if let next { try await CaseService.move(item, to: next, principal: principal, req: req) }
        }
    }

    /// Runs one change on the case the route names if the person's access allows it, and answers
    /// with the case as it now stands; a refusal names the field it concerns.
    static func change(_ req: Request, need: KeyPath<CaseAccess, Bool>, _ work: (CaseModel, Principal) async throws -> Void) async throws -> APICase {
        let principal = try req.requirePrincipal()
        let (item, _, access) = try await CaseQueries.load(req.parameters.get("caseID", as: UUID.self), principal: principal, on: req.db)
        guard access[keyPath: need] else { throw AppError.forbidden }
        do {
            try await work(item, principal)
        } catch let problem as CaseProblem {
            throw refused(field(of: problem), problem, req: req)
        }
        let units = try await CaseQueries.activeUnits(of: item.id!, tenantID: principal.tenantID, on: req.db)
        return try await detail(item, units: units, principal: principal, req: req)
    }

    // MARK: Pieces

    static func loadAlert(_ id: UUID, principal: Principal, l: L10n, on db: Database) async throws -> (ListeningAlertModel, ListeningRuleModel) {
        do {
            return try await ListeningRuleService.loadAlert(id, principal: principal, on: db)
        } catch AppError.notFound {
            throw fieldError("alert_id", .explained(l.t("Peringatan tidak ditemukan.", "Alert not found.")))
        }
    }

    /// A hoax match whose claim the person can see.
    static func loadMatch(_ id: UUID, principal: Principal, l: L10n, on db: Database) async throws -> (HoaxMatchModel, HoaxClaimModel) {
        guard let match = try await HoaxMatchModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              let claim = try await HoaxRegisterController.visible(principal, on: db).filter(\.$id == match.claimID).first() else {
            throw fieldError("hoax_match_id", .explained(l.t("Kecocokan hoaks tidak ditemukan.", "Hoax match not found.")))
        }
        return (match, claim)
    }

    static func field(of problem: CaseProblem) -> String {
        switch problem {
        case .titleMissing, .titleTooLong: "title"
        case .summaryTooLong: "summary"
        case .leadUnit: "lead_unit_id"
        case .notAllowedMove: "status"
        case .unknownUnit, .alreadyInvolved, .leadIsInvolved: "unit_id"
        case .messageUnknown: "message_id"
        case .ownerUnknown, .ownerCannotWork: "owner_id"
        case .noteMissing, .textTooLong, .holdingMissing: "text"
        case .taskTitleMissing: "title"
        case .badDueDate: "due"
        case .cannotCreateContent: "lead_unit_id"
        }
    }

    static func refused(_ field: String, _ problem: CaseProblem, req: Request) -> AppError {
        fieldError(field, .explained(problem.text(req.l10n)))
    }

    static func fieldError(_ field: String, _ issue: FieldIssue) -> AppError {
        var errors = FieldErrors()
        errors.add(field, issue)
        return .invalid(errors)
    }

    /// A UUID field of a body: absent or empty is nil, anything else that is no UUID is refused.
    static func uuid(_ text: String?, field: String, required: Bool = false) throws -> UUID? {
        guard let text, !text.isEmpty else {
            if required { throw fieldError(field, .required) }
            return nil
        }
        guard let id = UUID(uuidString: text) else { throw fieldError(field, .invalidChoice) }
        return id
    }
}

struct APICase: Content {
    struct InvolvedUnit: Content {
        let unit_id: UUID
        let name: String
        let added_at: Date
    }
    struct CaseTask: Content {
        let id: UUID
        let title: String
        let assignee_unit_id: UUID?
        let due_at: Date?
        let done_at: Date?
        let created_at: Date
    }
    struct Event: Content {
        let id: UUID
        let at: Date
        let kind: CaseEventModel.Kind
        let actor_name: String
        let text: String
    }

    let id: UUID
    let number: Int
    let label: String
    let title: String
    let summary: String
    let status: CaseStatus
    let origin: CaseOrigin
    let origin_ref: String?
    let lead_unit_id: UUID
    let owner_id: UUID?
    let holding_statement: String?
    let opened_at: Date
    let coordinate_due: Date?
    let resolve_due: Date?
    let coordinated_at: Date?
    let closed_at: Date?
    let updated_at: Date
    let overdue: Bool
    /// Only on one case, not in lists.
    var units: [InvolvedUnit]?
    var tasks: [CaseTask]?
    var timeline: [Event]?
    var message_ids: [UUID]?
    var content_ids: [UUID]?

    init(_ item: CaseModel, now: Date) {
        id = item.id!
        number = item.number
        label = item.label
        title = item.title
        summary = item.summary
        status = item.status
        origin = item.origin
        origin_ref = item.originRef
        lead_unit_id = item.leadUnitID
        owner_id = item.ownerUserID
        holding_statement = item.holdingStatement
        opened_at = item.openedAt
        coordinate_due = item.coordinateDue
        resolve_due = item.resolveDue
        coordinated_at = item.coordinatedAt
        closed_at = item.closedAt
        updated_at = item.updatedAt
        overdue = CasePages.isOverdue(item, now: now)
    }
}
