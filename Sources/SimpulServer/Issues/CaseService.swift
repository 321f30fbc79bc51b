import Fluent
import SQLKit
import Foundation
import SimpulCore
import Vapor

/// What a case action refused, said to the person in their language.
enum CaseProblem: Error, Equatable {
    case titleMissing, titleTooLong, summaryTooLong, leadUnit, notAllowedMove(CaseStatus, CaseStatus)
    case unknownUnit, alreadyInvolved, leadIsInvolved, noteMissing, textTooLong(Int), taskTitleMissing
    case badDueDate, holdingMissing, messageUnknown, cannotCreateContent, ownerUnknown, ownerCannotWork

    func text(_ l: L10n) -> String {
        switch self {
        case .titleMissing: l.t("Judul isu belum diisi.", "The case needs a title.")
        case .titleTooLong: l.t("Judul isu paling banyak \(CaseService.titleMax) karakter.", "A case title has at most \(CaseService.titleMax) characters.")
        case .summaryTooLong: l.t("Ringkasan paling banyak \(CaseService.textMax) karakter.", "A summary has at most \(CaseService.textMax) characters.")
        case .leadUnit: l.t("Pilih unit pemimpin tempat Anda boleh mengelola isu.", "Choose a lead unit where you may manage cases.")
        case .notAllowedMove(let from, let to):
            l.t("Status tidak bisa diubah dari \(l.caseStatus(from)) ke \(l.caseStatus(to)).", "The status cannot go from \(l.caseStatus(from)) to \(l.caseStatus(to)).")
        case .unknownUnit: l.t("Unit tidak dikenal atau sudah nonaktif.", "Unknown or closed unit.")
        case .alreadyInvolved: l.t("Unit ini sudah dilibatkan.", "This unit is already involved.")
        case .leadIsInvolved: l.t("Unit pemimpin sudah memegang isu ini.", "The lead unit already runs this case.")
        case .noteMissing: l.t("Catatan belum diisi.", "The note is empty.")
        case .textTooLong(let max): l.t("Teks paling banyak \(max) karakter.", "At most \(max) characters.")
        case .taskTitleMissing: l.t("Tugas belum diisi.", "The task is empty.")
        case .badDueDate: l.t("Tenggat harus tanggal (TTTT-BB-HH).", "The due date must be a date (YYYY-MM-DD).")
        case .holdingMissing: l.t("Tulis dulu pernyataan sementara: konten klarifikasi dimulai darinya.", "Write the holding statement first: the clarification starts from it.")
        case .messageUnknown: l.t("Pesan tidak ditemukan.", "Message not found.")
        case .cannotCreateContent: l.t("Anda tidak boleh menulis konten untuk unit pemimpin isu ini.", "You may not write content for this case's lead unit.")
        case .ownerUnknown: l.t("Pengguna tidak ditemukan atau sudah nonaktif.", "User not found or deactivated.")
        case .ownerCannotWork: l.t("Penanggung jawab harus orang yang ikut menangani isu ini (unit pemimpin atau unit yang dilibatkan).",
                                   "The owner must be someone who takes part in this case (the lead unit or a unit pulled in).")
        }
    }
}

/// Every change to a case, each in one transaction with its timeline line (and its audit event
/// where the jejak audit keeps such changes).
enum CaseService {
    static let titleMax = 200
    static let textMax = 4_000

    struct Opening {
        var title: String
        var summary: String
        var leadUnitID: UUID
        var origin: CaseOrigin
        var originRef: String?
        /// Linked at once when the case is opened from a message.
        var messageID: UUID?
    }

    static func validateOpening(title: String?, summary: String?, leadUnit: String?, principal: Principal) -> Result<(String, String, UUID), CaseProblem> {
        let title = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let summary = (summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { return .failure(.titleMissing) }
        guard title.count <= titleMax else { return .failure(.titleTooLong) }
        guard summary.count <= textMax else { return .failure(.summaryTooLong) }
        guard let unit = leadUnit.flatMap(UUID.init(uuidString:)), principal.scope.allows(.manageCases, on: unit),
              principal.scope.tree[unit]?.active == true else { return .failure(.leadUnit) }
        return .success((title, summary, unit))
    }

    static func open(_ opening: Opening, principal: Principal, req: Request) async throws -> CaseModel {
        let sla = try await SLAService.load(tenant: principal.tenant, on: req.db)
        let now = req.now
        let actor = req.auditActor(principal)
        // Case numbers are the tenant's max + 1. On PostgreSQL the transaction first locks the
        // tenant's row, so openings of one tenant take their numbers in turn. SQLite has one
        // writer anyway: two openings at the same moment may still pick the same number there,
        // and the unique (tenant, number) index refuses the second, which then simply takes the
        // next one in a fresh transaction.
        return try await WriteContention.retrying(alsoRetry: { ($0 as? any DatabaseError)?.isConstraintFailure == true }) {
            try await insert(opening, principal: principal, sla: sla, now: now, actor: actor, on: req.db)
        }
    }

    private static func insert(_ opening: Opening, principal: Principal, sla: SLAService.Settings, now: Date, actor: Auditor.Actor,
                               on db: Database) async throws -> CaseModel {
        try await db.transaction { db in
            if db.isPostgres, let sql = db as? SQLDatabase {
                try await sql.raw("SELECT id FROM tenants WHERE id = \(bind: principal.tenantID) FOR UPDATE").run()
            }
            let last = try await CaseModel.query(on: db).filter(\.$tenantID == principal.tenantID).sort(\.$number, .descending).first()
            let item = CaseModel()
            item.id = UUID()
            item.tenantID = principal.tenantID
            item.number = (last?.number ?? 0) + 1
            item.title = opening.title
            item.summary = opening.summary
            item.leadUnitID = opening.leadUnitID
            item.ownerUserID = principal.userID
            item.status = .open
            item.origin = opening.origin
            item.originRef = opening.originRef
            item.openedAt = now
            item.coordinateDue = CaseClock.coordinateDue(opened: now, calendar: sla.calendar)
            item.resolveDue = CaseClock.resolveDue(opened: now, calendar: sla.calendar)
            item.createdBy = principal.userID
            item.updatedAt = now
            try await item.create(on: db)
            try await event(item, .opened, "Isu dibuka: \(item.title)", actor: actor, on: db)
            if let messageID = opening.messageID {
                try await link(.message, messageID, to: item, actor: actor, on: db)
                try await event(item, .messageLinked, "Pesan ditautkan.", actor: actor, on: db)
            }
            try await Auditor.record(actor, on: db, action: .caseOpen, targetType: .issueCase, targetID: item.id, label: item.label + " " + item.title,
                                     after: ["title": item.title, "lead_unit_id": item.leadUnitID.uuidString, "origin": item.origin.rawValue])
            return item
        }
    }

    static func move(_ item: CaseModel, to next: CaseStatus, principal: Principal, req: Request) async throws {
        guard item.status.canMove(to: next) else { throw CaseProblem.notAllowedMove(item.status, next) }
        let before = item.status
        let now = req.now
        let actor = req.auditActor(principal)
        item.status = next
        if next.isCoordinated, item.coordinatedAt == nil { item.coordinatedAt = now }
        item.closedAt = next == .closed ? now : nil
        item.updatedAt = now
        let l = L10n(language: .id, zone: principal.tenant.zone)
        try await req.db.transaction { db in
            try await item.save(on: db)
            try await event(item, .status, "Status: \(l.caseStatus(before)) → \(l.caseStatus(next)).", actor: actor, on: db)
            try await Auditor.record(actor, on: db, action: .caseStatus, targetType: .issueCase, targetID: item.id, label: item.label,
                                     before: ["status": before.rawValue], after: ["status": next.rawValue])
        }
    }

    /// Pulls a unit in (again, if it was released) and tells its people.
    static func involve(_ unitID: UUID, in item: CaseModel, principal: Principal, req: Request) async throws {
        guard let unit = principal.scope.tree[unitID], unit.active else { throw CaseProblem.unknownUnit }
        guard unitID != item.leadUnitID else { throw CaseProblem.leadIsInvolved }
        let now = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            let existing = try await CaseUnitModel.query(on: db).filter(\.$tenantID == item.tenantID).filter(\.$caseID == item.id!)
                .filter(\.$unitID == unitID).first()
            if let existing, existing.removedAt == nil { throw CaseProblem.alreadyInvolved }
            let row = existing ?? CaseUnitModel()
            if existing == nil {
                row.id = UUID()
                row.tenantID = item.tenantID
                row.caseID = item.id!
                row.unitID = unitID
            }
            row.addedAt = now
            row.addedBy = principal.userID
            row.removedAt = nil
            try await row.save(on: db)
            try await event(item, .unitAdded, "\(unit.name) dilibatkan.", actor: actor, on: db)
            try await Auditor.record(actor, on: db, action: .caseUnitAdd, targetType: .issueCase, targetID: item.id, label: item.label,
                                     after: ["unit_id": unitID.uuidString])
            try await notifyUnit(unitID, about: item, text: "Unit Anda dilibatkan dalam \(item.label): \(item.title).", except: principal.userID, at: now, on: db)
        }
    }

    static func release(_ unitID: UUID, from item: CaseModel, principal: Principal, req: Request) async throws {
        let now = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            guard let row = try await CaseUnitModel.query(on: db).filter(\.$tenantID == item.tenantID).filter(\.$caseID == item.id!)
                .filter(\.$unitID == unitID).filter(\.$removedAt == nil).first() else { throw AppError.notFound }
            row.removedAt = now
            try await row.save(on: db)
            let name = principal.scope.tree[unitID]?.name ?? unitID.uuidString
            try await event(item, .unitRemoved, "\(name) dilepas dari isu.", actor: actor, on: db)
            try await Auditor.record(actor, on: db, action: .caseUnitRemove, targetType: .issueCase, targetID: item.id, label: item.label,
                                     before: ["unit_id": unitID.uuidString])
        }
    }

    static func note(_ text: String?, on item: CaseModel, principal: Principal, req: Request) async throws {
        let text = try checked(text, missing: .noteMissing)
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await event(item, .note, text, actor: actor, on: db)
            try await touch(item, at: req.now, on: db)
        }
    }

    static func holding(_ text: String?, on item: CaseModel, principal: Principal, req: Request) async throws {
        let text = try checked(text, missing: .holdingMissing)
        let before = item.holdingStatement
        let actor = req.auditActor(principal)
        item.holdingStatement = text
        item.updatedAt = req.now
        try await req.db.transaction { db in
            try await item.save(on: db)
            try await event(item, .holding, "Pernyataan sementara: \(text)", actor: actor, on: db)
            try await Auditor.record(actor, on: db, action: .caseHolding, targetType: .issueCase, targetID: item.id, label: item.label,
                                     before: ["holding_statement": before ?? ""], after: ["holding_statement": text])
        }
    }

    static func addTask(title: String?, unit: String?, due: String?, to item: CaseModel, principal: Principal, req: Request) async throws {
        let title = try checked(title, missing: .taskTitleMissing, max: titleMax)
        var chosenUnit: UUID?
        if let typed = unit, !typed.isEmpty {
            guard let id = UUID(uuidString: typed), principal.scope.tree[id]?.active == true else { throw CaseProblem.unknownUnit }
            chosenUnit = id
        }
        let unitID = chosenUnit
        var dueAt: Date?
        if let day = due, !day.isEmpty {
            guard let date = LocalTime.instant(date: day, time: "23:59", zone: principal.tenant.zone) else { throw CaseProblem.badDueDate }
            dueAt = date
        }
        let actor = req.auditActor(principal)
        let task = CaseTaskModel()
        task.id = UUID()
        task.tenantID = item.tenantID
        task.caseID = item.id!
        task.title = title
        task.assigneeUnitID = unitID
        task.dueAt = dueAt
        task.createdAt = req.now
        let unitName = unitID.flatMap { principal.scope.tree[$0]?.name }
        try await req.db.transaction { db in
            try await task.create(on: db)
            try await event(item, .taskAdded, "Tugas: \(title)" + (unitName.map { " (\($0))" } ?? ""), actor: actor, on: db)
            try await touch(item, at: req.now, on: db)
            if let unitID {
                try await notifyUnit(unitID, about: item, text: "Tugas baru di \(item.label): \(title).", except: principal.userID, at: req.now, on: db)
            }
        }
    }

    static func completeTask(_ taskID: UUID?, of item: CaseModel, principal: Principal, req: Request) async throws {
        guard let taskID, let task = try await CaseTaskModel.query(on: req.db).filter(\.$tenantID == item.tenantID)
            .filter(\.$caseID == item.id!).filter(\.$id == taskID).first() else { throw AppError.notFound }
        guard task.doneAt == nil else { return }
        task.doneAt = req.now
        task.doneBy = principal.userID
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await task.save(on: db)
            try await event(item, .taskDone, "Selesai: \(task.title)", actor: actor, on: db)
            try await touch(item, at: req.now, on: db)
        }
    }

    /// Links a message the person can read to a case they take part in.
    static func linkMessage(_ message: MessageModel, to item: CaseModel, principal: Principal, req: Request) async throws {
        let actor = req.auditActor(principal)
        let excerpt = TextSnippet.of(message.text ?? "", length: 120)
        try await req.db.transaction { db in
            guard try await link(.message, message.id!, to: item, actor: actor, on: db) else { return }
            try await event(item, .messageLinked, "Pesan ditautkan: \"\(excerpt)\"", actor: actor, on: db)
            try await touch(item, at: req.now, on: db)
        }
    }

    /// A draft clarification in the lead unit, starting from the holding statement; it then goes
    /// through the unit's normal review, approval and publishing.
    static func draftResponse(for item: CaseModel, principal: Principal, req: Request) async throws -> ContentItemModel {
        guard let holding = item.holdingStatement, !holding.isEmpty else { throw CaseProblem.holdingMissing }
        guard principal.scope.allows(.manageContent, on: item.leadUnitID) else { throw CaseProblem.cannotCreateContent }
        let now = req.now
        let actor = req.auditActor(principal)
        let content = ContentItemModel()
        content.id = UUID()
        content.tenantID = item.tenantID
        content.unitID = item.leadUnitID
        content.title = String(("Klarifikasi: " + item.title).prefix(ContentController.titleMax))
        content.body = holding
        content.status = .draft
        content.createdBy = principal.userID
        content.createdAt = now
        content.updatedAt = now
        try await req.db.transaction { db in
            try await content.create(on: db)
            try await Auditor.record(actor, on: db, action: .contentCreate, targetType: .content, targetID: content.id, label: content.title)
            try await link(.content, content.id!, to: item, actor: actor, on: db)
            try await event(item, .contentLinked, "Konten klarifikasi dibuat: \(content.title)", actor: actor, on: db)
            try await touch(item, at: now, on: db)
        }
        return content
    }

    // MARK: Pieces

    static func checked(_ text: String?, missing: CaseProblem, max: Int = textMax) throws -> String {
        let text = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw missing }
        guard text.count <= max else { throw CaseProblem.textTooLong(max) }
        return text
    }

    /// False when the link was already there.
    @discardableResult
    static func link(_ kind: CaseLinkModel.Kind, _ targetID: UUID, to item: CaseModel, actor: Auditor.Actor, on db: Database) async throws -> Bool {
        let exists = try await CaseLinkModel.query(on: db).filter(\.$tenantID == item.tenantID).filter(\.$caseID == item.id!)
            .filter(\.$kind == kind).filter(\.$targetID == targetID).count() > 0
        guard !exists else { return false }
        let row = CaseLinkModel()
        row.id = UUID()
        row.tenantID = item.tenantID
        row.caseID = item.id!
        row.kind = kind
        row.targetID = targetID
        row.linkedAt = actor.at
        row.linkedBy = actor.userID
        try await row.create(on: db)
        return true
    }

    static func event(_ item: CaseModel, _ kind: CaseEventModel.Kind, _ text: String, actor: Auditor.Actor, on db: Database) async throws {
        let row = CaseEventModel()
        row.id = UUID()
        row.tenantID = item.tenantID
        row.caseID = item.id!
        row.at = actor.at
        row.actorID = actor.userID
        row.actorName = actor.name
        row.kind = kind
        row.text = String(text.prefix(textMax + 200))
        try await row.create(on: db)
    }

    static func touch(_ item: CaseModel, at now: Date, on db: Database) async throws {
        item.updatedAt = now
        try await item.save(on: db)
    }

    /// Everyone holding a role on the unit who may take part in cases.
    static func notifyUnit(_ unitID: UUID, about item: CaseModel, text: String, except actorID: UUID, at now: Date, on db: Database) async throws {
        let memberships = try await MembershipModel.query(on: db).filter(\.$tenantID == item.tenantID).filter(\.$unitID == unitID).all()
        let people = Set(memberships.filter { $0.role.permissions.contains(.viewCases) }.map(\.userID)).subtracting([actorID])
        try await NotificationModel.tell(people, tenantID: item.tenantID, text: text, link: .issueCase(item.id!), at: now, on: db)
    }
}
