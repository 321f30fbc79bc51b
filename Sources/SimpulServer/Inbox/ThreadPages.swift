import Foundation
import Plot
import SimpulCore
import SimpulPlatforms

enum ThreadPages {
    /// Sends an approved WhatsApp template: the only way to reach a resident after the 24-hour
    /// window, and allowed inside it too.
    static func templateForm(_ ctx: PageContext, message: MessageModel, templates: [WhatsAppTemplateModel], confirm: Bool) -> Node<HTML.BodyContext> {
        let l = ctx.l
        guard !templates.isEmpty else {
            return .p(.class("hint"), .text(l.t("Belum ada templat WhatsApp yang disetujui. ", "No approved WhatsApp templates yet. ")),
                      .a(.href(SiteRoute.templates.path), .text(l.t("Daftarkan templat", "Add templates"))))
        }
        return .form(.method(.post), .action(SiteRoute.reply(message.id!).path), .class("stack"), .id("template-reply-form"),
            UI.csrf(ctx.csrf),
            UI.select(l.t("Templat WhatsApp", "WhatsApp template"), name: "template_id",
                      options: templates.map { UI.Option(value: $0.id!.uuidString, label: "\($0.name) (\($0.language)): " + TextSnippet.of($0.body)) },
                      selected: nil, error: nil),
            .div(.class("field"), .label(.for("parameters"), .text(l.t("Isian variabel {{1}}, {{2}}, … (satu per baris)", "Values for {{1}}, {{2}}, … (one per line)"))),
                 .textarea(.id("parameters"), .name("parameters"), .attribute(named: "rows", value: "3"))),
            .if(confirm, .div(.class("field checkbox"),
                .label(.input(.type(.checkbox), .name("confirm_recent"), .value("1")),
                       .text(" " + l.t("Saya sudah membaca balasan sebelumnya dan tetap mengirim.", "I have read the earlier reply and still send."))))),
            .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Kirim templat", "Send template")))))
    }

    static func messageCard(_ message: MessageModel, _ l: L10n, highlight: Bool = false) -> Node<HTML.BodyContext> {
        .div(.class(highlight ? "message current" : "message"),
             .p(.class("muted"), .strong(.text(message.authorName ?? message.authorHandle.map { "@" + $0 } ?? "—")),
                .text(" · " + InboxPages.kindLabel(message, l) + " · " + l.dateTime(message.receivedAt))),
             .p(.text(message.text ?? l.t("(tanpa teks)", "(no text)"))))
    }

    /// Everything the page shows, gathered by its controller.
    struct Model {
        var message: MessageModel
        var account: AccountModel
        var context: ThreadController.Context
        var draft: String?
        var notice: String?
        var assignees: [(String, String)]
        var savedReplies: [SavedReplyModel]
        var knownTags: [String]
        var templates: [WhatsAppTemplateModel]?
        var windowOpen: Bool
        var findings: [Finding]
        var overrideReason: String?
        var viewers: [String]
        var unconfirmedReply: MessageReplyModel?
        var canReply: Bool
        var canOverride: Bool
        var now: Date
        var cases = CaseChoices()
        /// Register entries the message resembles, best first.
        var hoaxes: [HoaxClaimModel] = []
    }

    static func hoaxes(_ ctx: PageContext, _ message: MessageModel, _ claims: [HoaxClaimModel], canReply: Bool) -> Node<HTML.BodyContext> {
        let l = ctx.l
        guard !claims.isEmpty else { return .empty }
        return .div(.class("flash warn"), .id("hoax-match"), .attribute(named: "role", value: "note"),
            .p(.strong(.text(l.t("Mirip hoaks terdaftar", "Resembles a registered hoax")))),
            .ul(.forEach(claims) { claim in
                .li(HoaxPages.labelBadge(claim.label), .text(" "), .a(.href(SiteRoute.hoax(claim.id!).path), .text(claim.title)),
                    .if(canReply && claim.clarification != nil,
                        .group(.text(" · "), .a(.href(SiteRoute.thread(message.id!).path + "?clarify=" + claim.id!.uuidString + "#reply-form"),
                                               .text(l.t("Balas dengan klarifikasi", "Reply with the clarification"))))))
            }))
    }


    /// The war-room cases this message belongs to, and those it could join.
    struct CaseChoices {
        var linked: [CaseModel] = []
        var joinable: [CaseModel] = []
        var canOpen = false
    }

    static func cases(_ ctx: PageContext, _ message: MessageModel, _ choices: CaseChoices) -> Node<HTML.BodyContext> {
        let l = ctx.l
        guard !choices.linked.isEmpty || !choices.joinable.isEmpty || choices.canOpen else { return .empty }
        return .section(.class("thread-cases"), .id("thread-cases"),
            .h2(.text(l.t("Isu", "Cases"))),
            .if(!choices.linked.isEmpty, .ul(.forEach(choices.linked) { item in
                .li(.a(.href(SiteRoute.issueCase(item.id!).path), .strong(.text(item.label)), .text(" " + item.title)), .text(" "),
                    UI.badge(l.caseStatus(item.status), tone: item.status.tone))
            })),
            .if(!choices.joinable.isEmpty, .form(.method(.post), .action(SiteRoute.linkMessageToCase(message.id!).path), .class("inline-form"), .id("link-case-form"),
                UI.csrf(ctx.csrf),
                UI.select(l.t("Tautkan ke isu", "Link to a case"), name: "case_id",
                          options: choices.joinable.map { UI.Option(value: $0.id!.uuidString, label: $0.label + " " + $0.title) }, selected: nil, error: nil, required: true),
                .button(.type(.submit), .class("button secondary"), .text(l.t("Tautkan", "Link"))))),
            .if(choices.canOpen, .p(.a(.class("button secondary"), .href(SiteRoute.newCase.path + "?message=" + message.id!.uuidString),
                                       .text(l.t("Buka isu dari pesan ini", "Open a case from this message"))))))
    }

    static func thread(_ ctx: PageContext, _ model: Model) -> HTML {
        let message = model.message, account = model.account, context = model.context, draft = model.draft
        let notice = model.notice, assignees = model.assignees, savedReplies = model.savedReplies, knownTags = model.knownTags
        let templates = model.templates, windowOpen = model.windowOpen, findings = model.findings, overrideReason = model.overrideReason
        let viewers = model.viewers, unconfirmedReply = model.unconfirmedReply, canReply = model.canReply, canOverride = model.canOverride
        let now = model.now
        let l = ctx.l
        let priority = message.priority
        let sentiment = message.sentiment
        let blocking = findings.contains { $0.severity == .block }
        return Layout.page(ctx, title: l.t("Pesan dari \(message.authorName ?? message.authorHandle ?? "warga")", "Message from \(message.authorName ?? message.authorHandle ?? "a resident")"),
            .p(.a(.href(SiteRoute.inbox.path), .text(l.t("← Kotak Masuk", "← Inbox")))),
            InboxPages.liveBanner(l, reload: SiteRoute.thread(message.id!).path, message: message.id),
            // Filled by the page script from the heartbeat; rendered here too for pages without it.
            .div(.id("presence"), .class("flash warn"), .attribute(named: "role", value: "status"),
                 .attribute(named: "data-url", value: SiteRoute.presence(message.id!).path), .attribute(named: "data-csrf", value: ctx.csrf),
                 .attribute(named: "data-interval", value: String(Int(ThreadPresence.heartbeat))),
                 .attribute(named: "data-template", value: l.t("Juga sedang dibuka oleh: {names} — sepakati siapa yang membalas.", "Also open by: {names} — agree on who replies.")),
                 .if(viewers.isEmpty, .attribute(named: "hidden", value: "hidden")),
                 .text(viewers.isEmpty ? "" : l.t("Juga sedang dibuka oleh: \(viewers.joined(separator: ", ")) — sepakati siapa yang membalas.",
                                                   "Also open by: \(viewers.joined(separator: ", ")) — agree on who replies."))),
            UI.formErrorSummary([notice].compactMap { $0 }, l),
            hoaxes(ctx, message, model.hoaxes, canReply: canReply),
            cases(ctx, message, model.cases),
            .dl(.class("facts"),
                .dt(.text(l.t("Akun", "Account"))), .dd(.text("\(account.platform.displayName) @\(account.handle)")),
                .dt(.text(l.t("Status", "State"))), .dd(.text(InboxPages.stateLabel(message.state, l))),
                .unwrap(priority) { p in .group(.dt(.text(l.t("Prioritas", "Priority"))), .dd(.text(InboxPages.priorityLabel(p, l)))) },
                .unwrap(sentiment) { s in .group(.dt(.text(l.t("Sentimen", "Sentiment"))), .dd(.text(InboxPages.sentimentLabel(s, l)))) },
                .unwrap(message.dueAt) { due in
                    .group(.dt(.text(l.t("Tenggat", "Due"))), .dd(.text(l.dateTime(due)),
                        .if(due < now && message.state == .new, .group(.text(" "), UI.badge(l.t("Terlambat", "Overdue"), tone: .danger)))))
                },
                .unwrap(message.firstResponseAt) { at in .group(.dt(.text(l.t("Dibalas pertama", "First reply"))), .dd(.text(l.dateTime(at)))) },
                .unwrap(message.resolvedAt) { at in .group(.dt(.text(l.t("Diselesaikan", "Resolved"))), .dd(.text(l.dateTime(at)))) },
                .dt(.text(l.t("Label", "Labels"))),
                .dd(.id("thread-tags"), context.tags.isEmpty ? .text(l.t("belum ada", "none")) : .group(.forEach(context.tags) { tag in
                    .span(.class("tag-item"), InboxPages.tagLinks([tag]),
                          .if(canReply, .form(.class("inline"), .method(.post), .action(SiteRoute.untag(message.id!).path), UI.csrf(ctx.csrf),
                                              .input(.type(.hidden), .name("tag"), .value(tag)),
                                              .button(.type(.submit), .class("link-button"), .attribute(named: "aria-label", value: l.t("Lepas label \(tag)", "Remove label \(tag)")), .text("×")))))
                }))
            ),
            .if(canReply, .form(.method(.post), .action(SiteRoute.tag(message.id!).path), .class("filters compact"), .id("tag-form"),
                UI.csrf(ctx.csrf),
                .div(.class("field"), .label(.for("tag"), .text(l.t("Tambah label", "Add label"))),
                     .input(.id("tag"), .name("tag"), .type(.text), .attribute(named: "list", value: "known-tags"),
                            .attribute(named: "maxlength", value: String(MessageTag.maxLength)), .placeholder(l.t("mis. jalan-rusak", "e.g. jalan-rusak")))),
                InboxPages.tagSuggestions(knownTags),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Tambah", "Add")))))),
            .unwrap(context.parent) { parent in .group(.h2(.text(l.t("Yang ditanggapi", "In reply to"))), messageCard(parent, l)) },
            .h2(.text(l.t("Percakapan", "Conversation"))),
            .div(.class("conversation"),
                .forEach(context.conversation.isEmpty ? [message] : context.conversation) { item in messageCard(item, l, highlight: item.id == message.id) },
                .forEach(context.replies) { reply in
                    .div(.class("message ours"),
                         .p(.class("muted"), .strong(.text(reply.authorName)), .text(" · " + l.t("balasan", "reply") + " · " + l.dateTime(reply.sentAt ?? reply.createdAt) + " "),
                            reply.status == .sent ? UI.badge(l.t("Terkirim", "Sent"), tone: .ok) : UI.badge(l.t("Gagal terkirim", "Failed"), tone: .danger)),
                         .p(.text(reply.text)),
                         .unwrap(reply.error) { .p(.class("error"), .text($0)) },
                         .if(reply.status == .failed && canReply,
                             UI.actionButton(l.t("Kirim ulang", "Retry"), action: SiteRoute.retryReply(message.id!, reply: reply.id!).path, csrf: ctx.csrf)))
                }),
            .if(canReply, .group(
                .h2(.text(l.t("Balas", "Reply"))),
                .p(.class("hint"), .text(l.t("Balasan tersimpan: ", "Saved replies: ")),
                   .forEach(savedReplies) { saved in .group(.a(.href(SiteRoute.thread(message.id!).path + "?template=\(saved.id!)#reply-form"), .text(saved.title)), .text(" · ")) },
                   .a(.href(SiteRoute.savedReplies.path), .text(l.t("kelola", "manage")))),
                .if(!findings.isEmpty, .group(ComplianceViews.highlighted(draft ?? "", spans: ComplianceViews.spans(of: findings)),
                                              ComplianceViews.findingList(findings, l))),
                .if(!windowOpen, .p(.class("hint"), .id("window-closed"), .text(ReplyService.Refusal.windowClosed.message(l)))),
                .if(windowOpen, .form(.method(.post), .action(SiteRoute.reply(message.id!).path), .class("stack"), .id("reply-form"),
                    UI.csrf(ctx.csrf),
                    .div(.class("field"), .label(.for("text"), .text(l.t("Balasan", "Reply"))),
                         .textarea(.id("text"), .name("text"), .attribute(named: "rows", value: "4"),
                                   .attribute(named: "maxlength", value: String(ReplyService.maxText)), .text(draft ?? ""))),
                    .if(unconfirmedReply != nil, .div(.class("field checkbox"),
                        .label(.input(.type(.checkbox), .name("confirm_recent"), .value("1"), .id("confirm_recent")),
                               .text(" " + l.t("Saya sudah membaca balasan sebelumnya dan tetap mengirim balasan ini.", "I have read the earlier reply and still send this one."))))),
                    .if(blocking && canOverride, .div(.class("field"),
                        .label(.for("override_reason"), .text(l.t("Alasan pengecualian", "Override reason"))),
                        .textarea(.id("override_reason"), .name("override_reason"), .attribute(named: "rows", value: "2"), .text(overrideReason ?? "")))),
                    .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Kirim balasan", "Send reply"))))
                )),
                .unwrap(templates) { templates in templateForm(ctx, message: message, templates: templates, confirm: unconfirmedReply != nil) },
                .h2(.text(l.t("Tindak lanjut", "Follow-up"))),
                .form(.method(.post), .action(SiteRoute.triage(message.id!).path), .class("filters"), .id("triage-form"),
                    UI.csrf(ctx.csrf),
                    UI.select(l.t("Status", "State"), name: "state", options: MessageState.allCases.map { UI.Option(value: $0.rawValue, label: InboxPages.stateLabel($0, l)) },
                              selected: message.state.rawValue, error: nil),
                    UI.select(l.t("Prioritas", "Priority"), name: "priority",
                              options: MessagePriority.allCases.reversed().map { UI.Option(value: $0.rawValue, label: InboxPages.priorityLabel($0, l)) },
                              selected: message.priority?.rawValue, error: nil),
                    UI.select(l.t("Sentimen", "Sentiment"), name: "sentiment",
                              options: Sentiment.allCases.map { UI.Option(value: $0.rawValue, label: InboxPages.sentimentLabel($0, l)) },
                              selected: message.sentiment?.rawValue, error: nil),
                    UI.select(l.t("Tugaskan ke", "Assign to"), name: "assignee", options: assignees.map { UI.Option(value: $0.0, label: $0.1) },
                              selected: message.assigneeUserID.map { "user:\($0)" } ?? message.assigneeUnitID.map { "unit:\($0)" },
                              error: nil, includeBlank: l.t("— belum ditugaskan —", "— unassigned —")),
                    UI.field(l.t("Alasan (wajib saat mengalihkan tugas)", "Reason (needed to reassign)"), name: "reason", value: nil, error: nil, maxLength: 500),
                    .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan", "Save"))))
                ),
                .h2(.text(l.t("Catatan internal", "Internal notes"))),
                context.notes.isEmpty ? .p(.class("muted"), .text(l.t("Belum ada catatan. Catatan hanya terlihat oleh tim.", "No notes yet. Notes are seen by the team only.")))
                    : .ul(.class("notes"), .forEach(context.notes) { note in
                        .li(.strong(.text(note.authorName)), .text(" · " + l.dateTime(note.createdAt) + ": " + note.body))
                    }),
                .form(.method(.post), .action(SiteRoute.addNote(message.id!).path), .class("stack compact"), .id("note-form"),
                    UI.csrf(ctx.csrf),
                    .div(.class("field"), .label(.for("body"), .text(l.t("Catatan baru", "New note"))),
                         .textarea(.id("body"), .name("body"), .attribute(named: "rows", value: "2"), .attribute(named: "maxlength", value: "2000"))),
                    .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan catatan", "Save note")))))
            )),
            .if(!context.earlier.isEmpty, .group(
                .h2(.text(l.t("Pesan sebelumnya dari orang yang sama", "Earlier messages from the same person"))),
                .forEach(context.earlier) { earlier in
                    .div(.a(.href(SiteRoute.thread(earlier.id!).path), .text(l.dateTime(earlier.receivedAt))), .text(" · " + TextSnippet.of(earlier.text ?? "")))
                })),
            InboxPages.shortcutsHelp(l, thread: true)
        )
    }
}
