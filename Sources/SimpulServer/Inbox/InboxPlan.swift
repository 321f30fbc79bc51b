import Foundation
import SimpulCore
import SimpulPlatforms

/// How one inbox page is read, chosen before the database is asked, so that the rows a page
/// reads grow with the page and not with the table.
///
/// The page is the newest messages that pass the filter. Reading a time-ordered index and
/// testing each row costs page ÷ selectivity rows: cheap when most messages pass, a walk over
/// most of the table when few do (spam on YouTube marked urgent is a few in ten thousand). So
/// the inbox indexes its facets — state, platform, priority, sentiment, and per account — with
/// the time last: every combination of facet values is then one range of an index, already
/// newest first. A filter is split into the ranges of the values it allows ("arms"), each read
/// newest first and merged (UNION ALL under one ORDER BY … LIMIT), which reads about one page
/// plus one row per arm whatever the table's size.
struct InboxPlan: Equatable {
    /// The indexes of messages a plan reads; each is created by a migration of the same name.
    enum Index: String {
        /// (tenant_id, received_at): newest first, everything tested row by row.
        case recent = "messages_tenant_received"
        /// (tenant_id, state, platform, priority, sentiment, received_at, id)
        case facets = "messages_inbox_facets"
        /// (tenant_id, account_id, state, priority, sentiment, received_at, id)
        case accountFacets = "messages_inbox_account_facets"
        /// (tenant_id, account_id, received_at): an account's messages newest first, of every kind
        case accountRecent = "messages_tenant_account_received"
        /// (tenant_id, assignee_user_id, received_at, id) over assigned messages only
        case assignedUser = "messages_assigned_user"
        /// (tenant_id, assignee_unit_id, received_at, id) over messages given to a unit only
        case assignedUnit = "messages_assigned_unit"
        /// The primary key (tenant_id, id), as SQLite names it: a set of ids looked up one by one.
        case key = "sqlite_autoindex_messages_1"
    }

    /// A value an arm fixes in one index column; `nil` is SQL NULL (not yet triaged).
    struct Equality: Hashable {
        enum Value: Hashable {
            case text(String)
            case id(UUID)
            case null
        }
        let column: String
        let value: Value
    }

    /// One way of reading the page.
    struct Read: Equatable {
        var source: Source
        /// The accounts the page may show when they are not all the tenant's and the source
        /// does not fix them; nil: every message with an account.
        var accounts: [UUID]?
        /// Columns the source's arms fix, so the statement need not test them again.
        var fixedColumns: Set<String> = []
    }

    enum Source: Equatable {
        /// Ranges of the index, one per arm, merged.
        case arms(Index, [[Equality]])
        /// The newest messages of the tenant, each tested; `bound` caps how many are tested
        /// (nil: until the page is full).
        case walk(bound: Int?)
        /// The rows of a small set that another index or table finds (one person's or one
        /// unit's assignments, one tag, a rare search word), sorted: the set, not the table,
        /// bounds the work.
        case set(Index?)
    }

    var first: Read
    /// Read instead when `first` is a bounded walk that did not fill the page.
    var then: Read?

    /// At most this many arms are read straight away: each costs one index seek even when
    /// empty, so a few dozen cost less than testing a few hundred recent rows.
    static let directArms = 40
    /// Above this many arms a statement costs more to prepare than it saves.
    static let maxArms = 400
    /// A walk before many arms tests at most this many rows per row of the page.
    static let walkRowsPerItem = 40

    struct AccountFacts: Equatable {
        let id: UUID
        let platform: Platform
    }

    /// `tenantAccounts` are all the tenant's accounts, `visible` those the scope and the
    /// filter allow; `searchIsRare` says the search words match few messages.
    static func choose(_ filter: InboxFilter.Parsed, tenantAccounts: [AccountFacts], visible: [AccountFacts], limit: Int,
                       searchIsRare: Bool) -> InboxPlan {
        let platformAccounts = filter.platform.map { platform in tenantAccounts.filter { $0.platform == platform } } ?? tenantAccounts
        let restricted: [UUID]? = visible.count == platformAccounts.count && filter.accountID == nil
            ? nil : visible.map(\.id).sorted { $0.uuidString < $1.uuidString }
        switch filter.assignee {
        case .user: return InboxPlan(first: Read(source: .set(.assignedUser), accounts: restricted))
        case .unit: return InboxPlan(first: Read(source: .set(.assignedUnit), accounts: restricted))
        case .nobody, nil: break
        }
        if filter.tag != nil || (!filter.terms.isEmpty && searchIsRare) {
            return InboxPlan(first: Read(source: .set(nil), accounts: restricted))
        }
        let facets = Self.facets(filter, restricted: restricted, platformAccounts: platformAccounts.count)
        let armCount = facets.columns.reduce(1) { $0 * $1.values.count }
        if armCount <= directArms { return InboxPlan(first: facets.read(restricted)) }
        // Many arms mean few facets were chosen, and most messages usually pass them: test the
        // newest first, and read the arms only when that does not fill the page. Past
        // `maxArms` (nothing but a search word, say) the walk goes on until the page is full:
        // what it tests then is the search, which no index orders by time.
        guard armCount <= maxArms else { return InboxPlan(first: Read(source: .walk(bound: nil), accounts: restricted)) }
        return InboxPlan(first: Read(source: .walk(bound: limit * walkRowsPerItem), accounts: restricted), then: facets.read(restricted))
    }

    private struct Facets {
        let index: Index
        let columns: [(column: String, values: [Equality.Value])]

        func read(_ restricted: [UUID]?) -> Read {
            var arms: [[Equality]] = [[]]
            for (column, values) in columns {
                arms = arms.flatMap { arm in values.map { arm + [Equality(column: column, value: $0)] } }
            }
            var fixed = Set(columns.map(\.column))
            // The accounts' own arms are read for the platform's accounts only.
            if index == .accountFacets || index == .accountRecent { fixed.insert("platform") }
            return Read(source: .arms(index, arms), accounts: index == .facets ? restricted : nil, fixedColumns: fixed)
        }
    }

    private static func facets(_ filter: InboxFilter.Parsed, restricted: [UUID]?, platformAccounts: Int) -> Facets {
        let states: [Equality.Value] = filter.state.map { [.text($0)] } ?? MessageState.allCases.map { .text($0.rawValue) }
        let priorities: [Equality.Value] = filter.priority.map { [.text($0.rawValue)] } ?? [.null] + MessagePriority.allCases.map { .text($0.rawValue) }
        let sentiments: [Equality.Value] = filter.sentiment.map { [.text($0.rawValue)] } ?? [.null] + Sentiment.allCases.map { .text($0.rawValue) }
        // A few accounts out of many (a kelurahan's admin, one account chosen) read their own
        // accounts' ranges; the tenant's, a platform's or a large unit's read the tenant-wide
        // ranges and test each row's account.
        if let restricted, restricted.count * 4 <= platformAccounts || filter.accountID != nil {
            // No facet chosen (the inbox as it opens): each account's own time range, its few
            // statuses and reactions tested row by row, instead of every facet combination.
            if filter.state == nil && filter.priority == nil && filter.sentiment == nil {
                return Facets(index: .accountRecent, columns: [("account_id", restricted.map { .id($0) })])
            }
            return Facets(index: .accountFacets, columns: [("account_id", restricted.map { .id($0) }), ("state", states),
                                                            ("priority", priorities), ("sentiment", sentiments)])
        }
        let platforms: [Equality.Value] = filter.platform.map { [.text($0.rawValue)] } ?? Platform.allCases.map { .text($0.rawValue) }
        return Facets(index: .facets, columns: [("state", states), ("platform", platforms), ("priority", priorities), ("sentiment", sentiments)])
    }
}
