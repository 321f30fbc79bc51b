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
    /// Up to this many matching messages, a search word is rare: its matches are read first and
    /// sorted. Above it, the page's rows are read newest first and each one's words tested.
    static let searchFirstLimit = 5_000

    /// How many messages match the search, counted no further than `limit + 1`: enough to choose
    /// the plan, at a cost bounded by the limit, not the table. PostgreSQL counts the tenant's
    /// messages; SQLite's FTS5 table counts all tenants together, which can only make a word
    /// look more common than it is for one tenant (a walk, never a wrong page).
    static func searchMatches(_ search: Search, tenantID: UUID, upTo limit: Int, on db: Database) async throws -> Int {
        let sql = try db.sql
        let cap = limit == .max ? limit : limit + 1
        let inner: SQLQueryString = switch search {
        case .fts(let match): "SELECT rowid FROM messages_fts WHERE messages_fts MATCH \(bind: match) LIMIT \(bind: cap)"
        case .vector(let words): "SELECT id FROM messages WHERE tenant_id = \(bind: tenantID) AND search_vector @@ plainto_tsquery('simple', \(bind: words)) LIMIT \(bind: cap)"
        }
        let row = try await sql.raw("SELECT count(*) AS n FROM (\(inner)) AS found").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The search as each database runs it.
    enum Search {
        /// SQLite: every term quoted, so nothing in them reads as FTS5 syntax.
        case fts(String)
        /// PostgreSQL: the words for plainto_tsquery.
        case vector(String)

        init(_ terms: [String], postgres: Bool) {
            self = postgres ? .vector(terms.joined(separator: " "))
                : .fts(terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }.joined(separator: " "))
        }
    }

    /// Newest first, keyset-paged on (received_at, id), as `InboxPlan` chooses to read it.
    static func page(_ filter: InboxFilter.Parsed, tenantID: UUID, request: PageRequest, searchFirstLimit: Int = searchFirstLimit,
                     on db: Database) async throws -> Page<MessageModel> {
        let empty = Page<MessageModel>(items: [], next: nil)
        guard !filter.unitIDs.isEmpty else { return empty }
        var filter = filter
        if filter.kind == "whatsapp" {
            // WhatsApp's messages are the DMs of WhatsApp accounts.
            guard filter.platform == nil || filter.platform == .whatsapp else { return empty }
            filter.platform = .whatsapp
        }
        let accounts = try await AccountQueries.facts(tenantID: tenantID, on: db)
        let tenantAccounts = accounts.map { InboxPlan.AccountFacts(id: $0.id, platform: $0.platform) }
        let visible = accounts.filter { account in
            filter.unitIDs.contains(account.unitID) && (filter.platform.map { account.platform == $0 } ?? true)
                && (filter.accountID.map { account.id == $0 } ?? true)
        }.map { InboxPlan.AccountFacts(id: $0.id, platform: $0.platform) }
        guard !visible.isEmpty else { return empty }
        let search = filter.terms.isEmpty ? nil : Search(filter.terms, postgres: db.isPostgres)
        var rare = false
        if let search { rare = try await searchMatches(search, tenantID: tenantID, upTo: searchFirstLimit, on: db) <= searchFirstLimit }
        let plan = InboxPlan.choose(filter, tenantAccounts: tenantAccounts, visible: visible, limit: request.limit, searchIsRare: rare)
        let statement = Statement(filter: filter, tenantID: tenantID, request: request, search: search, searchIsRare: rare, postgres: db.isPostgres)
        let sql = try db.sql
        var rows = try await statement.read(plan.first, on: sql)
        if rows.count <= request.limit, let then = plan.then, rows.walkWasCut {
            rows = try await statement.read(then, on: sql)
        }
        let ids = rows.ids
        let loaded = try await MessageModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ Array(ids.prefix(request.limit))).all()
        let byID: [UUID: MessageModel] = Dictionary(uniqueKeysWithValues: loaded.map { ($0.id!, $0) })
        let items = ids.prefix(request.limit).compactMap { byID[$0] }
        let next = ids.count > request.limit ? items.last.map { PageCursor(time: $0.receivedAt, id: $0.id!) } : nil
        return Page(items: items, next: next)
    }

    /// The ids of a page's rows, and whether a bounded walk stopped before the table's end.
    struct Rows {
        var ids: [UUID]
        var walkWasCut = false
        var count: Int { ids.count }
    }

    /// The SQL of one read of `InboxPlan`.
    struct Statement {
        let filter: InboxFilter.Parsed
        let tenantID: UUID
        let request: PageRequest
        let search: Search?
        let searchIsRare: Bool
        let postgres: Bool

        func read(_ read: InboxPlan.Read, on sql: SQLDatabase) async throws -> Rows {
            let query = try await self.query(read, on: sql)
            let ids = try await sql.raw(query.sql).all().map { try $0.decode(column: "id", as: UUID.self) }
            return Rows(ids: ids, walkWasCut: query.cut)
        }

        /// The statement of `read`, and whether it is a walk stopped short of the table's end.
        func query(_ read: InboxPlan.Read, on sql: SQLDatabase) async throws -> (sql: SQLQueryString, cut: Bool) {
            let conditions = try self.conditions(read)
            let order: SQLQueryString = "ORDER BY received_at DESC, id DESC LIMIT \(literal: request.limit + 1)"
            switch read.source {
            case .arms(let index, let arms):
                // Each arm is read newest first through its own range and the arms merged: a
                // compound SELECT under one ORDER BY … LIMIT, which SQLite reads lazily as an
                // ordered compound and stops at the limit.
                let selects = arms.map { arm in
                    select(index, conditions + arm.map(Self.equality) + [SQLQueryString("messages." + AddInboxFacetIndexes.inboxKinds)])
                }
                guard !selects.isEmpty else { return ("SELECT NULL AS id WHERE 1 = 0", false) }
                if selects.count == 1 { return (selects[0] + " " + order, false) }
                guard postgres else { return (selects.joined(separator: " UNION ALL ") + " " + order, false) }
                // PostgreSQL may sort the arms' rows rather than merge them; each arm's own limit
                // keeps that to one page an arm.
                return (selects.map { "(" + $0 + " " + order + ")" }.joined(separator: " UNION ALL ") + " " + order, false)
            case .walk(let bound):
                var conditions = conditions
                var cut = false
                if let bound {
                    // The time of the bound-th newest message from the cursor on: the walk tests
                    // no more than the messages since then.
                    let start = try self.cursorConditions().map { " AND " + $0 }.joined()
                    let limit: SQLQueryString = "SELECT received_at FROM messages WHERE tenant_id = \(bind: tenantID)\(start) ORDER BY received_at DESC LIMIT 1 OFFSET \(literal: bound)"
                    if let row = try await sql.raw(limit).first() {
                        conditions.append("messages.received_at >= \(bind: try row.decode(column: "received_at", as: Date.self))")
                        cut = true
                    }
                }
                return (select(.recent, conditions) + " " + order, cut)
            case .set(let index):
                // A tag or a rare word is looked up by the message's key, never by walking time.
                return (select(index ?? .key, conditions) + " " + order, false)
            }
        }

        private func select(_ index: InboxPlan.Index?, _ conditions: [SQLQueryString]) -> SQLQueryString {
            // SQLite plans without statistics; the plan names its index rather than hope.
            var hint: SQLQueryString = ""
            if let index, !postgres { hint = " INDEXED BY \(unsafeRaw: index.rawValue)" }
            return "SELECT messages.id AS id, messages.received_at AS received_at FROM messages\(hint) WHERE "
                + conditions.joined(separator: " AND ")
        }

        private static func equality(_ equality: InboxPlan.Equality) -> SQLQueryString {
            let column = SQLQueryString("messages." + equality.column)
            switch equality.value {
            case .text(let value): return column + " = \(bind: value)"
            case .id(let value): return column + " = \(bind: value)"
            case .null: return column + " IS NULL"
            }
        }

        /// Everything the page's rows must satisfy that the read's arms do not fix.
        private func conditions(_ read: InboxPlan.Read) throws -> [SQLQueryString] {
            var where_: [SQLQueryString] = ["messages.tenant_id = \(bind: tenantID)"]
            if let accounts = read.accounts {
                where_.append("messages.account_id IN (\(binds: accounts))")
            } else {
                where_.append("messages.account_id IS NOT NULL")
            }
            let fixed = read.fixedColumns
            switch filter.kind {
            case "whatsapp": where_.append("messages.kind = \(bind: MessageKind.dm.rawValue)")
            case let kind?: where_.append("messages.kind = \(bind: kind)")
            case nil: where_.append("messages.kind IN (\(binds: Inbox.kinds.map(\.rawValue).sorted()))")
            }
            if let platform = filter.platform, !fixed.contains("platform") { where_.append("messages.platform = \(bind: platform.rawValue)") }
            if let state = filter.state, !fixed.contains("state") { where_.append("messages.state = \(bind: state)") }
            if let priority = filter.priority, !fixed.contains("priority") { where_.append("messages.priority = \(bind: priority.rawValue)") }
            if let sentiment = filter.sentiment, !fixed.contains("sentiment") { where_.append("messages.sentiment = \(bind: sentiment.rawValue)") }
            switch filter.assignee {
            case .nobody: where_.append("messages.assignee_user_id IS NULL AND messages.assignee_unit_id IS NULL")
            case .user(let id): where_.append("messages.assignee_user_id = \(bind: id)")
            case .unit(let id): where_.append("messages.assignee_unit_id = \(bind: id)")
            case nil: break
            }
            if let tag = filter.tag {
                where_.append("messages.id IN (SELECT message_id FROM message_tags WHERE tenant_id = \(bind: tenantID) AND tag = \(bind: tag))")
            }
            if let from = filter.from { where_.append("messages.received_at >= \(bind: from)") }
            if let until = filter.until { where_.append("messages.received_at < \(bind: until)") }
            switch search {
            case .vector(let words)?:
                where_.append("messages.search_vector @@ plainto_tsquery('simple', \(bind: words))")
            case .fts(let match)? where searchIsRare:
                // A rare word: its few matches.
                where_.append("messages.id IN (SELECT message_id FROM messages_fts WHERE messages_fts MATCH \(bind: match) AND tenant_id = \(bind: tenantID))")
            case .fts? :
                // A common word: each row's own search words are tested, stopping at a page;
                // reading all its matches would grow with the table (and so would an FTS5
                // lookup per message, which loads the word's whole list of matches each time).
                for term in filter.terms {
                    where_.append("instr(' ' || messages.search_text || ' ', \(bind: " " + term + " ")) > 0")
                }
            case nil: break
            }
            return where_ + (try cursorConditions())
        }

        /// After the cursor: the first term bounds the index range, the second breaks ties.
        private func cursorConditions() throws -> [SQLQueryString] {
            guard let after = request.after else { return [] }
            let (lower, upper) = try after.timeWindow()
            return ["messages.received_at <= \(bind: upper)", "(messages.received_at < \(bind: lower) OR messages.id < \(bind: after.id))"]
        }
    }
}
