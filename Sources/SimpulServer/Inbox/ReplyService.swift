import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Sends a reply through the account's connector: a comment answers the comment, a Messenger or
/// Instagram DM goes back to its sender, a WhatsApp message to the sender's number. Direct
/// messages are only answered inside the platforms' 24-hour customer-service window.
enum ReplyService {
    enum Route: Equatable {
        /// Answer under the comment, post, tweet or video comment with this id.
        case thread(String)
        /// A Messenger or Instagram direct message to this person.
        case directMessage(String)
        /// A WhatsApp text to this number.
        case whatsapp(String)
    }

    enum Refusal: Error, Equatable {
        case notAnswerable
        case windowClosed
        case noRecipient

        func message(_ l: L10n) -> String {
            switch self {
            case .notAnswerable: l.t("Pesan jenis ini tidak bisa dibalas dari Simpul.", "This kind of message cannot be answered from Simpul.")
            case .windowClosed: l.t("Lebih dari 24 jam sejak pesan terakhir warga: platform hanya mengizinkan templat yang sudah disetujui. Di WhatsApp, pilih templat di bawah; di platform lain, hubungi warga lewat kanal lain.",
                                    "More than 24 hours since the resident's last message: only approved templates may be sent. On WhatsApp, choose a template below; elsewhere, reach the resident another way.")
            case .noRecipient: l.t("Pengirim pesan tidak diketahui, jadi balasan tidak bisa dikirim.", "The sender is unknown, so the reply cannot be sent.")
            }
        }
    }

    /// The platforms' customer-service window for free-text direct messages.
    static let window: TimeInterval = 24 * 3600
    static let maxText = 2_000

    static func route(for message: MessageModel) throws(Refusal) -> Route {
        switch (message.platform, message.kind) {
        case (.whatsapp, .dm):
            guard let number = message.authorID, !number.isEmpty else { throw .noRecipient }
            return .whatsapp(number)
        case (_, .dm):
            guard let sender = message.authorID, !sender.isEmpty else { throw .noRecipient }
            return .directMessage(sender)
        case (_, .comment), (_, .reply), (_, .mention):
            return .thread(message.externalID)
        default:
            throw .notAnswerable
        }
    }

    /// For direct messages: the resident wrote to this account within the last 24 hours.
    static func windowOpen(_ message: MessageModel, now: Date, on db: Database) async throws -> Bool {
        guard message.kind == .dm, let author = message.authorID else { return true }
        let latest = try await MessageModel.query(on: db)
            .filter(\.$tenantID == message.tenantID)
            .filter(\.$platform == message.platform)
            .filter(\.$authorID == author)
            .filter(\.$accountID == message.accountID)
            .sort(\.$receivedAt, .descending)
            .first()
        return (latest?.receivedAt ?? message.receivedAt) > now.addingTimeInterval(-window)
    }

    /// Calls the platform and records the outcome on `reply` (sent with its platform id, or
    /// failed with a reason to show) and, when sent, on the message.
    static func deliver(_ reply: MessageReplyModel, message: MessageModel, account: AccountModel, route: Route, app: Application,
                        l: L10n, now: Date, on db: Database) async throws {
        reply.attempts += 1
        do {
            let connector = try AccountConnector.make(for: account, app: app)
            let platformID: String
            switch route {
            case .whatsapp(let number) where reply.template != nil:
                guard let whatsapp = connector as? WhatsAppConnector, let template = reply.template else { throw Refusal.notAnswerable }
                platformID = try await whatsapp.send(.template(name: template.name, language: template.language, parameters: template.parameters), to: number,
                                                idempotencyKey: reply.id!.uuidString)
            case .thread(let target), .whatsapp(let target):
                guard let replying = connector as? any ReplyingConnector else { throw Refusal.notAnswerable }
                platformID = try await replying.reply(to: target, text: reply.text, idempotencyKey: reply.id!.uuidString)
            case .directMessage(let recipient):
                guard let meta = connector as? MetaGraphConnector else { throw Refusal.notAnswerable }
                platformID = try await meta.sendMessage(to: recipient, text: reply.text)
            }
            reply.status = .sent
            reply.platformID = platformID
            reply.error = nil
            reply.sentAt = now
            message.move(to: .replied, at: now)
            if message.firstResponseAt == nil { message.firstResponseAt = now }
            try await message.save(on: db)
        } catch let error as PlatformError {
            PlatformErrorEffects.apply(error, to: account, now: now)
            account.updatedAt = now
            try await account.save(on: db)
            reply.status = .failed
            reply.error = PlatformErrorEffects.describe(error, l)
        } catch let refusal as Refusal {
            reply.status = .failed
            reply.error = refusal.message(l)
        } catch {
            reply.status = .failed
            reply.error = l.t("Platform tidak terjangkau dari server ini; coba kirim ulang.", "The platform cannot be reached from this server; try again.")
        }
        try await reply.save(on: db)
    }
}
