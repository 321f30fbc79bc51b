import Fluent
import Foundation
import SimpulCore
import Vapor

/// Acting on many inbox messages at once: take them, close them, or mark them spam.
enum BulkController {
    static func register(_ routes: RouteCatalog) {
        routes.add("inbox.bulk", .POST, "/inbox/bulk", .web, .permission(.replyInbox), apply)
    }

    struct Input: Content {
        var ids: [String]?
        var action: String?
    }

    static let actions = ["assignToMe", "close", "spam"]
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
            for message in allowed {
                switch action {
                case "assignToMe":
                    message.assigneeUserID = principal.userID
                    message.assigneeUnitID = nil
                    if message.state == "new" { message.state = "assigned" }
                case "close": message.state = "closed"
                default: message.state = "spam"
                }
                try await message.save(on: db)
            }
            try await Auditor.record(req.auditActor(principal), on: db, action: "inbox.bulk", targetType: "message", targetID: nil,
                                     label: action, after: ["action": action, "messages": String(allowed.count)])
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
