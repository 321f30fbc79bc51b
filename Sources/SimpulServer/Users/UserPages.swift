import Foundation
import Plot
import SimpulCore

enum UserPages {
    static func labels(_ l: L10n) -> [String: String] {
        ["name": l.t("Nama lengkap", "Full name"), "email": "Email", "nip": "NIP", "phone": l.t("Nomor telepon", "Phone number"),
         "password": l.t("Kata sandi awal", "Initial password"), "role": l.t("Peran", "Role"), "unit_id": l.t("Unit kerja", "Unit")]
    }

    static func roleOptions(_ l: L10n, grantable: [Role]) -> [UI.Option] {
        grantable.map { UI.Option(value: $0.rawValue, label: l.role($0)) }
    }

    /// Units to pick from. Forms pass `activeOnly` so nothing new lands on a closed unit; the
    /// unit a record already has stays in the list so editing it does not silently move it.
    static func unitOptions(_ tree: UnitTree, allowed: Set<UUID>, activeOnly: Bool = false, keep: UUID? = nil) -> [UI.Option] {
        tree.flattened().filter { allowed.contains($0.unit.id) && (!activeOnly || $0.unit.active || $0.unit.id == keep) }
            .map { UI.Option(value: $0.unit.id.uuidString, label: String(repeating: "\u{00A0}\u{00A0}", count: $0.depth) + $0.unit.name) }
    }

    struct Row {
        let entry: UserQueries.Entry
        let roles: String
    }

    static func list(_ ctx: PageContext, rows: [Row], filter: UserFilter, units: [UI.Option], canCreate: Bool) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Pengguna & peran", "Users & roles"),
            Layout.settingsTabs(ctx),
            .form(.method(.get), .action(SiteRoute.users.path), .class("filters"),
                UI.field(l.t("Cari", "Search"), name: "q", value: filter.q, error: nil, type: .search, maxLength: 100, placeholder: l.t("nama, email atau NIP", "name, e-mail or NIP")),
                UI.select(l.t("Unit kerja", "Unit"), name: "unit", options: units, selected: filter.unit, error: nil, includeBlank: l.t("Semua unit", "All units")),
                UI.select(l.t("Peran", "Role"), name: "role", options: Role.allCases.map { UI.Option(value: $0.rawValue, label: l.role($0)) }, selected: filter.role, error: nil, includeBlank: l.t("Semua peran", "All roles")),
                UI.select(l.t("Status", "Status"), name: "show", options: [UI.Option(value: "all", label: l.t("Termasuk nonaktif", "Include inactive"))], selected: filter.show, error: nil, includeBlank: l.t("Aktif saja", "Active only")),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Terapkan", "Apply"))))
            ),
            .div(.class("toolbar"),
                 .p(.class("count"), .text(l.t("\(l.number(rows.count)) pengguna", "\(l.number(rows.count)) users"))),
                 .if(canCreate, .a(.class("button"), .href(SiteRoute.newUser.path), .text(l.t("Tambah pengguna", "Add user"))))),
            rows.isEmpty ? UI.empty(l.t("Tidak ada pengguna yang cocok dengan filter ini.", "No users match this filter."))
            : .table(.class("list"),
                .thead(.tr(.th(.text(l.t("Nama", "Name"))), .th("Email"), .th(.text(l.t("Peran", "Roles"))), .th(.text(l.t("Status", "Status"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.a(.href(SiteRoute.user(row.entry.user.id!).path), .text(row.entry.user.name))),
                        .td(.text(row.entry.user.email)),
                        .td(.text(row.roles)),
                        .td(row.entry.user.active ? UI.badge(l.t("Aktif", "Active"), tone: .ok) : UI.badge(l.t("Nonaktif", "Inactive"), tone: .muted)))
                }))
        )
    }

    static func form(_ ctx: PageContext, editing: UserModel?, input: UserInput, errors: FormErrors, roles: [UI.Option], units: [UI.Option]) -> HTML {
        let l = ctx.l
        let labels = labels(l)
        return Layout.page(ctx, title: editing == nil ? l.t("Tambah pengguna", "Add user") : l.t("Ubah pengguna", "Edit user"),
            Layout.settingsTabs(ctx),
            UI.formErrorSummary(errors.all, l),
            .form(.method(.post), .action(editing.map { SiteRoute.updateUser($0.id!).path } ?? SiteRoute.createUser.path), .class("stack"),
                UI.csrf(ctx.csrf),
                UI.field(labels["name"]!, name: "name", value: input.name, error: errors["name"], required: true, maxLength: Validators.nameMax),
                UI.field(labels["email"]!, name: "email", value: input.email, error: errors["email"], type: .email, required: true, maxLength: Validators.emailMax),
                UI.field(labels["nip"]!, name: "nip", value: input.nip, error: errors["nip"], hint: l.t("18 angka; kosongkan untuk non-ASN", "18 digits; leave empty for non-civil-servants"), maxLength: 18),
                UI.field(labels["phone"]!, name: "phone", value: input.phone, error: errors["phone"], type: .tel, maxLength: 20),
                .if(editing == nil, .group(
                    UI.field(labels["password"]!, name: "password", value: nil, error: errors["password"], type: .password, required: true,
                             hint: l.t("Minimal \(Validators.passwordMin) karakter. Sampaikan secara pribadi.", "At least \(Validators.passwordMin) characters. Share it privately."), autocomplete: "new-password"),
                    UI.select(labels["role"]!, name: "role", options: roles, selected: input.role, error: errors["role"], required: true, includeBlank: l.t("— pilih peran —", "— choose role —")),
                    UI.select(labels["unit_id"]!, name: "unit_id", options: units, selected: input.unit_id, error: errors["unit_id"], required: true, includeBlank: l.t("— pilih unit —", "— choose unit —"))
                )),
                .div(.class("actions"),
                     .button(.type(.submit), .class("button"), .text(l.t("Simpan", "Save"))),
                     .a(.href(editing.map { SiteRoute.user($0.id!).path } ?? SiteRoute.users.path), .text(l.t("Batal", "Cancel"))))
            )
        )
    }

    /// One user with their roles, and the forms to grant a role and reset the password.
    struct DetailModel {
        var entry: UserQueries.Entry
        var tree: UnitTree
        var canManage: Bool
        /// The roles and units the viewer may grant; empty hides the grant form.
        var roles: [UI.Option]
        var units: [UI.Option]
        var roleErrors: FormErrors
        var passwordError: String?
    }

    static func detail(_ ctx: PageContext, _ model: DetailModel) -> HTML {
        let l = ctx.l
        let (entry, canManage, roleErrors) = (model.entry, model.canManage, model.roleErrors)
        let user = entry.user
        return Layout.page(ctx, title: user.name,
            Layout.settingsTabs(ctx),
            .dl(.class("facts"),
                .dt("Email"), .dd(.text(user.email)),
                .dt("NIP"), .dd(.text(user.nip ?? "—")),
                .dt(.text(l.t("Telepon", "Phone"))), .dd(.text(user.phone ?? "—")),
                .dt(.text(l.t("Status", "Status"))), .dd(user.active ? UI.badge(l.t("Aktif", "Active"), tone: .ok) : UI.badge(l.t("Nonaktif", "Inactive"), tone: .muted))),
            .if(canManage, .div(.class("actions"),
                .a(.class("button secondary"), .href(SiteRoute.editUser(user.id!).path), .text(l.t("Ubah data", "Edit details"))),
                user.active
                    ? UI.actionButton(l.t("Nonaktifkan", "Deactivate"), action: SiteRoute.deactivateUser(user.id!).path, csrf: ctx.csrf,
                                      confirm: l.t("Nonaktifkan \(user.name)? Semua sesinya akan berakhir.", "Deactivate \(user.name)? All their sessions end."), danger: true)
                    : UI.actionButton(l.t("Aktifkan kembali", "Reactivate"), action: SiteRoute.reactivateUser(user.id!).path, csrf: ctx.csrf))),
            .h2(.text(l.t("Peran", "Roles"))),
            entry.memberships.isEmpty ? UI.empty(l.t("Belum punya peran di unit mana pun.", "No roles on any unit yet.")) :
            .table(.class("list"),
                .thead(.tr(.th(.text(l.t("Peran", "Role"))), .th(.text(l.t("Unit kerja", "Unit"))), .th(""))),
                .tbody(.forEach(entry.memberships) { membership in
                    .tr(.td(.text(l.role(membership.role))),
                        .td(.text(model.tree.pathName(of: membership.unitID))),
                        .td(.if(canManage, UI.actionButton(l.t("Cabut", "Remove"), action: SiteRoute.removeRole(user.id!, membership: membership.id!).path, csrf: ctx.csrf,
                                                            confirm: l.t("Cabut peran ini?", "Remove this role?"), danger: true))))
                })),
            .if(!model.roles.isEmpty && !model.units.isEmpty, .form(.method(.post), .action(SiteRoute.addRole(user.id!).path), .class("stack compact"),
                .h3(.text(l.t("Beri peran", "Grant a role"))),
                UI.csrf(ctx.csrf),
                UI.formErrorSummary(roleErrors.all, l),
                UI.select(l.t("Peran", "Role"), name: "role", options: model.roles, selected: nil, error: roleErrors["role"], required: true, includeBlank: l.t("— pilih peran —", "— choose role —")),
                UI.select(l.t("Unit kerja", "Unit"), name: "unit_id", options: model.units, selected: nil, error: roleErrors["unit_id"], required: true, includeBlank: l.t("— pilih unit —", "— choose unit —")),
                .button(.type(.submit), .class("button"), .text(l.t("Beri peran", "Grant"))))),
            .if(canManage, .form(.method(.post), .action(SiteRoute.resetPassword(user.id!).path), .class("stack compact"),
                .h3(.text(l.t("Atur ulang kata sandi", "Reset password"))),
                UI.csrf(ctx.csrf),
                UI.field(l.t("Kata sandi baru", "New password"), name: "password", value: nil, error: model.passwordError, type: .password, required: true,
                         hint: l.t("Sesi yang sedang berjalan akan diakhiri.", "Running sessions will be ended."), autocomplete: "new-password"),
                .button(.type(.submit), .class("button secondary"), .text(l.t("Atur ulang", "Reset")))))
        )
    }
}
