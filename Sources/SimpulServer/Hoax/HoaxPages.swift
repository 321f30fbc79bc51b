import Foundation
import Plot
import SimpulCore

enum HoaxPages {
    static func labels(_ l: L10n) -> [String: String] {
        ["title": l.t("Judul", "Title"), "label": l.t("Label", "Label"), "type": l.t("Jenis (First Draft)", "Type (First Draft)"),
         "claim": l.t("Narasi klaim", "Claim"), "variants": l.t("Variasi narasi", "Variants"), "explanation": l.t("Penjelasan", "Explanation"),
         "sources": l.t("Sumber (satu tautan per baris)", "Sources (one link per line)"), "tags": l.t("Tag", "Tags"),
         "claim_date": l.t("Tanggal", "Date"), "clarification": l.t("Klarifikasi resmi", "Official clarification"), "unit_id": l.t("Unit penanggung jawab", "Unit answerable")]
    }

    static func labelBadge<C: HTML.BodyContext>(_ label: HoaxLabel) -> Node<C> {
        UI.badge(label.displayLabel, tone: label.isFalse ? .danger : .ok)
    }

    struct ListModel {
        var claims: [HoaxClaimModel]
        var query: String
        var tree: UnitTree
        var canManage: Bool
        var thresholds: Thresholds
    }

    /// The tenant's matching thresholds, with the form to change them when one may.
    struct Thresholds {
        var nearCopy: Double
        var paraphrase: Double
        var input: HoaxThresholdsController.Input?
        var error: String?
        var canChange: Bool
    }

    static func thresholds(_ ctx: PageContext, _ model: Thresholds) -> Node<HTML.BodyContext> {
        let l = ctx.l
        func shown(_ value: Double) -> String { l.decimal(value, digits: 2) }
        return .element(named: "details", nodes: [.id("hoax-thresholds"), .if(model.error != nil, .attribute(named: "open")),
            .element(named: "summary", nodes: [.text(l.t("Kepekaan pencocokan: salinan \(shown(model.nearCopy)), parafrase \(shown(model.paraphrase))",
                                                         "Matching sensitivity: near-copy \(shown(model.nearCopy)), paraphrase \(shown(model.paraphrase))"))]),
            .p(.class("hint"), .text(l.t("Pesan dan draf yang kemiripannya dengan sebuah klaim mencapai ambang ini ditandai \"mirip hoaks terdaftar\". Ambang lebih rendah menangkap lebih banyak parafrase, dengan lebih banyak tanda yang keliru. Pada 0,50 dan 0,56 (bawaan), uji berlabel Simpul menemukan 99% parafrase dengan 1% tanda keliru.",
                                         "Messages and drafts at least this close to a claim are marked \"resembles a registered hoax\". Lower thresholds catch more paraphrases, with more false marks. At 0.50 and 0.56 (the default), Simpul's labelled test finds 99% of paraphrases with 1% false marks."))),
            .if(model.canChange, .form(.method(.post), .action(SiteRoute.saveHoaxThresholds.path), .class("stack compact"),
                UI.csrf(ctx.csrf),
                UI.formErrorSummary(model.error.map { [$0] } ?? [], l),
                UI.field(l.t("Ambang salinan (MinHash)", "Near-copy threshold (MinHash)"), name: "near_copy", value: model.input?.near_copy ?? shown(model.nearCopy),
                         error: model.error, required: true, maxLength: 6),
                UI.field(l.t("Ambang parafrase", "Paraphrase threshold"), name: "paraphrase", value: model.input?.paraphrase ?? shown(model.paraphrase),
                         error: nil, required: true, maxLength: 6),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan ambang", "Save thresholds"))))))])
    }

    static func list(_ ctx: PageContext, _ model: ListModel) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Register Hoaks", "Hoax register"),
            ListeningPages.tabs(ctx),
            .form(.method(.get), .action(SiteRoute.hoaxes.path), .class("filters"),
                UI.field(l.t("Cari", "Search"), name: "q", value: model.query, error: nil, type: .search, maxLength: 100, placeholder: l.t("judul, narasi atau tag", "title, claim or tag")),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Cari", "Search"))))),
            .div(.class("toolbar"),
                .p(.class("count"), .id("claim-count"), .text(l.t("\(l.number(model.claims.count)) klaim", "\(l.number(model.claims.count)) claims"))),
                .div(.class("actions"),
                    .a(.class("button secondary"), .href(SiteRoute.hoaxesCSV.path), .text(l.t("Unduh CSV", "Download CSV"))),
                    .if(model.canManage, .a(.class("button secondary"), .href(SiteRoute.importHoaxesForm.path), .text(l.t("Impor CSV", "Import CSV")))),
                    .if(model.canManage, .a(.class("button"), .href(SiteRoute.newHoax.path), .text(l.t("Catat klaim", "Record a claim")))))),
            thresholds(ctx, model.thresholds),
            model.claims.isEmpty
                ? UI.empty(model.query.isEmpty ? l.t("Register masih kosong. Catat klaim yang beredar, atau impor dari CSV gaya TurnBackHoax.",
                                                     "The register is empty. Record a circulating claim, or import a TurnBackHoax-style CSV.")
                                               : l.t("Tidak ada klaim yang cocok.", "No claim matches."),
                           action: model.canManage ? (SiteRoute.newHoax.path, l.t("Catat klaim", "Record a claim")) : nil)
                : .table(.class("list"), .id("claim-table"),
                    .thead(.tr(.th(.text(l.t("Klaim", "Claim"))), .th(.text(l.t("Jenis", "Type"))), .th(.text(l.t("Unit", "Unit"))),
                               .th(.text(l.t("Tanggal", "Date"))), .th(.text(l.t("Klarifikasi", "Clarification"))))),
                    .tbody(.forEach(model.claims) { claim in
                        .tr(.td(labelBadge(claim.label), .text(" "), .a(.href(SiteRoute.hoax(claim.id!).path), .text(claim.title)),
                                .if(!claim.active, .group(.text(" "), UI.badge(l.t("Nonaktif", "Inactive"), tone: .muted)))),
                            .td(.text(claim.type.map { l.t($0.indonesianLabel, $0.rawValue.replacingOccurrences(of: "_", with: " ")) } ?? "—")),
                            .td(.text(model.tree[claim.unitID]?.name ?? "—")),
                            .td(.text(claim.claimDate ?? "—")),
                            .td(claim.clarification == nil ? UI.badge(l.t("Belum ada", "None yet"), tone: .warn) : UI.badge(l.t("Ada", "Ready"), tone: .ok)))
                    }))
        )
    }

    struct FormModel {
        var editing: HoaxClaimModel?
        var input: HoaxRegisterController.ClaimInput
        var errors: FormErrors
        var units: [(UUID, String)]
    }

    static func textArea<C: HTML.BodyContext>(_ label: String, name: String, value: String?, error: String?, rows: Int = 4, hint: String? = nil) -> Node<C> {
        .div(.class(error == nil ? "field" : "field has-error"),
             .label(.for(name), .text(label)),
             .textarea(.id(name), .name(name), .attribute(named: "rows", value: String(rows)),
                       .attribute(named: "maxlength", value: String(HoaxRegisterController.textMax)), .text(value ?? "")),
             .unwrap(hint) { .p(.class("hint"), .text($0)) },
             .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) })
    }

    static func form(_ ctx: PageContext, _ model: FormModel) -> HTML {
        let l = ctx.l
        let labels = labels(l)
        let input = model.input, errors = model.errors
        return Layout.page(ctx, title: model.editing.map { $0.label.displayLabel + " " + $0.title } ?? l.t("Catat klaim hoaks", "Record a hoax claim"),
            ListeningPages.tabs(ctx),
            UI.formErrorSummary(errors.all, l),
            .form(.method(.post), .action(model.editing.map { SiteRoute.updateHoax($0.id!).path } ?? SiteRoute.createHoax.path), .class("stack"), .id("claim-form"),
                UI.csrf(ctx.csrf),
                UI.field(labels["title"]!, name: "title", value: input.title, error: errors["title"], required: true, maxLength: HoaxRegisterController.titleMax),
                UI.select(labels["label"]!, name: "label", options: HoaxLabel.allCases.map { UI.Option(value: $0.rawValue, label: $0.displayLabel) },
                          selected: input.label, error: errors["label"], required: true),
                UI.select(labels["type"]!, name: "type", options: HoaxType.allCases.map { UI.Option(value: $0.rawValue, label: $0.indonesianLabel) },
                          selected: input.type, error: errors["type"], includeBlank: l.t("— belum ditentukan —", "— not set —")),
                textArea(labels["claim"]!, name: "claim", value: input.claim, error: errors["claim"]),
                textArea(labels["variants"]!, name: "variants", value: input.variants, error: errors["variants"],
                         hint: l.t("Satu variasi per baris: cara lain klaim ini ditulis.", "One per line: other ways the claim is written.")),
                textArea(labels["explanation"]!, name: "explanation", value: input.explanation, error: errors["explanation"]),
                textArea(labels["sources"]!, name: "sources", value: input.sources, error: errors["sources"], rows: 3),
                UI.field(labels["tags"]!, name: "tags", value: input.tags, error: errors["tags"], maxLength: 300),
                UI.field(labels["claim_date"]!, name: "claim_date", value: input.claim_date, error: errors["claim_date"], type: .date),
                textArea(labels["clarification"]!, name: "clarification", value: input.clarification, error: errors["clarification"],
                         hint: l.t("Teks yang sudah disetujui; balasan ke warga dimulai dari teks ini dan tetap melewati pemeriksaan kepatuhan.",
                                   "Approved text; replies to residents start from it and still pass the compliance check.")),
                UI.select(labels["unit_id"]!, name: "unit_id", options: model.units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                          selected: input.unit_id, error: errors["unit_id"], required: true),
                .if(model.editing != nil, .div(.class("field"), .label(AmplificationPages.checkbox(name: "active", value: "on", checked: input.active == nil ? [] : ["on"]),
                                                                       .text(" " + l.t("Aktif (dicocokkan dengan pesan baru)", "Active (matched against new messages)"))))),
                .div(.class("actions"),
                     .button(.type(.submit), .class("button"), .text(l.t("Simpan", "Save"))),
                     .a(.href(SiteRoute.hoaxes.path), .text(l.t("Batal", "Cancel")))))
        )
    }

    /// For those who read the register but do not keep it.
    static func show(_ ctx: PageContext, _ claim: HoaxClaimModel, unitPath: String) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: claim.title,
            ListeningPages.tabs(ctx),
            .p(labelBadge(claim.label), .text(" " + (claim.type?.indonesianLabel ?? ""))),
            .dl(.class("facts"),
                .dt(.text(l.t("Narasi", "Claim"))), .dd(.text(claim.claim)),
                .dt(.text(l.t("Penjelasan", "Explanation"))), .dd(.text(claim.explanation.isEmpty ? "—" : claim.explanation)),
                .dt(.text(l.t("Klarifikasi resmi", "Official clarification"))), .dd(.text(claim.clarification ?? "—")),
                .dt(.text(l.t("Unit", "Unit"))), .dd(.text(unitPath)),
                .dt(.text(l.t("Tanggal", "Date"))), .dd(.text(claim.claimDate ?? "—"))),
            .h2(.text(l.t("Sumber", "Sources"))),
            claim.sources.value.isEmpty ? .p(.text("—")) : .ul(.forEach(claim.sources.value) { .li(.a(.href($0), .attribute(named: "rel", value: "noopener"), .text($0))) })
        )
    }

    struct ImportModel {
        var text: String
        var unitID: String?
        var units: [(UUID, String)]
        var problems: [String]
    }

    static func importForm(_ ctx: PageContext, _ model: ImportModel) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Impor klaim dari CSV", "Import claims from CSV"),
            ListeningPages.tabs(ctx),
            .p(.text(l.t("Kolom gaya TurnBackHoax: title dan content wajib; fact, references, tags dan date pilihan. Label di depan judul ([HOAKS], [SALAH], [FAKTA] …) dibaca sebagai label; jenis First Draft dibaca dari tag. Jika ada satu baris salah, tidak ada yang diimpor.",
                         "TurnBackHoax-style columns: title and content required; fact, references, tags and date optional. A label before the title ([HOAKS], [SALAH], [FAKTA] …) is read as the label; the First Draft type is read from the tags. If any row is wrong nothing is imported."))),
            .pre(.class("sample"), .text("title,content,fact,references,tags,date\n\"[HOAKS] Air PDAM mati tiga hari\",\"Pesan berantai: air mati total tiga hari mulai besok.\",\"PDAM hanya memeliharaan pipa 6 jam.\",https://pdam.contoh.go.id/info,\"fabricated, air\",2026-12-07")),
            .if(!model.problems.isEmpty, .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .id("import-problems"),
                .p(.strong(.text(l.t("\(model.problems.count) masalah; tidak ada klaim yang diimpor.", "\(model.problems.count) problems; no claim was imported.")))),
                .ul(.forEach(model.problems) { .li(.text($0)) }))),
            .form(.method(.post), .action(SiteRoute.importHoaxes.path), .class("stack"), .attribute(named: "enctype", value: "multipart/form-data"),
                UI.csrf(ctx.csrf),
                UI.select(l.t("Unit penanggung jawab", "Unit answerable"), name: "unit_id", options: model.units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                          selected: model.unitID, error: nil, required: true),
                .div(.class("field"), .label(.for("file"), .text(l.t("Berkas CSV", "CSV file"))), .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv"))),
                .div(.class("field"), .label(.for("text"), .text(l.t("…atau tempel isi CSV", "…or paste the CSV"))),
                     .textarea(.id("text"), .name("text"), .attribute(named: "rows", value: "8"), .text(model.text))),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Impor", "Import")))))
        )
    }
}
