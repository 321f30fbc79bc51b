import Fluent
import Foundation
import SimpulCore
import Vapor

/// Labels on inbox messages: added and removed in the thread view or in bulk, filtered on in
/// the inbox.
enum TagController {
    static func register(_ routes: RouteCatalog) {
        routes.add(SiteRoute.tag, add)
        routes.add(SiteRoute.untag, remove)
    }

    struct Input: Content { var tag: String? }

    static func problem(_ problem: MessageTag.Problem, _ l: L10n) -> String {
        switch problem {
        case .empty: l.t("Label belum diisi.", "The label is empty.")
        case .tooLong: l.t("Label terlalu panjang (maksimal \(MessageTag.maxLength) karakter).", "The label is too long (\(MessageTag.maxLength) characters at most).")
        case .invalidCharacters: l.t("Label hanya boleh berisi huruf, angka, spasi dan tanda hubung.", "A label may hold letters, digits, spaces and hyphens only.")
        }
    }

    static func add(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (message, account) = try await ThreadController.load(req, principal, need: .replyInbox)
        let l = req.l10n
        let tag: String
        do {
            tag = try MessageTag.normalize(try req.content.decode(Input.self).tag ?? "")
        } catch let error as MessageTag.Problem {
            return try await ThreadController.show(req, principal, message, account, status: .unprocessableEntity, notice: problem(error, l))
        }
        let existing = try await tags(of: [message.id!], tenantID: principal.tenantID, on: req.db)[message.id!] ?? []
        guard !existing.contains(tag) else { return .seeOther(SiteRoute.thread(message.id!).path, flash: l.t("Label itu sudah ada.", "That label is already there.")) }
        guard existing.count < MessageTag.maxPerMessage else {
            return try await ThreadController.show(req, principal, message, account, status: .unprocessableEntity,
                                                   notice: l.t("Satu pesan paling banyak \(MessageTag.maxPerMessage) label.", "A message takes \(MessageTag.maxPerMessage) labels at most."))
        }
        try await req.db.transaction { db in
            try await attach(tag, to: [message.id!], tenantID: principal.tenantID, userID: principal.userID, at: req.now, on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .inboxTag, targetType: .message, targetID: message.id, label: tag,
                                     after: ["tag": tag])
        }
        try await InboxEvents.publish([InboxEvent(tenant: principal.tenantID, message: message.id!, unit: account.unitID, change: "updated")],
                                      app: req.application, on: req.db)
        return .seeOther(SiteRoute.thread(message.id!).path, flash: l.t("Label \"\(tag)\" ditambahkan.", "Label \"\(tag)\" added."))
    }

    static func remove(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (message, account) = try await ThreadController.load(req, principal, need: .replyInbox)
        let l = req.l10n
        guard let tag = try? MessageTag.normalize(try req.content.decode(Input.self).tag ?? "") else { throw AppError.badRequest("tag") }
        try await req.db.transaction { db in
            try await MessageTagModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$messageID == message.id!)
                .filter(\.$tag == tag).delete()
            try await Auditor.record(req.auditActor(principal), on: db, action: .inboxUntag, targetType: .message, targetID: message.id, label: tag,
                                     before: ["tag": tag])
        }
        try await InboxEvents.publish([InboxEvent(tenant: principal.tenantID, message: message.id!, unit: account.unitID, change: "updated")],
                                      app: req.application, on: req.db)
        return .seeOther(SiteRoute.thread(message.id!).path, flash: l.t("Label \"\(tag)\" dilepas.", "Label \"\(tag)\" removed."))
    }

    /// Puts `tag` on each message that does not carry it yet.
    static func attach(_ tag: String, to messageIDs: [UUID], tenantID: UUID, userID: UUID, at now: Date, on db: Database) async throws {
        guard !messageIDs.isEmpty else { return }
        let tagged = Set(try await MessageTagModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$messageID ~~ messageIDs)
            .filter(\.$tag == tag).all().map(\.messageID))
        for id in messageIDs where !tagged.contains(id) {
            let row = MessageTagModel()
            row.id = UUID()
            row.tenantID = tenantID
            row.messageID = id
            row.tag = tag
            row.userID = userID
            row.createdAt = now
            try await row.create(on: db)
        }
    }

    /// The labels of each message, alphabetical.
    static func tags(of messageIDs: [UUID], tenantID: UUID, on db: Database) async throws -> [UUID: [String]] {
        guard !messageIDs.isEmpty else { return [:] }
        let rows = try await MessageTagModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$messageID ~~ messageIDs).sort(\.$tag).all()
        return Dictionary(grouping: rows, by: \.messageID).mapValues { $0.map(\.tag) }
    }

    /// Labels already in use in the tenant, offered as suggestions.
    static func known(tenantID: UUID, on db: Database) async throws -> [String] {
        let rows = try await (try db.sql).raw("SELECT DISTINCT tag FROM message_tags WHERE tenant_id = \(bind: tenantID) ORDER BY tag LIMIT 200").all()
        return try rows.map { try $0.decode(column: "tag", as: String.self) }
    }
}
