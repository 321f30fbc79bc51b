import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Rule packs, the tenant's own packs, election data and the allow-list. Viewing is open to
/// everyone who works with content; changes are tenant-wide and belong to the koordinator.
enum PackController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.rulePacks, overview)
        routes.add(SiteRoute.rulePack, show)
        routes.add(SiteRoute.togglePack, toggle)
        routes.add(.newTenantPack) { req in
            PackPages.tenantPackForm(PageContext(req), editing: nil, input: TenantPackInput(rules: PackPages.rulesExample), errors: [])
        }
        routes.add(.createTenantPack) { req in
            try await saveTenantPack(req, editing: nil)
        }
        routes.add(SiteRoute.editTenantPack) { req in
            let row = try await loadTenantPack(req)
            let rules = row.rules.value ?? []
            let input = TenantPackInput(code: row.code, name: row.name, regulation: row.regulation, summary: row.summary, rules: RuleText.render(rules))
            return PackPages.tenantPackForm(PageContext(req), editing: row, input: input, errors: [])
        }
        routes.add(SiteRoute.updateTenantPack) { req in
            try await saveTenantPack(req, editing: try await loadTenantPack(req))
        }
        routes.add(SiteRoute.deleteTenantPack) { req in
            let principal = try req.requirePrincipal()
            let row = try await loadTenantPack(req)
            try await req.db.transaction { db in
                try await row.delete(on: db)
                try await PackSettingModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$packID == row.code).delete()
                try await Auditor.record(req.auditActor(principal), on: db, action: .packDelete, targetType: .pack, targetID: row.id, label: row.name)
            }
            return Response.seeOther(SiteRoute.rulePacks.path, flash: req.l10n.t("Paket \(row.name) dihapus.", "Pack \(row.name) deleted."))
        }
        routes.add(.newElection) { req in
            PackPages.electionForm(PageContext(req), editing: nil, input: ElectionInput(), errors: [])
        }
        routes.add(.createElection) { req in
            try await saveElection(req, editing: nil)
        }
        routes.add(SiteRoute.editElection) { req in
            let row = try await loadElection(req)
            let data = row.data.value
            let input = ElectionInput(name: row.name, valid_from: row.validFrom, valid_until: row.validUntil,
                                      candidates: ElectionText.render(candidates: data?.candidates ?? []),
                                      parties: ElectionText.render(parties: data?.parties ?? []))
            return PackPages.electionForm(PageContext(req), editing: row, input: input, errors: [])
        }
        routes.add(SiteRoute.updateElection) { req in
            try await saveElection(req, editing: try await loadElection(req))
        }
        routes.add(SiteRoute.deleteElection) { req in
            let principal = try req.requirePrincipal()
            let row = try await loadElection(req)
            try await req.db.transaction { db in
                try await row.delete(on: db)
                try await Auditor.record(req.auditActor(principal), on: db, action: .electionDelete, targetType: .election, targetID: row.id, label: row.name)
            }
            return Response.seeOther(SiteRoute.rulePacks.path, flash: req.l10n.t("Data pemilihan \(row.name) dihapus.", "Election data \(row.name) deleted."))
        }
        routes.add(SiteRoute.deleteAllowListEntry) { req in
            let principal = try req.requirePrincipal()
            guard let id = req.parameters.get("entryID", as: UUID.self),
                  let entry = try await AllowListModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
                throw AppError.notFound
            }
            try await req.db.transaction { db in
                try await entry.delete(on: db)
                try await Auditor.record(req.auditActor(principal), on: db, action: .allowlistDelete, targetType: .allowlist, targetID: entry.id,
                                         label: "\(entry.ruleID): \(entry.matched)")
            }
            return Response.seeOther(SiteRoute.rulePacks.path, flash: req.l10n.t("Pengecualian dihapus; aturan kembali memeriksa kata itu.", "Allow-list entry removed."))
        }
    }

    static func overview(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let packs = try await ComplianceService.packStates(tenantID: principal.tenantID, zone: principal.tenant.zone, now: req.now, on: req.db)
        let today = ComplianceService.day(req.now, zone: principal.tenant.zone)
        let contests = try await ComplianceService.contests(tenantID: principal.tenantID, on: req.db)
        let allowList = try await AllowListModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).sort(\.$createdAt, .descending).all()
        return PackPages.overview(PageContext(req), packs: packs, contests: contests, today: today, allowList: allowList,
                                  canManage: principal.scope.allowsSomewhere(.manageRulePacks))
    }

    /// The packs the tenant has, by id, with the election pack as it stands today.
    static func pack(_ id: String, principal: Principal, req: Request) async throws -> RulePack? {
        if id == "skb5" {
            let contests = try await ComplianceService.contests(tenantID: principal.tenantID, on: req.db).map(\.1)
            return RulePack.skb5(contests: contests, on: ComplianceService.day(req.now, zone: principal.tenant.zone))
        }
        if let builtIn = RulePack.builtIn.first(where: { $0.id == id }) { return builtIn }
        return try await ComplianceService.tenantPacks(tenantID: principal.tenantID, on: req.db).first { $0.1.id == id }?.1
    }

    static func show(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let id = req.parameters.get("packID") ?? ""
        guard let pack = try await pack(id, principal: principal, req: req) else { throw AppError.notFound }
        return PackPages.pack(PageContext(req), pack)
    }

    static func toggle(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let id = req.parameters.get("packID") ?? ""
        let states = try await ComplianceService.packStates(tenantID: principal.tenantID, zone: principal.tenant.zone, now: req.now, on: req.db)
        guard let state = states.first(where: { $0.id == id }) else { throw AppError.notFound }
        let enabled = !state.enabled
        try await req.db.transaction { db in
            if let row = try await PackSettingModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$packID == id).first() {
                row.enabled = enabled
                row.updatedAt = req.now
                try await row.save(on: db)
            } else {
                let row = PackSettingModel()
                row.id = UUID()
                row.tenantID = principal.tenantID
                row.packID = id
                row.enabled = enabled
                row.updatedAt = req.now
                try await row.create(on: db)
            }
            try await Auditor.record(req.auditActor(principal), on: db, action: enabled ? .packEnable : .packDisable, targetType: .pack,
                                     targetID: nil, label: state.name)
        }
        let l = req.l10n
        return .seeOther(SiteRoute.rulePacks.path, flash: enabled ? l.t("Paket \(state.name) diaktifkan.", "Pack \(state.name) enabled.")
                                                         : l.t("Paket \(state.name) dinonaktifkan.", "Pack \(state.name) disabled."))
    }

    // MARK: Tenant packs

    struct TenantPackInput: Content {
        var code: String?
        var name: String?
        var regulation: String?
        var summary: String?
        var rules: String?
    }

    static func loadTenantPack(_ req: Request) async throws -> TenantPackModel {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("packRowID", as: UUID.self),
              let row = try await TenantPackModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return row
    }

    static let maxRulesText = 100_000

    /// Problems with the form, in Indonesian; the rules as parsed when there are none.
    static func validate(_ input: TenantPackInput, editing: TenantPackModel?, tenantID: UUID, on db: Database) async throws -> Result<[ComplianceRule], FormProblems> {
        var problems: [String] = []
        let code = input.code.nonEmpty?.lowercased() ?? ""
        if code.isEmpty {
            problems.append("Kode paket belum diisi.")
        } else if code.count > 40 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            problems.append("Kode paket hanya huruf kecil, angka dan tanda hubung, paling banyak 40 karakter.")
        } else if RulePack.builtInIDs.contains(code) {
            problems.append("Kode \(code) dipakai paket bawaan; pilih kode lain.")
        } else if try await TenantPackModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$code == code)
                    .filter(\.$id != (editing?.id ?? UUID())).first() != nil {
            problems.append("Kode \(code) sudah dipakai paket lain.")
        }
        if (input.name.nonEmpty ?? "").isEmpty { problems.append("Nama paket belum diisi.") }
        if (input.name ?? "").count > 120 { problems.append("Nama paket paling banyak 120 karakter.") }
        if (input.regulation.nonEmpty ?? "").isEmpty { problems.append("Dasar aturan belum diisi (mis. nama pedoman atau surat edaran).") }
        if (input.regulation ?? "").count > 300 || (input.summary ?? "").count > 1_000 { problems.append("Dasar aturan atau ringkasan terlalu panjang.") }
        let text = input.rules ?? ""
        guard text.count <= maxRulesText else { return .failure(FormProblems(problems + ["Teks aturan terlalu panjang (paling banyak 100.000 karakter)."])) }
        switch RuleText.parse(text) {
        case .success(let rules):
            return problems.isEmpty ? .success(rules) : .failure(FormProblems(problems))
        case .failure(let errors):
            return .failure(FormProblems(problems + errors.items.map(\.description)))
        }
    }

    static func saveTenantPack(_ req: Request, editing: TenantPackModel?) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(TenantPackInput.self)
        switch try await validate(input, editing: editing, tenantID: principal.tenantID, on: req.db) {
        case .failure(let problems):
            return PackPages.tenantPackForm(PageContext(req), editing: editing, input: input, errors: problems.messages).response(.unprocessableEntity)
        case .success(let rules):
            let pack = RulePack(id: input.code.nonEmpty!.lowercased(), name: input.name.nonEmpty!, regulation: input.regulation.nonEmpty!,
                                summary: input.summary.nonEmpty ?? "", rules: rules)
            let oldCode = editing?.code
            let row = editing ?? TenantPackModel(tenantID: principal.tenantID, pack: pack, at: req.now)
            row.apply(pack, at: req.now)
            try await req.db.transaction { db in
                try await row.save(on: db)
                if let oldCode, oldCode != row.code {
                    try await PackSettingModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$packID == oldCode)
                        .set(\.$packID, to: row.code).update()
                }
                try await Auditor.record(req.auditActor(principal), on: db, action: editing == nil ? .packCreate : .packUpdate,
                                         targetType: .pack, targetID: row.id, label: row.name,
                                         after: ["code": row.code, "rules": String(rules.count)])
            }
            return .seeOther(SiteRoute.rulePack(row.code).path, flash: req.l10n.t("Paket \(row.name) disimpan dengan \(rules.count) aturan.",
                                                                         "Pack \(row.name) saved with \(rules.count) rules."))
        }
    }

    // MARK: Election data

    struct ElectionInput: Content {
        var name: String?
        var valid_from: String?
        var valid_until: String?
        var candidates: String?
        var parties: String?
    }

    static func loadElection(_ req: Request) async throws -> ElectionContestModel {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("electionID", as: UUID.self),
              let row = try await ElectionContestModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return row
    }

    static func validateElection(_ input: ElectionInput) -> Result<ElectionContest, FormProblems> {
        var problems: [String] = []
        let name = input.name.nonEmpty ?? ""
        if name.isEmpty { problems.append("Nama pemilihan belum diisi.") } else if name.count > 160 { problems.append("Nama pemilihan paling banyak 160 karakter.") }
        let from = input.valid_from.nonEmpty ?? "", until = input.valid_until.nonEmpty ?? ""
        if !CalendarDay.isValid(from) { problems.append("Tanggal mulai berlaku belum diisi atau tidak valid (format TTTT-BB-HH).") }
        if !CalendarDay.isValid(until) { problems.append("Tanggal akhir berlaku belum diisi atau tidak valid (format TTTT-BB-HH).") }
        if CalendarDay.isValid(from), CalendarDay.isValid(until), until < from { problems.append("Tanggal akhir berlaku tidak boleh sebelum tanggal mulai.") }
        if (input.candidates ?? "").count > 20_000 || (input.parties ?? "").count > 10_000 { problems.append("Daftar calon atau partai terlalu panjang.") }
        var candidates: [ElectionContest.Candidate] = []
        switch ElectionText.parseCandidates(input.candidates ?? "") {
        case .success(let parsed): candidates = parsed
        case .failure(let errors): problems += errors.items.map { "Daftar calon, \($0.description)" }
        }
        guard problems.isEmpty else { return .failure(FormProblems(problems)) }
        return .success(ElectionContest(name: name, validFrom: from, validUntil: until, candidates: candidates,
                                        parties: ElectionText.parseParties(input.parties ?? "")))
    }

    static func saveElection(_ req: Request, editing: ElectionContestModel?) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(ElectionInput.self)
        switch validateElection(input) {
        case .failure(let problems):
            return PackPages.electionForm(PageContext(req), editing: editing, input: input, errors: problems.messages).response(.unprocessableEntity)
        case .success(let contest):
            let row = editing ?? ElectionContestModel(tenantID: principal.tenantID, contest: contest, at: req.now)
            row.apply(contest, at: req.now)
            try await req.db.transaction { db in
                try await row.save(on: db)
                try await Auditor.record(req.auditActor(principal), on: db, action: editing == nil ? .electionCreate : .electionUpdate,
                                         targetType: .election, targetID: row.id, label: row.name,
                                         after: ["valid_from": row.validFrom, "valid_until": row.validUntil, "candidates": String(contest.candidates.count)])
            }
            return .seeOther(SiteRoute.rulePacks.path, flash: req.l10n.t("Data pemilihan \(row.name) disimpan.", "Election data \(row.name) saved."))
        }
    }
}

/// Form problems already phrased for the person (the rule and election texts report by line).
struct FormProblems: Error {
    let messages: [String]
    init(_ messages: [String]) { self.messages = messages }
}
