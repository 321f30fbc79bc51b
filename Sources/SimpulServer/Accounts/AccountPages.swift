import Foundation
import Plot
import SimpulCore

enum AccountPages {
    static func labels(_ l: L10n) -> [String: String] {
        ["platform": "Platform", "handle": "Handle", "display_name": l.t("Nama tampilan", "Display name"), "kind": l.t("Jenis akun", "Account kind"),
         "unit": l.t("Unit kerja", "Unit"), "owner": l.t("Pemilik (email)", "Owner (e-mail)"), "followers": l.t("Jumlah pengikut", "Followers"),
         "status": l.t("Status sambungan", "Connection status")]
    }

    struct Row {
        let account: AccountModel
        let unitName: String
        let ownerName: String?
    }

    /// "@dinkes.kota", but a WhatsApp number stays a number.
    static func shownHandle(_ account: AccountModel) -> String {
        account.platform == .whatsapp ? account.handle : "@" + account.handle
    }

    static func platformOptions() -> [UI.Option] { Platform.allCases.map { UI.Option(value: $0.rawValue, label: $0.displayName) } }

    /// One page of the account registry with its filter.
    struct ListModel {
        var rows: [Row]
        var total: Int
        var filter: AccountFilter
        var units: [UI.Option]
        var next: String?
        var canCreate: Bool
        /// The filter came from the remembered cookie, so "clear" is offered even when the URL has none.
        var remembered: Bool
    }

    static func list(_ ctx: PageContext, _ model: ListModel) -> HTML {
        let l = ctx.l
        let (rows, filter, canCreate) = (model.rows, model.filter, model.canCreate)
        let query = filter.queryString
        return Layout.page(ctx, title: l.t("Akun media sosial", "Social media accounts"),
            Layout.settingsTabs(ctx),
            .form(.method(.get), .action(SiteRoute.accounts.path), .class("filters"), .id("account-filters"),
                UI.field(l.t("Cari", "Search"), name: "q", value: filter.q, error: nil, type: .search, maxLength: 100, placeholder: l.t("handle atau nama", "handle or name")),
                UI.select(l.t("Unit kerja", "Unit"), name: "unit", options: model.units, selected: filter.unit, error: nil, includeBlank: l.t("Semua unit", "All units")),
                UI.select("Platform", name: "platform", options: platformOptions(), selected: filter.platform, error: nil, includeBlank: l.t("Semua platform", "All platforms")),
                UI.select(l.t("Jenis", "Kind"), name: "kind", options: AccountKind.allCases.map { UI.Option(value: $0.rawValue, label: l.accountKind($0)) }, selected: filter.kind, error: nil, includeBlank: l.t("Semua jenis", "All kinds")),
                UI.select(l.t("Status", "Status"), name: "status", options: AccountStatus.allCases.map { UI.Option(value: $0.rawValue, label: l.accountStatus($0)) }, selected: filter.status, error: nil, includeBlank: l.t("Semua status", "All statuses")),
                UI.select(l.t("Tampilkan", "Show"), name: "show", options: [UI.Option(value: "all", label: l.t("Termasuk nonaktif", "Include deactivated"))], selected: filter.show, error: nil, includeBlank: l.t("Aktif saja", "Active only")),
                .div(.class("actions"),
                     .button(.type(.submit), .class("button secondary"), .text(l.t("Terapkan filter", "Apply filters"))),
                     .if(!filter.isEmpty || model.remembered, .a(.href(SiteRoute.accounts.path + "?reset=1"), .text(l.t("Hapus filter", "Clear filters")))))
            ),
            .div(.class("toolbar"),
                 .p(.class("count"), .id("account-count"), .text(l.t("\(l.number(model.total)) akun", "\(l.number(model.total)) accounts"))),
                 .div(.class("actions"),
                      .a(.class("button secondary"), .href(SiteRoute.accountsCSV.path + (query.isEmpty ? "" : "?" + query)), .text(l.t("Unduh CSV", "Download CSV"))),
                      .if(canCreate, .a(.class("button secondary"), .href(SiteRoute.importAccountsForm.path), .text(l.t("Impor CSV", "Import CSV")))),
                      .if(canCreate, .a(.class("button"), .href(SiteRoute.newAccount.path), .text(l.t("Tambah akun", "Add account")))))),
            rows.isEmpty
                ? UI.empty(filter.isEmpty ? l.t("Belum ada akun terdaftar. Tambahkan akun resmi unit Anda, atau impor dari CSV.", "No accounts yet. Add your unit's official accounts, or import a CSV.")
                                          : l.t("Tidak ada akun yang cocok. Ubah atau hapus filter.", "No accounts match. Change or clear the filters."),
                           action: canCreate ? (SiteRoute.newAccount.path, l.t("Tambah akun", "Add account")) : nil)
                : .table(.class("list"), .id("account-table"),
                    .thead(.tr(.th(.text(l.t("Akun", "Account"))), .th("Platform"), .th(.text(l.t("Unit kerja", "Unit"))), .th(.text(l.t("Jenis", "Kind"))),
                               .th(.class("num"), .text(l.t("Pengikut", "Followers"))), .th(.text(l.t("Status", "Status"))))),
                    .tbody(.forEach(rows) { row in
                        let a = row.account
                        return .tr(
                            .td(.a(.href(SiteRoute.account(a.id!).path), .strong(.text(a.displayName))), .br(), .span(.class("muted"), .text(shownHandle(a))),
                                .if(!a.active, .group(.text(" "), UI.badge(l.t("Nonaktif", "Deactivated"), tone: .muted)))),
                            .td(.text(a.platform.displayName)),
                            .td(.text(row.unitName)),
                            .td(.text(l.accountKind(a.kind)), .unwrap(row.ownerName) { .group(.br(), .span(.class("muted"), .text($0))) }),
                            .td(.class("num"), .text(l.number(a.followerCount))),
                            .td(UI.statusBadge(a.status, l), .if(a.sandbox, .group(.text(" "), UI.badge("Sandbox", tone: .warn)))))
                    })),
            UI.pager(next: model.next, l)
        )
    }

    static func form(_ ctx: PageContext, editing: AccountModel?, input: AccountInput, errors: FormErrors, units: [UI.Option]) -> HTML {
        let l = ctx.l
        let labels = labels(l)
        return Layout.page(ctx, title: editing == nil ? l.t("Tambah akun", "Add account") : l.t("Ubah akun", "Edit account"),
            Layout.settingsTabs(ctx),
            UI.formErrorSummary(errors.all, l),
            .form(.method(.post), .action(editing.map { SiteRoute.updateAccount($0.id!).path } ?? SiteRoute.createAccount.path), .class("stack"), .id("account-form"),
                UI.csrf(ctx.csrf),
                UI.select(labels["platform"]!, name: "platform", options: platformOptions(), selected: input.platform, error: errors["platform"], required: true, includeBlank: l.t("— pilih platform —", "— choose platform —")),
                UI.field(labels["handle"]!, name: "handle", value: input.handle, error: errors["handle"], required: true,
                         hint: l.t("Tanpa @. Untuk WhatsApp: nomor, mis. 0811 2345 678.", "Without @. For WhatsApp: the number."), maxLength: 100),
                UI.field(labels["display_name"]!, name: "display_name", value: input.displayName, error: errors["display_name"], required: true, maxLength: Validators.nameMax),
                UI.select(labels["kind"]!, name: "kind", options: AccountKind.allCases.map { UI.Option(value: $0.rawValue, label: l.accountKind($0)) }, selected: input.kind ?? AccountKind.official.rawValue, error: errors["kind"], required: true),
                UI.select(labels["unit"]!, name: "unit", options: units, selected: input.unit, error: errors["unit"], required: true, includeBlank: l.t("— pilih unit —", "— choose unit —")),
                UI.field(labels["owner"]!, name: "owner", value: input.owner, error: errors["owner"], type: .email,
                         hint: l.t("Hanya untuk akun staf: email ASN pemilik akun.", "Staff accounts only: the owner's e-mail."), maxLength: Validators.emailMax),
                UI.field(labels["followers"]!, name: "followers", value: input.followers, error: errors["followers"], maxLength: 13),
                UI.select(labels["status"]!, name: "status", options: AccountStatus.allCases.map { UI.Option(value: $0.rawValue, label: l.accountStatus($0)) }, selected: input.status ?? AccountStatus.disconnected.rawValue, error: errors["status"]),
                .div(.class("actions"),
                     .button(.type(.submit), .class("button"), .text(l.t("Simpan", "Save"))),
                     .a(.href(editing.map { SiteRoute.account($0.id!).path } ?? SiteRoute.accounts.path), .text(l.t("Batal", "Cancel"))))
            )
        )
    }

    /// One account with its latest messages and change history.
    struct DetailModel {
        var account: AccountModel
        var unitPath: String
        var owner: UserModel?
        var canManage: Bool
        var history: [AuditEventModel]
        /// Newest first.
        var messages: [MessageModel]
    }

    static func detail(_ ctx: PageContext, _ model: DetailModel) -> HTML {
        let (account, owner, messages) = (model.account, model.owner, model.messages)
        let lastEventAt = messages.first?.receivedAt
        let l = ctx.l
        return Layout.page(ctx, title: account.displayName,
            Layout.settingsTabs(ctx),
            .dl(.class("facts"),
                .dt("Platform"), .dd(.text(account.platform.displayName)),
                .dt("Handle"), .dd(.text(shownHandle(account))),
                .dt(.text(l.t("Jenis", "Kind"))), .dd(.text(l.accountKind(account.kind))),
                .dt(.text(l.t("Unit kerja", "Unit"))), .dd(.text(model.unitPath)),
                .dt(.text(l.t("Pemilik", "Owner"))), .dd(.text(owner.map { "\($0.name) <\($0.email)>" } ?? "—")),
                .dt(.text(l.t("Pengikut", "Followers"))), .dd(.text(l.number(account.followerCount))),
                .dt(.text(l.t("Status", "Status"))), .dd(UI.statusBadge(account.status, l), .if(account.sandbox, .group(.text(" "), UI.badge("Sandbox", tone: .warn))),
                                                          .if(!account.active, .group(.text(" "), UI.badge(l.t("Nonaktif", "Deactivated"), tone: .muted)))),
                .dt(.text(l.t("Peristiwa terakhir", "Last event"))), .dd(.text(lastEventAt.map(l.dateTime) ?? l.t("belum ada", "none yet"))),
                .dt(.text(l.t("Diperbarui", "Updated"))), .dd(.text(l.dateTime(account.updatedAt)))),
            .if(model.canManage, .div(.class("actions"),
                .a(.class("button secondary"), .href(SiteRoute.editAccount(account.id!).path), .text(l.t("Ubah", "Edit"))),
                .a(.class("button secondary"), .href(SiteRoute.connection(account.id!).path), .text(account.status == .needsReconnect ? l.t("Sambungkan ulang", "Reconnect") : l.t("Sambungan", "Connection"))),
                account.active
                    ? UI.actionButton(l.t("Nonaktifkan akun", "Deactivate account"), action: SiteRoute.deactivateAccount(account.id!).path, csrf: ctx.csrf,
                                      confirm: l.t("Nonaktifkan akun @\(account.handle)? Akun tidak lagi dipantau.", "Deactivate @\(account.handle)? It will no longer be monitored."), danger: true)
                    : UI.actionButton(l.t("Aktifkan kembali", "Reactivate"), action: SiteRoute.reactivateAccount(account.id!).path, csrf: ctx.csrf))),
            .h2(.text(l.t("Pesan terbaru", "Latest messages"))),
            ConnectionPages.messages(messages, l),
            .h2(.text(l.t("Riwayat perubahan", "Change history"))),
            AuditPages.table(model.history, l, names: AuditPages.names(tree: ctx.principal?.scope.tree, users: owner.map { [($0.id!, $0.name)] } ?? []))
        )
    }

    static func importForm(_ ctx: PageContext, text: String, fileProblem: String?, rowProblems: [(line: Int, field: String, message: String)]) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Impor akun dari CSV", "Import accounts from CSV"),
            Layout.settingsTabs(ctx),
            .p(.text(l.t("Kolom wajib: platform, handle, display_name, kind, unit. Kolom pilihan: owner, followers, status. Jika ada satu baris salah, tidak ada yang diimpor — perbaiki semua baris yang ditandai lalu kirim lagi.",
                         "Required columns: platform, handle, display_name, kind, unit. Optional: owner, followers, status. If any row is wrong nothing is imported — fix every marked row and send again."))),
            .pre(.class("sample"), .text("platform,handle,display_name,kind,unit,owner,followers,status\ninstagram,dinkes.kota,Dinas Kesehatan,official,DINKES,,12500,connected\ntiktok,budi.asn,Budi (ASN),staff,DINKES,budi@kota.go.id,800,connected")),
            .unwrap(fileProblem) { .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            .if(!rowProblems.isEmpty, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                .p(.strong(.text(l.t("\(rowProblems.count) masalah ditemukan; tidak ada akun yang diimpor.", "\(rowProblems.count) problems found; no account was imported.")))),
                .table(.class("list"), .id("import-problems"),
                    .thead(.tr(.th(.text(l.t("Baris", "Line"))), .th(.text(l.t("Kolom", "Column"))), .th(.text(l.t("Masalah", "Problem"))))),
                    .tbody(.forEach(rowProblems) { p in .tr(.td(.text(String(p.line))), .td(.code(.text(p.field))), .td(.text(p.message))) })))),
            .form(.method(.post), .action(SiteRoute.importAccounts.path), .class("stack"), .attribute(named: "enctype", value: "multipart/form-data"),
                UI.csrf(ctx.csrf),
                .div(.class("field"), .label(.for("file"), .text(l.t("Berkas CSV", "CSV file"))), .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv"))),
                .div(.class("field"), .label(.for("text"), .text(l.t("…atau tempel isi CSV", "…or paste the CSV"))),
                     .textarea(.id("text"), .name("text"), .attribute(named: "rows", value: "8"), .text(text))),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Periksa dan impor", "Check and import"))),
                     .a(.href(SiteRoute.accounts.path), .text(l.t("Batal", "Cancel")))))
        )
    }
}
