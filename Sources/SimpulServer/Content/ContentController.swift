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
        routes.add(.content, list)
        routes.add(.newContent) { req in
            let principal = try req.requirePrincipal()
            return ContentPages.form(PageContext(req), editing: nil, input: DraftInput(), errors: FieldErrors(), options: try await options(principal, on: req.db))
        }
        routes.add(.createContent, create)
        routes.add(SiteRoute.contentItem) { req in
            let principal = try req.requirePrincipal()
            let item = try await load(req, principal, need: .viewContent)
            return try await show(req, principal, item, status: .ok)
        }
        routes.add(SiteRoute.updateContent, update)
        routes.add(SiteRoute.submitContent, submit)
    }

    struct DraftInput: Content {
        var unit_id: String?
        var title: String?
        var body: String?
        var pillar_id: String?
        var campaign: String?
        var segments: String?
        var planned_date: String?
    }

    struct ValidDraft {
        var unitID: UUID
        var title: String
        var body: String
        var pillarID: UUID?
        var campaign: String?
        var segments: AudienceSegments?
        var plannedAt: Date?
    }

    /// What the content form offers to choose from.
    struct FormOptions {
        var units: [(UUID, String)]
        var pillars: [ContentPillarModel]
        var campaigns: [String]
    }

    static let titleMax = 200
    static let campaignMax = 100
    static let segmentsMax = 300

    /// The active units where the person manages content, indented by depth, for a select.
    static func options(_ principal: Principal, on db: Database) async throws -> FormOptions {
        let units = principal.unitChoices(with: .manageContent)
        // Inactive pillars stay readable on the items that have them; the form offers only active ones.
        let pillars = try await ContentPillarModel.query(on: db).filter(\.$tenantID == principal.tenantID).sort(\.$name).all()
        let campaigns = try await ContentItemModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$campaign != nil)
            .field(\.$campaign).unique().all().compactMap(\.campaign).sorted()
        return FormOptions(units: units, pillars: pillars, campaigns: campaigns)
    }

    static func item(from draft: ValidDraft, into item: ContentItemModel) {
        item.unitID = draft.unitID
        item.title = draft.title
        item.body = draft.body
        item.pillarID = draft.pillarID
        item.campaign = draft.campaign
        item.segments = draft.segments
        item.plannedAt = draft.plannedAt
    }

    static func input(of item: ContentItemModel, zone: TimeZone) -> DraftInput {
        DraftInput(unit_id: item.unitID.uuidString, title: item.title, body: item.body, pillar_id: item.pillarID?.uuidString,
                   campaign: item.campaign, segments: item.segments?.text, planned_date: item.plannedAt.map { LocalTime.fields(of: $0, zone: zone).date })
    }

    /// `keeping` is the item's pillar now: it may stay even after it was switched off.
    static func validate(_ input: DraftInput, principal: Principal, options: FormOptions, keeping: UUID? = nil) -> Result<ValidDraft, FieldErrorsBox> {
        var errors = FieldErrors()
        var pillarID: UUID?
        if let typed = input.pillar_id.nonEmpty {
            pillarID = UUID(uuidString: typed)
            if pillarID == nil || !options.pillars.contains(where: { $0.id == pillarID && ($0.active || $0.id == keeping) }) {
                errors.add("pillar_id", .invalidChoice)
            }
        }
        let campaign = Validators.optionalText(input.campaign, max: campaignMax, field: "campaign", into: &errors)
        let segments = Validators.optionalText(input.segments, max: segmentsMax, field: "segments", into: &errors)
        var plannedAt: Date?
        if let day = input.planned_date.nonEmpty {
            plannedAt = LocalTime.instant(date: day, time: "00:00", zone: principal.tenant.zone)
            if plannedAt == nil { errors.add("planned_date", .invalidChoice) }
        }
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
        return .success(ValidDraft(unitID: unitID, title: title, body: body, pillarID: pillarID, campaign: campaign, segments: segments.map(AudienceSegments.init), plannedAt: plannedAt))
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
        let options = try await options(principal, on: req.db)
        switch validate(input, principal: principal, options: options) {
        case .failure(let box):
            return ContentPages.form(PageContext(req), editing: nil, input: input, errors: box.errors, options: options).response(.unprocessableEntity)
        case .success(let draft):
            let item = ContentItemModel()
            item.id = UUID()
            item.tenantID = principal.tenantID
            Self.item(from: draft, into: item)
            item.status = .draft
            item.createdBy = principal.userID
            item.createdAt = req.now
            item.updatedAt = req.now
            try await req.db.transaction { db in
                try await item.create(on: db)
                try await Auditor.record(req.auditActor(principal), on: db, action: .contentCreate, targetType: .content, targetID: item.id, label: item.title)
            }
            return .seeOther(SiteRoute.contentItem(item.id!).path, flash: req.l10n.t("Draf disimpan.", "Draft saved."))
        }
    }

    static func update(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await load(req, principal, need: .manageContent)
        let input = try req.content.decode(DraftInput.self)
        let l = req.l10n
        guard ![.publishing, .published].contains(item.status) else {
            return try await show(req, principal, item, status: .conflict,
                                  notice: l.t("Konten yang sedang atau sudah terbit tidak dapat diubah.", "Content that is publishing or published cannot be changed."))
        }
        let draft: ValidDraft
        switch validate(input, principal: principal, options: try await options(principal, on: req.db), keeping: item.pillarID) {
        case .failure(let box): return try await show(req, principal, item, status: .unprocessableEntity, input: input, errors: box.errors)
        case .success(let valid): draft = valid
        }
        let before = ["title": item.title, "unit_id": item.unitID.uuidString]
        Self.item(from: draft, into: item)
        item.updatedAt = req.now
        if item.status == .draft {
            try await req.db.transaction { db in
                try await item.save(on: db)
                try await Auditor.record(req.auditActor(principal), on: db, action: .contentUpdate, targetType: .content, targetID: item.id,
                                         label: item.title, before: before, after: ["title": item.title, "unit_id": item.unitID.uuidString])
            }
            return .seeOther(SiteRoute.contentItem(item.id!).path, flash: l.t("Perubahan draf disimpan.", "Draft saved."))
        }
        return try await change(item, principal: principal, req: req, overrideReason: try req.content.decode(SubmitInput.self).override_reason,
                                done: l.t("Perubahan disimpan.", "Changes saved."))
    }

    /// A change to submitted content (its text or a variant): through the compliance guard
    /// again, then back to review; rejected content becomes a draft again.
    /// `variants` are the variants as they will be (one added, changed or removed), saved by
    /// `alongside` with the move.
    static func change(_ item: ContentItemModel, principal: Principal, req: Request, overrideReason: String?, done: String,
                       variants prospective: [ContentVariantModel]? = nil,
                       alongside: (@Sendable (Database) async throws -> Void)? = nil) async throws -> Response {
        let l = req.l10n
        var variants = prospective ?? []
        if prospective == nil { variants = try await VariantQueries.variants(of: item, on: req.db) }
        var findings: [Finding] = []
        var reason: String?
        if item.status != .rejected && item.status != .draft {
            switch try await ContentGate.check(item, variants: variants, principal: principal, req: req, overrideReason: overrideReason) {
            case .refused(let message):
                let fresh = try await load(req, principal, need: .manageContent)
                return try await show(req, principal, fresh, status: .unprocessableEntity, notice: message, overrideReason: overrideReason)
            case .go(let found, let given):
                findings = found
                reason = given
            }
        }
        if item.status == .draft {
            try await req.db.transaction { db in
                try await alongside?(db)
                item.updatedAt = req.now
                try await item.save(on: db)
            }
            return .seeOther(SiteRoute.contentItem(item.id!).path, flash: done)
        }
        switch try await ContentTransitions.apply(.edit, to: item, principal: principal, req: req, alongside: alongside) {
        case .failure(let denial):
            let fresh = try await load(req, principal, need: .viewContent)
            return try await show(req, principal, fresh, status: .conflict, notice: l.denial(denial))
        case .success(let transition):
            if transition.item.status == .inReview || transition.item.status == .approved {
                try await ContentGate.record(findings, overrideReason: reason, item: item, variants: variants, principal: principal, req: req, on: req.db)
            }
            let back = transition.item.status == .inReview ? l.t(" Konten kembali menunggu tinjauan.", " The content is back in review.") : ""
            return .seeOther(SiteRoute.contentItem(item.id!).path, flash: done + back)
        }
    }

    struct SubmitInput: Content {
        var override_reason: String?
    }

    static func submit(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await load(req, principal, need: .manageContent)
        let l = req.l10n
        guard [.draft, .rejected].contains(item.status) else {
            return try await show(req, principal, item, status: .conflict, notice: l.t("Konten ini sudah diajukan.", "This content was already submitted."))
        }
        let reason = try req.content.decode(SubmitInput.self).override_reason
        let variants = try await VariantQueries.variants(of: item, on: req.db)
        switch try await ContentGate.check(item, variants: variants, principal: principal, req: req, overrideReason: reason) {
        case .refused(let message):
            return try await show(req, principal, item, status: .unprocessableEntity, notice: message, overrideReason: reason)
        case .go(let findings, let overrideReason):
            switch try await ContentTransitions.apply(.submit, to: item, principal: principal, req: req) {
            case .failure(let denial):
                return try await show(req, principal, item, status: .conflict, notice: l.denial(denial))
            case .success(let transition):
                try await ContentGate.record(findings, overrideReason: overrideReason, item: item, variants: variants, principal: principal, req: req, on: req.db)
                let flash = overrideReason != nil
                    ? l.t("Konten diajukan dengan pengecualian kepatuhan; alasan Anda tercatat di jejak audit.", "Submitted with a compliance override; your reason is in the audit log.")
                    : transition.item.status == .approved
                        ? l.t("Konten diajukan dan langsung disetujui: unit ini tidak memerlukan persetujuan.", "Submitted and approved at once: this unit needs no approval.")
                        : l.t("Konten diajukan untuk ditinjau.", "Submitted for review.")
                return .seeOther(SiteRoute.contentItem(item.id!).path, flash: flash)
            }
        }
    }

    static func show(_ req: Request, _ principal: Principal, _ item: ContentItemModel, status: HTTPResponseStatus,
                     input: DraftInput? = nil, errors: FieldErrors = FieldErrors(), schedule: ContentWorkflowController.ScheduleInput? = nil,
                     notice: String? = nil, overrideReason: String? = nil, variantInput: ContentWorkflowController.VariantInput? = nil,
                     variantErrors: FieldErrors = FieldErrors(), editingVariant: UUID? = nil) async throws -> Response {
        let db = req.db
        let variants = try await VariantQueries.variants(of: item, on: db)
        let accounts = try await VariantQueries.accounts(of: variants, tenantID: principal.tenantID, on: db)
        let checked = try await ComplianceController.run(ContentGate.text(of: item, variants: variants), principal: principal, req: req)
        let media = try await VariantQueries.media(of: variants, tenantID: principal.tenantID, on: db)
        let problems = try await ContentTransitions.problems(of: item, variants: variants, accounts: accounts, media: media,
                                                             at: item.scheduledAt ?? req.now, on: db).problems
        let policy = try await ApprovalPolicies.policy(for: item.unitID, tenantID: principal.tenantID, tree: principal.scope.tree, on: db)
        let approverIDs = item.approvals
        let approvers = approverIDs.isEmpty ? [] : try await UserModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ approverIDs).all()
        let names = Dictionary(approvers.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let canEdit = principal.scope.allows(.manageContent, on: item.unitID)
        let options = try await options(principal, on: db)
        let view = ContentPages.ItemView(
            item: item, unitName: principal.scope.tree.units[item.unitID]?.name ?? "", checked: checked,
            variants: variants.map { variant in
                ContentPages.VariantRow(variant: variant, account: accounts[variant.accountID],
                                        problems: problems.first { $0.variant.id == variant.id }?.problems ?? [])
            },
            policy: policy, approvedBy: approverIDs.map { names[$0] ?? "?" },
            canEdit: canEdit, canOverride: principal.scope.allows(.overrideCompliance, on: item.unitID),
            canApprove: principal.scope.allows(.approveContent, on: item.unitID),
            targets: canEdit ? try await ContentWorkflowController.targetAccounts(principal, on: db) : [],
            zone: principal.tenant.zone, now: req.now,
            pillarName: options.pillars.first { $0.id == item.pillarID }?.name,
            library: canEdit ? try await MediaLibrary.visible(principal, on: db) : [],
            media: media)
        let html = ContentPages.show(PageContext(req), ContentPages.ShowModel(
            view: view, input: input ?? Self.input(of: item, zone: principal.tenant.zone),
            errors: errors, options: options, notice: notice, overrideReason: overrideReason, schedule: schedule,
            variantInput: variantInput, variantErrors: variantErrors, editingVariant: editingVariant))
        return html.response(status)
    }
}
