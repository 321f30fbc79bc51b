import Foundation
import Plot
import SimpulCore

enum AmplificationPages {
    static func statusBadge<C: HTML.BodyContext>(_ status: AssignmentStatus, _ l: L10n) -> Node<C> {
        switch status {
        case .pending: UI.badge(l.t("Belum", "Not yet"), tone: .muted)
        case .overdue: UI.badge(l.t("Terlambat", "Overdue"), tone: .danger)
        case .done: UI.badge(l.t("Selesai", "Done"), tone: .ok)
        case .doneLate: UI.badge(l.t("Selesai terlambat", "Done late"), tone: .warn)
        }
    }

    static func share(_ tally: AmplificationTally, _ l: L10n) -> String {
        let percent = tally.rate.map { IndonesianFormat.percent($0) } ?? "—"
        return l.t("\(l.number(tally.done)) dari \(l.number(tally.assigned)) selesai (\(percent))",
                   "\(l.number(tally.done)) of \(l.number(tally.assigned)) done (\(percent))")
    }

    static func postLink<C: HTML.BodyContext>(_ task: AmplificationTaskModel, _ l: L10n) -> Node<C> {
        .unwrap(task.postURL, { .a(.href($0), .attribute(named: "rel", value: "noopener"), .target(.blank),
                                   .text(l.t("Buka unggahan di \(task.platform.displayName)", "Open the post on \(task.platform.displayName)"))) },
                else: .text(task.platform.displayName + " · " + task.postID))
    }

    static func list(_ ctx: PageContext, tasks: [AmplificationController.Progress], total: Int, now: Date, canCreate: Bool) -> HTML {
        let l = ctx.l
        let count = tasks.count < total ? l.t("\(l.number(tasks.count)) terbaru dari \(l.number(total)) tugas", "newest \(l.number(tasks.count)) of \(l.number(total)) tasks")
                                        : l.t("\(l.number(total)) tugas", "\(l.number(total)) tasks")
        return Layout.page(ctx, title: l.t("Tugas amplifikasi", "Amplification tasks"),
            Layout.amplificationTabs(ctx),
            .div(.class("toolbar"),
                 .p(.class("count"), .id("task-count"), .text(count)),
                 .if(canCreate, .div(.class("actions"), .a(.class("button"), .href(SiteRoute.newAmplification.path), .text(l.t("Buat tugas", "New task")))))),
            tasks.isEmpty
                ? UI.empty(canCreate ? l.t("Belum ada tugas. Pilih unggahan resmi yang sudah terbit dan kirim ke ASN untuk dibagikan ulang.",
                                           "No tasks yet. Choose a published official post and send it to staff to share.")
                                     : l.t("Belum ada tugas amplifikasi di unit Anda.", "No amplification tasks in your units yet."),
                           action: canCreate ? (SiteRoute.newAmplification.path, l.t("Buat tugas", "New task")) : nil)
                : .table(.class("list"), .id("task-table"),
                    .thead(.tr(.th(.text(l.t("Unggahan", "Post"))), .th(.text(l.t("Tenggat", "Due"))), .th(.text(l.t("Selesai", "Done"))),
                               .th(.text(l.t("Terlambat", "Overdue"))))),
                    .tbody(.forEach(tasks) { progress in
                        let tally = progress.total
                        return .tr(.td(.a(.href(SiteRoute.amplificationTask(progress.task.id!).path), .text(progress.task.title)),
                                       .span(.class("muted"), .text(" · " + progress.task.platform.displayName))),
                                   .td(.text(l.dateTime(progress.task.deadline)), .if(now > progress.task.deadline, .group(.text(" "), UI.badge(l.t("Lewat", "Past"), tone: .muted)))),
                                   .td(.text(share(tally, l))),
                                   .td(.class("num"), .text(l.number(tally.overdue))))
                    }))
        )
    }

    static func show(_ ctx: PageContext, _ progress: AmplificationController.Progress) -> HTML {
        let l = ctx.l
        let task = progress.task
        let total = progress.total
        return Layout.page(ctx, title: task.title,
            Layout.amplificationTabs(ctx),
            .dl(.class("facts"),
                .dt(.text(l.t("Unggahan", "Post"))), .dd(postLink(task, l)),
                .dt(.text(l.t("Tenggat", "Due"))), .dd(.text(l.dateTime(task.deadline))),
                .dt(.text(l.t("Keterangan usulan", "Suggested caption"))),
                .dd(.class("caption-preview"), .text(task.caption.isEmpty ? l.t("(tidak ada)", "(none)") : task.caption)),
                .dt(.text(l.t("Capaian", "Completion"))), .dd(.id("task-total"), .text(share(total, l)))),
            .h2(.text(l.t("Per unit", "By unit"))),
            .table(.class("list"), .id("unit-table"),
                .thead(.tr(.th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Capaian", "Completion"))), .th(.text(l.t("Terlambat", "Overdue"))))),
                .tbody(.forEach(progress.byUnit) { row in
                    .tr(.td(.text(row.unit)), .td(.text(share(row.tally, l))), .td(.class("num"), .text(l.number(row.tally.overdue))))
                })),
            .h2(.text(l.t("Per ASN", "By person"))),
            .div(.class("toolbar"), .div(.class("actions"), .a(.href(SiteRoute.amplificationCSV(task.id!).path), .text(l.t("Unduh CSV", "Download CSV"))))),
            .table(.class("list"), .id("person-table"),
                .thead(.tr(.th(.text(l.t("Nama", "Name"))), .th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Status", "Status"))), .th(.text(l.t("Bukti", "Proof"))))),
                .tbody(.forEach(progress.rows) { row in
                    .tr(.td(.text(row.name)), .td(.text(row.unit)), .td(statusBadge(row.status, l)), .td(proof(row.assignment, l)))
                }))
        )
    }

    static func proof<C: HTML.BodyContext>(_ assignment: AmplificationAssignmentModel, _ l: L10n) -> Node<C> {
        guard let completedAt = assignment.completedAt else {
            return .unwrap(assignment.lastRefusal) { .span(.class("muted"), .text(l.t("Tautan terakhir ditolak: ", "Last link refused: ") + $0)) }
        }
        let how = assignment.method == AmplificationAssignmentModel.Method.link.rawValue ? l.t("tautan terverifikasi", "verified link")
                                                                                          : l.t("terpantau lewat platform", "seen on the platform")
        return .group(.text(how + " · " + l.dateTime(completedAt)),
                      .unwrap(assignment.proofURL) { .group(.text(" · "), .a(.href($0), .attribute(named: "rel", value: "noopener"), .target(.blank), .text(l.t("lihat", "view")))) })
    }

    static func form(_ ctx: PageContext, candidates: [AmplificationTasks.Candidate], staff: [AmplificationTasks.StaffMember], tree: UnitTree,
                     input: AmplificationController.TaskInput, errors: [String: String]) -> HTML {
        let l = ctx.l
        let body: Node<HTML.BodyContext> = candidates.isEmpty
            ? UI.empty(l.t("Belum ada unggahan resmi Facebook atau X yang terbit dalam 30 hari terakhir di unit Anda. Tugas amplifikasi dibuat dari unggahan yang sudah terbit.",
                           "No official Facebook or X post was published in your units in the last 30 days. Tasks are made from published posts."),
                       action: (SiteRoute.contentCalendar.path, l.t("Ke Kalender Konten", "Go to the content calendar")))
            : taskForm(ctx, candidates: candidates, staff: staff, tree: tree, input: input, errors: errors)
        return Layout.page(ctx, title: l.t("Buat tugas amplifikasi", "New amplification task"),
            Layout.amplificationTabs(ctx),
            UI.formErrorSummary(Array(errors.values).sorted(), l),
            body)
    }

    static func taskForm(_ ctx: PageContext, candidates: [AmplificationTasks.Candidate], staff: [AmplificationTasks.StaffMember], tree: UnitTree,
                         input: AmplificationController.TaskInput, errors: [String: String]) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let options = candidates.map { candidate in
            UI.Option(value: candidate.variant.id!.uuidString,
                      label: candidate.title + " — " + candidate.account.platform.displayName + " @" + candidate.account.handle
                          + " — " + (candidate.variant.publishedAt.map(l.dateTime) ?? ""))
        }
        let captionField: Node<HTML.FormContext> = .div(.class(errors["caption"] == nil ? "field" : "field has-error"),
            .label(.for("caption"), .text(l.t("Keterangan usulan untuk ASN", "Suggested caption for staff"))),
            .textarea(.id("caption"), .name("caption"), .attribute(named: "rows", value: "4"),
                      .attribute(named: "maxlength", value: String(AmplificationController.captionLimit)), .text(input.caption ?? "")),
            .unwrap(errors["caption"]) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) })
        return .form(.method(.post), .action(SiteRoute.createAmplification.path), .class("stack"), .id("task-form"),
            UI.csrf(ctx.csrf),
            UI.select(l.t("Unggahan resmi", "Official post"), name: "variant", options: options, selected: input.variant, error: errors["variant"],
                      required: true, includeBlank: l.t("— pilih unggahan —", "— choose a post —")),
            .p(.class("hint"), .text(l.t("Hanya unggahan Facebook dan X: di platform itulah bagikan ulang ASN dapat diperiksa.",
                                         "Facebook and X posts only: those are the platforms where a staff share can be checked."))),
            captionField,
            .div(.class("field-row"),
                 UI.field(l.t("Tenggat (tanggal)", "Due (date)"), name: "date", value: input.date, error: errors["deadline"], type: .date, required: true),
                 UI.field(l.t("Jam", "Time"), name: "time", value: input.time, error: nil, type: .time, required: true)),
            recipients(ctx, staff: staff, tree: tree, input: input, error: errors["recipients"]),
            .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Kirim tugas", "Send task")))))
    }

    static func recipients(_ ctx: PageContext, staff: [AmplificationTasks.StaffMember], tree: UnitTree,
                           input: AmplificationController.TaskInput, error: String?) -> Node<HTML.FormContext> {
        let l = ctx.l
        let chosenUnits = Set(input.units ?? []), chosenUsers = Set(input.users ?? [])
        let staffUnits = Set(staff.map(\.unitID))
        // Units that hold staff themselves or through their sub-units, in tree order.
        let units = tree.flattened().filter { entry in staffUnits.contains { tree.isSameOrDescendant($0, of: entry.unit.id) } }
        let unitBoxes: Node<HTML.FormContext> = .forEach(units) { entry in
            let count = staff.filter { tree.isSameOrDescendant($0.unitID, of: entry.unit.id) }.count
            let box: Node<HTML.LabelContext> = checkbox(name: "units[]", value: entry.unit.id.uuidString, checked: chosenUnits)
            return .label(.class("check"), box, .text(" " + String(repeating: "· ", count: entry.depth) + entry.unit.name + l.t(" (\(count) ASN)", " (\(count) staff)")))
        }
        let personBoxes: Node<HTML.DetailsContext> = .forEach(staff) { member in
            let box: Node<HTML.DetailsContext> = checkbox(name: "users[]", value: member.user.id!.uuidString, checked: chosenUsers)
            return .element(named: "label", nodes: [.class("check"), box, .text(" " + member.user.name + " — " + (tree[member.unitID]?.name ?? ""))])
        }
        let heading: Node<HTML.FormContext> = .p(.class("field-label"), .strong(.text(l.t("Penerima: unit (beserta unit di bawahnya) atau ASN tertentu",
                                                                                         "Recipients: units (with their sub-units) or chosen staff"))))
        return .div(.id("recipients"), .class(error == nil ? "field" : "field has-error"),
            heading,
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .if(units.isEmpty, .p(.class("muted"), .text(l.t("Belum ada ASN dengan peran staf di unit Anda.", "No staff members in your units yet.")))),
            unitBoxes,
            .details(.summary(.text(l.t("Pilih ASN satu per satu", "Choose staff one by one"))), personBoxes))
    }

    static func checkbox<C>(name: String, value: String, checked: Set<String>) -> Node<C> {
        .selfClosedElement(named: "input", attributes: [.attribute(named: "type", value: "checkbox"), .attribute(named: "name", value: name),
                                                        .attribute(named: "value", value: value),
                                                        .attribute(named: "checked", value: checked.contains(value) ? "checked" : "")])
    }

    typealias MineRow = (task: AmplificationTaskModel, assignment: AmplificationAssignmentModel)

    static func mine(_ ctx: PageContext, rows: [MineRow], accounts: [AccountModel], now: Date, refused: (UUID, String, String)?) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Tugas saya", "My tasks"),
            Layout.amplificationTabs(ctx),
            .p(.class("lead"), .text(l.t("Bagikan ulang unggahan resmi dari akun pribadi Anda. Tugas selesai sendiri saat bagikan ulang Anda terpantau; bila belum, kirim tautan kiriman Anda.",
                                         "Share official posts from your personal accounts. A task completes itself when your share is seen; if it is not, send the link to your post."))),
            rows.isEmpty
                ? UI.empty(l.t("Belum ada tugas amplifikasi untuk Anda.", "You have no amplification tasks."))
                : .div(.id("my-tasks"), .forEach(rows) { row in
                    let status = row.assignment.status(deadline: row.task.deadline, now: now)
                    let own = accounts.filter { $0.platform == row.task.platform }
                    let refusal = refused.flatMap { $0.0 == row.task.id ? $0 : nil }
                    return .section(.class("tile"), .id("task-\(row.task.id!.uuidString)"),
                        .h2(.text(row.task.title), .text(" "), statusBadge(status, l)),
                        .p(postLink(row.task, l), .text(" · " + l.t("tenggat ", "due ") + l.dateTime(row.task.deadline))),
                        .if(!row.task.caption.isEmpty, .group(
                            .p(.strong(.text(l.t("Keterangan usulan:", "Suggested caption:")))),
                            .p(.class("caption-preview"), .text(row.task.caption)))),
                        .p(.class("muted"), .text(own.isEmpty
                            ? l.t("Anda belum punya akun \(row.task.platform.displayName) terdaftar. Minta admin unit mendaftarkannya, agar bagikan ulang Anda dapat diperiksa.",
                                  "You have no registered \(row.task.platform.displayName) account. Ask your unit admin to register it so your share can be checked.")
                            : l.t("Akun Anda: ", "Your accounts: ") + own.map { "@" + $0.handle }.joined(separator: ", "))),
                        status.isDone
                            ? .p(proof(row.assignment, l))
                            : .form(.method(.post), .action(SiteRoute.amplificationProof(row.task.id!).path), .class("stack"),
                                UI.csrf(ctx.csrf),
                                linkField(id: "link-\(row.task.id!.uuidString)", value: refusal?.1, error: refusal?.2 ?? row.assignment.lastRefusal,
                                          placeholder: row.task.platform == .x ? "https://x.com/akun_anda/status/…" : "https://www.facebook.com/…/posts/…", l),
                                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Kirim tautan", "Send link"))))))
                })
        )
    }

    /// One proof field per task on the page, so each needs its own id.
    static func linkField<C: HTML.BodyContext>(id: String, value: String?, error: String?, placeholder: String, _ l: L10n) -> Node<C> {
        .div(.class(error == nil ? "field" : "field has-error"),
             .label(.for(id), .text(l.t("Tautan kiriman Anda", "Link to your post"))),
             .input(.id(id), .name("link"), .type(.text), .value(value ?? ""), .required(true), .placeholder(placeholder),
                    .attribute(named: "inputmode", value: "url"), .attribute(named: "maxlength", value: "500"),
                    error != nil ? .attribute(named: "aria-describedby", value: id + "-error") : .empty),
             .unwrap(error) { .p(.class("error"), .id(id + "-error"), .attribute(named: "role", value: "alert"), .text($0)) })
    }
}
