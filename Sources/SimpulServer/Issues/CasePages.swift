import Foundation
import Plot
import SimpulCore

/// The war-room pages. The case page is one column of sections, so that a leader reads it on a
/// phone: status and clocks first, then the holding statement, units, tasks, linked items and
/// the timeline.
enum CasePages {
    /// A clock still running past its deadline.
    static func isOverdue(_ item: CaseModel, now: Date) -> Bool {
        clockStates(item, now: now).contains(.running(overdue: true))
    }

    static func clockStates(_ item: CaseModel, now: Date) -> [CaseClock.State] {
        [CaseClock.state(due: item.coordinateDue, doneAt: item.coordinatedAt, now: now),
         CaseClock.state(due: item.resolveDue, doneAt: item.closedAt, now: now)]
    }

    /// "Koordinasi: tenggat 7 Des 2026 15.00 WIB" with its state as a labelled badge.
    static func clock(_ title: String, due: Date?, doneAt: Date?, now: Date, _ l: L10n) -> Node<HTML.BodyContext> {
        let state = CaseClock.state(due: due, doneAt: doneAt, now: now)
        let badge: Node<HTML.BodyContext> = switch state {
        case .met(late: false): UI.badge(l.t("Tepat waktu", "On time"), tone: .ok)
        case .met(late: true): UI.badge(l.t("Terlambat", "Late"), tone: .danger)
        case .running(overdue: true): UI.badge(l.t("Terlambat", "Overdue"), tone: .danger)
        case .running(overdue: false): UI.badge(l.t("Berjalan", "Running"), tone: .muted)
        }
        return .div(.class("clock"),
            .strong(.text(title + ": ")), badge,
            .text(" " + l.t("tenggat ", "due ") + (due.map(l.dateTime) ?? "—")),
            .unwrap(doneAt) { .span(.class("hint"), .text(" · " + l.t("tercapai ", "met ") + l.dateTime($0))) })
    }

    // MARK: List

    struct ListModel {
        var cases: [CaseModel]
        var unitCounts: [UUID: Int]
        var filter: CasesController.ListFilter
        var tree: UnitTree
        var now: Date
        var canOpen: Bool
    }

    static func list(_ ctx: PageContext, _ model: ListModel) -> HTML {
        let l = ctx.l
        let statusOptions = [UI.Option(value: "active", label: l.t("Belum selesai", "Not closed"))]
            + CaseStatus.allCases.map { UI.Option(value: $0.rawValue, label: l.caseStatus($0)) }
        return Layout.page(ctx, title: l.t("Ruang Isu", "Issue war-room"),
            ListeningPages.tabs(ctx),
            .form(.method(.get), .action(SiteRoute.cases.path), .class("filters"),
                UI.select(l.t("Status", "Status"), name: "status", options: statusOptions, selected: model.filter.status ?? "active", error: nil),
                UI.select(l.t("Tenggat", "Deadline"), name: "overdue", options: [UI.Option(value: "1", label: l.t("Hanya yang terlambat", "Overdue only"))],
                          selected: model.filter.overdue, error: nil, includeBlank: l.t("Semua", "All")),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Terapkan", "Apply"))))),
            .div(.class("toolbar"),
                .p(.class("count"), .id("case-count"), .text(l.t("\(l.number(model.cases.count)) isu", "\(l.number(model.cases.count)) cases"))),
                .if(model.canOpen, .a(.class("button"), .href(SiteRoute.newCase.path), .text(l.t("Buka isu", "Open a case"))))),
            model.cases.isEmpty
                ? UI.empty(l.t("Tidak ada isu di sini. Buka isu dari pesan di Kotak Masuk, atau dengan tombol Buka isu.",
                               "No cases here. Open one from a message in the inbox, or with Open a case."),
                           action: model.canOpen ? (SiteRoute.newCase.path, l.t("Buka isu", "Open a case")) : nil)
                : .table(.class("list"), .id("case-table"),
                    .thead(.tr(.th(.text(l.t("Isu", "Case"))), .th(.text(l.t("Status", "Status"))), .th(.text(l.t("Unit pemimpin", "Lead unit"))),
                               .th(.text(l.t("Koordinasi", "Coordination"))), .th(.text(l.t("Selesai", "Resolution"))), .th(.class("num"), .text(l.t("Unit", "Units"))))),
                    .tbody(.forEach(model.cases) { item in
                        .tr(.if(isOverdue(item, now: model.now), .class("overdue")),
                            .td(.a(.href(SiteRoute.issueCase(item.id!).path), .strong(.text(item.label)), .text(" " + item.title))),
                            .td(UI.badge(l.caseStatus(item.status), tone: item.status.tone)),
                            .td(.text(model.tree[item.leadUnitID]?.name ?? "—")),
                            .td(clockCell(due: item.coordinateDue, doneAt: item.coordinatedAt, now: model.now, l)),
                            .td(clockCell(due: item.resolveDue, doneAt: item.closedAt, now: model.now, l)),
                            .td(.class("num"), .text(l.number(model.unitCounts[item.id!] ?? 0))))
                    }))
        )
    }

    static func clockCell(due: Date?, doneAt: Date?, now: Date, _ l: L10n) -> Node<HTML.BodyContext> {
        switch CaseClock.state(due: due, doneAt: doneAt, now: now) {
        case .running(overdue: true): .group(UI.badge(l.t("Terlambat", "Overdue"), tone: .danger), .text(" " + (due.map(l.dateTime) ?? "")))
        case .running(overdue: false): .text(due.map(l.dateTime) ?? "—")
        case .met(let late): .group(UI.badge(late ? l.t("Terlambat", "Late") : l.t("Tercapai", "Met"), tone: late ? .danger : .ok))
        }
    }

    // MARK: Opening

    struct FormModel {
        var input: CasesController.OpenInput
        var units: [(UUID, String)]
        var message: MessageModel?
        var problem: CaseProblem?
    }

    static func form(_ ctx: PageContext, _ model: FormModel) -> HTML {
        let l = ctx.l
        let problem = model.problem.map { $0.text(l) }
        return Layout.page(ctx, title: l.t("Buka isu", "Open a case"),
            UI.formErrorSummary(problem.map { [$0] } ?? [], l),
            .unwrap(model.message) { message in
                .div(.class("quote"), .p(.class("hint"), .text(l.t("Dari pesan:", "From the message:"))), .blockquote(.text(TextSnippet.of(message.text ?? "", length: 400))))
            },
            .form(.method(.post), .action(SiteRoute.createCase.path), .class("stack"), .id("case-form"),
                UI.csrf(ctx.csrf),
                .unwrap(model.message) { .input(.type(.hidden), .name("message"), .value($0.id!.uuidString)) },
                UI.field(l.t("Judul isu", "Title"), name: "title", value: model.input.title,
                         error: [.titleMissing, .titleTooLong].contains(model.problem) ? problem : nil, required: true, maxLength: CaseService.titleMax),
                .div(.class("field"), .label(.for("summary"), .text(l.t("Ringkasan", "Summary"))),
                     .textarea(.id("summary"), .name("summary"), .attribute(named: "rows", value: "4"), .attribute(named: "maxlength", value: String(CaseService.textMax)),
                               .text(model.input.summary ?? ""))),
                UI.select(l.t("Unit pemimpin", "Lead unit"), name: "lead_unit_id", options: model.units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                          selected: model.input.lead_unit_id, error: model.problem == .leadUnit ? problem : nil, required: true),
                .p(.class("hint"), .text(l.t("Tenggat: koordinasi \(CaseClock.coordinateWorkingHours) jam kerja, penyelesaian \(CaseClock.resolveWorkingDays) hari kerja, dihitung dengan kalender kerja.",
                                             "Deadlines: coordination within \(CaseClock.coordinateWorkingHours) working hours, resolution within \(CaseClock.resolveWorkingDays) working days, on the working calendar."))),
                .div(.class("actions"),
                     .button(.type(.submit), .class("button"), .text(l.t("Buka isu", "Open the case"))),
                     .a(.href(SiteRoute.cases.path), .text(l.t("Batal", "Cancel")))))
        )
    }

    // MARK: The case

    struct ShowModel {
        var item: CaseModel
        var access: CaseAccess
        var units: [UUID]
        var tasks: [CaseTaskModel]
        var messages: [MessageModel]
        var content: [ContentItemModel]
        /// Newest first.
        var events: [CaseEventModel]
        var ownerName: String?
        var tree: UnitTree
        var now: Date
        var canWriteContent: Bool
        var problem: CaseProblem?
    }

    static func show(_ ctx: PageContext, _ model: ShowModel) -> HTML {
        let l = ctx.l
        let item = model.item
        let id = item.id!
        let manage = model.access.canManage, work = model.access.canWork
        let candidates = model.tree.flattened().filter { $0.unit.active && $0.unit.id != item.leadUnitID && !model.units.contains($0.unit.id) }
            .map { UI.Option(value: $0.unit.id.uuidString, label: String(repeating: "  ", count: $0.depth) + $0.unit.name) }
        let nextStatuses = CaseStatus.allCases.filter { item.status.canMove(to: $0) }
        return Layout.page(ctx, title: item.label + " · " + item.title,
            UI.formErrorSummary(model.problem.map { [$0.text(l)] } ?? [], l),
            .section(.class("case-head"), .id("case-status"),
                .p(UI.badge(l.caseStatus(item.status), tone: item.status.tone), .text(" " + l.caseOrigin(item.origin))),
                clock(l.t("Koordinasi (\(CaseClock.coordinateWorkingHours) jam kerja)", "Coordination (\(CaseClock.coordinateWorkingHours) working hours)"),
                      due: item.coordinateDue, doneAt: item.coordinatedAt, now: model.now, l),
                clock(l.t("Penyelesaian (\(CaseClock.resolveWorkingDays) hari kerja)", "Resolution (\(CaseClock.resolveWorkingDays) working days)"),
                      due: item.resolveDue, doneAt: item.closedAt, now: model.now, l),
                .dl(.class("facts"),
                    .dt(.text(l.t("Unit pemimpin", "Lead unit"))), .dd(.text(model.tree.pathName(of: item.leadUnitID))),
                    .dt(.text(l.t("Penanggung jawab", "Owner"))), .dd(.text(model.ownerName ?? "—")),
                    .dt(.text(l.t("Dibuka", "Opened"))), .dd(.text(l.dateTime(item.openedAt)))),
                .if(!item.summary.isEmpty, .p(.class("summary"), .text(item.summary))),
                .if(manage && !nextStatuses.isEmpty, .form(.method(.post), .action(SiteRoute.caseStatus(id).path), .class("inline-form"), .id("status-form"),
                    UI.csrf(ctx.csrf),
                    UI.select(l.t("Ubah status", "Change status"), name: "status", options: nextStatuses.map { UI.Option(value: $0.rawValue, label: l.caseStatus($0)) },
                              selected: nil, error: nil),
                    .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan status", "Save status")))))),
            .section(.id("holding"),
                .h2(.text(l.t("Pernyataan sementara", "Holding statement"))),
                .p(.text(item.holdingStatement ?? l.t("Belum ada. Tulis pernyataan singkat yang boleh disampaikan selagi jawaban disiapkan.",
                                                     "None yet. Write a short statement that may be given while the answer is prepared."))),
                .if(manage, .form(.method(.post), .action(SiteRoute.caseHolding(id).path), .class("stack compact"),
                    UI.csrf(ctx.csrf),
                    .textarea(.name("text"), .attribute(named: "aria-label", value: l.t("Pernyataan sementara", "Holding statement")),
                              .attribute(named: "rows", value: "3"), .attribute(named: "maxlength", value: String(CaseService.textMax)), .text(item.holdingStatement ?? "")),
                    .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan pernyataan", "Save statement"))))),
                .h3(.text(l.t("Konten tanggapan", "Response content"))),
                model.content.isEmpty ? .p(.class("hint"), .text(l.t("Belum ada konten tanggapan.", "No response content yet.")))
                    : .ul(.id("case-content"), .forEach(model.content) { content in
                        .li(.a(.href(SiteRoute.contentItem(content.id!).path), .text(content.title)), .text(" "), ContentBadges.status(content.status, l))
                    }),
                .if(manage && model.canWriteContent, UI.actionButton(l.t("Buat konten klarifikasi", "Draft a clarification"), action: SiteRoute.caseResponse(id).path, csrf: ctx.csrf))),
            .section(.id("case-units"),
                .h2(.text(l.t("Unit yang dilibatkan", "Units involved"))),
                model.units.isEmpty ? .p(.class("hint"), .text(l.t("Belum ada unit yang dilibatkan.", "No unit pulled in yet.")))
                    : .ul(.forEach(model.units) { unit in
                        .li(.text(model.tree.pathName(of: unit)),
                            .if(manage, .group(.text(" "), UI.actionButton(l.t("Lepas", "Release"), action: SiteRoute.caseRelease(id, unit: unit).path, csrf: ctx.csrf,
                                                                          confirm: l.t("Lepas unit ini dari isu?", "Release this unit from the case?")))))
                    }),
                .if(manage && !candidates.isEmpty && item.status != .closed, .form(.method(.post), .action(SiteRoute.caseInvolve(id).path), .class("inline-form"), .id("involve-form"),
                    UI.csrf(ctx.csrf),
                    UI.select(l.t("Libatkan unit", "Pull in a unit"), name: "unit_id", options: candidates, selected: nil, error: nil, required: true,
                              includeBlank: l.t("— pilih unit —", "— choose a unit —")),
                    .button(.type(.submit), .class("button secondary"), .text(l.t("Libatkan", "Pull in")))))),
            .section(.id("case-tasks"),
                .h2(.text(l.t("Tugas", "Tasks"))),
                model.tasks.isEmpty ? .p(.class("hint"), .text(l.t("Belum ada tugas.", "No tasks yet.")))
                    : .ul(.forEach(model.tasks) { task in
                        .li(.if(task.doneAt != nil, .class("done")),
                            .text(task.title),
                            .unwrap(task.assigneeUnitID) { .span(.class("hint"), .text(" · " + (model.tree[$0]?.name ?? ""))) },
                            .unwrap(task.dueAt) { due in
                                .group(.text(" · " + l.t("tenggat ", "due ") + l.dateTime(due)),
                                       .if(task.doneAt == nil && due < model.now, .group(.text(" "), UI.badge(l.t("Terlambat", "Overdue"), tone: .danger))))
                            },
                            task.doneAt != nil ? .group(.text(" "), UI.badge(l.t("Selesai", "Done"), tone: .ok))
                                : work ? .group(.text(" "), UI.actionButton(l.t("Tandai selesai", "Mark done"), action: SiteRoute.caseTaskDone(id, task: task.id!).path, csrf: ctx.csrf)) : .empty)
                    }),
                .if(work && item.status != .closed, .form(.method(.post), .action(SiteRoute.caseAddTask(id).path), .class("stack compact"), .id("task-form"),
                    UI.csrf(ctx.csrf),
                    UI.field(l.t("Tugas baru", "New task"), name: "title", value: nil, error: nil, required: true, maxLength: CaseService.titleMax),
                    UI.select(l.t("Untuk unit", "For unit"), name: "unit_id",
                              options: ([item.leadUnitID] + model.units).map { UI.Option(value: $0.uuidString, label: model.tree[$0]?.name ?? "") },
                              selected: nil, error: nil, includeBlank: l.t("— tidak ditentukan —", "— not set —")),
                    UI.field(l.t("Tenggat", "Due"), name: "due", value: nil, error: nil, type: .date),
                    .button(.type(.submit), .class("button secondary"), .text(l.t("Tambah tugas", "Add task")))))),
            .section(.id("case-messages"),
                .h2(.text(l.t("Pesan terkait", "Linked messages"))),
                model.messages.isEmpty ? .p(.class("hint"), .text(l.t("Belum ada pesan. Tautkan dari halaman pesan di Kotak Masuk.", "No messages yet. Link them from a message's page in the inbox.")))
                    : .ul(.forEach(model.messages) { message in
                        .li(.a(.href(SiteRoute.thread(message.id!).path), .text(TextSnippet.of(message.text ?? "—", length: 160))),
                            .span(.class("hint"), .text(" · " + message.platform.displayName + " · " + (message.authorName ?? message.authorHandle ?? "") + " · " + l.dateTime(message.receivedAt))))
                    })),
            .section(.id("case-timeline"),
                .h2(.text(l.t("Linimasa", "Timeline"))),
                .if(work, .form(.method(.post), .action(SiteRoute.caseNote(id).path), .class("stack compact"), .id("note-form"),
                    UI.csrf(ctx.csrf),
                    .textarea(.name("text"), .attribute(named: "aria-label", value: l.t("Catatan", "Note")), .attribute(named: "rows", value: "2"),
                              .attribute(named: "maxlength", value: String(CaseService.textMax)), .required(true)),
                    .button(.type(.submit), .class("button secondary"), .text(l.t("Tambah catatan", "Add note"))))),
                .ol(.class("timeline"), .forEach(model.events) { event in
                    .li(.span(.class("hint"), .text(l.dateTime(event.at) + " · " + event.actorName + ": ")), .text(event.text))
                }))
        )
    }
}
