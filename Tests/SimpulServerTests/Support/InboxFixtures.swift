import Fluent
import Foundation
import SimpulCore
import VaporTesting
@testable import SimpulServer

/// Inbox rows the route tests act on: a resident's comment on tenant A's account on OPD-A.
enum InboxFixtures {
    static func message(_ world: World, app: Application) async throws -> MessageModel {
        if let existing = try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$externalID == "matrix-comment").first() {
            return existing
        }
        return try await comment(world, app: app, account: world.account, externalID: "matrix-comment", text: "Min, jalan depan pasar berlubang")
    }

    /// A new, untriaged resident's comment on `account`.
    static func comment(_ world: World, app: Application, account: AccountModel, externalID: String, text: String) async throws -> MessageModel {
        let message = MessageModel()
        message.id = UUID()
        message.tenantID = world.tenantA.id!
        message.accountID = account.id
        message.platform = account.platform
        message.kind = .comment
        message.externalID = externalID
        message.accountRef = account.handle
        message.authorID = "warga-1"
        message.authorName = "Warga Satu"
        message.text = text
        message.media = JSONText([])
        message.threadRef = "post-1"
        message.receivedAt = app.clock.now()
        message.detail = JSONText([:])
        message.raw = "{}"
        message.state = .new
        try await message.create(on: app.db)
        return message
    }

    static func failedReply(_ message: MessageModel, app: Application) async throws -> MessageReplyModel {
        let reply = MessageReplyModel()
        reply.id = UUID()
        reply.tenantID = message.tenantID
        reply.messageID = message.id!
        reply.authorName = "Operator"
        reply.text = "Terima kasih laporannya"
        reply.status = .failed
        reply.attempts = 1
        reply.createdAt = app.clock.now()
        try await reply.create(on: app.db)
        return reply
    }
}

extension JSONText {
    /// The text as stored in the column, for tests that look for a value anywhere in it.
    var storedText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? ""
    }
}
