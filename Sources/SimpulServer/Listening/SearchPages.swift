import Foundation
import Plot
import SimpulCore
import SimpulPlatforms

/// Pencarian publik: what X and YouTube search costs the tenant and what it finds, per rule.
enum SearchPages {
    struct Row {
        var search: ListeningSearchModel
        var rule: ListeningRuleModel
        var found: Int
    }

    struct Model {
        var settings: ListeningSettingsModel
        var xReadsUsed: Int
        var youtubeCallsToday: Int
        /// Reads one X run may spend now; nil when no X search is on.
        var allowancePerRun: Int?
        var searches: [Row]
        var canConfigure: Bool
        var canManage: (ListeningRuleModel) -> Bool
        var input: SearchController.SettingsInput
        var problems: [String: String]
    }

    static func page(_ ctx: PageContext, _ model: Model) -> HTML {
        let l = ctx.l
        let settings = model.settings
        return Layout.page(ctx, title: l.t("Pencarian publik", "Public search"),
            ListeningPages.tabs(ctx),
            .p(.text(l.t("Pencarian publik mencari unggahan di luar akun Anda: X (pencarian terbaru, setiap 15 menit) dan YouTube (video baru, setiap jam). Facebook dan Instagram tidak menyediakan pencarian publik lewat API, jadi di sana hanya pesan yang menyebut atau mengomentari akun terdaftar yang terpantau.",
                         "Public search looks beyond your own accounts: X (recent search, every 15 minutes) and YouTube (new videos, every hour). Facebook and Instagram offer no public search through their APIs, so there only messages that mention or comment on registered accounts are seen."))),
            .if(settings.sandbox, .p(.class("notice"), .text(l.t("Mode Sandbox: pencarian memakai unggahan tiruan kota demo, tanpa menghubungi X atau YouTube.",
                                                                  "Sandbox mode: searches use the demo city's simulated posts and never call X or YouTube.")))),
            budget(ctx, model),
            searches(ctx, model),
            .if(model.canConfigure, form(ctx, model)))
    }

    static func budget(_ ctx: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let settings = model.settings
        let monthly = settings.xMonthlyReads
        return .section(.id("search-budget"),
            .h2(.text(l.t("Anggaran", "Budget"))),
            .p(.strong(.text(l.t("Bacaan X bulan ini: ", "X reads this month: "))),
               .span(.id("x-reads"), .text(l.t("\(l.number(model.xReadsUsed)) dari \(l.number(monthly))", "\(l.number(model.xReadsUsed)) of \(l.number(monthly))"))),
               .text(" "),
               .element(named: "meter", nodes: [.attribute(named: "min", value: "0"), .attribute(named: "max", value: String(max(1, monthly))),
                                                .attribute(named: "value", value: String(min(model.xReadsUsed, max(1, monthly)))),
                                                .text(l.number(model.xReadsUsed))])),
            .p(.class("hint"), .text(l.t("X menagih setiap unggahan yang dikembalikan pencarian. Sisa anggaran dibagi rata ke semua putaran yang tersisa bulan ini, agar pencarian tidak berhenti di awal bulan.",
                                         "X bills every post a search returns. What is left is shared equally among the runs still to come this month, so searching does not stop early in the month."))),
            .unwrap(model.allowancePerRun) { allowance in
                .p(.class("hint"), .id("x-allowance"), .text(allowance == 0
                    ? l.t("Anggaran bulan ini habis; pencarian X berlanjut bulan depan.", "This month's budget is spent; X search resumes next month.")
                    : l.t("Saat ini paling banyak \(l.number(allowance)) bacaan per pencarian setiap 15 menit.", "At most \(l.number(allowance)) reads per search every 15 minutes for now.")))
            },
            .p(.strong(.text(l.t("Panggilan YouTube hari ini: ", "YouTube calls today: "))),
               .span(.id("youtube-calls"), .text(l.t("\(l.number(model.youtubeCallsToday)) dari \(l.number(settings.youtubeDailyCalls))",
                                                     "\(l.number(model.youtubeCallsToday)) of \(l.number(settings.youtubeDailyCalls))")))),
            .p(.class("hint"), .text(l.t("Setiap pencarian YouTube memakai 100 dari 10.000 unit kuota harian proyek Google Anda.",
                                         "Each YouTube search uses 100 of your Google project's 10,000 daily quota units."))))
    }

    static func searches(_ ctx: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let l = ctx.l
        return .section(.id("searches"),
            .h2(.text(l.t("Pencarian per aturan", "Searches per rule"))),
            model.searches.isEmpty
                ? UI.empty(l.t("Belum ada pencarian. Buka sebuah aturan pemantauan dan tambahkan kata pencarian X atau YouTube.",
                               "No searches yet. Open a listening rule and add X or YouTube search terms."))
                : .table(.class("list"), .id("search-table"),
                    .thead(.tr(.th(.text(l.t("Aturan", "Rule"))), .th(.text(l.t("Sumber", "Source"))), .th(.text(l.t("Kata pencarian", "Search terms"))),
                               .th(.text(l.t("Terakhir", "Last run"))), .th(.class("num"), .text(l.t("Ditemukan", "Found"))), .th(.text(l.t("Status", "Status"))))),
                    .tbody(.forEach(model.searches) { row in
                        .tr(.td(.a(.href(SiteRoute.listeningRule(row.rule.id!).path), .text(row.rule.name))),
                            .td(.text(row.search.source.label)),
                            .td(.code(.text(row.search.terms))),
                            .td(.text(row.search.lastRunAt.map(l.dateTime) ?? l.t("belum", "not yet"))),
                            .td(.class("num"), .text(l.number(row.found))),
                            .td(status(row.search, l)))
                    })))
    }

    static func status(_ search: ListeningSearchModel, _ l: L10n) -> Node<HTML.BodyContext> {
        guard search.active else { return UI.badge(l.t("Mati", "Off"), tone: .muted) }
        guard let error = search.lastError else { return UI.badge(l.t("Aktif", "On"), tone: .ok) }
        return .group(UI.badge(l.t("Tertunda", "Held"), tone: .warn), .br(), .span(.class("hint"), .text(error)))
    }

    static func form(_ ctx: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let settings = model.settings, input = model.input, problems = model.problems
        let saved = l.t("tersimpan — isi hanya untuk mengganti", "saved — fill in only to replace")
        return .form(.method(.post), .action(SiteRoute.saveSearchSettings.path), .class("stack"), .id("search-settings"),
            .h2(.text(l.t("Pengaturan", "Settings"))),
            UI.csrf(ctx.csrf),
            UI.formErrorSummary(Array(problems.values).sorted(), l),
            UI.field(l.t("Token bearer X (aplikasi)", "X bearer token (app)"), name: "x_bearer_token", value: nil, error: problems["x_bearer_token"],
                     type: .password, hint: l.t("Dari portal pengembang X. Disimpan terenkripsi dan tidak pernah ditampilkan lagi.",
                                                 "From the X developer portal. Stored encrypted and never shown again."),
                     maxLength: SearchController.secretMax, autocomplete: "off", placeholder: settings.xBearerToken == nil ? nil : saved),
            UI.field(l.t("Anggaran bacaan X per bulan", "X reads per month"), name: "x_monthly_reads", value: input.x_monthly_reads ?? String(settings.xMonthlyReads),
                     error: problems["x_monthly_reads"], type: .number, required: true),
            UI.field(l.t("Kunci API YouTube", "YouTube API key"), name: "youtube_api_key", value: nil, error: problems["youtube_api_key"],
                     type: .password, hint: l.t("Dari Google Cloud Console (YouTube Data API v3).", "From the Google Cloud Console (YouTube Data API v3)."),
                     maxLength: SearchController.secretMax, autocomplete: "off", placeholder: settings.youtubeAPIKey == nil ? nil : saved),
            UI.field(l.t("Panggilan YouTube per hari", "YouTube calls per day"), name: "youtube_daily_calls",
                     value: input.youtube_daily_calls ?? String(settings.youtubeDailyCalls), error: problems["youtube_daily_calls"], type: .number, required: true),
            UI.field(l.t("Wilayah (kode negara)", "Region (country code)"), name: "region_code", value: input.region_code ?? settings.regionCode,
                     error: problems["region_code"], required: true, maxLength: 2),
            UI.field(l.t("Bahasa", "Language"), name: "language", value: input.language ?? settings.language, error: problems["language"], required: true, maxLength: 3),
            .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan pengaturan", "Save settings")))))
    }

    /// A rule's searches, on the rule's page, with the form to add or change one.
    static func ruleSection(_ ctx: PageContext, rule: ListeningRuleModel, searches: [ListeningSearchModel], canManage: Bool,
                            input: SearchController.SearchInput, error: String?) -> Node<HTML.BodyContext> {
        let l = ctx.l
        return .section(.id("rule-searches"),
            .h2(.text(l.t("Pencarian publik", "Public search"))),
            .p(.class("hint"), .text(l.t("Kata pencarian ditulis dalam bahasa pencarian platform (X: spasi = dan, OR, -kata, \"frasa\"). Hasilnya dicocokkan lagi dengan kueri aturan ini.",
                                         "Search terms are written in the platform's own search syntax (X: space = and, OR, -word, \"phrase\"). Results are matched against this rule's query again."))),
            searches.isEmpty ? .p(.class("hint"), .text(l.t("Aturan ini belum mencari di X atau YouTube.", "This rule does not search X or YouTube yet.")))
                : .ul(.forEach(searches) { search in
                    .li(.strong(.text(search.source.label + ": ")), .code(.text(search.terms)), .text(" "), status(search, l),
                        .if(canManage, .group(.text(" "), UI.actionButton(search.active ? l.t("Matikan", "Switch off") : l.t("Aktifkan", "Switch on"),
                                                                          action: SiteRoute.toggleSearch(search.id!).path, csrf: ctx.csrf))))
                }),
            .p(.a(.href(SiteRoute.listeningSearch.path), .text(l.t("Anggaran dan pengaturan pencarian publik →", "Public search budget and settings →")))),
            .if(canManage, .form(.method(.post), .action(SiteRoute.saveRuleSearch(rule.id!).path), .class("stack compact"), .id("search-form"),
                UI.csrf(ctx.csrf),
                UI.select(l.t("Sumber", "Source"), name: "source",
                          options: [UI.Option(value: ListeningSource.xSearch.rawValue, label: "X"), UI.Option(value: ListeningSource.youtubeSearch.rawValue, label: "YouTube")],
                          selected: input.source, error: nil, required: true),
                UI.field(l.t("Kata pencarian", "Search terms"), name: "terms", value: input.terms, error: error, required: true,
                         maxLength: 512, placeholder: "pdam (mati OR keruh) lang:in"),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan pencarian", "Save search")))))))
    }
}
