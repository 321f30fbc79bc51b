import Foundation
import Plot
import SimpulCore

enum AuditPages {
    static func actionLabel(_ action: String, _ l: L10n) -> String {
        switch action {
        case "unit.create": l.t("Unit dibuat", "Unit created")
        case "unit.update": l.t("Unit diubah", "Unit changed")
        case "unit.deactivate": l.t("Unit dinonaktifkan", "Unit deactivated")
        case "unit.reactivate": l.t("Unit diaktifkan", "Unit reactivated")
        case "account.create": l.t("Akun dibuat", "Account created")
        case "account.update": l.t("Akun diubah", "Account changed")
        case "account.deactivate": l.t("Akun dinonaktifkan", "Account deactivated")
        case "account.reactivate": l.t("Akun diaktifkan", "Account reactivated")
        case "account.import": l.t("Impor CSV akun", "Accounts imported")
        case "account.connection": l.t("Kredensial akun diganti", "Account credentials replaced")
        case "user.create": l.t("Pengguna dibuat", "User created")
        case "user.update": l.t("Pengguna diubah", "User changed")
        case "user.deactivate": l.t("Pengguna dinonaktifkan", "User deactivated")
        case "user.reactivate": l.t("Pengguna diaktifkan", "User reactivated")
        case "user.resetPassword": l.t("Kata sandi diatur ulang", "Password reset")
        case "user.changePassword": l.t("Kata sandi diganti", "Password changed")
        case "membership.create": l.t("Peran diberikan", "Role granted")
        case "membership.delete": l.t("Peran dicabut", "Role removed")
        case "session.login": l.t("Masuk", "Signed in")
        case "session.logout": l.t("Keluar", "Signed out")
        case "token.create": l.t("Token API dibuat", "API token created")
        case "token.revoke": l.t("Token API dicabut", "API token revoked")
        case "tenant.create": l.t("Instansi dibuat", "Tenant created")
        default: action
        }
    }

    static let knownActions = ["unit.create", "unit.update", "unit.deactivate", "unit.reactivate", "account.create", "account.update", "account.deactivate", "account.reactivate", "account.import", "account.connection",
                               "user.create", "user.update", "user.deactivate", "user.reactivate", "user.resetPassword", "user.changePassword",
                               "membership.create", "membership.delete", "session.login", "session.logout", "token.create", "token.revoke", "tenant.create"]

    static func fieldLabel(_ key: String, _ l: L10n) -> String {
        switch key {
        case "name": l.t("nama", "name")
        case "code": l.t("kode", "code")
        case "kind": l.t("jenis", "kind")
        case "parent_id": l.t("unit induk", "parent")
        case "active": l.t("aktif", "active")
        case "display_name": l.t("nama tampilan", "display name")
        case "unit_id", "unit": l.t("unit", "unit")
        case "owner_id": l.t("pemilik", "owner")
        case "follower_count": l.t("pengikut", "followers")
        case "status": l.t("status", "status")
        case "phone": l.t("telepon", "phone")
        case "role": l.t("peran", "role")
        case "rows": l.t("baris", "rows")
        default: key
        }
    }

    /// The stored {"before": …, "after": …} as lines a person reads: "nama: Lama → Baru".
    /// Ids in the trail read as names where the page knows them (units, people).
    static func names(tree: UnitTree?, users: [(UUID, String)] = []) -> [String: String] {
        var names: [String: String] = [:]
        for unit in tree?.units.values.map({ $0 }) ?? [] { names[unit.id.uuidString] = unit.name }
        for (id, name) in users { names[id.uuidString] = name }
        return names
    }

    static func changes(_ summary: String, _ l: L10n, names: [String: String] = [:]) -> Node<HTML.BodyContext> {
        guard let object = try? JSONDecoder().decode([String: [String: String]].self, from: Data(summary.utf8)) else {
            return .code(.class("summary"), .text(summary))
        }
        let before = object["before"] ?? [:], after = object["after"] ?? [:]
        let keys = Set(before.keys).union(after.keys).sorted()
        if keys.isEmpty { return .text("—") }
        return .ul(.class("changes"), .forEach(keys) { key in
            func readable(_ value: String) -> String {
                if value.isEmpty { return "—" }
                if value == "true" { return l.t("ya", "yes") }
                if value == "false" { return l.t("tidak", "no") }
                return names[value] ?? value
            }
            let old = before[key].map(readable)
            let new = after[key].map(readable)
            let text: String = switch (old, new) {
            case let (o?, n?): "\(o) → \(n)"
            case let (o?, nil): o
            case let (nil, n?): n
            default: ""
            }
            return .li(.span(.class("muted"), .text(fieldLabel(key, l) + ": ")), .text(text))
        })
    }

    static func table(_ events: [AuditEventModel], _ l: L10n, names: [String: String]) -> Node<HTML.BodyContext> {
        events.isEmpty ? UI.empty(l.t("Belum ada catatan.", "Nothing recorded yet.")) :
        .table(.class("list audit"),
            .thead(.tr(.th(.text(l.t("Waktu", "Time"))), .th(.text(l.t("Pelaku", "Actor"))), .th(.text(l.t("Tindakan", "Action"))),
                       .th(.text(l.t("Sasaran", "Target"))), .th(.text(l.t("Perubahan", "Changes"))), .th("IP"))),
            .tbody(.forEach(events) { e in
                .tr(.td(.text(l.dateTime(e.at))), .td(.text(e.actorName)), .td(.text(actionLabel(e.action, l))),
                    .td(.text(e.targetLabel)), .td(changes(e.summary, l, names: names)), .td(.text(e.ip ?? "—")))
            }))
    }

    static func list(_ ctx: PageContext, events: [AuditEventModel], filter: AuditFilter, actors: [UI.Option], next: String?) -> HTML {
        let names = names(tree: ctx.principal?.scope.tree, users: actors.compactMap { option in UUID(uuidString: option.value).map { ($0, option.label) } })
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Jejak audit", "Audit log"),
            Layout.settingsTabs(ctx),
            .form(.method(.get), .action(Paths.audit), .class("filters"),
                UI.select(l.t("Tindakan", "Action"), name: "action", options: knownActions.map { UI.Option(value: $0, label: actionLabel($0, l)) }, selected: filter.action, error: nil, includeBlank: l.t("Semua tindakan", "All actions")),
                UI.select(l.t("Pelaku", "Actor"), name: "actor", options: actors, selected: filter.actor, error: nil, includeBlank: l.t("Semua pelaku", "Everyone")),
                UI.field(l.t("Dari tanggal", "From"), name: "from", value: filter.from, error: nil, type: .date),
                UI.field(l.t("Sampai tanggal", "To"), name: "to", value: filter.to, error: nil, type: .date),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Terapkan", "Apply"))))),
            .p(.class("hint"), .text(l.t("Jejak audit hanya bisa ditambah; tidak ada yang dapat mengubah atau menghapusnya.", "The audit log is append-only; nobody can change or delete it."))),
            table(events, l, names: names),
            UI.pager(next: next, l))
    }
}
