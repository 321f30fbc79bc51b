import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Content drafts and their submission through the compliance guard. A draft with a blocking
/// finding is not submitted unless an approver writes why it may go ahead; that override is
/// audited. (Approval steps, variants and scheduling come with the publishing work.)
enum ContentController {
    static func register(_ routes: RouteCatalog) {
        routes.add("content.list", .GET, "/content", .web, .permission(.viewContent), list)
        routes.add("content.new", .GET, "/content/new", .web, .permission(.manageContent)) { req in
            let principal = try req.requirePrincipal()
            return ContentPages.form(PageContext(req), editing: nil, input: DraftInput(), errors: FieldErrors(), units: units(principal))
        }
        routes.add("content.create", .POST, "/content", .web, .permission(.manageContent), create)
        routes.add("content.show", .GET, "/content/:itemID", .web, .permission(.viewContent)) { req in
            let principal = try req.requirePrincipal()
            let item = try await load(req, principal, need: .viewContent)
            return try await show(req, principal, item, status: .ok)
        }
        routes.add("content.update", .POST, "/content/:itemID", .web, .permission(.manageContent), update)
        routes.add("content.submit", .POST, "/content/:itemID/submit", .web, .permission(.manageContent), submit)
    }

    struct DraftInput: Content {
        var unit_id: String?
        var title: String?
        var body: String?
    }

    struct ValidDraft {
        var unitID: UUID
        var title: String
        var body: String
    }

    static let titleMax = 200

    static func units(_ principal: Principal) -> [(UUID, String)] {
        principal.scope.tree.flattened().filter { principal.scope.allows(.manageContent, on: $0.unit.id) && $0.unit.active }
            .map { ($0.unit.id, String(repeating: "  ", count: $0.depth) + $0.unit.name) }
    }

    static func validate(_ input: DraftInput, principal: Principal) -> Result<ValidDraft, FieldErrorsBox> {
        var errors = FieldErrors()
        let unitID = input.unit_id.nonEmpty.flatMap(UUID.init(uuidString:))
        if input.unit_id.nonEmpty == nil {
            errors.add("unit_id", .required)
        } else if unitID == nil || !principal.scope.allows(.manageContent, on: unitID!) {
            errors.add("unit_id", .unknownUnit)
        }
        let title = input.title.nonEmpty ?? ""
        if title.isEmpty { errors.add("title", .required) } else if title.count > titleMax { errors.add("title", .tooLong(max: titleMax)) }
        let body = input.body ?? ""
        switch TextInputProblem.check(body) {
        case .empty: errors.add("body", .required)
        case .tooLong(let limit): errors.add("body", .tooLong(max: limit))
        case nil: break
        }
        guard errors.isEmpty, let unitID else { return .failure(FieldErrorsBox(errors)) }
        return .success(ValidDraft(unitID: unitID, title: title, body: body))
    }

    static func load(_ req: Request, _ principal: Principal, need: Permission) async throws -> ContentItemModel {
        guard let id = req.parameters.get("itemID", as: UUID.self),
              let item = try await ContentItemModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        try principal.require(need, on: item.unitID, visibleWith: .viewContent)
        return item
    }

    static func list(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let visible = principal.scope.units(with: .viewContent)
        let items = try await ContentItemModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$unitID ~~ Array(visible)).sort(\.$updatedAt, .descending).limit(200).all()
        return ContentPages.list(PageContext(req), items: items, tree: principal.scope.tree,
                                 canCreate: principal.scope.allowsSomewhere(.manageContent))
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(DraftInput.self)
        switch validate(input, principal: principal) {
        case .failure(let box):
            return ContentPages.form(PageContext(req), editing: nil, input: input, errors: box.errors, units: units(principal)).response(.unprocessableEntity)
        case .success(let draft):
            let item = ContentItemModel()
            item.id = UUID()
            item.tenantID = principal.tenantID
            item.unitID = draft.unitID
            item.title = draft.title
            item.body = draft.body
            item.status = "draft"
            item.createdBy = principal.userID
            item.createdAt = req.now
            item.updatedAt = req.now
            try await req.db.transaction { db in
                try await item.create(on: db)
                try await Auditor.record(req.auditActor(principal), on: db, action: "content.create", targetType: "content", targetID: item.id, label: item.title)
            }
            return .seeOther(Paths.contentItem(item.id!), flash: req.l10n.t("Draf disimpan.", "Draft saved."))
        }
    }

    static func update(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await load(req, principal, need: .manageContent)
        let input = try req.content.decode(DraftInput.self)
        guard item.status == "draft" else {
            return try await show(req, principal, item, status: .conflict,
                                  notice: req.l10n.t("Draf ini sudah diajukan dan tidak dapat diubah lagi di sini.", "This draft was submitted and can no longer be edited."))
        }
        switch validate(input, principal: principal) {
        case .failure(let box):
            return try await show(req, principal, item, status: .unprocessableEntity, input: input, errors: box.errors)
        case .success(let draft):
            let before = ["title": item.title, "unit_id": item.unitID.uuidString]
            item.unitID = draft.unitID
            item.title = draft.title
            item.body = draft.body
            item.updatedAt = req.now
            try await req.db.transaction { db in
                try await item.save(on: db)
                try await Auditor.record(req.auditActor(principal), on: db, action: "content.update", targetType: "content", targetID: item.id,
                                         label: item.title, before: before, after: ["title": item.title, "unit_id": item.unitID.uuidString])
            }
            return .seeOther(Paths.contentItem(item.id!), flash: req.l10n.t("Perubahan draf disimpan.", "Draft saved."))
        }
    }

    struct SubmitInput: Content {
        var override_reason: String?
    }

    static func text(of item: ContentItemModel) -> String {
        item.title + "\n" + item.body
    }

    static func submit(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await load(req, principal, need: .manageContent)
        let l = req.l10n
        guard item.status == "draft" else {
            return try await show(req, principal, item, status: .conflict, notice: l.t("Draf ini sudah diajukan.", "This draft was already submitted."))
        }
        let reason = try req.content.decode(SubmitInput.self).override_reason
        let checked = try await ComplianceController.run(text(of: item), principal: principal, req: req)
        let decision: SubmissionGate.Decision
        do {
            decision = try SubmissionGate.decide(findings: checked.findings, overrideReason: reason,
                                                 mayOverride: principal.scope.allows(.overrideCompliance, on: item.unitID))
        } catch let problem {
            return try await show(req, principal, item, status: .unprocessableEntity, notice: problem.message, overrideReason: reason)
        }
        switch decision {
        case .blocked:
            return try await show(req, principal, item, status: .unprocessableEntity,
                                  notice: l.t("Draf belum dapat diajukan: ada temuan tingkat blokir. Perbaiki teksnya, atau penyetuju dapat mengajukan dengan alasan tertulis.",
                                              "The draft cannot be submitted: it has blocking findings. Fix the text, or an approver may submit it with a written reason."))
        case .clear, .overridden:
            let overrideReason: String? = if case .overridden(_, let reason) = decision { reason } else { nil }
            item.status = "inReview"
            item.submittedBy = principal.userID
            item.submittedAt = req.now
            item.overrideReason = overrideReason
            item.overrideBy = overrideReason == nil ? nil : principal.userID
            item.updatedAt = req.now
            try await req.db.transaction { db in
                try await item.save(on: db)
                try await ComplianceService.record(checked.findings, source: .draft, sourceID: item.id!, tenantID: principal.tenantID,
                                                   accountID: nil, unitID: item.unitID, excerpt: text(of: item), at: req.now, on: db)
                if let overrideReason {
                    try await Auditor.record(req.auditActor(principal), on: db, action: "content.override", targetType: "content", targetID: item.id,
                                             label: item.title, after: ["reason": overrideReason,
                                                                        "rules": checked.findings.filter { $0.severity == .block }.map(\.ruleID).joined(separator: ", ")])
                } else {
                    try await Auditor.record(req.auditActor(principal), on: db, action: "content.submit", targetType: "content", targetID: item.id,
                                             label: item.title, after: ["findings": String(checked.findings.count)])
                }
            }
            return .seeOther(Paths.contentItem(item.id!), flash: overrideReason == nil
                             ? l.t("Draf diajukan untuk ditinjau.", "Draft submitted for review.")
                             : l.t("Draf diajukan dengan pengecualian kepatuhan; alasan Anda tercatat di jejak audit.", "Draft submitted with a compliance override; your reason is in the audit log."))
        }
    }

    static func show(_ req: Request, _ principal: Principal, _ item: ContentItemModel, status: HTTPResponseStatus,
                     input: DraftInput? = nil, errors: FieldErrors = FieldErrors(), notice: String? = nil, overrideReason: String? = nil) async throws -> Response {
        let checked = try await ComplianceController.run(text(of: item), principal: principal, req: req)
        let html = ContentPages.show(
            PageContext(req), item, input: input ?? DraftInput(unit_id: item.unitID.uuidString, title: item.title, body: item.body),
            errors: errors, units: units(principal), checked: checked, notice: notice, overrideReason: overrideReason,
            canEdit: principal.scope.allows(.manageContent, on: item.unitID),
            canOverride: principal.scope.allows(.overrideCompliance, on: item.unitID),
            unitName: principal.scope.tree.units[item.unitID]?.name ?? "")
        return html.response(status)
    }
}
