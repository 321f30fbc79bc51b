import Fluent
import Foundation
import SimpulCore
import Vapor

/// Acting on many inbox messages at once: take them, assign them, close them, mark them spam,
/// or label them.
enum BulkController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.inboxBulk, apply)
    }

    struct Input: Content {
        var ids: [String]?
        var action: String?
        var tag: String?
        /// For "assign": "user:<id>" or "unit:<id>", and why, when a message changes hands.
        var assign_to: String?
        var reason: String?
    }

    static let actions = ["assignToMe", "assign", "close", "spam", "tag"]

    /// Who the inbox's bulk "assign" offers: the units in the person's inbox scope, and the
    /// people who can answer messages somewhere in it.
    static func assignees(_ principal: Principal, on db: Database, _ l: L10n) async throws -> [(String, String)] {
        let visible = principal.scope.units(with: .viewInbox)
        let people = try await UserQueries.people(tenantID: principal.tenantID, holding: .replyInbox, on: visible, on: db)
            .map { ("user:\($0.id)", $0.name) }
        let units = principal.scope.tree.flattened().filter { visible.contains($0.unit.id) && $0.unit.active }
            .map { ("unit:\($0.unit.id)", l.t("Unit: ", "Unit: ") + $0.unit.name) }
        return people + units
    }
    static let maxMessages = 200

    static func apply(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(Input.self)
        let l = req.l10n
        let back = LocalPath.localReferer(req.headers.first(name: .referer), path: SiteRoute.inbox.path) ?? SiteRoute.inbox.path
        guard let action = input.action, actions.contains(action) else { throw AppError.badRequest("action") }
        let raw = input.ids ?? []
        let ids = raw.compactMap(UUID.init(uuidString:))
        guard ids.count == raw.count, ids.count <= maxMessages else { throw AppError.badRequest("ids") }
        guard !ids.isEmpty else { return .seeOther(back, flash: l.t("Pilih minimal satu pesan.", "Select at least one message.")) }
        let tag: String?
        if action == "tag" {
            do { tag = try MessageTag.normalize(input.tag ?? "") } catch { return .seeOther(back, flash: TagController.problem(error, l)) }
        } else {
            tag = nil
        }
        var target: (user: UUID?, unit: UUID?)?
        if action == "assign" {
            let value = input.assign_to.nonEmpty ?? ""
            if value.hasPrefix("user:"), let id = UUID(uuidString: String(value.dropFirst(5))) {
                target = (id, nil)
            } else if value.hasPrefix("unit:"), let id = UUID(uuidString: String(value.dropFirst(5))),
                      principal.scope.allows(.viewInbox, on: id), principal.scope.tree.units[id]?.active == true {
                target = (nil, id)
            } else {
                return .seeOther(back, flash: l.t("Pilih orang atau unit yang akan ditugaskan.", "Choose the person or unit to assign."))
            }
        }
        let messages = try await MessageModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ ids).all()
        let accountIDs = Set(messages.compactMap(\.accountID))
        let accounts = accountIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await AccountModel.query(on: req.db)
            .filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ Array(accountIDs)).all().map { ($0.id!, $0) })
        // Only messages the person may work on; the others are left as they are and counted.
        var allowed = messages.filter { message in
            message.accountID.flatMap { accounts[$0] }.map { principal.scope.allows(.replyInbox, on: $0.unitID) } ?? false
        }
        if let user = target?.user {
            // A person takes only messages of accounts where they can answer.
            let entry = try await UserQueries.find(user, tenantID: principal.tenantID, on: req.db)
            allowed = allowed.filter { message in
                guard let entry, entry.user.active, let unit = message.accountID.flatMap({ accounts[$0]?.unitID }) else { return false }
                let lineage = Set(principal.scope.tree.lineage(of: unit))
                return entry.memberships.contains { lineage.contains($0.unitID) && $0.role.permissions.contains(.replyInbox) }
            }
        }
        if let target, input.reason.nonEmpty == nil, allowed.contains(where: { message in
            let current = (message.assigneeUserID, message.assigneeUnitID)
            return (current.0 != nil || current.1 != nil) && (current.0 != target.user || current.1 != target.unit)
        }) {
            return .seeOther(back, flash: l.t("Sebagian pesan sudah ditugaskan ke orang lain: tulis alasan untuk mengalihkannya.",
                                              "Some messages are already assigned to someone else: give a reason to reassign them."))
        }
        let (chosen, assignee) = (allowed, target)
        var events: [InboxEvent] = []
        try await req.db.transaction { db in
            if let tag {
                try await TagController.attach(tag, to: chosen.map { $0.id! }, tenantID: principal.tenantID, userID: principal.userID, at: req.now, on: db)
            }
            for message in chosen where tag == nil {
                switch action {
                case "assignToMe":
                    message.assigneeUserID = principal.userID
                    message.assigneeUnitID = nil
                    if message.state == .new { message.state = .assigned }
                case "assign":
                    message.assigneeUserID = assignee?.user
                    message.assigneeUnitID = assignee?.unit
                    if message.state == .new { message.state = .assigned }
                case "close": message.move(to: .closed, at: req.now)
                default: message.move(to: .spam, at: req.now)
                }
                try await message.save(on: db)
            }
            try await Auditor.record(req.auditActor(principal), on: db, action: .inboxBulk, targetType: .message, targetID: nil,
                                     label: action, after: ["action": action, "messages": String(chosen.count), "tag": tag ?? "",
                                                                    "assignee": input.assign_to ?? "", "reason": String((input.reason ?? "").prefix(500))])
        }
        for message in allowed {
            if let unit = message.accountID.flatMap({ accounts[$0]?.unitID }) {
                events.append(InboxEvent(tenant: principal.tenantID, message: message.id!, unit: unit, change: "updated"))
            }
        }
        try await InboxEvents.publish(events, app: req.application, on: req.db)
        let skipped = ids.count - allowed.count
        let done = l.t("\(allowed.count) pesan diperbarui.", "\(allowed.count) messages updated.")
        return .seeOther(back, flash: skipped == 0 ? done : done + l.t(" \(skipped) dilewati (di luar wewenang Anda atau orang yang ditugaskan).",
                                                                              " \(skipped) skipped (outside your reach or the assignee's)."))
    }
}
