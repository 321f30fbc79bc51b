import Fluent
import Foundation
import Plot
import SimpulCore
import SimpulPlatforms
import Vapor

/// Kotak Masuk: every comment, mention, DM and WhatsApp message on the accounts in scope,
/// newest first, with filters and search over normalised Indonesian.
enum InboxController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.inbox, list)
        routes.add(.inboxEvents, InboxEvents.stream)
        routes.add(.apiInbox) { req in
            let principal = try req.requirePrincipal()
            let (page, accounts) = try await load(req, principal)
            let tags = try await TagController.tags(of: page.items.map { $0.id! }, tenantID: principal.tenantID, on: req.db)
            return APIList(data: page.items.map { APIInboxMessage($0, account: $0.accountID.flatMap { accounts[$0] }, tags: tags[$0.id!] ?? []) },
                           next_cursor: page.next?.token)
        }
    }

    static let analyzer = TextAnalyzer()

    static func load(_ req: Request, _ principal: Principal) async throws -> (Page<MessageModel>, [UUID: AccountModel]) {
        let filter = try req.query.decode(InboxFilter.self).parsed(principal, analyzer: analyzer)
        let page = try await InboxQueries.page(filter, tenantID: principal.tenantID, request: try PageRequest(req), on: req.db)
        let ids = Set(page.items.compactMap(\.accountID))
        let accounts = ids.isEmpty ? [] : try await AccountModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ Array(ids)).all()
        return (page, Dictionary(uniqueKeysWithValues: accounts.map { ($0.id!, $0) }))
    }

    static func list(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let filter = try req.query.decode(InboxFilter.self)
        let (page, accounts) = try await load(req, principal)
        let visible = principal.scope.units(with: .viewInbox)
        let units = principal.scope.tree.flattened().filter { visible.contains($0.unit.id) }
            .map { ($0.unit.id, String(repeating: "  ", count: $0.depth) + $0.unit.name) }
        let next = page.next.map { SiteRoute.inbox.path + "?" + filter.query(cursor: $0.token) }
        let tags = try await TagController.tags(of: page.items.map { $0.id! }, tenantID: principal.tenantID, on: req.db)
        let known = try await TagController.known(tenantID: principal.tenantID, on: req.db)
        let assignees = principal.scope.units(with: .replyInbox).isEmpty ? [] : try await BulkController.assignees(principal, on: req.db, req.l10n)
        let ids = page.items.map { $0.id! }
        let hoaxLike = ids.isEmpty ? [] : Set(try await HoaxMatchModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$messageID ~~ ids).all(\.$messageID))
        return InboxPages.list(PageContext(req), InboxPages.ListModel(messages: page.items, accounts: accounts, tags: tags, knownTags: known,
                                                                     assignees: assignees, filter: filter, units: units, now: req.now, next: next,
                                                                     hoaxLike: hoaxLike))
    }
}

struct APIInboxMessage: Content {
    let id: UUID
    let platform: Platform
    let kind: MessageKind
    let account_id: UUID?
    let account_handle: String?
    let author_name: String?
    let author_handle: String?
    let text: String?
    let state: MessageState
    let priority: MessagePriority?
    let sentiment: Sentiment?
    let due_at: Date?
    let received_at: Date
    let occurred_at: Date?
    let first_response_at: Date?
    let resolved_at: Date?
    let tags: [String]

    init(_ message: MessageModel, account: AccountModel?, tags: [String]) {
        id = message.id!
        platform = message.platform
        kind = message.kind
        account_id = message.accountID
        account_handle = account?.handle
        author_name = message.authorName
        author_handle = message.authorHandle
        text = message.text
        state = message.state
        priority = message.priority
        sentiment = message.sentiment
        due_at = message.dueAt
        received_at = message.receivedAt
        occurred_at = message.occurredAt
        first_response_at = message.firstResponseAt
        resolved_at = message.resolvedAt
        self.tags = tags
    }
}
