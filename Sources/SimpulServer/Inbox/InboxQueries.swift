import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Vapor

enum Inbox {
    /// What the inbox lists: people talking to the city. Statuses and reactions are stored too,
    /// but nobody answers them.
    static let kinds: Set<MessageKind> = [.comment, .mention, .dm, .reply]

    static let maxQuery = 200

    /// The words search reads: normalised and stemmed, so "pelayanan" finds "layanan" and
    /// "gak ada air" finds "tidak ada air".
    static func searchText(_ text: String, analyzer: TextAnalyzer) -> String {
        analyzer.analyze(text)
            .filter { $0.kind == .word || $0.kind == .number || $0.kind == .hashtag || $0.kind == .mention }
            .map { $0.kind == .word ? $0.stem : String($0.text.drop { $0 == "#" || $0 == "@" }) }
            .joined(separator: " ")
    }

    /// PostgreSQL's search column for `searchText`: the words as they are (already normalised
    /// and stemmed), no language dictionary.
    static func searchVector(_ searchText: String) -> SQLExpression {
        SQLQueryString("to_tsvector('simple', \(bind: searchText))")
    }

    /// Makes a message findable: PostgreSQL keeps a tsvector beside the row, SQLite an FTS5 row.
    static func index(messageID: UUID, tenantID: UUID, searchText: String, on db: Database) async throws {
        let sql = try db.sql
        if db.isPostgres {
            try await sql.update("messages").set(SQLIdentifier("search_vector"), to: searchVector(searchText))
                .where("tenant_id", .equal, SQLBind(tenantID)).where("id", .equal, SQLBind(messageID)).run()
        } else {
            try await sql.raw("INSERT INTO messages_fts (body, tenant_id, message_id) VALUES (\(bind: searchText), \(bind: tenantID), \(bind: messageID))").run()
        }
    }
}

/// The inbox filters as typed in the page's query string or the API's.
struct InboxFilter: Content {
    var unit: String?
    var platform: String?
    var account: String?
    var kind: String?
    var state: String?
    var priority: String?
    var sentiment: String?
    var q: String?
    var from: String?
    var to: String?
    /// "me", "none", "user:<id>" or "unit:<id>".
    var assignee: String?
    var tag: String?

    static let kinds = ["comment", "mention", "dm", "whatsapp"]

    struct Parsed {
        var unitIDs: Set<UUID>
        var platform: Platform?
        var accountID: UUID?
        var kind: String?
        var state: String?
        var priority: MessagePriority?
        var sentiment: Sentiment?
        /// Stems to search for; empty for no search.
        var terms: [String]
        var from: Date?
        var until: Date?
        var assignee: Assignee?
        var tag: String?
    }

    enum Assignee: Equatable {
        case nobody
        case user(UUID)
        case unit(UUID)
    }

    /// The filter within what the person may see; a value that is not one of the choices is a 400
    /// that names the parameter.
    func parsed(_ principal: Principal, analyzer: TextAnalyzer) throws -> Parsed {
        let visible = principal.scope.units(with: .viewInbox)
        var result = Parsed(unitIDs: visible, terms: [])
        if let unit = unit.nonEmpty {
            guard let id = UUID(uuidString: unit), visible.contains(id) else { throw AppError.badRequest("unit") }
            result.unitIDs = principal.scope.tree.subtree(of: id).intersection(visible)
        }
        if let platform = platform.nonEmpty {
            guard let value = Platform(rawValue: platform) else { throw AppError.badRequest("platform") }
            result.platform = value
        }
        if let account = account.nonEmpty {
            guard let id = UUID(uuidString: account) else { throw AppError.badRequest("account") }
            result.accountID = id
        }
        if let kind = kind.nonEmpty {
            guard Self.kinds.contains(kind) else { throw AppError.badRequest("kind") }
            result.kind = kind
        }
        if let state = state.nonEmpty {
            guard MessageState(rawValue: state) != nil else { throw AppError.badRequest("state") }
            result.state = state
        }
        if let priority = priority.nonEmpty {
            guard let value = MessagePriority(rawValue: priority) else { throw AppError.badRequest("priority") }
            result.priority = value
        }
        if let sentiment = sentiment.nonEmpty {
            guard let value = Sentiment(rawValue: sentiment) else { throw AppError.badRequest("sentiment") }
            result.sentiment = value
        }
        if let q = q.nonEmpty {
            guard q.count <= Inbox.maxQuery else { throw AppError.badRequest("q") }
            result.terms = Inbox.searchText(q, analyzer: analyzer).split(separator: " ").map(String.init)
        }
        let zone = principal.tenant.zone
        if let from = from.nonEmpty {
            guard let date = Self.day(from, zone: zone) else { throw AppError.badRequest("from") }
            result.from = date
        }
        if let to = to.nonEmpty {
            guard let date = Self.day(to, zone: zone) else { throw AppError.badRequest("to") }
            result.until = date.addingTimeInterval(24 * 3600)
        }
        if let from = result.from, let until = result.until, until <= from { throw AppError.badRequest("to") }
        if let assignee = assignee.nonEmpty {
            if assignee == "me" {
                result.assignee = .user(principal.userID)
            } else if assignee == "none" {
                result.assignee = .nobody
            } else if assignee.hasPrefix("user:"), let id = UUID(uuidString: String(assignee.dropFirst(5))) {
                result.assignee = .user(id)
            } else if assignee.hasPrefix("unit:"), let id = UUID(uuidString: String(assignee.dropFirst(5))) {
                result.assignee = .unit(id)
            } else {
                throw AppError.badRequest("assignee")
            }
        }
        if let tag = tag.nonEmpty {
            guard let value = try? MessageTag.normalize(tag) else { throw AppError.badRequest("tag") }
            result.tag = value
        }
        return result
    }

    /// Midnight of "yyyy-MM-dd" in the tenant's zone.
    static func day(_ text: String, zone: TimeZone) -> Date? {
        guard CalendarDay.isValid(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// The filter as a query string, for the next page.
    func query(cursor: String?) -> String {
        var components = URLComponents()
        components.queryItems = [("unit", unit), ("platform", platform), ("account", account), ("kind", kind), ("state", state),
                                 ("priority", priority), ("sentiment", sentiment), ("q", q), ("from", from), ("to", to), ("assignee", assignee), ("tag", tag), ("cursor", cursor)]
            .compactMap { name, value in value.nonEmpty.map { URLQueryItem(name: name, value: $0) } }
        return components.percentEncodedQuery ?? ""
    }
}

enum InboxQueries {
    /// Up to this many matching messages, SQLite reads a search's matches first; above it, it
    /// walks the newest messages and tests each (see `page`).
    static let searchFirstLimit = 5_000

    /// How many indexed messages (all tenants together) match, counted no further than
    /// `limit + 1`: enough to choose the plan, at a cost bounded by the limit, not the table.
    static func searchMatches(_ match: String, upTo limit: Int, on sql: SQLDatabase) async throws -> Int {
        let cap = limit == .max ? limit : limit + 1
        let row = try await sql.raw("""
            SELECT count(*) AS n FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH \(bind: match) LIMIT \(bind: cap))
            """).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Newest first, keyset-paged on (received_at, id); the unit comes from the message's account.
    static func page(_ filter: InboxFilter.Parsed, tenantID: UUID, request: PageRequest, searchFirstLimit: Int = searchFirstLimit,
                     on db: Database) async throws -> Page<MessageModel> {
        guard !filter.unitIDs.isEmpty else { return Page(items: [], next: nil) }
        let sql = try db.sql
        var select = sql.select()
            .column(SQLColumn("id", table: "messages"))
            .column(SQLColumn("received_at", table: "messages"))
            .from("messages")
            .join("accounts", method: SQLJoinMethod.inner,
                  on: SQLQueryString("accounts.tenant_id = messages.tenant_id AND accounts.id = messages.account_id"))
            .where(SQLColumn("tenant_id", table: "messages"), .equal, SQLBind(tenantID))
            .where(SQLColumn("unit_id", table: "accounts"), .in, SQLBind.group(Array(filter.unitIDs)))
        switch filter.kind {
        case "whatsapp":
            select = select.where(SQLColumn("platform", table: "messages"), .equal, SQLBind(Platform.whatsapp.rawValue))
                .where(SQLColumn("kind", table: "messages"), .equal, SQLBind("dm"))
        case let kind?:
            select = select.where(SQLColumn("kind", table: "messages"), .equal, SQLBind(kind))
        case nil:
            select = select.where(SQLColumn("kind", table: "messages"), .in, SQLBind.group(Inbox.kinds.map(\.rawValue).sorted()))
        }
        if let platform = filter.platform { select = select.where(SQLColumn("platform", table: "messages"), .equal, SQLBind(platform.rawValue)) }
        if let account = filter.accountID { select = select.where(SQLColumn("account_id", table: "messages"), .equal, SQLBind(account)) }
        if let state = filter.state { select = select.where(SQLColumn("state", table: "messages"), .equal, SQLBind(state)) }
        if let priority = filter.priority { select = select.where(SQLColumn("priority", table: "messages"), .equal, SQLBind(priority.rawValue)) }
        if let sentiment = filter.sentiment { select = select.where(SQLColumn("sentiment", table: "messages"), .equal, SQLBind(sentiment.rawValue)) }
        switch filter.assignee {
        case .nobody:
            select = select.where(SQLColumn("assignee_user_id", table: "messages"), .is, SQLLiteral.null)
                .where(SQLColumn("assignee_unit_id", table: "messages"), .is, SQLLiteral.null)
        case .user(let id): select = select.where(SQLColumn("assignee_user_id", table: "messages"), .equal, SQLBind(id))
        case .unit(let id): select = select.where(SQLColumn("assignee_unit_id", table: "messages"), .equal, SQLBind(id))
        case nil: break
        }
        if let tag = filter.tag {
            select = select.where(SQLQueryString("messages.id IN (SELECT message_id FROM message_tags WHERE tenant_id = \(bind: tenantID) AND tag = \(bind: tag))"))
        }
        if let from = filter.from { select = select.where(SQLColumn("received_at", table: "messages"), .greaterThanOrEqual, SQLBind(from)) }
        if let until = filter.until { select = select.where(SQLColumn("received_at", table: "messages"), .lessThan, SQLBind(until)) }
        if !filter.terms.isEmpty {
            if db.isPostgres {
                select = select.where(SQLQueryString("messages.search_vector @@ plainto_tsquery('simple', \(bind: filter.terms.joined(separator: " ")))"))
            } else {
                // Every term, each quoted, so nothing in them reads as FTS5 syntax.
                let match = filter.terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }.joined(separator: " ")
                if try await searchMatches(match, upTo: searchFirstLimit, on: sql) <= searchFirstLimit {
                    // A rare word: read its few matches, then sort them.
                    select = select.where(SQLQueryString("messages.id IN (SELECT message_id FROM messages_fts WHERE messages_fts MATCH \(bind: match) AND tenant_id = \(bind: tenantID))"))
                } else {
                    // A common word: walk the newest messages and test each one's own search
                    // words, stopping at a page; reading all its matches would grow with the
                    // table (and so would an FTS5 lookup per message, which loads the word's
                    // whole list of matches each time).
                    for term in filter.terms {
                        select = select.where(SQLQueryString("instr(' ' || messages.search_text || ' ', \(bind: " " + term + " ")) > 0"))
                    }
                }
            }
        }
        if let after = request.after {
            let (lower, upper) = try after.timeWindow()
            select = select.where(SQLQueryString("(messages.received_at < \(bind: lower) OR (messages.received_at <= \(bind: upper) AND messages.id < \(bind: after.id)))"))
        }
        let rows = try await select
            .orderBy(SQLOrderBy(expression: SQLColumn("received_at", table: "messages"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "messages"), direction: SQLDirection.descending))
            .limit(request.limit + 1)
            .all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let loaded = try await MessageModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ Array(ids.prefix(request.limit))).all()
        let byID: [UUID: MessageModel] = Dictionary(uniqueKeysWithValues: loaded.map { ($0.id!, $0) })
        let items = ids.prefix(request.limit).compactMap { byID[$0] }
        let next = rows.count > request.limit ? items.last.map { PageCursor(time: $0.receivedAt, id: $0.id!) } : nil
        return Page(items: items, next: next)
    }
}
