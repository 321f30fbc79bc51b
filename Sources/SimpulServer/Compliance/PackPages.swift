import Foundation
import Plot
import SimpulCore

enum PackPages {
    static let rulesExample = """
    [contoh.kata-kasar] blokir
    judul: Kata kasar dalam balasan
    penjelasan: Akun resmi wajib santun dalam membalas warga (Pedoman Media Sosial Instansi).
    kata: goblok, tolol, =dasar bodoh
    """

    static func overview(_ ctx: PageContext, packs: [PackState], contests: [(ElectionContestModel, ElectionContest)], today: String,
                         allowList: [AllowListModel], canManage: Bool) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Paket aturan", "Rule packs"),
            ComplianceViews.tabs(ctx),
            .div(.class("toolbar"),
                 .p(.class("count"), .text(l.t("\(packs.count) paket", "\(packs.count) packs"))),
                 .if(canManage, .a(.class("button"), .href(SiteRoute.newTenantPack.path), .text(l.t("Tambah paket instansi", "Add tenant pack"))))),
            .table(.class("list"),
                .thead(.tr(.th(.text(l.t("Paket", "Pack"))), .th(.text(l.t("Dasar aturan", "Regulation"))), .th(.class("num"), .text(l.t("Aturan", "Rules"))),
                           .th(.text(l.t("Status", "Status"))), .th(.text("")))),
                .tbody(.forEach(packs) { pack in
                    .tr(
                        .td(.a(.href(SiteRoute.rulePack(pack.id).path), .text(pack.name)), .br(), .span(.class("muted"), .text(pack.summary))),
                        .td(.text(pack.regulation)),
                        .td(.class("num"), .text(l.number(pack.ruleCount))),
                        .td(!pack.enabled ? UI.badge(l.t("Nonaktif", "Disabled"), tone: .muted)
                            : pack.available ? UI.badge(l.t("Aktif", "Active"), tone: .ok)
                            : UI.badge(l.t("Tidak ada data pemilihan yang berlaku", "No election data in force"), tone: .warn)),
                        .td(.if(canManage, .group(
                            UI.actionButton(pack.enabled ? l.t("Nonaktifkan", "Disable") : l.t("Aktifkan", "Enable"), action: SiteRoute.togglePack(pack.id).path,
                                            csrf: ctx.csrf, confirm: pack.enabled ? l.t("Nonaktifkan paket \(pack.name) untuk seluruh instansi?", "Disable \(pack.name)?") : nil),
                            .unwrap(tenantRowID(pack)) { .a(.href(SiteRoute.editTenantPack($0).path), .text(l.t("Ubah", "Edit"))) }
                        )))
                    )
                })),
            .h2(.text(l.t("Data pemilihan (SKB 5 Instansi)", "Election data"))),
            .p(.class("hint"), .text(l.t("Calon, nomor urut, partai, tagar, slogan dan akun kampanye berubah setiap pemilihan. Paket SKB 5 memakai data yang berlaku hari ini.",
                                         "Candidates, ballot numbers, parties, hashtags, slogans and campaign accounts change every election; the SKB 5 pack uses the data in force today."))),
            contests.isEmpty
                ? UI.empty(l.t("Belum ada data pemilihan.", "No election data yet."), action: canManage ? (SiteRoute.newElection.path, l.t("Tambah data pemilihan", "Add election data")) : nil)
                : .group(
                    .table(.class("list"),
                        .thead(.tr(.th(.text(l.t("Pemilihan", "Election"))), .th(.text(l.t("Berlaku", "Valid"))), .th(.class("num"), .text(l.t("Calon", "Candidates"))),
                                   .th(.text(l.t("Status", "Status"))), .th(.text("")))),
                        .tbody(.forEach(contests) { row, contest in
                            .tr(.td(.text(contest.name)),
                                .td(.text("\(contest.validFrom) – \(contest.validUntil)")),
                                .td(.class("num"), .text(l.number(contest.candidates.count))),
                                .td(contest.isActive(on: today) ? UI.badge(l.t("Berlaku", "In force"), tone: .ok) : UI.badge(l.t("Tidak berlaku", "Not in force"), tone: .muted)),
                                .td(.if(canManage, .group(
                                    .a(.href(SiteRoute.editElection(row.id!).path), .text(l.t("Ubah", "Edit"))), .text(" "),
                                    UI.actionButton(l.t("Hapus", "Delete"), action: SiteRoute.deleteElection(row.id!).path, csrf: ctx.csrf,
                                                    confirm: l.t("Hapus data pemilihan \(contest.name)?", "Delete \(contest.name)?"), danger: true)))))
                        })),
                    .if(canManage, .p(.a(.class("button secondary"), .href(SiteRoute.newElection.path), .text(l.t("Tambah data pemilihan", "Add election data")))))
                ),
            .h2(.text(l.t("Pengecualian (dari tinjauan “bukan pelanggaran”)", "Allow-list (from false positives)"))),
            allowList.isEmpty
                ? .p(.class("muted"), .text(l.t("Belum ada. Saat peninjau menandai temuan “bukan pelanggaran”, kata yang cocok masuk ke sini dan tidak lagi memicu aturan yang sama.",
                                                "Empty. When a reviewer marks a finding as a false positive, its matched words land here.")))
                : .table(.class("list"),
                    .thead(.tr(.th(.text(l.t("Aturan", "Rule"))), .th(.text(l.t("Kata yang dikecualikan", "Allowed words"))), .th(.text(l.t("Sejak", "Since"))), .th(.text("")))),
                    .tbody(.forEach(allowList) { entry in
                        .tr(.td(.code(.text(entry.ruleID))), .td(.code(.text(entry.matched))), .td(.text(l.dateTime(entry.createdAt))),
                            .td(.if(canManage, UI.actionButton(l.t("Hapus", "Remove"), action: SiteRoute.deleteAllowListEntry(entry.id!).path, csrf: ctx.csrf,
                                                               confirm: l.t("Aturan akan kembali memeriksa kata ini. Lanjutkan?", "The rule will check these words again. Continue?")))))
                    }))
        )
    }

    static func tenantRowID(_ pack: PackState) -> UUID? {
        if case .tenant(let id) = pack.origin { return id }
        return nil
    }

    static func pack(_ ctx: PageContext, _ pack: RulePack) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: pack.name,
            ComplianceViews.tabs(ctx),
            .p(.text(pack.summary)),
            .p(.class("hint"), .text(l.t("Dasar: ", "Basis: ") + pack.regulation)),
            .forEach(pack.rules) { rule in
                .section(.class("rule"),
                    .h2(.text(rule.title), .text(" "), ComplianceViews.severity(rule.severity, l)),
                    .p(.code(.text(rule.id))),
                    .p(.text(rule.explanation)),
                    .p(.strong(.text(l.t("Kata atau frasa: ", "Terms: "))), .text(rule.terms.prefix(60).joined(separator: ", ") + (rule.terms.count > 60 ? " …" : ""))),
                    .if(!rule.near.isEmpty, .p(.strong(.text(l.t("Hanya jika dekat (≤ \(rule.window) kata) dengan: ", "Only within \(rule.window) words of: "))),
                                               .text(rule.near.prefix(60).joined(separator: ", ") + (rule.near.count > 60 ? " …" : "")))),
                    .if(!rule.negatable, .p(.class("hint"), .text(l.t("Tetap berlaku walau didahului kata negasi.", "Applies even after a negation.")))),
                    .if(rule.acrossSentences, .p(.class("hint"), .text(l.t("Jarak kata dihitung melewati batas kalimat.", "The distance counts across sentence ends."))))
                )
            },
            .p(.class("hint"), .text(l.t("Kata diawali $ adalah kumpulan kata bawaan (mis. $target-negara, $sara, $kebencian, $dukungan); kata diawali = dicocokkan persis, tanpa imbuhan.",
                                         "Terms starting with $ are built-in term sets; terms starting with = match exactly, without affixes.")))
        )
    }

    static func tenantPackForm(_ ctx: PageContext, editing: TenantPackModel?, input: PackController.TenantPackInput, errors: [String]) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: editing == nil ? l.t("Tambah paket instansi", "Add tenant pack") : l.t("Ubah paket \(editing!.name)", "Edit pack"),
            ComplianceViews.tabs(ctx),
            UI.formErrorSummary(errors, l),
            .form(.method(.post), .action(editing.map { SiteRoute.updateTenantPack($0.id!).path } ?? SiteRoute.createTenantPack.path), .class("stack"),
                UI.csrf(ctx.csrf),
                UI.field(l.t("Kode paket", "Pack code"), name: "code", value: input.code, error: nil, required: true,
                         hint: l.t("Huruf kecil, angka dan tanda hubung, mis. etika-pelayanan", "Lower case, digits and hyphens"), maxLength: 40),
                UI.field(l.t("Nama paket", "Pack name"), name: "name", value: input.name, error: nil, required: true, maxLength: 120),
                UI.field(l.t("Dasar aturan", "Regulation"), name: "regulation", value: input.regulation, error: nil, required: true,
                         hint: l.t("Pedoman atau surat edaran yang dikutip di setiap temuan", "Cited in every finding"), maxLength: 300),
                UI.field(l.t("Ringkasan", "Summary"), name: "summary", value: input.summary, error: nil, maxLength: 1_000),
                .div(.class("field"),
                     .label(.for("rules"), .text(l.t("Aturan", "Rules"))),
                     .textarea(.id("rules"), .name("rules"), .attribute(named: "rows", value: "16"), .text(input.rules ?? "")),
                     .p(.class("hint"), .text(l.t(
                        "Satu aturan diawali [kode] tingkat (info, peringatan, blokir), lalu baris judul:, penjelasan:, kata: (dipisah koma), dan bila perlu dekat:, jarak:, kecuali:, negasi: ya/tidak dan lintas kalimat: ya/tidak. Kata dicocokkan setelah normalisasi dan pemotongan imbuhan; =kata berarti persis; $nama memakai kumpulan kata bawaan.",
                        "Each rule starts with [code] severity, then title:, penjelasan:, kata: (comma-separated) and optionally dekat:, jarak:, kecuali:, negasi: and lintas kalimat:.")))),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan", "Save"))),
                     .a(.href(SiteRoute.rulePacks.path), .text(l.t("Batal", "Cancel"))))
            ),
            .unwrap(editing) { row in
                .div(.class("actions"), UI.actionButton(l.t("Hapus paket", "Delete pack"), action: SiteRoute.deleteTenantPack(row.id!).path, csrf: ctx.csrf,
                                                        confirm: l.t("Hapus paket \(row.name)? Temuan lama tetap tersimpan.", "Delete \(row.name)?"), danger: true))
            }
        )
    }

    static func electionForm(_ ctx: PageContext, editing: ElectionContestModel?, input: PackController.ElectionInput, errors: [String]) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: editing == nil ? l.t("Tambah data pemilihan", "Add election data") : l.t("Ubah data pemilihan", "Edit election data"),
            ComplianceViews.tabs(ctx),
            UI.formErrorSummary(errors, l),
            .form(.method(.post), .action(editing.map { SiteRoute.updateElection($0.id!).path } ?? SiteRoute.createElection.path), .class("stack"),
                UI.csrf(ctx.csrf),
                UI.field(l.t("Nama pemilihan", "Election name"), name: "name", value: input.name, error: nil, required: true,
                         hint: l.t("Mis. Pemilihan Wali Kota 2027", "E.g. Mayoral election 2027"), maxLength: 160),
                UI.field(l.t("Berlaku mulai", "Valid from"), name: "valid_from", value: input.valid_from, error: nil, type: .date, required: true),
                UI.field(l.t("Berlaku sampai", "Valid until"), name: "valid_until", value: input.valid_until, error: nil, type: .date, required: true),
                .div(.class("field"),
                     .label(.for("candidates"), .text(l.t("Calon (satu baris per nomor urut)", "Candidates (one line per ballot number)"))),
                     .textarea(.id("candidates"), .name("candidates"), .attribute(named: "rows", value: "6"), .text(input.candidates ?? "")),
                     .p(.class("hint"), .text(l.t("nomor | nama calon; nama wakil | #tagar #tagar | slogan; slogan | @akun @akun — mis. 01 | Hendra Wijaya; Sri Rahayu | #HendraSri01 | Tirtamaya Bangkit | @hendrasri01",
                                                  "number | names | #hashtags | slogans | @accounts")))),
                .div(.class("field"),
                     .label(.for("parties"), .text(l.t("Partai (satu per baris)", "Parties (one per line)"))),
                     .textarea(.id("parties"), .name("parties"), .attribute(named: "rows", value: "4"), .text(input.parties ?? "")),
                     .p(.class("hint"), .text(l.t("Nama Partai (SINGKATAN)", "Party name (ABBREVIATION)")))),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan", "Save"))),
                     .a(.href(SiteRoute.rulePacks.path), .text(l.t("Batal", "Cancel"))))
            )
        )
    }
}
