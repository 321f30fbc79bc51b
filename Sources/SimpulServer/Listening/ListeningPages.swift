import Foundation
import Plot
import SimpulCore

enum ListeningPages {
    struct ListModel {
        var rules: [ListeningRuleModel]
        var counts: [UUID: (day: Int, week: Int)]
        var tree: UnitTree
        var units: [(UUID, String)]
        var input: ListeningController.RuleInput
        var error: ListeningController.RuleError?
        var feeds: [ListeningFeedModel] = []
        var itemCounts: [UUID: Int] = [:]
        var feedInput = ListeningController.FeedInput()
        var feedError: ListeningController.RuleError?
        var canManageFeed: (ListeningFeedModel) -> Bool = { _ in false }
    }

    static func feeds(_ ctx: PageContext, _ model: ListModel) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let error = model.feedError
        return .section(.id("feeds"),
            .h2(.text(l.t("Sumber berita (RSS/Atom)", "News sources (RSS/Atom)"))),
            .p(.class("hint"), .text(l.t("Feed portal berita dibaca setiap 15 menit; berita baru dicocokkan dengan aturan unit pemilik feed dan unit di atasnya.",
                                         "News portal feeds are read every 15 minutes; new articles are matched against the rules of the feed's unit and the units above it."))),
            model.feeds.isEmpty ? .p(.class("hint"), .text(l.t("Belum ada feed.", "No feeds yet.")))
                : .table(.class("list"), .id("feed-table"),
                    .thead(.tr(.th(.text(l.t("Sumber", "Source"))), .th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Terakhir dibaca", "Last read"))),
                               .th(.class("num"), .text(l.t("Berita", "Articles"))), .th(.text(l.t("Status", "Status"))), .th(""))),
                    .tbody(.forEach(model.feeds) { feed in
                        .tr(.td(.strong(.text(feed.name)), .br(), .span(.class("hint"), .text(feed.url))),
                            .td(.text(model.tree[feed.unitID]?.name ?? "—")),
                            .td(.text(feed.lastFetchedAt.map(l.dateTime) ?? l.t("belum", "not yet"))),
                            .td(.class("num"), .text(l.number(model.itemCounts[feed.id!] ?? 0))),
                            .td(!feed.active ? UI.badge(l.t("Mati", "Off"), tone: .muted)
                                : feed.lastError.map { .group(UI.badge(l.t("Gagal dibaca", "Failed"), tone: .danger), .br(), .span(.class("hint"), .text($0))) }
                                ?? UI.badge(l.t("Aktif", "On"), tone: .ok)),
                            .td(.if(model.canManageFeed(feed), UI.actionButton(feed.active ? l.t("Matikan", "Switch off") : l.t("Aktifkan", "Switch on"),
                                                                               action: SiteRoute.toggleFeed(feed.id!).path, csrf: ctx.csrf))))
                    })),
            .if(!model.units.isEmpty, .form(.method(.post), .action(SiteRoute.createFeed.path), .class("stack compact"), .id("feed-form"),
                UI.csrf(ctx.csrf),
                UI.formErrorSummary(error.map { [$0.message] } ?? [], l),
                UI.field(l.t("Nama sumber", "Source name"), name: "name", value: model.feedInput.name, error: error?.field == "feed_name" ? error?.message : nil,
                         required: true, maxLength: ListeningController.nameMax),
                UI.field(l.t("Alamat feed", "Feed address"), name: "url", value: model.feedInput.url, error: error?.field == "feed_url" ? error?.message : nil,
                         type: .url, required: true, maxLength: 1000, placeholder: "https://…/rss"),
                UI.select(l.t("Unit", "Unit"), name: "unit_id", options: model.units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                          selected: model.feedInput.unit_id ?? model.input.unit_id, error: error?.field == "feed_unit" ? error?.message : nil, required: true),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Tambah feed", "Add feed")))))))
    }

    static func list(_ ctx: PageContext, _ model: ListModel) -> HTML {
        let l = ctx.l
        let error = model.error
        return Layout.page(ctx, title: l.t("Pemantauan", "Listening"),
            tabs(ctx),
            .p(.text(l.t("Aturan pemantauan dicocokkan dengan setiap pesan baru di akun resmi unitnya dan unit di bawahnya. Facebook dan Instagram tidak menyediakan pencarian publik, jadi unggahan di luar akun Anda di sana tidak dapat dipantau.",
                         "Listening rules are matched against every new message on the official accounts of their unit and the units below it. Facebook and Instagram offer no public search, so posts outside your own accounts there cannot be watched."))),
            .p(.class("count"), .id("rule-count"), .text(l.t("\(l.number(model.rules.count)) aturan", "\(l.number(model.rules.count)) rules"))),
            model.rules.isEmpty
                ? UI.empty(l.t("Belum ada aturan. Tulis aturan pertama di bawah, misalnya: (banjir OR genangan) AND kecamatan*",
                               "No rules yet. Write the first one below, for example: (banjir OR genangan) AND kecamatan*"))
                : .table(.class("list"), .id("rule-table"),
                    .thead(.tr(.th(.text(l.t("Aturan", "Rule"))), .th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Kueri", "Query"))),
                               .th(.text(l.t("Status", "Status"))), .th(.class("num"), .text(l.t("24 jam", "24 hours"))), .th(.class("num"), .text(l.t("7 hari", "7 days"))))),
                    .tbody(.forEach(model.rules) { rule in
                        .tr(.td(.a(.href(SiteRoute.listeningRule(rule.id!).path), .text(rule.name))),
                            .td(.text(model.tree[rule.unitID]?.name ?? "—")),
                            .td(.code(.text(rule.query))),
                            .td(rule.active ? UI.badge(l.t("Aktif", "On"), tone: .ok) : UI.badge(l.t("Mati", "Off"), tone: .muted)),
                            .td(.class("num"), .text(l.number(model.counts[rule.id!]?.day ?? 0))),
                            .td(.class("num"), .text(l.number(model.counts[rule.id!]?.week ?? 0))))
                    })),
            .if(!model.units.isEmpty, .form(.method(.post), .action(SiteRoute.createListeningRule.path), .class("stack"), .id("rule-form"),
                .h2(.text(l.t("Aturan baru", "New rule"))),
                UI.csrf(ctx.csrf),
                UI.formErrorSummary(error.map { [$0.message] } ?? [], l),
                UI.field(l.t("Nama", "Name"), name: "name", value: model.input.name, error: error?.field == "name" ? error?.message : nil,
                         required: true, maxLength: ListeningController.nameMax),
                UI.select(l.t("Unit", "Unit"), name: "unit_id", options: model.units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                          selected: model.input.unit_id, error: error?.field == "unit_id" ? error?.message : nil, required: true),
                .div(.class(error?.field == "query" ? "field has-error" : "field"),
                     .label(.for("query"), .text(l.t("Kueri", "Query"))),
                     .textarea(.id("query"), .name("query"), .attribute(named: "rows", value: "3"), .attribute(named: "maxlength", value: String(ListeningQuery.maxLength)),
                               .attribute(named: "aria-describedby", value: "query-hint"), .text(model.input.query ?? "")),
                     .p(.class("hint"), .id("query-hint"),
                        .text(l.t("AND, OR, NOT, \"frasa\", (kurung), NEAR/5 dan ONEAR/5 (berurutan), awalan* (minimal 3 huruf), serta platform:, account:, unit:, kind:, author:. Kata gaul dan imbuhan disamakan: \"gak ada air\" cocok dengan \"tidak ada air\".",
                                  "AND, OR, NOT, \"phrases\", (brackets), NEAR/5 and ONEAR/5 (in order), prefix* (at least 3 letters), and platform:, account:, unit:, kind:, author:. Slang and affixes are evened out: \"gak ada air\" matches \"tidak ada air\"."))),
                     .unwrap(error?.field == "query" ? error?.message : nil) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) }),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan aturan", "Save rule")))))),
            feeds(ctx, model),
            .p(.a(.href(SiteRoute.listeningSearch.path), .text(l.t("Pencarian publik di X dan YouTube: anggaran dan pengaturan →", "Public search on X and YouTube: budget and settings →"))))
        )
    }

    /// The war-room and listening pages share one tab strip.
    static func tabs(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        let l = ctx.l
        return Layout.tabStrip(l.t("Isu & Hoaks", "Issues & hoaxes"),
                               [(SiteRoute.cases.path, l.t("Ruang Isu", "War-room")), (SiteRoute.listeningAlerts.path, l.t("Peringatan", "Alerts")),
                                (SiteRoute.hoaxes.path, l.t("Register Hoaks", "Hoax register")),
                                (SiteRoute.listening.path, l.t("Pemantauan", "Listening")),
                                (SiteRoute.alertSubscriptions.path, l.t("Langganan", "Subscriptions"))]
                                + (ctx.principal?.scope.allowsSomewhere(.manageListeningSettings) == true
                                    ? [(SiteRoute.onCall.path, l.t("Piket WhatsApp", "WhatsApp on-call"))] : []),
                               path: ctx.path)
    }

    struct AlertsModel {
        var alerts: [(alert: ListeningAlertModel, rule: ListeningRuleModel)]
        var canOpen: (ListeningRuleModel) -> Bool
        /// Surges on single accounts the viewer's units watch.
        var accountAlerts: [(alert: AccountAlertModel, account: AccountModel)] = []
        /// Cases opened from account alerts, by alert id.
        var accountCases: [UUID: UUID] = [:]
        var canOpenForAccount: (AccountModel) -> Bool = { _ in false }
    }

    static func accountAlerts(_ ctx: PageContext, _ model: AlertsModel) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let rows = model.accountAlerts
        return .section(.id("account-alerts"),
            .h2(.text(l.t("Lonjakan per akun", "Surges per account"))),
            .p(.class("hint"), .text(l.t("Semua pesan yang diterima satu akun per 15 menit, dengan rumus yang sama: unggahan yang viral, badai keluhan, atau serbuan akun.",
                                         "Everything one account received per 15 minutes, by the same formula: a post gone viral, a storm of complaints, or a raid."))),
            rows.isEmpty ? .p(.class("hint"), .text(l.t("Belum ada lonjakan pada akun.", "No account has surged yet.")))
                : .table(.class("list"), .id("account-alert-table"),
                    .thead(.tr(.th(.text(l.t("Waktu", "Time"))), .th(.text(l.t("Akun", "Account"))), .th(.class("num"), .text(l.t("Pesan", "Messages"))),
                               .th(.text(l.t("Rumus", "Formula"))), .th(.text(l.t("Isu", "Case"))))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(.text(l.dateTime(row.alert.bucketStart))),
                            .td(.a(.href(SiteRoute.inbox.path + "?account=" + row.account.id!.uuidString),
                                   .text(row.account.platform.displayName + " @" + row.account.handle))),
                            .td(.class("num"), .text(l.number(row.alert.count))),
                            .td(.text(row.alert.explanation)),
                            .td(model.accountCases[row.alert.id!].map { .a(.href(SiteRoute.issueCase($0).path), .text(l.t("Lihat isu", "See case"))) }
                                ?? (model.canOpenForAccount(row.account)
                                    ? UI.actionButton(l.t("Buka isu", "Open a case"), action: SiteRoute.caseFromAccountAlert(row.alert.id!).path, csrf: ctx.csrf)
                                    : .text("—"))))
                    })))
    }

    static func alerts(_ ctx: PageContext, _ model: AlertsModel) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Peringatan lonjakan", "Spike alerts"),
            tabs(ctx),
            .p(.text(l.t("Jumlah pesan yang cocok per 15 menit dibandingkan dengan slot jam yang sama selama 14 hari sebelumnya (median + 3 × MAD, minimal 5 pesan). Satu lonjakan memberi satu peringatan; peringatan berikutnya untuk aturan yang sama paling cepat 2 jam kemudian.",
                         "Matching messages per 15 minutes against the same slot over the previous 14 days (median + 3 × MAD, at least 5 messages). One surge gives one alert; the next alert for the same rule comes 2 hours later at the earliest."))),
            model.alerts.isEmpty
                ? UI.empty(l.t("Belum ada lonjakan. Peringatan muncul di sini dan di pemberitahuan koordinator.", "No surge yet. Alerts show here and in the supervisors' notifications."))
                : .table(.class("list"), .id("alert-table"),
                    .thead(.tr(.th(.text(l.t("Waktu", "Time"))), .th(.text(l.t("Aturan", "Rule"))), .th(.class("num"), .text(l.t("Pesan", "Messages"))),
                               .th(.text(l.t("Rumus", "Formula"))), .th(.text(l.t("Isu", "Case"))))),
                    .tbody(.forEach(model.alerts) { row in
                        .tr(.td(.text(l.dateTime(row.alert.bucketStart))),
                            .td(.a(.href(SiteRoute.listeningRule(row.rule.id!).path), .text(row.rule.name))),
                            .td(.class("num"), .text(l.number(row.alert.count))),
                            .td(.text(row.alert.explanation)),
                            .td(row.alert.caseID.map { .a(.href(SiteRoute.issueCase($0).path), .text(l.t("Lihat isu", "See case"))) }
                                ?? (model.canOpen(row.rule) ? UI.actionButton(l.t("Buka isu", "Open a case"), action: SiteRoute.caseFromAlert(row.alert.id!).path, csrf: ctx.csrf) : .text("—"))))
                    })),
            accountAlerts(ctx, model)
        )
    }

    struct HitRow {
        var message: MessageModel
        var matchedAt: Date
        /// The viewer may open the message's thread.
        var readable: Bool
    }

    struct ShowModel {
        var rule: ListeningRuleModel
        var total: Int
        var hits: [HitRow]
        var unitPath: String
        var canManage: Bool
        var news: [ListenedItemModel] = []
        var searches: [ListeningSearchModel] = []
        var searchInput = SearchController.SearchInput()
        var searchError: String?
    }

    static func show(_ ctx: PageContext, _ model: ShowModel) -> HTML {
        let l = ctx.l
        let rule = model.rule
        return Layout.page(ctx, title: rule.name,
            tabs(ctx),
            .dl(.class("facts"),
                .dt(.text(l.t("Kueri", "Query"))), .dd(.code(.text(rule.query))),
                .dt(.text(l.t("Unit", "Unit"))), .dd(.text(model.unitPath)),
                .dt(.text(l.t("Status", "Status"))), .dd(rule.active ? UI.badge(l.t("Aktif", "On"), tone: .ok) : UI.badge(l.t("Mati", "Off"), tone: .muted)),
                .dt(.text(l.t("Kecocokan", "Hits"))), .dd(.id("hit-count"), .text(l.number(model.total)))),
            .if(model.canManage, UI.actionButton(rule.active ? l.t("Matikan aturan", "Switch off") : l.t("Aktifkan aturan", "Switch on"),
                                                 action: SiteRoute.toggleListeningRule(rule.id!).path, csrf: ctx.csrf)),
            .h2(.text(l.t("Kecocokan terbaru", "Latest hits"))),
            model.hits.isEmpty
                ? UI.empty(l.t("Belum ada pesan yang cocok. Pesan baru dicocokkan begitu masuk.", "No message has matched yet. New messages are matched as they arrive."))
                : .table(.class("list"), .id("hit-table"),
                    .thead(.tr(.th(.text(l.t("Waktu", "Time"))), .th(.text(l.t("Platform", "Platform"))), .th(.text(l.t("Pengirim", "Author"))), .th(.text(l.t("Pesan", "Message"))))),
                    .tbody(.forEach(model.hits) { row in
                        let text = TextSnippet.of(row.message.text ?? "", length: 200)
                        return .tr(.td(.text(l.dateTime(row.message.occurredAt ?? row.message.receivedAt))), .td(.text(row.message.platform.displayName)),
                                   .td(.text(row.message.authorName ?? row.message.authorHandle ?? "—")),
                                   .td(row.readable ? .a(.href(SiteRoute.thread(row.message.id!).path), .text(text)) : .text(text)))
                    })),
            .if(!model.news.isEmpty, .group(
                .h2(.text(l.t("Berita dan unggahan publik yang cocok", "Matching news and public posts"))),
                .ul(.id("news-hits"), .forEach(model.news) { item in
                    .li(.span(.class("badge"), .text(item.source.label)), .text(" "), item.url.map { .a(.href($0), .attribute(named: "rel", value: "noopener"), .text(item.title ?? TextSnippet.of(item.text, length: 120))) }
                            ?? .text(item.title ?? TextSnippet.of(item.text, length: 120)),
                        .span(.class("hint"), .text(" · " + l.dateTime(item.publishedAt ?? item.fetchedAt))))
                }))),
            SearchPages.ruleSection(ctx, rule: rule, searches: model.searches, canManage: model.canManage, input: model.searchInput, error: model.searchError)
        )
    }
}
