import Foundation
import Plot
import SimpulCore

enum AuditPages {
    static func actionLabel(_ action: AuditAction, _ l: L10n) -> String {
        switch action {
        case .unitCreate: l.t("Unit dibuat", "Unit created")
        case .unitUpdate: l.t("Unit diubah", "Unit changed")
        case .unitDeactivate: l.t("Unit dinonaktifkan", "Unit deactivated")
        case .unitReactivate: l.t("Unit diaktifkan", "Unit reactivated")
        case .accountCreate: l.t("Akun dibuat", "Account created")
        case .accountUpdate: l.t("Akun diubah", "Account changed")
        case .accountDeactivate: l.t("Akun dinonaktifkan", "Account deactivated")
        case .accountReactivate: l.t("Akun diaktifkan", "Account reactivated")
        case .accountImport: l.t("Impor CSV akun", "Accounts imported")
        case .accountConnection: l.t("Kredensial akun diganti", "Account credentials replaced")
        case .userCreate: l.t("Pengguna dibuat", "User created")
        case .userUpdate: l.t("Pengguna diubah", "User changed")
        case .userDeactivate: l.t("Pengguna dinonaktifkan", "User deactivated")
        case .userReactivate: l.t("Pengguna diaktifkan", "User reactivated")
        case .userResetPassword: l.t("Kata sandi diatur ulang", "Password reset")
        case .userChangePassword: l.t("Kata sandi diganti", "Password changed")
        case .membershipCreate: l.t("Peran diberikan", "Role granted")
        case .membershipDelete: l.t("Peran dicabut", "Role removed")
        case .sessionLogin: l.t("Masuk", "Signed in")
        case .sessionLogout: l.t("Keluar", "Signed out")
        case .tokenCreate: l.t("Token API dibuat", "API token created")
        case .tokenRevoke: l.t("Token API dicabut", "API token revoked")
        case .tenantCreate: l.t("Instansi dibuat", "Tenant created")
        case .findingReview: l.t("Temuan ditinjau", "Finding reviewed")
        case .allowlistDelete: l.t("Pengecualian temuan dihapus", "Allow-list entry removed")
        case .packEnable: l.t("Paket aturan diaktifkan", "Rule pack enabled")
        case .packDisable: l.t("Paket aturan dinonaktifkan", "Rule pack disabled")
        case .packCreate: l.t("Paket aturan dibuat", "Rule pack created")
        case .packUpdate: l.t("Paket aturan diubah", "Rule pack changed")
        case .packDelete: l.t("Paket aturan dihapus", "Rule pack deleted")
        case .electionCreate: l.t("Data pemilihan dibuat", "Election data created")
        case .electionUpdate: l.t("Data pemilihan diubah", "Election data changed")
        case .electionDelete: l.t("Data pemilihan dihapus", "Election data deleted")
        case .contentCreate: l.t("Draf dibuat", "Draft created")
        case .contentUpdate: l.t("Draf diubah", "Draft changed")
        case .contentSubmit: l.t("Draf diajukan", "Draft submitted")
        case .contentOverride: l.t("Draf diajukan dengan pengecualian kepatuhan", "Draft submitted with a compliance override")
        case .inboxReply: l.t("Balasan dikirim", "Reply sent")
        case .inboxUpdate: l.t("Tindak lanjut pesan diubah", "Message follow-up changed")
        case .slaUpdate: l.t("SLA dan hari libur diubah", "SLA and holidays changed")
        case .inboxBulk: l.t("Tindakan massal kotak masuk", "Inbox bulk action")
        case .routingCreate: l.t("Aturan penugasan dibuat", "Routing rule created")
        case .inboxReplyOverride: l.t("Balasan dikirim dengan pengecualian kepatuhan", "Reply sent with a compliance override")
        case .contentApprove: l.t("Konten disetujui", "Content approved")
        case .contentReject: l.t("Konten dikembalikan", "Content sent back")
        case .contentEdit: l.t("Konten diubah setelah diajukan", "Content edited after submission")
        case .contentSchedule: l.t("Konten dijadwalkan", "Content scheduled")
        case .contentUnschedule: l.t("Jadwal konten dibatalkan", "Content schedule cancelled")
        case .contentRetry: l.t("Penerbitan dicoba lagi", "Publishing retried")
        case .contentStartPublishing: l.t("Penerbitan dimulai", "Publishing started")
        case .contentPublished: l.t("Konten terbit", "Content published")
        case .contentFailed: l.t("Penerbitan gagal", "Publishing failed")
        case .contentReviewRequired: l.t("Perlu persetujuan ulang", "Approval needed again")
        case .contentPublishFailed: l.t("Satu akun gagal menerbitkan", "One account failed to publish")
        case .contentPublish: l.t("Konten diterbitkan", "Content published now")
        case .contentPlan: l.t("Rencana konten diubah", "Content plan changed")
        case .contentVariantAdd: l.t("Akun tujuan ditambahkan", "Target account added")
        case .contentVariantUpdate: l.t("Varian akun diubah", "Account variant changed")
        case .contentVariantDelete: l.t("Akun tujuan dihapus", "Target account removed")
        case .contentPolicy: l.t("Alur persetujuan diatur", "Approval chain set")
        case .contentPolicyDelete: l.t("Alur persetujuan mengikuti induk", "Approval chain inherited")
        case .contentPillarCreate: l.t("Pilar konten dibuat", "Content pillar created")
        case .contentPillarActivate: l.t("Pilar konten diaktifkan", "Content pillar activated")
        case .contentPillarDeactivate: l.t("Pilar konten dinonaktifkan", "Content pillar deactivated")
        case .mediaUpload: l.t("Media diunggah", "Media uploaded")
        case .mediaDelete: l.t("Media dihapus", "Media deleted")
        case .inboxTag: l.t("Label pesan ditambahkan", "Message label added")
        case .inboxUntag: l.t("Label pesan dilepas", "Message label removed")
        case .templateCreate: l.t("Templat WhatsApp dibuat", "WhatsApp template created")
        case .templateDelete: l.t("Templat WhatsApp dihapus", "WhatsApp template deleted")
        case .amplificationCreate: l.t("Tugas amplifikasi dibuat", "Amplification task created")
        case .amplificationProof: l.t("Bukti amplifikasi dicatat", "Amplification proof recorded")
        case .amplificationPolicy: l.t("Aturan akun ASN diubah", "Staff account rule changed")
        case .caseOpen: l.t("Isu dibuka", "Case opened")
        case .caseStatus: l.t("Status isu diubah", "Case status changed")
        case .caseUnitAdd: l.t("Unit dilibatkan dalam isu", "Unit pulled into a case")
        case .caseUnitRemove: l.t("Unit dilepas dari isu", "Unit released from a case")
        case .caseHolding: l.t("Pernyataan sementara isu diubah", "Case holding statement changed")
        case .caseOwner: l.t("Penanggung jawab isu diganti", "Case owner changed")
        case .hoaxClaimCreate: l.t("Klaim hoaks dicatat", "Hoax claim recorded")
        case .hoaxClaimUpdate: l.t("Klaim hoaks diubah", "Hoax claim changed")
        case .hoaxImport: l.t("Klaim hoaks diimpor dari CSV", "Hoax claims imported from CSV")
        case .listeningRuleCreate: l.t("Aturan pemantauan dibuat", "Listening rule created")
        case .listeningRuleActivate: l.t("Aturan pemantauan diaktifkan", "Listening rule switched on")
        case .listeningRuleDeactivate: l.t("Aturan pemantauan dimatikan", "Listening rule switched off")
        case .listeningRuleUpdate: l.t("Aturan pemantauan diubah", "Listening rule changed")
        case .listeningFeedCreate: l.t("Feed berita ditambahkan", "News feed added")
        case .listeningFeedActivate: l.t("Feed berita diaktifkan", "News feed switched on")
        case .listeningFeedDeactivate: l.t("Feed berita dimatikan", "News feed switched off")
        case .listeningSearchSettingsUpdate: l.t("Pengaturan pencarian publik diubah", "Public search settings changed")
        case .listeningSearchSave: l.t("Pencarian publik disimpan", "Public search saved")
        case .listeningSearchActivate: l.t("Pencarian publik diaktifkan", "Public search switched on")
        case .listeningSearchDeactivate: l.t("Pencarian publik dimatikan", "Public search switched off")
        case .alertSubscriptionSave: l.t("Langganan peringatan disimpan", "Alert subscription saved")
        case .alertSubscriptionDelete: l.t("Langganan peringatan dihentikan", "Alert subscription ended")
        case .onCallSettingsUpdate: l.t("Pengirim piket WhatsApp diubah", "WhatsApp on-call sender changed")
        case .onCallPersonAdd: l.t("Petugas piket ditambahkan", "On-call person added")
        case .onCallPersonRemove: l.t("Petugas piket dihapus", "On-call person removed")
        case .hoaxThresholdsUpdate: l.t("Ambang pencocokan hoaks diubah", "Hoax matching thresholds changed")
        }
    }

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

    static func changes(_ change: AuditChange, _ l: L10n, names: [String: String] = [:]) -> Node<HTML.BodyContext> {
        let before = change.before ?? [:], after = change.after ?? [:]
        let keys = change.keys
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
                    .td(.text(e.targetLabel)), .td(changes(e.summary.value, l, names: names)), .td(.text(e.ip ?? "—")))
            }))
    }

    static func list(_ ctx: PageContext, events: [AuditEventModel], filter: AuditFilter, actors: [UI.Option], next: String?) -> HTML {
        let names = names(tree: ctx.principal?.scope.tree, users: actors.compactMap { option in UUID(uuidString: option.value).map { ($0, option.label) } })
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Jejak audit", "Audit log"),
            Layout.settingsTabs(ctx),
            .form(.method(.get), .action(SiteRoute.audit.path), .class("filters"),
                UI.select(l.t("Tindakan", "Action"), name: "action", options: AuditAction.allCases.map { UI.Option(value: $0.rawValue, label: actionLabel($0, l)) }, selected: filter.action, error: nil, includeBlank: l.t("Semua tindakan", "All actions")),
                UI.select(l.t("Pelaku", "Actor"), name: "actor", options: actors, selected: filter.actor, error: nil, includeBlank: l.t("Semua pelaku", "Everyone")),
                UI.field(l.t("Dari tanggal", "From"), name: "from", value: filter.from, error: nil, type: .date),
                UI.field(l.t("Sampai tanggal", "To"), name: "to", value: filter.to, error: nil, type: .date),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Terapkan", "Apply"))))),
            .p(.class("hint"), .text(l.t("Jejak audit hanya bisa ditambah; tidak ada yang dapat mengubah atau menghapusnya.", "The audit log is append-only; nobody can change or delete it."))),
            table(events, l, names: names),
            UI.pager(next: next, l))
    }
}
