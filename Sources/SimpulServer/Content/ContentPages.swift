import Foundation
import Plot
import SimpulCore

enum ContentPages {
    static func labels(_ l: L10n) -> [String: String] {
        ["unit_id": l.t("Unit pemilik", "Owner unit"), "title": l.t("Judul", "Title"), "body": l.t("Isi", "Body")]
    }

    static func statusBadge<C: HTML.BodyContext>(_ status: String, _ l: L10n) -> Node<C> {
        status == "draft" ? UI.badge(l.t("Draf", "Draft"), tone: "muted") : UI.badge(l.t("Menunggu tinjauan", "In review"), tone: "warn")
    }

    static func list(_ ctx: PageContext, items: [ContentItemModel], tree: UnitTree, canCreate: Bool) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Draf konten", "Content drafts"),
            ComplianceViews.tabs(ctx),
            .div(.class("toolbar"),
                 .p(.class("count"), .text(l.t("\(l.number(items.count)) draf", "\(l.number(items.count)) drafts"))),
                 .if(canCreate, .a(.class("button"), .href(Paths.newContent), .text(l.t("Tulis draf", "New draft"))))),
            items.isEmpty
                ? UI.empty(l.t("Belum ada draf. Tulis draf baru; Simpul memeriksanya dengan aturan kepatuhan sebelum diajukan.",
                               "No drafts yet. Write one; Simpul checks it against the compliance rules before it is submitted."),
                           action: canCreate ? (Paths.newContent, l.t("Tulis draf", "New draft")) : nil)
                : .table(.class("list"),
                    .thead(.tr(.th(.text(l.t("Judul", "Title"))), .th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Status", "Status"))), .th(.text(l.t("Diubah", "Updated"))))),
                    .tbody(.forEach(items) { item in
                        .tr(.td(.a(.href(Paths.contentItem(item.id!)), .text(item.title))),
                            .td(.text(tree.units[item.unitID]?.name ?? "")),
                            .td(statusBadge(item.status, l), .if(item.overrideReason != nil, .group(.text(" "), UI.badge(l.t("Pengecualian", "Override"), tone: "danger")))),
                            .td(.text(l.dateTime(item.updatedAt))))
                    }))
        )
    }

    static func fields(_ ctx: PageContext, input: ContentController.DraftInput, errors: FormErrors, units: [(UUID, String)]) -> Node<HTML.FormContext> {
        let l = ctx.l
        let labels = labels(l)
        return .group(
            UI.select(labels["unit_id"]!, name: "unit_id", options: units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                      selected: input.unit_id, error: errors["unit_id"], required: true, includeBlank: l.t("— pilih unit —", "— choose unit —")),
            UI.field(labels["title"]!, name: "title", value: input.title, error: errors["title"], required: true, maxLength: ContentController.titleMax),
            .div(.class(errors["body"] == nil ? "field" : "field has-error"),
                 .label(.for("body"), .text(labels["body"]!), .span(.class("req"), " *")),
                 .textarea(.id("body"), .name("body"), .attribute(named: "rows", value: "8"),
                           .attribute(named: "maxlength", value: String(TextInputProblem.maxLength)), .text(input.body ?? "")),
                 .unwrap(errors["body"]) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) })
        )
    }

    static func form(_ ctx: PageContext, editing: ContentItemModel?, input: ContentController.DraftInput, errors: FieldErrors, units: [(UUID, String)]) -> HTML {
        let l = ctx.l
        let formErrors = FormErrors(errors, labels: labels(l), l)
        return Layout.page(ctx, title: l.t("Tulis draf", "New draft"),
            ComplianceViews.tabs(ctx),
            UI.formErrorSummary(formErrors.all, l),
            .form(.method(.post), .action(Paths.content), .class("stack"),
                UI.csrf(ctx.csrf),
                fields(ctx, input: input, errors: formErrors, units: units),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan draf", "Save draft"))),
                     .a(.href(Paths.content), .text(l.t("Batal", "Cancel"))))
            )
        )
    }

    static func show(_ ctx: PageContext, _ item: ContentItemModel, input: ContentController.DraftInput, errors: FieldErrors, units: [(UUID, String)],
                     checked: ComplianceController.CheckResult, notice: String?, overrideReason: String?, canEdit: Bool, canOverride: Bool,
                     unitName: String) -> HTML {
        let l = ctx.l
        let formErrors = FormErrors(errors, labels: labels(l), l)
        let text = ContentController.text(of: item)
        let blocking = checked.findings.contains { $0.severity == .block }
        let isDraft = item.status == "draft"
        return Layout.page(ctx, title: item.title,
            ComplianceViews.tabs(ctx),
            .p(statusBadge(item.status, l), .text(" · " + unitName + " · " + l.t("diubah ", "updated ") + l.dateTime(item.updatedAt))),
            UI.formErrorSummary(formErrors.all + [notice].compactMap { $0 }, l),
            .unwrap(item.overrideReason) { reason in
                .div(.class("error-summary"), .p(.strong(.text(l.t("Diajukan dengan pengecualian kepatuhan. Alasan: ", "Submitted with a compliance override. Reason: "))), .text(reason)))
            },
            .h2(.text(l.t("Pemeriksaan kepatuhan", "Compliance check"))),
            checked.findings.isEmpty
                ? .p(UI.badge(l.t("Tidak ada temuan", "No findings"), tone: "ok"))
                : .group(
                    ComplianceViews.highlighted(text, spans: ComplianceViews.spans(of: checked.findings)),
                    ComplianceViews.findingList(checked.findings, l)),
            ComplianceViews.plainLanguage(checked.plainLanguage, l),
            .if(isDraft && canEdit, .group(
                .h2(.text(l.t("Ajukan untuk ditinjau", "Submit for review"))),
                .form(.method(.post), .action(Paths.submitContent(item.id!)), .class("stack"),
                    UI.csrf(ctx.csrf),
                    .if(blocking && canOverride, .div(.class("field"),
                        .label(.for("override_reason"), .text(l.t("Alasan pengecualian (wajib bila ada temuan tingkat blokir)", "Override reason (required with blocking findings)"))),
                        .textarea(.id("override_reason"), .name("override_reason"), .attribute(named: "rows", value: "3"), .attribute(named: "maxlength", value: "1000"),
                                  .text(overrideReason ?? "")),
                        .p(.class("hint"), .text(l.t("Minimal \(SubmissionGate.minimumReasonLength) karakter. Alasan dan temuannya dicatat di jejak audit.",
                                                     "At least \(SubmissionGate.minimumReasonLength) characters; recorded in the audit log."))))),
                    .if(blocking && !canOverride, .p(.class("hint"), .text(l.t("Ada temuan tingkat blokir: perbaiki teksnya, atau minta penyetuju mengajukannya dengan alasan tertulis.",
                                                                              "Blocking findings: fix the text, or ask an approver to submit it with a written reason.")))),
                    .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Ajukan", "Submit"))))
                ),
                .h2(.text(l.t("Ubah draf", "Edit draft"))),
                .form(.method(.post), .action(Paths.contentItem(item.id!)), .class("stack"),
                    UI.csrf(ctx.csrf),
                    fields(ctx, input: input, errors: formErrors, units: units),
                    .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan perubahan", "Save changes"))),
                         .a(.href(Paths.content), .text(l.t("Kembali", "Back"))))
                )
            )),
            .if(!isDraft || !canEdit, .group(.h2(.text(l.t("Isi", "Body"))), .div(.class("checked-text"), .text(item.body))))
        )
    }
}
