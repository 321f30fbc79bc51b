import Fluent
import Foundation
import Plot
import SimpulCore
import SimpulPlatforms
import Vapor

/// Isu & Hoaks → Register Hoaks: claims kept by the units, with label, First Draft type,
/// explanation, sources and the approved clarification; TurnBackHoax-style CSV in and out.
enum HoaxRegisterController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.hoaxes, list)
        routes.add(.hoaxesCSV, exportCSV)
        routes.add(.newHoax) { req in
            let principal = try req.requirePrincipal()
            return try form(req, principal, editing: nil, input: ClaimInput(label: HoaxLabel.hoaks.rawValue), errors: FieldErrors())
        }
        routes.add(.createHoax, create)
        routes.add(.importHoaxesForm) { req in
            let principal = try req.requirePrincipal()
            return HoaxPages.importForm(PageContext(req), .init(text: "", unitID: principal.unitChoices(with: .manageHoaxRegister).first?.0.uuidString,
                                                                units: principal.unitChoices(with: .manageHoaxRegister), problems: []))
        }
        routes.add(.importHoaxes, importCSV)
        routes.add(SiteRoute.hoax, show)
        routes.add(SiteRoute.updateHoax, update)
    }

    struct ClaimInput: Content {
        var title: String?
        var label: String?
        var type: String?
        var claim: String?
        var variants: String?
        var explanation: String?
        var sources: String?
        var tags: String?
        var claim_date: String?
        var clarification: String?
        var unit_id: String?
        var active: String?
    }

    struct ValidClaim {
        var unitID: UUID
        var title: String
        var label: HoaxLabel
        var type: HoaxType?
        var claim: String
        var variants: [String]
        var explanation: String
        var sources: [String]
        var tags: String
        var claimDate: String?
        var clarification: String?
    }

    static let titleMax = 300
    static let textMax = 10_000

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func validate(_ input: ClaimInput, principal: Principal) -> Result<ValidClaim, FieldErrorsBox> {
        var errors = FieldErrors()
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.add("title", .required) } else if title.count > titleMax { errors.add("title", .tooLong(max: titleMax)) }
        let label = HoaxLabel(rawValue: input.label ?? "")
        if label == nil { errors.add("label", .invalidChoice) }
        var type: HoaxType?
        if let typed = input.type.nonEmpty {
            type = HoaxType(rawValue: typed)
            if type == nil { errors.add("type", .invalidChoice) }
        }
        let claim = (input.claim ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if claim.isEmpty { errors.add("claim", .required) } else if claim.count > textMax { errors.add("claim", .tooLong(max: textMax)) }
        let explanation = (input.explanation ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if explanation.count > textMax { errors.add("explanation", .tooLong(max: textMax)) }
        let variants = lines(input.variants)
        if variants.joined().count > textMax { errors.add("variants", .tooLong(max: textMax)) }
        let sources = lines(input.sources)
        // Web pages only, as a feed's address: a source is a link people open.
        if sources.contains(where: { FeedReader.feedURL($0) == nil || $0.count > 1000 }) { errors.add("sources", .invalidChoice) }
        let clarification = input.clarification.nonEmpty?.trimmingCharacters(in: .whitespacesAndNewlines)
        if (clarification?.count ?? 0) > textMax { errors.add("clarification", .tooLong(max: textMax)) }
        var claimDate: String?
        if let day = input.claim_date.nonEmpty {
            if CalendarDay.isValid(day) { claimDate = day } else { errors.add("claim_date", .invalidChoice) }
        }
        let unitID = input.unit_id.nonEmpty.flatMap(UUID.init(uuidString:))
        if unitID == nil || !principal.scope.allows(.manageHoaxRegister, on: unitID!) { errors.add("unit_id", .unknownUnit) }
        guard errors.isEmpty, let label, let unitID else { return .failure(FieldErrorsBox(errors)) }
        return .success(ValidClaim(unitID: unitID, title: title, label: label, type: type, claim: claim, variants: variants, explanation: explanation,
                                   sources: sources, tags: String((input.tags ?? "").prefix(300)), claimDate: claimDate, clarification: clarification))
    }

    static func apply(_ claim: ValidClaim, to row: HoaxClaimModel) {
        row.unitID = claim.unitID
        row.title = claim.title
        row.label = claim.label
        row.type = claim.type
        row.claim = claim.claim
        row.variants = JSONText(claim.variants)
        row.explanation = claim.explanation
        row.sources = JSONText(claim.sources)
        row.tags = claim.tags
        row.claimDate = claim.claimDate
        row.clarification = claim.clarification
    }

    static func fields(_ row: HoaxClaimModel) -> Auditor.Fields {
        ["title": row.title, "label": row.label.rawValue, "type": row.type?.rawValue ?? "", "unit_id": row.unitID.uuidString,
         "clarification": row.clarification ?? "", "active": String(row.active)]
    }

    static func input(of row: HoaxClaimModel) -> ClaimInput {
        ClaimInput(title: row.title, label: row.label.rawValue, type: row.type?.rawValue, claim: row.claim, variants: row.variants.value.joined(separator: "\n"),
                   explanation: row.explanation, sources: row.sources.value.joined(separator: "\n"), tags: row.tags, claim_date: row.claimDate,
                   clarification: row.clarification, unit_id: row.unitID.uuidString, active: row.active ? "on" : nil)
    }

    static func form(_ req: Request, _ principal: Principal, editing: HoaxClaimModel?, input: ClaimInput, errors: FieldErrors) throws -> Response {
        let l = req.l10n
        var kept = input
        if kept.unit_id == nil { kept.unit_id = principal.unitChoices(with: .manageHoaxRegister).first?.0.uuidString }
        return HoaxPages.form(PageContext(req), .init(editing: editing, input: kept, errors: FormErrors(errors, labels: HoaxPages.labels(l), l),
                                                      units: principal.unitChoices(with: .manageHoaxRegister)))
            .response(errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func visible(_ principal: Principal, on db: Database) -> QueryBuilder<HoaxClaimModel> {
        HoaxClaimModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$unitID ~~ Array(principal.scope.units(with: .viewCases)))
    }

    static func list(_ req: Request) async throws -> HTML {
        try await list(req, thresholds: nil, thresholdError: nil)
    }

    static func list(_ req: Request, thresholds: HoaxThresholdsController.Input?, thresholdError: String?) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let q = (try? req.query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces) ?? ""
        guard q.count <= 100 else { throw AppError.badRequest("q") }
        let claims = matching(try await visible(principal, on: req.db).sort(\.$updatedAt, .descending).limit(1_000).all(), q: q)
        let settings = try await ListeningSettingsModel.current(tenantID: principal.tenantID, at: req.now, on: req.db)
        return HoaxPages.list(PageContext(req), .init(claims: claims, query: q, tree: principal.scope.tree,
                                                      canManage: principal.scope.allowsSomewhere(.manageHoaxRegister),
                                                      thresholds: .init(nearCopy: settings.hoaxNearCopyThreshold, paraphrase: settings.hoaxParaphraseThreshold,
                                                                        input: thresholds, error: thresholdError,
                                                                        canChange: principal.scope.allowsSomewhere(.manageListeningSettings))))
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(ClaimInput.self)
        switch validate(input, principal: principal) {
        case .failure(let box): return try form(req, principal, editing: nil, input: input, errors: box.errors)
        case .success(let claim):
            let row = try await record(claim, principal: principal, req: req)
            return .seeOther(SiteRoute.hoax(row.id!).path, flash: req.l10n.t("Klaim dicatat di register.", "Claim recorded in the register."))
        }
    }

    /// Claims whose title, narrative or tags contain `q`, without regard to case or accents.
    static func matching(_ claims: [HoaxClaimModel], q: String) -> [HoaxClaimModel] {
        guard !q.isEmpty else { return claims }
        let folded = TextAnalyzer.fold(q)
        return claims.filter { TextAnalyzer.fold($0.title + " " + $0.claim + " " + $0.tags).contains(folded) }
    }

    /// A new active claim, audited; the form and /api/v1 both come here.
    static func record(_ claim: ValidClaim, principal: Principal, req: Request) async throws -> HoaxClaimModel {
        let row = HoaxClaimModel()
        row.id = UUID()
        row.tenantID = principal.tenantID
        apply(claim, to: row)
        row.active = true
        row.createdBy = principal.userID
        row.createdAt = req.now
        row.updatedAt = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await row.create(on: db)
            try await Auditor.record(actor, on: db, action: .hoaxClaimCreate, targetType: .hoaxClaim, targetID: row.id, label: row.title, after: fields(row))
        }
        return row
    }

    static func save(_ claim: ValidClaim, active: Bool, to row: HoaxClaimModel, principal: Principal, req: Request) async throws {
        let before = fields(row)
        apply(claim, to: row)
        row.active = active
        row.updatedAt = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await row.save(on: db)
            try await Auditor.record(actor, on: db, action: .hoaxClaimUpdate, targetType: .hoaxClaim, targetID: row.id, label: row.title,
                                     before: before, after: fields(row))
        }
    }

    static func load(_ req: Request, _ principal: Principal) async throws -> HoaxClaimModel {
        guard let id = req.parameters.get("claimID", as: UUID.self),
              let row = try await visible(principal, on: req.db).filter(\.$id == id).first() else { throw AppError.notFound }
        return row
    }

    static func show(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let row = try await load(req, principal)
        if principal.scope.allows(.manageHoaxRegister, on: row.unitID) {
            return try form(req, principal, editing: row, input: input(of: row), errors: FieldErrors())
        }
        return HoaxPages.show(PageContext(req), row, unitPath: principal.scope.tree.pathName(of: row.unitID)).response(.ok)
    }

    static func update(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let row = try await load(req, principal)
        guard principal.scope.allows(.manageHoaxRegister, on: row.unitID) else { throw AppError.forbidden }
        let input = try req.content.decode(ClaimInput.self)
        switch validate(input, principal: principal) {
        case .failure(let box): return try form(req, principal, editing: row, input: input, errors: box.errors)
        case .success(let claim):
            try await save(claim, active: input.active != nil, to: row, principal: principal, req: req)
            return .seeOther(SiteRoute.hoax(row.id!).path, flash: req.l10n.t("Klaim disimpan.", "Claim saved."))
        }
    }

    struct ImportInput: Content {
        var text: String?
        var file: File?
        var unit_id: String?
    }

    /// All or nothing, as the account import: one bad row and nothing is imported.
    static func importCSV(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(ImportInput.self)
        let units = principal.unitChoices(with: .manageHoaxRegister)
        let text = input.file.flatMap { $0.data.readableBytes > 0 ? String(buffer: $0.data) : nil } ?? input.text ?? ""
        func refuse(_ problems: [String]) -> Response {
            HoaxPages.importForm(PageContext(req), .init(text: input.file == nil ? text : "", unitID: input.unit_id, units: units, problems: problems))
                .response(.unprocessableEntity)
        }
        guard let unitID = input.unit_id.nonEmpty.flatMap(UUID.init(uuidString:)), principal.scope.allows(.manageHoaxRegister, on: unitID) else {
            return refuse([req.l10n.t("Pilih unit penanggung jawab klaim.", "Choose the unit answerable for the claims.")])
        }
        let outcome: TurnBackHoaxImport.Outcome
        do {
            outcome = try TurnBackHoaxImport.read(text)
        } catch {
            return refuse([error.message])
        }
        guard outcome.problems.isEmpty else { return refuse(outcome.problems.map(\.message)) }
        try await store(outcome.rows, unitID: unitID, actor: req.auditActor(principal), on: req.db)
        return .seeOther(SiteRoute.hoaxes.path, flash: req.l10n.t("\(outcome.rows.count) klaim diimpor.", "\(outcome.rows.count) claims imported."))
    }

    /// Imported rows become active claims of `unitID`, in one transaction with one audit event;
    /// a row without a label is a hoax, as TurnBackHoax lists mostly those. The web form and
    /// `simpul hoax import` both come here.
    static func store(_ rows: [TurnBackHoaxImport.Row], unitID: UUID, actor: Auditor.Actor, on db: Database) async throws {
        try await db.transaction { db in
            for row in rows {
                let claim = HoaxClaimModel()
                claim.id = UUID()
                claim.tenantID = actor.tenantID
                claim.unitID = unitID
                claim.title = String(row.title.prefix(titleMax))
                claim.label = row.label ?? .hoaks
                claim.type = row.type
                claim.claim = String(row.content.prefix(textMax))
                claim.variants = JSONText([])
                claim.explanation = String((row.conclusion ?? "").prefix(textMax))
                claim.sources = JSONText(row.references.filter { FeedReader.feedURL($0) != nil })
                claim.tags = String(row.tags.joined(separator: ", ").prefix(300))
                claim.claimDate = row.date
                claim.active = true
                claim.createdBy = actor.userID
                claim.createdAt = actor.at
                claim.updatedAt = actor.at
                try await claim.create(on: db)
            }
            try await Auditor.record(actor, on: db, action: .hoaxImport, targetType: .hoaxClaim, targetID: nil, label: "\(rows.count) klaim",
                                     after: ["rows": String(rows.count), "unit_id": unitID.uuidString])
        }
    }

    /// The same columns the import reads, the label back in the title as TurnBackHoax writes it.
    static func exportCSV(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let claims = try await visible(principal, on: req.db).sort(\.$createdAt).all()
        var lines = ["title,content,fact,references,tags,date"]
        for claim in claims {
            let tags = ([claim.type?.rawValue].compactMap { $0 } + [claim.tags]).filter { !$0.isEmpty }.joined(separator: ", ")
            let cells = [claim.label.displayLabel + " " + claim.title, claim.claim, claim.explanation, claim.sources.value.joined(separator: "; "),
                         tags, claim.claimDate ?? ""]
            lines.append(cells.map(CSVWriter.escape).joined(separator: ","))
        }
        let response = Response(status: .ok, body: .init(string: lines.joined(separator: "\r\n") + "\r\n"))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "register-hoaks.csv")
        return response
    }
}
