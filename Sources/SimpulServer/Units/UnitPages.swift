import Foundation
import Plot
import SimpulCore

enum UnitPages {
    static func labels(_ l: L10n) -> [String: String] {
        ["name": l.t("Nama unit", "Unit name"), "code": l.t("Kode", "Code"), "kind": l.t("Jenis", "Kind"), "parent_id": l.t("Unit induk", "Parent unit")]
    }

    static func list(_ ctx: PageContext, tree: UnitTree, visible: Set<UUID>, accountCounts: [UUID: Int], canManage: (UUID) -> Bool) -> HTML {
        let l = ctx.l
        let starts = tree.flattened().filter { visible.contains($0.unit.id) && !($0.unit.parentID.map(visible.contains) ?? false) }.map(\.unit.id)
        let rows = tree.flattened(from: starts)
        let anyManage = rows.contains { canManage($0.unit.id) }
        return Layout.page(ctx, title: l.t("Unit kerja", "Units"),
            Layout.settingsTabs(ctx),
            .div(.class("toolbar"),
                 .p(.class("count"), .text(l.t("\(l.number(rows.count)) unit kerja", "\(l.number(rows.count)) units"))),
                 .if(anyManage, .a(.class("button"), .href(SiteRoute.newUnit.path), .text(l.t("Tambah unit", "Add unit"))))),
            rows.isEmpty
                ? UI.empty(l.t("Belum ada unit kerja dalam cakupan Anda.", "No units in your scope yet."))
                : .table(.class("list tree"),
                    .thead(.tr(.th(.text(l.t("Nama", "Name"))), .th(.text(l.t("Jenis", "Kind"))), .th(.text(l.t("Kode", "Code"))), .th(.class("num"), .text(l.t("Akun", "Accounts"))), .th(.text("")))),
                    .tbody(.forEach(rows) { row in
                        .tr(
                            .td(.attribute(named: "style", value: "padding-left: \(0.5 + Double(row.depth) * 1.25)rem"),
                                .if(row.depth > 0, .span(.class("branch"), .attribute(named: "aria-hidden", value: "true"), "└ ")),
                                .a(.href(SiteRoute.accounts.path + "?unit=\(row.unit.id)"), .text(row.unit.name)),
                                .if(!row.unit.active, .group(.text(" "), UI.badge(l.t("Nonaktif", "Inactive"), tone: .muted)))),
                            .td(.text(l.unitKind(row.unit.kind))),
                            .td(.code(.text(row.unit.code))),
                            .td(.class("num"), .text(l.number(accountCounts[row.unit.id] ?? 0))),
                            .td(.if(canManage(row.unit.id), .a(.href(SiteRoute.editUnit(row.unit.id).path), .text(l.t("Ubah", "Edit")))))
                        )
                    }))
        )
    }

    static func form(_ ctx: PageContext, editing: UnitModel?, input: UnitInput, errors: FormErrors, parents: [(UUID, String)], notice: String? = nil) -> HTML {
        let l = ctx.l
        let title = editing == nil ? l.t("Tambah unit kerja", "Add unit") : l.t("Ubah unit kerja", "Edit unit")
        let kinds = UnitKind.allCases.map { UI.Option(value: $0.rawValue, label: l.unitKind($0)) }
        let isRoot = editing != nil && editing?.parentID == nil
        return Layout.page(ctx, title: title,
            Layout.settingsTabs(ctx),
            UI.formErrorSummary(errors.all + [notice].compactMap { $0 }, l),
            .if(editing?.active == false, .p(UI.badge(l.t("Nonaktif", "Inactive"), tone: .muted), .text(" " + l.t("Unit ini nonaktif: tidak bisa dipilih untuk akun atau peran baru.", "This unit is inactive: it cannot be chosen for new accounts or roles.")))),
            .form(.method(.post), .action(editing.map { SiteRoute.updateUnit($0.id!).path } ?? SiteRoute.createUnit.path), .class("stack"),
                UI.csrf(ctx.csrf),
                UI.field(labels(l)["name"]!, name: "name", value: input.name, error: errors["name"], required: true, maxLength: Validators.nameMax),
                UI.field(labels(l)["code"]!, name: "code", value: input.code, error: errors["code"], required: true,
                         hint: l.t("Singkatan unik, mis. DINKES atau KEC-SUKAMAJU", "Unique short code, e.g. DINKES"), maxLength: 20),
                UI.select(labels(l)["kind"]!, name: "kind", options: kinds, selected: input.kind, error: errors["kind"], required: true, includeBlank: l.t("— pilih jenis —", "— choose kind —")),
                isRoot ? .p(.class("hint"), .text(l.t("Ini unit teratas instansi; tidak punya unit induk.", "This is the tenant's top unit; it has no parent.")))
                       : UI.select(labels(l)["parent_id"]!, name: "parent_id", options: parents.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                                   selected: input.parent_id, error: errors["parent_id"], required: true, includeBlank: l.t("— pilih unit induk —", "— choose parent —")),
                .div(.class("actions"),
                     .button(.type(.submit), .class("button"), .text(l.t("Simpan", "Save"))),
                     .a(.href(SiteRoute.units.path), .text(l.t("Batal", "Cancel"))))
            ),
            .unwrap(editing) { unit in
                .if(unit.parentID != nil, .div(.class("actions"),
                    unit.active
                        ? UI.actionButton(l.t("Nonaktifkan unit", "Deactivate unit"), action: SiteRoute.deactivateUnit(unit.id!).path, csrf: ctx.csrf,
                                          confirm: l.t("Nonaktifkan \(unit.name)?", "Deactivate \(unit.name)?"), danger: true)
                        : UI.actionButton(l.t("Aktifkan kembali", "Reactivate"), action: SiteRoute.reactivateUnit(unit.id!).path, csrf: ctx.csrf)))
            }
        )
    }
}
