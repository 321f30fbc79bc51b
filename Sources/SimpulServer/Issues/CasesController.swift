import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Isu & Hoaks → Ruang Isu: cases opened by hand or from a message, the units pulled in, their
/// tasks, the linked messages and response content, and the 6-hour / 7-day clocks.
enum CasesController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.cases, list)
        routes.add(.newCase) { req in
            let principal = try req.requirePrincipal()
            return try await form(req, principal, input: OpenInput(message: req.query[String.self, at: "message"]), problem: nil)
        }
        routes.add(.createCase, create)
        routes.add(SiteRoute.issueCase) { req in try await show(req, problem: nil) }
        routes.add(SiteRoute.caseStatus) { req in
            try await act(req, need: \.canManage) { item, principal in
                guard let next = CaseStatus(rawValue: try req.content.decode(StatusInput.self).status ?? "") else { throw AppError.badRequest("status") }
                try await CaseService.move(item, to: next, principal: principal, req: req)
            }
        }
        routes.add(SiteRoute.caseInvolve) { req in
            try await act(req, need: \.canManage) { item, principal in
                guard let unit = UUID(uuidString: try req.content.decode(UnitInput.self).unit_id ?? "") else { throw CaseProblem.unknownUnit }
                try await CaseService.involve(unit, in: item, principal: principal, req: req)
            }
        }
        routes.add(SiteRoute.caseRelease) { req in
            try await act(req, need: \.canManage) { item, principal in
                guard let unit = req.parameters.get("unitID", as: UUID.self) else { throw AppError.notFound }
                try await CaseService.release(unit, from: item, principal: principal, req: req)
            }
        }
        routes.add(SiteRoute.caseNote) { req in
            try await act(req, need: \.canWork) { item, principal in
                try await CaseService.note(try req.content.decode(TextInput.self).text, on: item, principal: principal, req: req)
            }
        }
        routes.add(SiteRoute.caseHolding) { req in
            try await act(req, need: \.canManage) { item, principal in
                try await CaseService.holding(try req.content.decode(TextInput.self).text, on: item, principal: principal, req: req)
            }
        }
        routes.add(SiteRoute.caseAddTask) { req in
            try await act(req, need: \.canWork) { item, principal in
                let input = try req.content.decode(TaskInput.self)
                try await CaseService.addTask(title: input.title, unit: input.unit_id, due: input.due, to: item, principal: principal, req: req)
            }
        }
        routes.add(SiteRoute.caseTaskDone) { req in
            try await act(req, need: \.canWork) { item, principal in
                try await CaseService.completeTask(req.parameters.get("taskID", as: UUID.self), of: item, principal: principal, req: req)
            }
        }
        routes.add(SiteRoute.caseResponse, response)
        routes.add(SiteRoute.linkMessageToCase, linkMessage)
    }

    struct OpenInput: Content {
        var title: String?
        var summary: String?
        var lead_unit_id: String?
        var message: String?
    }
    struct StatusInput: Content { var status: String? }
    struct UnitInput: Content { var unit_id: String? }
    struct TextInput: Content { var text: String? }
    struct TaskInput: Content {
        var title: String?
        var unit_id: String?
        var due: String?
    }
    struct LinkInput: Content { var case_id: String? }

    struct ListFilter: Content {
        var status: String?
        var overdue: String?
    }

    static func list(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let filter = try req.query.decode(ListFilter.self)
        var status: CaseStatus?
        if let typed = filter.status.nonEmpty, typed != "active" {
            guard let value = CaseStatus(rawValue: typed) else { throw AppError.badRequest("status") }
            status = value
        }
        var cases = try await CaseQueries.visible(principal, status: status, on: req.db)
        if filter.status.nonEmpty == nil || filter.status == "active" { cases = cases.filter { $0.status != .closed } }
        let now = req.now
        if filter.overdue == "1" { cases = cases.filter { CasePages.isOverdue($0, now: now) } }
        let ids = cases.compactMap(\.id)
        let involved = ids.isEmpty ? [] : try await CaseUnitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$caseID ~~ ids).filter(\.$removedAt == nil).all()
        let counts = Dictionary(grouping: involved, by: \.caseID).mapValues(\.count)
        return CasePages.list(PageContext(req), .init(cases: cases, unitCounts: counts, filter: filter, tree: principal.scope.tree, now: now,
                                                      canOpen: principal.scope.allowsSomewhere(.manageCases)))
    }

    static func form(_ req: Request, _ principal: Principal, input: OpenInput, problem: CaseProblem?) async throws -> Response {
        var message: MessageModel?
        if let id = input.message.nonEmpty {
            guard let uuid = UUID(uuidString: id) else { throw AppError.badRequest("message") }
            message = try await readableMessage(uuid, principal: principal, on: req.db)
            guard message != nil else { throw AppError.notFound }
        }
        var kept = input
        if kept.title == nil, let message { kept.title = TextSnippet.of(message.text ?? "", length: 80) }
        if kept.summary == nil, let message { kept.summary = message.text }
        if kept.lead_unit_id == nil { kept.lead_unit_id = principal.unitChoices(with: .manageCases).first?.0.uuidString }
        let html = CasePages.form(PageContext(req), .init(input: kept, units: principal.unitChoices(with: .manageCases), message: message, problem: problem))
        return html.response(problem == nil ? .ok : .unprocessableEntity)
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(OpenInput.self)
        var messageID: UUID?
        if let id = input.message.nonEmpty {
            guard let uuid = UUID(uuidString: id), try await readableMessage(uuid, principal: principal, on: req.db) != nil else { throw AppError.notFound }
            messageID = uuid
        }
        switch CaseService.validateOpening(title: input.title, summary: input.summary, leadUnit: input.lead_unit_id, principal: principal) {
        case .failure(let problem):
            return try await form(req, principal, input: input, problem: problem)
        case .success(let (title, summary, unit)):
            let item = try await CaseService.open(.init(title: title, summary: summary, leadUnitID: unit, origin: messageID == nil ? .manual : .message,
                                                        originRef: messageID?.uuidString, messageID: messageID), principal: principal, req: req)
            return .seeOther(SiteRoute.issueCase(item.id!).path, flash: req.l10n.t("\(item.label) dibuka.", "\(item.label) opened."))
        }
    }

    /// A message the person may read in their inbox.
    static func readableMessage(_ id: UUID, principal: Principal, on db: Database) async throws -> MessageModel? {
        guard let message = try await MessageModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              let accountID = message.accountID,
              let account = try await AccountModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id == accountID).first(),
              principal.scope.allows(.viewInbox, on: account.unitID) else { return nil }
        return message
    }

    static func show(_ req: Request, problem: CaseProblem?) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (item, units, access) = try await CaseQueries.load(req.parameters.get("caseID", as: UUID.self), principal: principal, on: req.db)
        let db = req.db
        let tenantID = principal.tenantID
        let links = try await CaseLinkModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$caseID == item.id!).sort(\.$linkedAt).all()
        let messageIDs = links.filter { $0.kind == .message }.map(\.targetID)
        let contentIDs = links.filter { $0.kind == .content }.map(\.targetID)
        let messages = messageIDs.isEmpty ? [] : try await MessageModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ messageIDs).all()
        let content = contentIDs.isEmpty ? [] : try await ContentItemModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ contentIDs).all()
        let tasks = try await CaseTaskModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$caseID == item.id!).sort(\.$createdAt).all()
        let events = try await CaseEventModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$caseID == item.id!)
            .sort(\.$at, .descending).limit(200).all()
        var owner: UserModel?
        if let ownerID = item.ownerUserID { owner = try await UserQueries.find(ownerID, tenantID: tenantID, on: db)?.user }
        let model = CasePages.ShowModel(item: item, access: access, units: units.map(\.unitID), tasks: tasks, messages: messages,
                                        content: content, events: events, ownerName: owner?.name, tree: principal.scope.tree,
                                        now: req.now, canWriteContent: principal.scope.allows(.manageContent, on: item.leadUnitID),
                                        problem: problem)
        return CasePages.show(PageContext(req), model).response(problem == nil ? .ok : .unprocessableEntity)
    }

    /// Runs one change on the case the route names, if the person's access allows it: refusals
    /// come back as the case page with the reason; success goes back to the page.
    static func act(_ req: Request, need: KeyPath<CaseAccess, Bool>, _ change: (CaseModel, Principal) async throws -> Void) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (item, _, access) = try await CaseQueries.load(req.parameters.get("caseID", as: UUID.self), principal: principal, on: req.db)
        guard access[keyPath: need] else { throw AppError.forbidden }
        do {
            try await change(item, principal)
        } catch let problem as CaseProblem {
            return try await show(req, problem: problem)
        }
        return .seeOther(SiteRoute.issueCase(item.id!).path)
    }

    static func response(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (item, _, access) = try await CaseQueries.load(req.parameters.get("caseID", as: UUID.self), principal: principal, on: req.db)
        guard access.canManage else { throw AppError.forbidden }
        do {
            let content = try await CaseService.draftResponse(for: item, principal: principal, req: req)
            return .seeOther(SiteRoute.contentItem(content.id!).path,
                             flash: req.l10n.t("Draf klarifikasi dibuat. Lengkapi, ajukan, lalu jadwalkan seperti konten lain.",
                                               "Clarification draft created. Complete it, submit it and schedule it like any content."))
        } catch let problem as CaseProblem {
            return try await show(req, problem: problem)
        }
    }

    /// From the thread page: the message joins a case the person takes part in.
    static func linkMessage(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (message, _) = try await ThreadController.load(req, principal, need: .viewInbox)
        guard let caseID = UUID(uuidString: try req.content.decode(LinkInput.self).case_id ?? "") else { throw AppError.badRequest("case_id") }
        let (item, _, access) = try await CaseQueries.load(caseID, principal: principal, on: req.db)
        guard access.canWork, item.status != .closed else { throw AppError.forbidden }
        try await CaseService.linkMessage(message, to: item, principal: principal, req: req)
        return .seeOther(SiteRoute.thread(message.id!).path, flash: req.l10n.t("Pesan ditautkan ke \(item.label).", "Message linked to \(item.label)."))
    }
}
