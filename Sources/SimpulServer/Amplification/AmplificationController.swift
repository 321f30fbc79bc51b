import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Amplifikasi → Tugas: a supervisor or unit admin hands a published official post to staff;
/// each staff member proves their share; completion shows per unit and per person.
enum AmplificationController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.amplification, list)
        routes.add(.myAmplification) { req in
            try await mine(req, status: .ok)
        }
        routes.add(.newAmplification) { req in
            try await form(req, input: TaskInput(variant: req.query[String.self, at: "variant"]), errors: [:], status: .ok)
        }
        routes.add(.createAmplification, create)
        routes.add(SiteRoute.amplificationTask, show)
        routes.add(SiteRoute.amplificationCSV, csv)
        routes.add(SiteRoute.amplificationProof, proof)
    }

    struct TaskInput: Content {
        var variant: String?
        var caption: String?
        var date: String?
        var time: String?
        var units: [String]?
        var users: [String]?
    }

    struct ProofInput: Content {
        var link: String?
    }

    static let captionLimit = 1_000
    /// The newest tasks shown; older ones stay in the database and their CSVs.
    static let listLimit = 100

    /// One task with everyone's status, as the pages and the CSV show it.
    struct Progress {
        let task: AmplificationTaskModel
        let rows: [(assignment: AmplificationAssignmentModel, name: String, unit: String, status: AssignmentStatus)]
        var total: AmplificationTally {
            rows.reduce(into: AmplificationTally()) { $0.add($1.status) }
        }
        var byUnit: [(unit: String, tally: AmplificationTally)] {
            Dictionary(grouping: rows, by: \.unit).map { unit, rows in (unit, rows.reduce(into: AmplificationTally()) { $0.add($1.status) }) }
                .sorted { $0.unit < $1.unit }
        }
    }

    static func progress(of tasks: [AmplificationTaskModel], tree: UnitTree, now: Date, on db: Database) async throws -> [UUID: Progress] {
        guard let tenantID = tasks.first?.tenantID else { return [:] }
        let assignments = try await AmplificationAssignmentModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$taskID ~~ tasks.map { $0.id! }).all()
        let users = try await UserModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ Array(Set(assignments.map(\.userID)))).all()
        let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0.name) })
        let byTask = Dictionary(grouping: assignments, by: \.taskID)
        return Dictionary(uniqueKeysWithValues: tasks.map { task in
            let rows = (byTask[task.id!] ?? []).map { assignment in
                (assignment, names[assignment.userID] ?? "—", tree[assignment.unitID]?.name ?? "—", assignment.status(deadline: task.deadline, now: now))
            }.sorted { ($0.2, $0.1) < ($1.2, $1.1) }
            return (task.id!, Progress(task: task, rows: rows))
        })
    }

    static func list(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let units = Array(principal.scope.units(with: .viewAmplification))
        let inScope = AmplificationTaskModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$unitID ~~ units)
        let total = try await inScope.copy().count()
        let tasks = try await inScope.sort(\.$createdAt, .descending).limit(listLimit).all()
        let progress = try await progress(of: tasks, tree: principal.scope.tree, now: req.now, on: req.db)
        return AmplificationPages.list(PageContext(req), tasks: tasks.compactMap { progress[$0.id!] }, total: total, now: req.now,
                                       canCreate: principal.scope.allowsSomewhere(.manageAmplification))
    }

    static func load(_ req: Request, _ principal: Principal) async throws -> AmplificationTaskModel {
        guard let id = req.parameters.get("taskID", as: UUID.self),
              let task = try await AmplificationTaskModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              principal.scope.allows(.viewAmplification, on: task.unitID) else { throw AppError.notFound }
        return task
    }

    static func show(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let task = try await load(req, principal)
        let progress = try await progress(of: [task], tree: principal.scope.tree, now: req.now, on: req.db)[task.id!]!
        return AmplificationPages.show(PageContext(req), progress)
    }

    static func csv(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let task = try await load(req, principal)
        let progress = try await progress(of: [task], tree: principal.scope.tree, now: req.now, on: req.db)[task.id!]!
        let zone = principal.tenant.zone
        var lines = ["nama,unit,status,selesai_pada,cara,bukti"]
        for row in progress.rows {
            let cells = [row.name, row.unit, row.status.label,
                         row.assignment.completedAt.map { IndonesianFormat.dateTime($0, zone: zone, english: false) } ?? "",
                         row.assignment.method.map { $0 == "link" ? "tautan" : "terpantau" } ?? "", row.assignment.proofURL ?? row.assignment.proofPostID ?? ""]
            lines.append(cells.map(CSVWriter.escape).joined(separator: ","))
        }
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                               "Content-Disposition": "attachment; filename=\"amplifikasi-\(task.id!.uuidString.prefix(8)).csv\""],
                        body: .init(string: lines.joined(separator: "\r\n") + "\r\n"))
    }

    static func form(_ req: Request, input: TaskInput, errors: [String: String], status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.requirePrincipal()
        let candidates = try await AmplificationTasks.candidates(principal, now: req.now, on: req.db)
        let staff = try await AmplificationTasks.staff(principal, on: req.db)
        var input = input
        if input.date == nil, input.time == nil {
            let fields = LocalTime.fields(of: req.now.addingTimeInterval(86_400), zone: principal.tenant.zone)
            (input.date, input.time) = (fields.date, fields.time)
        }
        return AmplificationPages.form(PageContext(req), candidates: candidates, staff: staff, tree: principal.scope.tree, input: input, errors: errors)
            .response(status)
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(TaskInput.self)
        let l = req.l10n
        var errors: [String: String] = [:]
        let candidates = try await AmplificationTasks.candidates(principal, now: req.now, on: req.db)
        let candidate = candidates.first { $0.variant.id?.uuidString == input.variant }
        if candidate == nil {
            errors["variant"] = l.t("Pilih unggahan resmi yang sudah terbit di Facebook atau X.", "Choose a published official Facebook or X post.")
        }
        let caption = Validators.trimmed(input.caption)
        if caption.count > captionLimit {
            errors["caption"] = l.t("Keterangan usulan terlalu panjang (maksimal \(captionLimit) karakter).", "The suggested caption is too long (at most \(captionLimit) characters).")
        }
        let deadline = LocalTime.instant(date: input.date ?? "", time: input.time ?? "", zone: principal.tenant.zone)
        if deadline == nil {
            errors["deadline"] = l.t("Tenggat tidak dikenali (contoh: 2026-11-25 dan 17.00).", "Deadline not recognised (e.g. 2026-11-25 and 17:00).")
        } else if let deadline, deadline <= req.now {
            errors["deadline"] = l.t("Tenggat harus setelah sekarang.", "The deadline must be in the future.")
        }
        let staff = try await AmplificationTasks.staff(principal, on: req.db)
        let rawUnits = input.units ?? [], rawUsers = input.users ?? []
        let units = Set(rawUnits.compactMap(UUID.init(uuidString:))), users = Set(rawUsers.compactMap(UUID.init(uuidString:)))
        let allowedUnits = principal.scope.units(with: .manageAmplification)
        if units.count != rawUnits.count || users.count != rawUsers.count || !units.isSubset(of: allowedUnits)
            || !users.isSubset(of: Set(staff.map { $0.user.id! })) {
            errors["recipients"] = l.t("Ada unit atau ASN yang tidak dikenal atau di luar cakupan Anda.", "Some units or staff are unknown or outside your scope.")
        }
        let recipients = AmplificationTasks.recipients(units: units, users: users, from: staff, tree: principal.scope.tree)
        if errors["recipients"] == nil, recipients.isEmpty {
            errors["recipients"] = l.t("Pilih minimal satu unit yang punya ASN, atau satu ASN.", "Choose at least one unit with staff, or one staff member.")
        }
        guard errors.isEmpty, let candidate, let deadline else {
            return try await form(req, input: input, errors: errors, status: .unprocessableEntity)
        }
        let task = try await AmplificationTasks.create(candidate, caption: caption, deadline: deadline, recipients: recipients, principal: principal,
                                                       actor: req.auditActor(principal), now: req.now, on: req.db)
        return .seeOther(SiteRoute.amplificationTask(task.id!).path,
                         flash: l.t("Tugas amplifikasi dikirim ke \(recipients.count) ASN.", "The amplification task was sent to \(recipients.count) staff."))
    }

    /// Tugas saya: the person's own tasks, open ones first, each with a place to send proof.
    static func mine(_ req: Request, status: HTTPResponseStatus, refused: (UUID, String, String)? = nil) async throws -> Response {
        let principal = try req.requirePrincipal()
        let assignments = try await AmplificationAssignmentModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$userID == principal.userID).all()
        let tasks = try await AmplificationTaskModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$id ~~ assignments.map(\.taskID)).all()
        let taskByID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id!, $0) })
        let accounts = try await AccountModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$kind == .staff)
            .filter(\.$ownerID == principal.userID).filter(\.$active == true).all()
        let rows = assignments.compactMap { assignment in taskByID[assignment.taskID].map { (task: $0, assignment: assignment) } }
            .sorted { lhs, rhs in
                let (l, r) = (lhs.assignment.completedAt == nil, rhs.assignment.completedAt == nil)
                return l != r ? l : lhs.task.deadline < rhs.task.deadline
            }
        return AmplificationPages.mine(PageContext(req), rows: rows, accounts: accounts, now: req.now, refused: refused).response(status)
    }

    static func proof(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("taskID", as: UUID.self),
              let assignment = try await AmplificationAssignmentModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
                .filter(\.$taskID == id).filter(\.$userID == principal.userID).first(),
              let task = try await AmplificationTaskModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first()
        else { throw AppError.notFound }
        let l = req.l10n
        let link = try req.content.decode(ProofInput.self).link ?? ""
        guard assignment.completedAt == nil else {
            return .seeOther(SiteRoute.myAmplification.path, flash: l.t("Tugas ini sudah selesai.", "This task is already done."))
        }
        switch try await AmplificationTasks.submitLink(link, assignment: assignment, task: task, app: req.application, now: req.now, on: req.db) {
        case .verified:
            try await Auditor.record(req.auditActor(principal), on: req.db, action: .amplificationProof, targetType: .amplificationTask,
                                     targetID: task.id, label: task.title, after: ["link": assignment.proofURL ?? ""])
            return .seeOther(SiteRoute.myAmplification.path, flash: l.t("Bagikan ulang Anda terverifikasi. Terima kasih!", "Your share is verified. Thank you!"))
        case .refused(let reason):
            return try await mine(req, status: .unprocessableEntity, refused: (task.id!, String(link.prefix(500)), reason))
        }
    }
}
