import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Follow-up on one message: its state (closed, spam), the operator's corrections of priority
/// and sentiment (kept for evaluating the rules), and assignment to a person or a unit.
enum TriageController {
    static func register(_ routes: RouteCatalog) {
        routes.add(SiteRoute.triage, update)
    }

    struct Input: Content {
        var state: String?
        var priority: String?
        var sentiment: String?
        /// "" for nobody, "user:<id>" or "unit:<id>".
        var assignee: String?
        var reason: String?
    }

    /// The people who can work the message: an active inbox role on its account's unit or above.
    static func assignablePeople(for account: AccountModel, principal: Principal, on db: Database) async throws -> [(UUID, String)] {
        try await UserQueries.people(tenantID: principal.tenantID, holding: .replyInbox, on: Set(principal.scope.tree.lineage(of: account.unitID)), on: db)
            .map { ($0.id, $0.name) }
    }

    static func update(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (message, account) = try await ThreadController.load(req, principal, need: .replyInbox)
        let input = try req.content.decode(Input.self)
        let l = req.l10n
        func refuse(_ notice: String) async throws -> Response {
            try await ThreadController.show(req, principal, message, account, status: .unprocessableEntity, notice: notice)
        }
        var changes: [String: String] = [:]
        var before: [String: String] = [:]
        var corrections: [(field: String, from: String?, to: String)] = []

        if let value = input.state.nonEmpty, value != message.state.rawValue {
            guard let state = MessageState(rawValue: value) else { return try await refuse(l.t("Status tidak dikenal.", "Unknown state.")) }
            before["state"] = message.state.rawValue
            changes["state"] = value
            message.move(to: state, at: req.now)
        }
        if let value = input.priority.nonEmpty, value != message.priority?.rawValue {
            guard let priority = MessagePriority(rawValue: value) else { return try await refuse(l.t("Prioritas tidak dikenal.", "Unknown priority.")) }
            corrections.append(("priority", message.priority?.rawValue, value))
            before["priority"] = message.priority?.rawValue ?? ""
            changes["priority"] = value
            message.priority = priority
            let sla = try await SLAService.load(tenant: principal.tenant, on: req.db)
            message.dueAt = sla.policy.due(priority: priority, received: message.receivedAt, calendar: sla.calendar)
        }
        if let value = input.sentiment.nonEmpty, value != message.sentiment?.rawValue {
            guard let sentiment = Sentiment(rawValue: value) else { return try await refuse(l.t("Sentimen tidak dikenal.", "Unknown sentiment.")) }
            corrections.append(("sentiment", message.sentiment?.rawValue, value))
            before["sentiment"] = message.sentiment?.rawValue ?? ""
            changes["sentiment"] = value
            message.sentiment = sentiment
        }
        if let assignee = input.assignee {
            let current = message.assigneeUserID.map { "user:\($0)" } ?? message.assigneeUnitID.map { "unit:\($0)" } ?? ""
            if assignee != current {
                var user: UUID?, unit: UUID?
                if assignee.hasPrefix("user:") {
                    guard let id = UUID(uuidString: String(assignee.dropFirst(5))),
                          try await assignablePeople(for: account, principal: principal, on: req.db).contains(where: { $0.0 == id }) else {
                        return try await refuse(l.t("Orang itu tidak dapat menangani pesan akun ini.", "That person cannot handle this account's messages."))
                    }
                    user = id
                } else if assignee.hasPrefix("unit:") {
                    guard let id = UUID(uuidString: String(assignee.dropFirst(5))), principal.scope.allows(.viewInbox, on: id),
                          principal.scope.tree.units[id]?.active == true else {
                        return try await refuse(l.t("Unit itu tidak dikenal atau di luar cakupan Anda.", "That unit is unknown or outside your scope."))
                    }
                    unit = id
                } else if !assignee.isEmpty {
                    return try await refuse(l.t("Penugasan tidak dikenal.", "Unknown assignee."))
                }
                // Taking a message away from someone needs a word why.
                if !current.isEmpty, input.reason.nonEmpty == nil {
                    return try await refuse(l.t("Tulis alasan untuk mengalihkan tugas pesan ini.", "Give a reason to reassign this message."))
                }
                before["assignee"] = current
                changes["assignee"] = assignee
                message.assigneeUserID = user
                message.assigneeUnitID = unit
                if message.state == .new, user != nil || unit != nil { message.state = .assigned }
            }
        }
        guard !changes.isEmpty else { return .seeOther(SiteRoute.thread(message.id!).path, flash: l.t("Tidak ada yang berubah.", "Nothing changed.")) }
        if let reason = input.reason.nonEmpty { changes["reason"] = String(reason.prefix(500)) }
        let (after, previous, corrected) = (changes, before, corrections)
        try await req.db.transaction { db in
            try await message.save(on: db)
            for correction in corrected {
                let row = TriageCorrectionModel()
                row.id = UUID()
                row.tenantID = principal.tenantID
                row.messageID = message.id!
                row.field = correction.field
                row.fromValue = correction.from
                row.toValue = correction.to
                row.text = message.text ?? ""
                row.userID = principal.userID
                row.createdAt = req.now
                try await row.create(on: db)
            }
            try await Auditor.record(req.auditActor(principal), on: db, action: .inboxUpdate, targetType: .message, targetID: message.id,
                                     label: String((message.text ?? message.kind.rawValue).prefix(120)), before: previous, after: after)
        }
        try await InboxEvents.publish([InboxEvent(tenant: principal.tenantID, message: message.id!, unit: account.unitID, change: "updated")],
                                      app: req.application, on: req.db)
        return .seeOther(SiteRoute.thread(message.id!).path, flash: l.t("Tindak lanjut disimpan.", "Follow-up saved."))
    }
}
