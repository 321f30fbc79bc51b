import Foundation
import Plot
import SimpulCore

enum AuditPages {
    /// Every action the trail records, in the order the filter lists them, with its label.
    static let actions: [(action: String, id: String, en: String)] = [
        ("unit.create", "Unit dibuat", "Unit created"),
        ("unit.update", "Unit diubah", "Unit changed"),
        ("unit.deactivate", "Unit dinonaktifkan", "Unit deactivated"),
        ("unit.reactivate", "Unit diaktifkan", "Unit reactivated"),
        ("account.create", "Akun dibuat", "Account created"),
        ("account.update", "Akun diubah", "Account changed"),
        ("account.deactivate", "Akun dinonaktifkan", "Account deactivated"),
        ("account.reactivate", "Akun diaktifkan", "Account reactivated"),
        ("account.import", "Impor CSV akun", "Accounts imported"),
        ("account.connection", "Kredensial akun diganti", "Account credentials replaced"),
        ("user.create", "Pengguna dibuat", "User created"),
        ("user.update", "Pengguna diubah", "User changed"),
        ("user.deactivate", "Pengguna dinonaktifkan", "User deactivated"),
        ("user.reactivate", "Pengguna diaktifkan", "User reactivated"),
        ("user.resetPassword", "Kata sandi diatur ulang", "Password reset"),
        ("user.changePassword", "Kata sandi diganti", "Password changed"),
        ("membership.create", "Peran diberikan", "Role granted"),
        ("membership.delete", "Peran dicabut", "Role removed"),
        ("session.login", "Masuk", "Signed in"),
        ("session.logout", "Keluar", "Signed out"),
        ("token.create", "Token API dibuat", "API token created"),
        ("token.revoke", "Token API dicabut", "API token revoked"),
        ("tenant.create", "Instansi dibuat", "Tenant created"),
        ("finding.review", "Temuan ditinjau", "Finding reviewed"),
        ("allowlist.delete", "Pengecualian temuan dihapus", "Allow-list entry removed"),
        ("pack.enable", "Paket aturan diaktifkan", "Rule pack enabled"),
        ("pack.disable", "Paket aturan dinonaktifkan", "Rule pack disabled"),
        ("pack.create", "Paket aturan dibuat", "Rule pack created"),
        ("pack.update", "Paket aturan diubah", "Rule pack changed"),
        ("pack.delete", "Paket aturan dihapus", "Rule pack deleted"),
        ("election.create", "Data pemilihan dibuat", "Election data created"),
        ("election.update", "Data pemilihan diubah", "Election data changed"),
        ("election.delete", "Data pemilihan dihapus", "Election data deleted"),
        ("content.create", "Draf dibuat", "Draft created"),
        ("content.update", "Draf diubah", "Draft changed"),
        ("content.submit", "Draf diajukan", "Draft submitted"),
        ("content.override", "Draf diajukan dengan pengecualian kepatuhan", "Draft submitted with a compliance override"),
        ("inbox.reply", "Balasan dikirim", "Reply sent"),
        ("inbox.update", "Tindak lanjut pesan diubah", "Message follow-up changed"),
        ("sla.update", "SLA dan hari libur diubah", "SLA and holidays changed"),
        ("inbox.bulk", "Tindakan massal kotak masuk", "Inbox bulk action"),
        ("routing.create", "Aturan penugasan dibuat", "Routing rule created"),
        ("inbox.reply.override", "Balasan dikirim dengan pengecualian kepatuhan", "Reply sent with a compliance override"),
    ]

    static func actionLabel(_ action: String, _ l: L10n) -> String {
        actions.first { $0.action == action }.map { l.t($0.id, $0.en) } ?? action
    }

    static var knownActions: [String] { actions.map(\.action) }

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
