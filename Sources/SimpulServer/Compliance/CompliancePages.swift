import Foundation
import Plot
import SimpulCore

enum CompliancePages {
    static func checker(_ ctx: PageContext, text: String, result: ComplianceController.CheckResult?, error: String?) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Pemeriksa teks", "Text checker"),
            ComplianceViews.tabs(ctx),
            .p(.class("hint"), .text(l.t(
                "Tempel teks unggahan atau balasan. Simpul memeriksanya dengan paket aturan yang aktif (SKB 11 Instansi, SKB 5 Instansi, SE MenPANRB 137/2018 dan paket instansi) serta menilai kesederhanaan bahasanya. Teks tidak disimpan.",
                "Paste a post or reply. Simpul checks it against the active rule packs and scores its plain language. The text is not stored."))),
            .form(.method(.post), .action(SiteRoute.check.path), .class("stack"),
                UI.csrf(ctx.csrf),
                .div(.class(error == nil ? "field" : "field has-error"),
                     .label(.for("text"), .text(l.t("Teks", "Text"))),
                     .textarea(.id("text"), .name("text"), .attribute(named: "rows", value: "6"),
                               .attribute(named: "maxlength", value: String(TextInputProblem.maxLength)),
                               error != nil ? .attribute(named: "aria-invalid", value: "true") : .empty,
                               .text(text)),
                     .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) }),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Periksa", "Check"))))
            ),
            .unwrap(result) { result in
                .section(.class("check-result"),
                    .h2(.text(result.findings.isEmpty ? l.t("Tidak ada temuan", "No findings")
                                                      : l.t("\(result.findings.count) temuan", "\(result.findings.count) findings"))),
                    .if(!result.findings.isEmpty, .group(
                        ComplianceViews.highlighted(text, spans: ComplianceViews.spans(of: result.findings)),
                        ComplianceViews.findingList(result.findings, l)
                    )),
                    .if(result.findings.isEmpty, .p(.text(l.t("Teks ini tidak memicu aturan yang aktif.", "This text triggers none of the active rules.")))),
                    ComplianceViews.plainLanguage(result.plainLanguage, l)
                )
            }
        )
    }

    /// One page of findings with the filters they were chosen by.
    struct FindingsModel {
        var findings: [FindingModel]
        /// Every finding the filter matches, not only this page's.
        var total: Int
        /// The CSV export of the same filter.
        var csv: String
        /// Account names of the page's findings, by account id.
        var accounts: [UUID: String]
        var filter: FindingFilter
        /// The filter's choices: units indented by depth, staff accounts, packs by id.
        var units: [(UUID, String)]
        var staffAccounts: [(UUID, String)]
        var packs: [(String, String)]
        var next: String?
    }

    static func findings(_ ctx: PageContext, _ model: FindingsModel) -> HTML {
        let l = ctx.l
        let (findings, total, csv, accounts, filter) = (model.findings, model.total, model.csv, model.accounts, model.filter)
        let (units, staffAccounts, packs, next) = (model.units, model.staffAccounts, model.packs, model.next)
        let severities = Severity.allCases.reversed().map { UI.Option(value: $0.rawValue, label: $0.label.capitalized) }
        let statuses = FindingStatus.allCases.map { UI.Option(value: $0.rawValue, label: ComplianceViews.statusLabel($0, l)) }
        return Layout.page(ctx, title: l.t("Temuan kepatuhan", "Compliance findings"),
            ComplianceViews.tabs(ctx),
            .form(.method(.get), .action(SiteRoute.findings.path), .class("filters"),
                UI.select(l.t("Unit", "Unit"), name: "unit", options: units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                          selected: filter.unit, error: nil, includeBlank: l.t("Semua unit", "All units")),
                UI.select(l.t("Paket", "Pack"), name: "pack", options: packs.map { UI.Option(value: $0.0, label: $0.1) },
                          selected: filter.pack, error: nil, includeBlank: l.t("Semua paket", "All packs")),
                UI.select(l.t("Tingkat", "Severity"), name: "severity", options: severities, selected: filter.severity, error: nil,
                          includeBlank: l.t("Semua tingkat", "All severities")),
                UI.select(l.t("Status", "Status"), name: "status", options: statuses, selected: filter.status, error: nil,
                          includeBlank: l.t("Semua status", "All statuses")),
                UI.select(l.t("Akun staf", "Staff account"), name: "account", options: staffAccounts.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                          selected: filter.account, error: nil, includeBlank: l.t("Semua akun", "All accounts")),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Terapkan", "Apply"))),
                     .a(.href(SiteRoute.findings.path), .text(l.t("Hapus filter", "Clear"))))
            ),
            .div(.class("toolbar"),
                 .p(.class("count"), .id("finding-count"), .text(l.t("\(l.number(total)) temuan", "\(l.number(total)) findings"))),
                 .if(total > 0, .a(.class("button secondary"), .href(csv), .text(l.t("Unduh CSV", "Download CSV"))))),
            findings.isEmpty
                ? UI.empty(l.t("Belum ada temuan dengan filter ini. Temuan muncul saat draf diajukan dan saat akun staf mengunggah, menyukai atau membagikan konten yang melanggar.",
                               "No findings match. Findings appear when drafts are submitted and when staff accounts post, like or share violating content."),
                           action: (SiteRoute.checker.path, l.t("Coba pemeriksa teks", "Try the text checker")))
                : .table(.class("list"),
                    .thead(.tr(.th(.text(l.t("Waktu", "Time"))), .th(.text(l.t("Sumber", "Source"))), .th(.text(l.t("Aturan", "Rule"))),
                               .th(.text(l.t("Tingkat", "Severity"))), .th(.text(l.t("Status", "Status"))), .th(.text(l.t("Cuplikan", "Excerpt"))))),
                    .tbody(.forEach(findings) { finding in
                        .tr(
                            .td(.a(.href(SiteRoute.finding(finding.id!).path), .text(l.dateTime(finding.createdAt)))),
                            .td(.text(sourceLabel(finding, l)), .unwrap(finding.accountID.flatMap { accounts[$0] }) { .group(.br(), .span(.class("muted"), .text($0))) }),
                            .td(.text(finding.ruleTitle), .br(), .span(.class("muted"), .text(finding.packName))),
                            .td(ComplianceViews.severity(finding.severity, l)),
                            .td(ComplianceViews.status(finding.status, l)),
                            .td(.text(TextSnippet.of(finding.excerpt)))
                        )
                    })),
            UI.pager(next: next, l)
        )
    }

    static func sourceLabel(_ finding: FindingModel, _ l: L10n) -> String {
        switch finding.source {
        case .draft: l.t("Draf konten", "Content draft")
        case .activity: l.t("Aktivitas akun staf", "Staff account activity")
        case .reply: l.t("Balasan kotak masuk", "Inbox reply")
        case .message: l.t("Unggahan akun staf", "Staff account post")
        }
    }

    /// One finding with its review form.
    struct DetailModel {
        var finding: FindingModel
        /// The names of the account and unit it came from, when it names them.
        var account: String?
        var unit: String?
        var canReview: Bool
        var errors: FieldErrors
        /// The decision and note as typed, when the review was refused.
        var input: (status: String?, note: String?)
    }

    static func finding(_ ctx: PageContext, _ model: DetailModel) -> HTML {
        let l = ctx.l
        let (finding, account, unit, canReview, errors, input) = (model.finding, model.account, model.unit, model.canReview, model.errors, model.input)
        let severity = finding.severity
        let status = finding.status
        let labels = ["status": l.t("Keputusan", "Decision"), "note": l.t("Catatan", "Note")]
        let formErrors = FormErrors(errors, labels: labels, l)
        let spans = finding.spans.value.map { (span: $0, severity: severity, number: 1) }
        return Layout.page(ctx, title: finding.ruleTitle,
            ComplianceViews.tabs(ctx),
            .p(ComplianceViews.severity(severity, l), .text(" "), ComplianceViews.status(status, l), .text(" · " + finding.packName)),
            .dl(.class("facts"),
                .dt(.text(l.t("Sumber", "Source"))), .dd(.text(sourceLabel(finding, l)),
                    .if(finding.source == .draft, .group(.text(" · "), .a(.href(SiteRoute.contentItem(finding.sourceID).path), .text(l.t("buka draf", "open draft")))))),
                .unwrap(account) { .group(.dt(.text(l.t("Akun", "Account"))), .dd(.text($0))) },
                .unwrap(unit) { .group(.dt(.text(l.t("Unit", "Unit"))), .dd(.text($0))) },
                .dt(.text(l.t("Waktu", "Time"))), .dd(.text(l.dateTime(finding.createdAt))),
                .dt(.text(l.t("Kode aturan", "Rule"))), .dd(.code(.text(finding.ruleID))),
                .dt(.text(l.t("Kata yang cocok", "Matched"))), .dd(.code(.text(finding.matched)))
            ),
            .h2(.text(finding.source == .activity ? l.t("Konten yang ditanggapi", "Content acted on") : l.t("Teks", "Text"))),
            finding.excerpt.isEmpty
                ? .p(.class("muted"), .text(l.t("Tidak ada teks: temuan ini tentang akun yang ditanggapi.", "No text: this finding is about the account acted on.")))
                : ComplianceViews.highlighted(finding.excerpt, spans: spans),
            .h2(.text(l.t("Penjelasan", "Explanation"))),
            .p(.text(finding.explanation)),
            .unwrap(finding.reviewedAt) { at in
                .p(.class("hint"), .text(l.t("Ditinjau \(l.dateTime(at))", "Reviewed \(l.dateTime(at))")),
                   .unwrap(finding.reviewNote) { .text(" — " + $0) })
            },
            .if(canReview, .group(
                .h2(.text(l.t("Tinjau", "Review"))),
                UI.formErrorSummary(formErrors.all, l),
                .form(.method(.post), .action(SiteRoute.reviewFinding(finding.id!).path), .class("stack"),
                    UI.csrf(ctx.csrf),
                    UI.select(labels["status"]!, name: "status", options: [
                        UI.Option(value: FindingStatus.confirmed.rawValue, label: l.t("Konfirmasi pelanggaran", "Confirm violation")),
                        UI.Option(value: FindingStatus.falsePositive.rawValue, label: l.t("Bukan pelanggaran (masukkan ke pengecualian)", "False positive (add to allow-list)")),
                        UI.Option(value: FindingStatus.escalated.rawValue, label: l.t("Eskalasi ke pimpinan / BKPSDM", "Escalate")),
                        UI.Option(value: FindingStatus.open.rawValue, label: l.t("Buka kembali", "Reopen")),
                    ], selected: input.status ?? (status == .open ? nil : status.rawValue), error: formErrors["status"], required: true,
                    includeBlank: l.t("— pilih keputusan —", "— choose —")),
                    .div(.class(formErrors["note"] == nil ? "field" : "field has-error"),
                         .label(.for("note"), .text(labels["note"]!)),
                         .textarea(.id("note"), .name("note"), .attribute(named: "rows", value: "3"),
                                   .attribute(named: "maxlength", value: String(FindingQueries.maxNote)), .text(input.note ?? finding.reviewNote ?? "")),
                         .p(.class("hint"), .text(l.t("Wajib untuk “bukan pelanggaran” dan “eskalasi”.", "Required for false positive and escalation."))),
                         .unwrap(formErrors["note"]) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) }),
                    .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan tinjauan", "Save review"))),
                         .a(.href(SiteRoute.findings.path), .text(l.t("Kembali", "Back"))))
                )
            ))
        )
    }
}
