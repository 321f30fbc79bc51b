import Foundation
import Plot
import SimpulCore
import SimpulPlatforms

enum InboxPages {
    static func priorityLabel(_ priority: MessagePriority, _ l: L10n) -> String {
        switch priority {
        case .urgent: l.t("Darurat", "Urgent")
        case .high: l.t("Tinggi", "High")
        case .normal: l.t("Biasa", "Normal")
        case .low: l.t("Rendah", "Low")
        }
    }

    static func sentimentLabel(_ sentiment: Sentiment, _ l: L10n) -> String {
        switch sentiment {
        case .positive: l.t("Positif", "Positive")
        case .neutral: l.t("Netral", "Neutral")
        case .negative: l.t("Negatif", "Negative")
        }
    }

    static func stateLabel(_ state: MessageState, _ l: L10n) -> String {
        switch state {
        case .new: l.t("Baru", "New")
        case .assigned: l.t("Ditugaskan", "Assigned")
        case .replied: l.t("Dibalas", "Replied")
        case .closed: l.t("Selesai", "Closed")
        case .spam: "Spam"
        }
    }

    static func kindLabel(_ message: MessageModel, _ l: L10n) -> String {
        if message.platform == .whatsapp { return "WhatsApp" }
        switch message.kind {
        case .comment: return l.t("Komentar", "Comment")
        case .reply: return l.t("Balasan komentar", "Reply")
        case .mention: return "Mention"
        default: return "DM"
        }
    }

    /// Hidden until the live stream has news; then says what and offers a reload.
    static func liveBanner(_ l: L10n, reload: String, message: UUID? = nil) -> Node<HTML.BodyContext> {
        .div(.id("live-banner"), .class("flash"), .attribute(named: "hidden", value: "hidden"), .attribute(named: "role", value: "status"),
             .attribute(named: "data-new", value: l.t("{n} pesan baru masuk.", "{n} new messages.")),
             .attribute(named: "data-updated", value: l.t("Pesan ini baru saja diubah orang lain.", "Someone else just changed this message.")),
             .unwrap(message) { .attribute(named: "data-message", value: $0.uuidString) },
             .span(), .text(" "), .a(.href(reload), .text(l.t("Muat ulang", "Reload"))))
    }

    /// The keyboard shortcuts of the inbox or of a thread, listed for `?` to open (the page
    /// script does the work; without it the list is simply not used).
    static func shortcutsHelp<C: HTML.BodyContext>(_ l: L10n, thread: Bool) -> Node<C> {
        let keys: [(String, String)] = thread
            ? [("r", l.t("tulis balasan", "write a reply")), ("n", l.t("tulis catatan internal", "write an internal note")),
               ("l", l.t("tambah label", "add a label")), ("u", l.t("kembali ke Kotak Masuk", "back to the inbox")), ("?", l.t("tampilkan daftar ini", "show this list"))]
            : [("j / k", l.t("pesan berikut / sebelumnya", "next / previous message")), ("o", l.t("buka pesan", "open the message")),
               ("x", l.t("centang pesan", "tick the message")), ("/", l.t("cari", "search")), ("?", l.t("tampilkan daftar ini", "show this list"))]
        return .element(named: "details", nodes: [
            .id("shortcuts"), .class("shortcuts"), .if(thread, .attribute(named: "data-back", value: SiteRoute.inbox.path)),
            .element(named: "summary", nodes: [.text(l.t("Pintasan papan ketik", "Keyboard shortcuts"))]),
            .ul(.forEach(keys) { key in .li(.element(named: "kbd", nodes: [.text(key.0)]), .text(" " + key.1)) }),
        ])
    }

    /// A list of labels, each a link to the inbox filtered on it.
    static func tagLinks(_ tags: [String]) -> Node<HTML.BodyContext> {
        .span(.class("tags"), .forEach(tags) { tag in .a(.class("tag"), .href(SiteRoute.inbox.path + "?tag=" + (tag.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? tag)), .text(tag)) })
    }

    /// Suggestions for a label field: the labels the tenant already uses.
    static func tagSuggestions<C: HTML.BodyContext>(_ known: [String]) -> Node<C> {
        .element(named: "datalist", nodes: [.id("known-tags"), .forEach(known) { .element(named: "option", nodes: [.attribute(named: "value", value: $0)]) }])
    }

    /// Everything the page shows, gathered by its controller.
    struct ListModel {
        var messages: [MessageModel]
        var accounts: [UUID: AccountModel]
        var tags: [UUID: [String]]
        var knownTags: [String]
        var assignees: [(String, String)]
        var filter: InboxFilter
        var units: [(UUID, String)]
        var now: Date
        var next: String?
        /// Messages on this page that resemble a registered hoax.
        var hoaxLike: Set<UUID> = []
    }

    static func list(_ ctx: PageContext, _ model: ListModel) -> HTML {
        let messages = model.messages, accounts = model.accounts, tags = model.tags, knownTags = model.knownTags
        let assignees = model.assignees, filter = model.filter, units = model.units, now = model.now
        let next = model.next
        let l = ctx.l
        let options = { (values: [(String, String)]) in values.map { UI.Option(value: $0.0, label: $0.1) } }
        return Layout.page(ctx, title: l.t("Kotak Masuk", "Inbox"),
            liveBanner(l, reload: SiteRoute.inbox.path + "?" + filter.query(cursor: nil)),
            .p(.a(.href(SiteRoute.savedReplies.path), .text(l.t("Balasan tersimpan", "Saved replies"))), .text(" · "),
               .a(.href(SiteRoute.routing.path), .text(l.t("Aturan penugasan", "Routing rules"))), .text(" · "),
               .a(.href(SiteRoute.templates.path), .text(l.t("Templat WhatsApp", "WhatsApp templates"))), .text(" · "),
               .a(.href(SiteRoute.serviceReport.path), .text(l.t("Kinerja layanan", "Service performance")))),
            .form(.method(.get), .action(SiteRoute.inbox.path), .class("filters"), .id("inbox-filters"),
                UI.field(l.t("Cari", "Search"), name: "q", value: filter.q, error: nil, type: .search, maxLength: Inbox.maxQuery,
                         placeholder: l.t("mis. air mati, pelayanan KTP", "e.g. air mati")),
                UI.select(l.t("Unit", "Unit"), name: "unit", options: units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                          selected: filter.unit, error: nil, includeBlank: l.t("Semua unit", "All units")),
                UI.select("Platform", name: "platform", options: options(Platform.allCases.map { ($0.rawValue, $0.displayName) }),
                          selected: filter.platform, error: nil, includeBlank: l.t("Semua platform", "All platforms")),
                UI.select(l.t("Jenis", "Kind"), name: "kind", options: options([("comment", l.t("Komentar", "Comment")), ("mention", "Mention"),
                                                                                 ("dm", "DM"), ("whatsapp", "WhatsApp")]),
                          selected: filter.kind, error: nil, includeBlank: l.t("Semua jenis", "All kinds")),
                UI.select(l.t("Status", "State"), name: "state", options: options(MessageState.allCases.map { ($0.rawValue, stateLabel($0, l)) }),
                          selected: filter.state, error: nil, includeBlank: l.t("Semua status", "All states")),
                UI.select(l.t("Prioritas", "Priority"), name: "priority",
                          options: options(MessagePriority.allCases.reversed().map { ($0.rawValue, priorityLabel($0, l)) }),
                          selected: filter.priority, error: nil, includeBlank: l.t("Semua prioritas", "All priorities")),
                UI.select(l.t("Sentimen", "Sentiment"), name: "sentiment", options: options(Sentiment.allCases.map { ($0.rawValue, sentimentLabel($0, l)) }),
                          selected: filter.sentiment, error: nil, includeBlank: l.t("Semua sentimen", "All sentiments")),
                UI.select(l.t("Penanggung jawab", "Assignee"), name: "assignee",
                          options: options([("me", l.t("Saya", "Me")), ("none", l.t("Belum ditugaskan", "Unassigned"))]),
                          selected: filter.assignee, error: nil, includeBlank: l.t("Siapa saja", "Anyone")),
                .div(.class("field"), .label(.for("tag"), .text(l.t("Label", "Label"))),
                     .input(.id("tag"), .name("tag"), .type(.text), .value(filter.tag ?? ""), .attribute(named: "list", value: "known-tags"),
                            .attribute(named: "maxlength", value: String(MessageTag.maxLength)))),
                tagSuggestions(knownTags),
                UI.field(l.t("Dari tanggal", "From"), name: "from", value: filter.from, error: nil, type: .date),
                UI.field(l.t("Sampai tanggal", "To"), name: "to", value: filter.to, error: nil, type: .date),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Terapkan", "Apply"))),
                     .a(.href(SiteRoute.inbox.path), .text(l.t("Hapus filter", "Clear"))))
            ),
            messages.isEmpty
                ? UI.empty(l.t("Tidak ada pesan dengan filter ini. Ubah atau hapus filter; pesan baru masuk begitu akun tersambung.",
                               "No messages match. Change or clear the filters; new messages arrive once accounts are connected."))
                : .form(.method(.post), .action(SiteRoute.inboxBulk.path), .id("inbox-bulk"),
                    UI.csrf(ctx.csrf),
                    .div(.class("toolbar"),
                         UI.select(l.t("Untuk pesan yang dicentang", "For the ticked messages"), name: "action", options: [
                            UI.Option(value: "assignToMe", label: l.t("Tugaskan ke saya", "Assign to me")),
                            UI.Option(value: "assign", label: l.t("Tugaskan ke…", "Assign to…")),
                            UI.Option(value: "close", label: l.t("Tandai selesai", "Close")),
                            UI.Option(value: "spam", label: l.t("Tandai spam", "Mark spam")),
                            UI.Option(value: "tag", label: l.t("Beri label", "Add label")),
                         ], selected: nil, error: nil),
                         UI.select(l.t("Penanggung jawab (untuk \"Tugaskan ke…\")", "Assignee (for \"Assign to…\")"), name: "assign_to",
                                   options: assignees.map { UI.Option(value: $0.0, label: $0.1) }, selected: nil, error: nil, includeBlank: "—"),
                         UI.field(l.t("Alasan (bila mengalihkan)", "Reason (to reassign)"), name: "reason", value: nil, error: nil, maxLength: 500),
                         .div(.class("field"), .label(.for("bulk-tag"), .text(l.t("Label (untuk \"Beri label\")", "Label (for \"Add label\")"))),
                              .input(.id("bulk-tag"), .name("tag"), .type(.text), .attribute(named: "list", value: "known-tags"),
                                     .attribute(named: "maxlength", value: String(MessageTag.maxLength)))),
                         .button(.type(.submit), .class("button secondary"), .text(l.t("Terapkan", "Apply")))),
                    .table(.class("list"), .id("inbox-table"),
                    .thead(.tr(.th(.span(.class("visually-hidden"), .text(l.t("Pilih", "Select")))), .th(.text(l.t("Diterima", "Received"))), .th(.text(l.t("Akun", "Account"))), .th(.text(l.t("Dari", "From"))),
                               .th(.text(l.t("Pesan", "Message"))), .th(.text(l.t("Prioritas", "Priority"))), .th(.text(l.t("Tenggat", "Due"))))),
                    .tbody(.forEach(messages) { message in
                        let account = message.accountID.flatMap { accounts[$0] }
                        let priority = message.priority
                        let sentiment = message.sentiment
                        let overdue = message.dueAt.map { $0 < now } ?? false
                        return .tr(
                            .td(.input(.type(.checkbox), .name("ids[]"), .value(message.id!.uuidString),
                                       .attribute(named: "aria-label", value: l.t("Pilih pesan", "Select message")))),
                            .td(.a(.href(SiteRoute.thread(message.id!).path), .text(l.dateTime(message.receivedAt)))),
                            .td(.text(account.map { "\($0.platform.displayName) @\($0.handle)" } ?? message.platform.displayName), .br(),
                                .span(.class("muted"), .text(kindLabel(message, l)))),
                            .td(.text(message.authorName ?? message.authorHandle.map { "@" + $0 } ?? "—")),
                            .td(.text(TextSnippet.of(message.text ?? "")),
                                .if(!(tags[message.id!] ?? []).isEmpty, .group(.br(), tagLinks(tags[message.id!] ?? []))),
                                .unwrap(sentiment) { .group(.br(), UI.badge(sentimentLabel($0, l), tone: $0 == .negative ? .warn : ($0 == .positive ? .ok : .muted))) },
                                .if(model.hoaxLike.contains(message.id!), .group(.text(" "), UI.badge(l.t("Mirip hoaks terdaftar", "Resembles a registered hoax"), tone: .danger)))),
                            .td(.unwrap(priority) { UI.badge(priorityLabel($0, l), tone: $0 == .urgent ? .danger : ($0 == .high ? .warn : .muted)) }),
                            .td(.unwrap(message.dueAt) { due in
                                .group(.text(l.dateTime(due)), .if(overdue && message.state == .new, .group(.br(), UI.badge(l.t("Terlambat", "Overdue"), tone: .danger))))
                            })
                        )
                    }))),
            UI.pager(next: next, l),
            shortcutsHelp(l, thread: false)
        )
    }
}
