import Foundation
import Plot
import SimpulCore

enum ContentPages {
    /// The content menu's tabs.
    static func tabs(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let tabs: [(String, String)] = [
            (SiteRoute.contentCalendar.path, l.t("Kalender", "Calendar")),
            (SiteRoute.content.path, l.t("Daftar konten", "All content")),
            (SiteRoute.failedContent.path, l.t("Gagal terbit", "Failed")),
            (SiteRoute.mediaLibrary.path, l.t("Media", "Media")),
        ]
        return Layout.tabStrip(l.t("Konten", "Content"), tabs, path: ctx.path)
    }

    static func labels(_ l: L10n) -> [String: String] {
        ["unit_id": l.t("Unit pemilik", "Owner unit"), "title": l.t("Judul", "Title"), "body": l.t("Isi", "Body"),
         "pillar_id": l.t("Pilar konten", "Content pillar"), "campaign": l.t("Kampanye", "Campaign"), "segments": l.t("Segmen", "Segments"),
         "planned_date": l.t("Rencana tanggal terbit", "Planned date")]
    }

    static func list(_ ctx: PageContext, items: [ContentItemModel], tree: UnitTree, canCreate: Bool) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Daftar konten", "All content"),
            tabs(ctx),
            .div(.class("toolbar"),
                 .p(.class("count"), .text(l.t("\(l.number(items.count)) konten", "\(l.number(items.count)) items"))),
                 .if(canCreate, .a(.class("button"), .href(SiteRoute.newContent.path), .text(l.t("Tulis konten", "New content"))))),
            items.isEmpty
                ? UI.empty(l.t("Belum ada draf. Tulis draf baru; Simpul memeriksanya dengan aturan kepatuhan sebelum diajukan.",
                               "No drafts yet. Write one; Simpul checks it against the compliance rules before it is submitted."),
                           action: canCreate ? (SiteRoute.newContent.path, l.t("Tulis draf", "New draft")) : nil)
                : .table(.class("list"),
                    .thead(.tr(.th(.text(l.t("Judul", "Title"))), .th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Status", "Status"))), .th(.text(l.t("Diubah", "Updated"))))),
                    .tbody(.forEach(items) { item in
                        .tr(.td(.a(.href(SiteRoute.contentItem(item.id!).path), .text(item.title))),
                            .td(.text(tree.units[item.unitID]?.name ?? "")),
                            .td(ContentBadges.status(item.status, l), .if(item.overrideReason != nil, .group(.text(" "), UI.badge(l.t("Pengecualian", "Override"), tone: .danger)))),
                            .td(.text(l.dateTime(item.updatedAt))))
                    }))
        )
    }

    static func fields(_ ctx: PageContext, input: ContentController.DraftInput, errors: FormErrors, options: ContentController.FormOptions) -> Node<HTML.FormContext> {
        let l = ctx.l
        let labels = labels(l)
        return .group(
            UI.select(labels["unit_id"]!, name: "unit_id", options: options.units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                      selected: input.unit_id, error: errors["unit_id"], required: true, includeBlank: l.t("— pilih unit —", "— choose unit —")),
            UI.field(labels["title"]!, name: "title", value: input.title, error: errors["title"], required: true, maxLength: ContentController.titleMax),
            .div(.class(errors["body"] == nil ? "field" : "field has-error"),
                 .label(.for("body"), .text(labels["body"]!), .span(.class("req"), " *")),
                 .textarea(.id("body"), .name("body"), .attribute(named: "rows", value: "8"),
                           .attribute(named: "maxlength", value: String(TextInputProblem.maxLength)), .text(input.body ?? "")),
                 .unwrap(errors["body"]) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) }),
            UI.select(labels["pillar_id"]!, name: "pillar_id",
                      options: options.pillars.filter { $0.active || $0.id?.uuidString == input.pillar_id }.map { UI.Option(value: $0.id!.uuidString, label: $0.name) },
                      selected: input.pillar_id, error: errors["pillar_id"], includeBlank: l.t("— tanpa pilar —", "— no pillar —")),
            .div(.class("field-row"),
                 UI.field(labels["campaign"]!, name: "campaign", value: input.campaign, error: errors["campaign"],
                          hint: l.t("Mis. \"Bulan Pajak 2026\"; konten sekampanye dapat disaring bersama.", "E.g. \"Tax Month 2026\"; filter a campaign's content together."),
                          maxLength: ContentController.campaignMax, list: "campaigns"),
                 UI.field(labels["planned_date"]!, name: "planned_date", value: input.planned_date, error: errors["planned_date"] == nil ? nil : l.t("Tanggal tidak dikenali", "Date not recognised"), type: .date)),
            .element(named: "datalist", nodes: [.id("campaigns")] + options.campaigns.map { .element(named: "option", nodes: [.attribute(named: "value", value: $0)]) }),
            UI.field(labels["segments"]!, name: "segments", value: input.segments, error: errors["segments"],
                     hint: l.t("Siapa sasarannya, pisahkan dengan koma: mis. warga umum, pelajar, pelaku UMKM, wisatawan.",
                               "Who it is for, comma-separated: e.g. residents, students, small businesses, tourists."),
                     maxLength: ContentController.segmentsMax)
        )
    }

    static func form(_ ctx: PageContext, editing: ContentItemModel?, input: ContentController.DraftInput, errors: FieldErrors, options: ContentController.FormOptions) -> HTML {
        let l = ctx.l
        let formErrors = FormErrors(errors, labels: labels(l), l)
        return Layout.page(ctx, title: l.t("Tulis draf", "New draft"),
            tabs(ctx),
            UI.formErrorSummary(formErrors.all, l),
            .form(.method(.post), .action(SiteRoute.createContent.path), .class("stack"),
                UI.csrf(ctx.csrf),
                fields(ctx, input: input, errors: formErrors, options: options),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan draf", "Save draft"))),
                     .a(.href(SiteRoute.content.path), .text(l.t("Batal", "Cancel"))))
            )
        )
    }

    struct VariantRow {
        let variant: ContentVariantModel
        let account: AccountModel?
        let problems: [PostProblem]
    }

    /// What the item page shows, gathered by the controller.
    struct ItemView {
        let item: ContentItemModel
        let unitName: String
        let checked: ComplianceController.CheckResult
        let variants: [VariantRow]
        let policy: ApprovalPolicy
        let approvedBy: [String]
        let canEdit: Bool
        let canOverride: Bool
        let canApprove: Bool
        let targets: [AccountModel]
        let zone: TimeZone
        let now: Date
        let pillarName: String?
        /// The media library files the person may attach, and the files the variants carry.
        let library: [MediaFileModel]
        let media: [UUID: MediaFileModel]

        var status: ContentStatus { item.status }
        var editable: Bool { canEdit && ![.publishing, .published].contains(status) }
        var blocking: Bool { checked.findings.contains { $0.severity == .block } }
    }

    /// Pillar, campaign, segments and planned day in one line, for everyone who can read the item.
    static func planLine(_ view: ItemView, _ l: L10n) -> String {
        var parts: [String] = []
        if let pillar = view.pillarName { parts.append(l.t("Pilar: ", "Pillar: ") + pillar) }
        if let campaign = view.item.campaign { parts.append(l.t("Kampanye: ", "Campaign: ") + campaign) }
        if let segments = view.item.segments?.names, !segments.isEmpty { parts.append(l.t("Segmen: ", "Segments: ") + segments.joined(separator: ", ")) }
        if let planned = view.item.plannedAt { parts.append(l.t("Rencana: ", "Planned: ") + CalendarPages.dayLabel(LocalTime.fields(of: planned, zone: view.zone).date, l)) }
        return parts.isEmpty ? l.t("Belum ada pilar, kampanye atau rencana tanggal.", "No pillar, campaign or planned day yet.") : parts.joined(separator: " · ")
    }

    static func variantLabels(_ l: L10n) -> [String: String] {
        ["account_id": l.t("Akun tujuan", "Target account"), "text": l.t("Teks khusus akun ini", "Text for this account"),
         "link": l.t("Tautan", "Link"), "hashtags": l.t("Tagar", "Hashtags"), "first_comment": l.t("Komentar pertama", "First comment"),
         "title": l.t("Judul (YouTube)", "Title (YouTube)"), "media_ids": l.t("Media", "Media")]
    }

    /// Everything the page shows, gathered by its controller.
    struct ShowModel {
        var view: ItemView
        var input: ContentController.DraftInput
        var errors: FieldErrors
        var options: ContentController.FormOptions
        var notice: String?
        var overrideReason: String?
        var schedule: ContentWorkflowController.ScheduleInput?
        var variantInput: ContentWorkflowController.VariantInput?
        var variantErrors: FieldErrors
        var editingVariant: UUID?
    }

    static func show(_ ctx: PageContext, _ model: ShowModel) -> HTML {
        let view = model.view, input = model.input, errors = model.errors, options = model.options
        let notice = model.notice, overrideReason = model.overrideReason, schedule = model.schedule, variantInput = model.variantInput
        let variantErrors = model.variantErrors, editingVariant = model.editingVariant
        let l = ctx.l
        let item = view.item
        let formErrors = FormErrors(errors, labels: labels(l), l)
        let variantFormErrors = FormErrors(variantErrors, labels: variantLabels(l), l)
        let text = ContentGate.text(of: item, variants: view.variants.map(\.variant))
        return Layout.page(ctx, title: item.title,
            tabs(ctx),
            .p(ContentBadges.status(view.status, l), .text(" · " + view.unitName + " · " + l.t("diubah ", "updated ") + l.dateTime(item.updatedAt))),
            .p(.class("hint"), .id("content-plan"), .text(planLine(view, l))),
            UI.formErrorSummary(formErrors.all + variantFormErrors.all + [notice].compactMap { $0 }, l),
            .unwrap(item.overrideReason) { reason in
                .div(.class("error-summary"), .p(.strong(.text(l.t("Diajukan dengan pengecualian kepatuhan. Alasan: ", "Submitted with a compliance override. Reason: "))), .text(reason)))
            },
            .if(view.status == .rejected, .unwrap(item.reviewComment) { comment in
                .div(.class("error-summary"), .p(.strong(.text(l.t("Ditolak penyetuju: ", "Rejected: "))), .text(comment)))
            }),
            approval(ctx, view),
            actions(ctx, view, overrideReason: overrideReason, schedule: schedule),
            variantsSection(ctx, view, input: variantInput, errors: variantFormErrors, editing: editingVariant),
            .h2(.text(l.t("Pemeriksaan kepatuhan", "Compliance check"))),
            view.checked.findings.isEmpty
                ? .p(UI.badge(l.t("Tidak ada temuan", "No findings"), tone: .ok))
                : .group(
                    ComplianceViews.highlighted(text, spans: ComplianceViews.spans(of: view.checked.findings)),
                    ComplianceViews.findingList(view.checked.findings, l)),
            ComplianceViews.plainLanguage(view.checked.plainLanguage, l),
            view.editable
                ? .group(
                    .h2(.text(l.t("Ubah konten", "Edit content"))),
                    .if(![.draft, .rejected].contains(view.status), .p(.class("hint"), .text(l.t(
                        "Mengubah konten yang sudah diajukan mengembalikannya ke tinjauan: persetujuan dan jadwalnya diulang.",
                        "Changing submitted content sends it back to review: approvals and schedule start again.")))),
                    .form(.method(.post), .action(SiteRoute.updateContent(item.id!).path), .class("stack"),
                        UI.csrf(ctx.csrf),
                        fields(ctx, input: input, errors: formErrors, options: options),
                        .if(![.draft, .rejected].contains(view.status), overrideField(ctx, view, reason: overrideReason)),
                        .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan perubahan", "Save changes"))),
                             .a(.href(SiteRoute.content.path), .text(l.t("Kembali", "Back"))))))
                : .group(.h2(.text(l.t("Isi", "Body"))), .div(.class("checked-text"), .text(item.body)))
        )
    }

    /// The written reason an approver gives to let blocking findings through; shown where a
    /// submission or a change would otherwise be refused.
    static func overrideField(_ ctx: PageContext, _ view: ItemView, reason: String?) -> Node<HTML.FormContext> {
        let l = ctx.l
        guard view.blocking else { return .empty }
        return .if(view.canOverride, .div(.class("field"),
            .label(.for("override_reason"), .text(l.t("Alasan pengecualian (wajib bila ada temuan tingkat blokir)", "Override reason (required with blocking findings)"))),
            .textarea(.id("override_reason"), .name("override_reason"), .attribute(named: "rows", value: "3"), .attribute(named: "maxlength", value: "1000"),
                      .text(reason ?? "")),
            .p(.class("hint"), .text(l.t("Minimal \(SubmissionGate.minimumReasonLength) karakter. Alasan dan temuannya dicatat di jejak audit.",
                                         "At least \(SubmissionGate.minimumReasonLength) characters; recorded in the audit log.")))),
            else: .p(.class("hint"), .text(l.t("Ada temuan tingkat blokir: perbaiki teksnya, atau minta penyetuju mengajukannya dengan alasan tertulis.",
                                                 "Blocking findings: fix the text, or ask an approver to submit it with a written reason."))))
    }

    static func approval(_ ctx: PageContext, _ view: ItemView) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let steps = view.policy.steps
        return .section(.class("approval"),
            .h2(.text(l.t("Persetujuan", "Approval"))),
            steps.isEmpty
                ? .p(.text(l.t("Unit ini tidak memerlukan persetujuan: konten yang diajukan langsung dapat dijadwalkan.",
                               "This unit needs no approval: submitted content can be scheduled at once.")))
                : .ol(.forEach(Array(steps.enumerated())) { index, role in
                    .li(.text(l.t("Langkah \(index + 1): ", "Step \(index + 1): ") + l.role(role) + " — "),
                        index < view.approvedBy.count
                            ? .group(UI.badge(l.t("Disetujui", "Approved"), tone: .ok), .text(" " + view.approvedBy[index]))
                            : (view.status == .inReview && index == view.approvedBy.count
                                ? UI.badge(l.t("Menunggu", "Waiting"), tone: .warn) : UI.badge(l.t("Belum", "Not yet"), tone: .muted)))
                }))
    }

    static func actions(_ ctx: PageContext, _ view: ItemView, overrideReason: String?, schedule: ContentWorkflowController.ScheduleInput?) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let id = view.item.id!
        switch view.status {
        case .draft, .rejected:
            return .if(view.canEdit, .group(
                .h2(.text(l.t("Ajukan untuk ditinjau", "Submit for review"))),
                .form(.method(.post), .action(SiteRoute.submitContent(id).path), .class("stack"),
                    UI.csrf(ctx.csrf),
                    overrideField(ctx, view, reason: overrideReason),
                    .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Ajukan", "Submit")))))))
        case .inReview:
            return .if(view.canApprove, .group(
                .h2(.text(l.t("Tinjau", "Review"))),
                .div(.class("actions"), UI.actionButton(l.t("Setujui", "Approve"), action: SiteRoute.approveContent(id).path, csrf: ctx.csrf)),
                .form(.method(.post), .action(SiteRoute.rejectContent(id).path), .class("stack"),
                    UI.csrf(ctx.csrf),
                    .div(.class("field"),
                         .label(.for("comment"), .text(l.t("Alasan penolakan", "Why it is rejected"))),
                         .textarea(.id("comment"), .name("comment"), .attribute(named: "rows", value: "3"), .attribute(named: "maxlength", value: "1000"))),
                    .div(.class("actions"), .button(.type(.submit), .class("button danger"), .text(l.t("Tolak", "Reject")))))))
        case .approved, .scheduled:
            let fields = LocalTime.fields(of: view.item.scheduledAt ?? view.now.addingTimeInterval(3_600), zone: view.zone)
            let zoneName = IndonesianFormat.zoneAbbreviation(view.zone, at: view.now)
            return .if(view.canEdit, .group(
                .h2(.text(view.status == .scheduled ? l.t("Jadwal terbit", "Publishing time") : l.t("Jadwalkan", "Schedule"))),
                .if(view.status == .scheduled, .p(.text(l.t("Terjadwal terbit ", "Scheduled for ") + (view.item.scheduledAt.map(l.dateTime) ?? "")))),
                .form(.method(.post), .action(SiteRoute.scheduleContent(id).path), .class("stack"),
                    UI.csrf(ctx.csrf),
                    .div(.class("field-row"),
                         UI.field(l.t("Tanggal", "Date"), name: "date", value: schedule?.date ?? fields.date, error: nil, type: .date, required: true),
                         UI.field(l.t("Jam (\(zoneName))", "Time (\(zoneName))"), name: "time", value: schedule?.time ?? fields.time, error: nil, type: .time, required: true)),
                    .div(.class("actions"),
                         .button(.type(.submit), .class("button"), .text(view.status == .scheduled ? l.t("Ubah jadwal", "Reschedule") : l.t("Jadwalkan", "Schedule"))),
                         .button(.type(.submit), .name("now"), .value("1"), .class("button secondary"),
                                 .attribute(named: "formnovalidate", value: "formnovalidate"),
                                 .attribute(named: "data-confirm", value: l.t("Terbitkan sekarang ke semua akun tujuan?", "Publish now to every target account?")),
                                 .text(l.t("Terbitkan sekarang", "Publish now"))))),
                .if(view.status == .scheduled, .div(.class("actions"),
                    UI.actionButton(l.t("Batalkan jadwal", "Cancel schedule"), action: SiteRoute.unscheduleContent(id).path, csrf: ctx.csrf,
                                    confirm: l.t("Batalkan jadwal terbit?", "Cancel the schedule?"))))))
        case .failed:
            return .if(view.canEdit, .group(
                .h2(.text(l.t("Gagal terbit", "Failed"))),
                .p(.text(l.t("Sebagian akun tujuan gagal diterbitkan; alasannya tertera pada akun tersebut di bawah. Perbaiki penyebabnya (mis. sambungkan ulang akun), lalu coba lagi.",
                             "Some target accounts failed; the reason is shown on each below. Fix the cause (e.g. reconnect the account), then try again."))),
                .div(.class("actions"), UI.actionButton(l.t("Coba lagi", "Try again"), action: SiteRoute.retryContent(id).path, csrf: ctx.csrf))))
        case .publishing:
            return .p(.class("hint"), .text(l.t("Sedang diterbitkan ke akun tujuan.", "Publishing to the target accounts.")))
        case .published:
            return .empty
        }
    }

    static func variantsSection(_ ctx: PageContext, _ view: ItemView, input: ContentWorkflowController.VariantInput?, errors: FormErrors,
                                editing: UUID?) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let id = view.item.id!
        let labels = variantLabels(l)
        let used = Set(view.variants.map(\.variant.accountID))
        let choices = view.targets.filter { !used.contains($0.id!) }
        return .section(.class("variants"), .id("variants"),
            .h2(.text(l.t("Akun tujuan", "Target accounts"))),
            view.variants.isEmpty
                ? .p(.class("hint"), .text(l.t("Belum ada akun tujuan. Tambahkan akun yang akan menerbitkan konten ini.", "No target accounts yet. Add the accounts that will publish this.")))
                : .table(.class("list"),
                    .thead(.tr(.th(.text(l.t("Akun", "Account"))), .th(.text(l.t("Yang diterbitkan", "What is posted"))), .th(.text(l.t("Status", "Status"))))),
                    .tbody(.forEach(view.variants) { row in
                        let platform = row.account?.platform ?? .facebook
                        let caption = row.variant.draft(body: view.item.body).caption(for: platform)
                        let files = row.variant.mediaIDs.compactMap { view.media[$0] }
                        return .tr(
                            .td(.text((row.account.map { $0.platform.displayName + " · @" + $0.handle }) ?? "?")),
                            .td(.div(.class("caption-preview"), .text(caption.count > 280 ? String(caption.prefix(280)) + "…" : caption)),
                                .unwrap(row.variant.link) { .p(.class("hint"), .text(l.t("Tautan: ", "Link: ") + $0)) },
                                .if(!files.isEmpty, .div(.class("variant-media"), .forEach(files) { MediaPages.preview($0) })),
                                .if(row.variant.text == nil, .p(.class("hint"), .text(l.t("Mengikuti isi konten.", "Follows the content's body."))))),
                            .td(ContentBadges.variant(row.variant.status, l),
                                row.variant.url.map { .p(.a(.href($0), .attribute(named: "rel", value: "noopener"), .text(l.t("Lihat unggahan", "View post")))) }
                                    ?? .unwrap(row.variant.platformPostID) { .p(.class("hint"), .text(l.t("ID unggahan: ", "Post id: ") + $0)) },
                                .unwrap(row.variant.lastError) { .p(.class("error"), .text($0)) },
                                .if(!row.problems.isEmpty, .ul(.class("error"), .forEach(row.problems) { .li(.text($0.message(english: l.language == .en, platform: platform))) })),
                                .if(view.editable && row.variant.status != .published, .group(
                                    .details(.summary(.text(l.t("Ubah", "Edit"))),
                                        .form(.method(.post), .action(SiteRoute.updateVariant(id, variant: row.variant.id!).path), .class("stack"),
                                            UI.csrf(ctx.csrf),
                                            variantFields(ctx, input: editing == row.variant.id ? input : nil, variant: row.variant, errors: editing == row.variant.id ? errors : FormErrors(labels: labels, l),
                                                          library: view.library),
                                            .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan varian", "Save variant")))))),
                                    UI.actionButton(l.t("Hapus", "Remove"), action: SiteRoute.deleteVariant(id, variant: row.variant.id!).path, csrf: ctx.csrf,
                                                    confirm: l.t("Hapus akun tujuan ini?", "Remove this target account?"), danger: true)))))
                    })),
            .if(view.editable, .group(choices.isEmpty
                ? .p(.class("hint"), .text(view.targets.isEmpty
                    ? l.t("Tidak ada akun Facebook, X atau Instagram aktif di unit yang Anda kelola.", "There is no active Facebook, X or Instagram account in the units you manage.")
                    : l.t("Semua akun Facebook, X dan Instagram yang Anda kelola sudah menjadi tujuan.", "Every Facebook, X and Instagram account you manage is already a target.")))
                : .details(.attribute(named: "open", value: input != nil && editing == nil ? "open" : ""),
                    .summary(.text(l.t("Tambah akun tujuan", "Add a target account"))),
                    .form(.method(.post), .action(SiteRoute.addVariant(id).path), .class("stack"),
                        UI.csrf(ctx.csrf),
                        UI.select(labels["account_id"]!, name: "account_id",
                                  options: choices.map { UI.Option(value: $0.id!.uuidString, label: $0.platform.displayName + " · @" + $0.handle) },
                                  selected: editing == nil ? input?.account_id : nil, error: editing == nil ? errors["account_id"] : nil, required: true,
                                  includeBlank: l.t("— pilih akun —", "— choose account —")),
                        variantFields(ctx, input: editing == nil ? input : nil, variant: nil, errors: editing == nil ? errors : FormErrors(labels: labels, l),
                                      library: view.library),
                        .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Tambahkan", "Add")))))),
                .p(.class("hint"), .text(l.t("Simpul menerbitkan teks, tautan, foto dan video ke Facebook; gambar, reel dan carousel ke Instagram; video ke TikTok dan YouTube; teks, gambar dan video ke X. Media diambil dari Pustaka media.",
                                             "Simpul publishes text, links, photos and videos to Facebook; images, reels and carousels to Instagram; videos to TikTok and YouTube; text, images and videos to X. Media come from the media library.")))))
        )
    }

    static func variantFields(_ ctx: PageContext, input: ContentWorkflowController.VariantInput?, variant: ContentVariantModel?, errors: FormErrors,
                              library: [MediaFileModel]) -> Node<HTML.FormContext> {
        let l = ctx.l
        let labels = variantLabels(l)
        let text = input?.text ?? variant?.text
        let chosen = Set(input?.media_ids ?? variant?.mediaIDs.map(\.uuidString) ?? [])
        return .group(
            .div(.class(errors["text"] == nil ? "field" : "field has-error"),
                 .label(.text(labels["text"]!), .textarea(.name("text"), .attribute(named: "rows", value: "4"), .attribute(named: "maxlength", value: String(VariantFields.maxText)), .text(text ?? ""))),
                 .p(.class("hint"), .text(l.t("Kosongkan agar mengikuti isi konten.", "Leave empty to use the content's body."))),
                 .unwrap(errors["text"]) { .p(.class("error"), .text($0)) }),
            UI.field(labels["link"]!, name: "link", value: input?.link ?? variant?.link, error: errors["link"], type: .url, placeholder: "https://"),
            UI.field(labels["hashtags"]!, name: "hashtags", value: input?.hashtags ?? variant?.hashtags, error: errors["hashtags"],
                     hint: l.t("Pisahkan dengan spasi, tanpa atau dengan #.", "Separate with spaces, with or without #.")),
            UI.field(labels["first_comment"]!, name: "first_comment", value: input?.first_comment ?? variant?.firstComment, error: errors["first_comment"],
                     maxLength: VariantFields.maxFirstComment),
            mediaChoices(l, label: labels["media_ids"]!, library: library, chosen: chosen, error: errors["media_ids"])
        )
    }

    static func mediaChoices(_ l: L10n, label: String, library: [MediaFileModel], chosen: Set<String>, error: String?) -> Node<HTML.FormContext> {
        let empty: Node<HTML.FormContext> = .p(.class("hint"), .text(l.t("Pustaka media masih kosong. ", "The media library is empty. ")),
                                               .a(.href(SiteRoute.mediaLibrary.path), .text(l.t("Unggah berkas", "Upload a file"))))
        let shown = library.count > 30 ? Array(library[0..<30]) : library
        let boxes: Node<HTML.FormContext> = .forEach(shown) { file in
            let id = file.id!.uuidString
            let box: Node<HTML.LabelContext> = .input(.type(.checkbox), .name("media_ids[]"), .value(id),
                                                     .attribute(named: "checked", value: chosen.contains(id) ? "checked" : ""))
            return .label(.class("check"), box, .text(" " + file.name + " (" + MediaPages.describe(file, l) + ")"))
        }
        return .div(.class(error == nil ? "field media-choices" : "field media-choices has-error"),
            .p(.class("field-label"), .text(label)),
            library.isEmpty ? empty : boxes,
            .unwrap(error) { .p(.class("error"), .text($0)) })
    }
}
