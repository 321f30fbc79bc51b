import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Pengaturan → Konten & persetujuan: each unit's approval chain and the tenant's content
/// pillars. Tenant-wide, for the koordinator.
enum ContentSettingsController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.contentSettings) { req in
            try await page(req, status: .ok)
        }
        routes.add(.saveContentPolicy, savePolicy)
        routes.add(SiteRoute.deleteContentPolicy, deletePolicy)
        routes.add(.addPillar, addPillar)
        routes.add(SiteRoute.togglePillar, togglePillar)
    }

    struct PolicyInput: Content {
        var unit_id: String?
        var step1: String?
        var step2: String?
        var step3: String?
    }

    struct PillarInput: Content { var name: String? }

    static let pillarMax = 60

    /// The route already asked for `manageUnits`, which only the koordinator holds, tenant-wide.
    static func principal(_ req: Request) throws -> Principal {
        try req.requirePrincipal()
    }

    static func page(_ req: Request, status: HTTPResponseStatus, policyInput: PolicyInput? = nil, pillarInput: PillarInput? = nil,
                     errors: FieldErrors = FieldErrors()) async throws -> Response {
        let principal = try principal(req)
        let policies = try await ApprovalPolicyModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).all()
        let pillars = try await ContentPillarModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).sort(\.$name).all()
        return ContentSettingsPages.page(PageContext(req), .init(tree: principal.scope.tree, policies: policies, pillars: pillars,
                                                                 policyInput: policyInput, pillarInput: pillarInput, errors: errors)).response(status)
    }

    static func savePolicy(_ req: Request) async throws -> Response {
        let principal = try principal(req)
        let input = try req.content.decode(PolicyInput.self)
        var errors = FieldErrors()
        let unitID = input.unit_id.nonEmpty.flatMap(UUID.init(uuidString:))
        if input.unit_id.nonEmpty == nil { errors.add("unit_id", .required) }
        else if unitID == nil || principal.scope.tree.units[unitID!] == nil { errors.add("unit_id", .unknownUnit) }
        var roles: [Role] = []
        for (field, value) in [("step1", input.step1), ("step2", input.step2), ("step3", input.step3)] {
            guard let raw = value.nonEmpty else { continue }
            guard let role = Role(rawValue: raw), ApprovalPolicy.approvingRoles.contains(role) else { errors.add(field, .invalidChoice); continue }
            roles.append(role)
        }
        guard errors.isEmpty, let unitID, let policy = ApprovalPolicy(steps: roles) else {
            return try await page(req, status: .unprocessableEntity, policyInput: input, errors: errors)
        }
        let now = req.now
        let existing = try await ApprovalPolicies.own(unitID: unitID, tenantID: principal.tenantID, on: req.db)
        let before = existing?.steps
        try await req.db.transaction { db in
            let row = existing ?? ApprovalPolicyModel()
            if existing == nil {
                row.id = UUID()
                row.tenantID = principal.tenantID
                row.unitID = unitID
            }
            row.steps = policy.steps.map(\.rawValue).joined(separator: ",")
            row.updatedAt = now
            try await row.save(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .contentPolicy, targetType: .unit, targetID: unitID,
                                     label: principal.scope.tree.units[unitID]?.name ?? "", before: before.map { ["steps": $0] }, after: ["steps": row.steps])
        }
        return .seeOther(SiteRoute.contentSettings.path, flash: req.l10n.t("Alur persetujuan disimpan.", "Approval chain saved."))
    }

    static func deletePolicy(_ req: Request) async throws -> Response {
        let principal = try principal(req)
        guard let unitID = req.parameters.get("unitID", as: UUID.self),
              let row = try await ApprovalPolicies.own(unitID: unitID, tenantID: principal.tenantID, on: req.db) else { throw AppError.notFound }
        try await req.db.transaction { db in
            try await row.delete(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .contentPolicyDelete, targetType: .unit, targetID: unitID,
                                     label: principal.scope.tree.units[unitID]?.name ?? "", before: ["steps": row.steps])
        }
        return .seeOther(SiteRoute.contentSettings.path, flash: req.l10n.t("Unit ini kini mengikuti alur unit induknya.", "This unit now follows its parent's chain."))
    }

    static func addPillar(_ req: Request) async throws -> Response {
        let principal = try principal(req)
        let input = try req.content.decode(PillarInput.self)
        var errors = FieldErrors()
        let name = Validators.text(input.name, max: pillarMax, field: "name", into: &errors)
        if errors.isEmpty, try await ContentPillarModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).all()
            .contains(where: { $0.name.lowercased() == name.lowercased() }) {
            errors.add("name", .duplicate)
        }
        guard errors.isEmpty else { return try await page(req, status: .unprocessableEntity, pillarInput: input, errors: errors) }
        let pillar = ContentPillarModel(tenantID: principal.tenantID, name: name, at: req.now)
        try await req.db.transaction { db in
            try await pillar.create(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .contentPillarCreate, targetType: .pillar, targetID: pillar.id, label: name)
        }
        return .seeOther(SiteRoute.contentSettings.path, flash: req.l10n.t("Pilar konten ditambahkan.", "Content pillar added."))
    }

    static func togglePillar(_ req: Request) async throws -> Response {
        let principal = try principal(req)
        guard let id = req.parameters.get("pillarID", as: UUID.self),
              let pillar = try await ContentPillarModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        pillar.active.toggle()
        try await req.db.transaction { db in
            try await pillar.save(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: pillar.active ? .contentPillarActivate : .contentPillarDeactivate,
                                     targetType: .pillar, targetID: pillar.id, label: pillar.name)
        }
        return .seeOther(SiteRoute.contentSettings.path, flash: pillar.active ? req.l10n.t("Pilar diaktifkan kembali.", "Pillar reactivated.")
                                                                    : req.l10n.t("Pilar dinonaktifkan; konten lama tetap memakainya.", "Pillar deactivated; existing content keeps it."))
    }
}

enum ContentSettingsPages {
    struct Model {
        var tree: UnitTree
        var policies: [ApprovalPolicyModel]
        var pillars: [ContentPillarModel]
        /// What was typed into a refused form, shown again beside its errors.
        var policyInput: ContentSettingsController.PolicyInput?
        var pillarInput: ContentSettingsController.PillarInput?
        var errors: FieldErrors
    }

    static func page(_ ctx: PageContext, _ model: Model) -> HTML {
        let (tree, policies, pillars, policyInput, pillarInput, errors) = (model.tree, model.policies, model.pillars, model.policyInput, model.pillarInput, model.errors)
        let l = ctx.l
        let labels = ["unit_id": l.t("Unit", "Unit"), "step1": l.t("Langkah 1", "Step 1"), "step2": l.t("Langkah 2", "Step 2"),
                      "step3": l.t("Langkah 3", "Step 3"), "name": l.t("Nama pilar", "Pillar name")]
        let formErrors = FormErrors(errors, labels: labels, l)
        let own = Dictionary(policies.compactMap { row in row.policy.map { (row.unitID, $0) } }, uniquingKeysWith: { first, _ in first })
        func chain(_ policy: ApprovalPolicy) -> String {
            policy.steps.isEmpty ? l.t("tanpa persetujuan", "no approval") : policy.steps.map { l.role($0) }.joined(separator: " → ")
        }
        func effective(_ unit: UUID) -> (ApprovalPolicy, Bool) {
            for (index, id) in tree.lineage(of: unit).enumerated() { if let policy = own[id] { return (policy, index == 0) } }
            return (.standard, false)
        }
        let roleOptions = ApprovalPolicy.approvingRoles.sorted { $0.rawValue < $1.rawValue }.map { UI.Option(value: $0.rawValue, label: l.role($0)) }
        return Layout.page(ctx, title: l.t("Konten & persetujuan", "Content & approval"),
            Layout.settingsTabs(ctx),
            UI.formErrorSummary(formErrors.all, l),
            .h2(.text(l.t("Alur persetujuan per unit", "Approval chain per unit"))),
            .p(.class("hint"), .text(l.t("Nol sampai tiga langkah; tiap langkah diambil orang yang memegang perannya pada unit konten (atau koordinator). Unit yang tidak tercantum mengikuti unit induknya; bawaan: satu langkah penyetuju.",
                                         "Zero to three steps; each is taken by someone holding its role on the content's unit (or a koordinator). Units not listed follow their parent; the default is one approver step."))),
            .table(.class("list"),
                .thead(.tr(.th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Alur", "Chain"))), .th(.text("")))),
                .tbody(.forEach(tree.flattened().filter { $0.depth == 0 || own[$0.unit.id] != nil }) { row in
                    let (policy, isOwn) = effective(row.unit.id)
                    return .tr(.td(.text(row.unit.name)),
                               .td(.text(chain(policy)), .if(!isOwn, .span(.class("hint"), .text(l.t(" (ikut induk)", " (inherited)"))))),
                               .td(.if(isOwn, UI.actionButton(l.t("Ikuti induk", "Inherit"), action: SiteRoute.deleteContentPolicy(unit: row.unit.id).path, csrf: ctx.csrf))))
                })),
            .form(.method(.post), .action(SiteRoute.saveContentPolicy.path), .class("stack"),
                UI.csrf(ctx.csrf),
                UI.select(labels["unit_id"]!, name: "unit_id", options: tree.flattened().map { UI.Option(value: $0.unit.id.uuidString, label: String(repeating: "  ", count: $0.depth) + $0.unit.name) },
                          selected: policyInput?.unit_id, error: formErrors["unit_id"], required: true, includeBlank: l.t("— pilih unit —", "— choose unit —")),
                .div(.class("field-row"),
                     UI.select(labels["step1"]!, name: "step1", options: roleOptions, selected: policyInput?.step1, error: formErrors["step1"], includeBlank: l.t("— tidak ada —", "— none —")),
                     UI.select(labels["step2"]!, name: "step2", options: roleOptions, selected: policyInput?.step2, error: formErrors["step2"], includeBlank: l.t("— tidak ada —", "— none —")),
                     UI.select(labels["step3"]!, name: "step3", options: roleOptions, selected: policyInput?.step3, error: formErrors["step3"], includeBlank: l.t("— tidak ada —", "— none —"))),
                .p(.class("hint"), .text(l.t("Kosongkan semua langkah bila konten unit ini tidak perlu disetujui.", "Leave every step empty when this unit's content needs no approval."))),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan alur", "Save chain"))))),
            .h2(.text(l.t("Pilar konten", "Content pillars"))),
            pillars.isEmpty
                ? .p(.class("hint"), .text(l.t("Belum ada pilar. Tambahkan tema besar konten instansi, mis. Layanan Publik atau Klarifikasi Hoaks.",
                                               "No pillars yet. Add the big themes of the tenant's content, e.g. Public Services or Hoax Clarification.")))
                : .ul(.forEach(pillars) { pillar in
                    .li(.text(pillar.name + " "), pillar.active ? UI.badge(l.t("Aktif", "Active"), tone: .ok) : UI.badge(l.t("Nonaktif", "Inactive"), tone: .muted),
                        .text(" "), UI.actionButton(pillar.active ? l.t("Nonaktifkan", "Deactivate") : l.t("Aktifkan", "Activate"),
                                                    action: SiteRoute.togglePillar(pillar.id!).path, csrf: ctx.csrf))
                }),
            .form(.method(.post), .action(SiteRoute.addPillar.path), .class("stack"),
                UI.csrf(ctx.csrf),
                UI.field(labels["name"]!, name: "name", value: pillarInput?.name, error: formErrors["name"], required: true, maxLength: ContentSettingsController.pillarMax),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Tambah pilar", "Add pillar")))))
        )
    }
}
