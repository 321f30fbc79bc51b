import Fluent
import Foundation
import SimpulCore
import Vapor

/// Acting on many inbox messages at once: take them, close them, mark them spam, or label them.
enum BulkController {
    static func register(_ routes: RouteCatalog) {
        routes.add("inbox.bulk", .POST, "/inbox/bulk", .web, .permission(.replyInbox), apply)
    }

    struct Input: Content {
        var ids: [String]?
        var action: String?
        var tag: String?
    }

    static let actions = ["assignToMe", "close", "spam", "tag"]
    static let maxMessages = 200

    static func apply(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(Input.self)
        let l = req.l10n
        let back = req.headers.first(name: .referer).flatMap { URL(string: $0)?.path == Paths.inbox ? $0 : nil } ?? Paths.inbox
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
        let messages = try await MessageModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ ids).all()
        let accountIDs = Set(messages.compactMap(\.accountID))
        let accounts = accountIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await AccountModel.query(on: req.db)
            .filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ Array(accountIDs)).all().map { ($0.id!, $0) })
        // Only messages the person may work on; the others are left as they are and counted.
        let allowed = messages.filter { message in
            message.accountID.flatMap { accounts[$0] }.map { principal.scope.allows(.replyInbox, on: $0.unitID) } ?? false
        }
        var events: [InboxEvent] = []
        try await req.db.transaction { db in
            if let tag {
                try await TagController.attach(tag, to: allowed.map { $0.id! }, tenantID: principal.tenantID, userID: principal.userID, at: req.now, on: db)
            }
            for message in allowed where tag == nil {
                switch action {
                case "assignToMe":
                    message.assigneeUserID = principal.userID
                    message.assigneeUnitID = nil
                    if message.state == "new" { message.state = "assigned" }
                case "close": message.move(to: "closed", at: req.now)
                default: message.move(to: "spam", at: req.now)
                }
                try await message.save(on: db)
            }
            try await Auditor.record(req.auditActor(principal), on: db, action: "inbox.bulk", targetType: "message", targetID: nil,
                                     label: action, after: ["action": action, "messages": String(allowed.count), "tag": tag ?? ""])
        }
        for message in allowed {
            if let unit = message.accountID.flatMap({ accounts[$0]?.unitID }) {
                events.append(InboxEvent(tenant: principal.tenantID, message: message.id!, unit: unit, change: "updated"))
            }
        }
        try await InboxEvents.publish(events, app: req.application, on: req.db)
        let skipped = ids.count - allowed.count
        let done = l.t("\(allowed.count) pesan diperbarui.", "\(allowed.count) messages updated.")
        return .seeOther(back, flash: skipped == 0 ? done : done + l.t(" \(skipped) dilewati (di luar wewenang Anda).", " \(skipped) skipped (outside your reach)."))
    }
}
