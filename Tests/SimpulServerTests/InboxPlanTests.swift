import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Testing
import Vapor
@testable import SimpulServer

@Suite("Inbox query plans")
struct InboxPlanTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct Seed {
        let world: World
        let messages: [MessageModel]
        let unitOf: [UUID: UUID]
        let tags: [UUID: Set<String>]

        func reloaded(_ app: Application) async throws -> Seed {
            let stored = try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all()
            let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.id!, $0) })
            return Seed(world: world, messages: messages.compactMap { byID[$0.id!] }, unitOf: unitOf, tags: tags)
        }
    }

    /// 420 messages over six accounts of three platforms in three units, with every facet mixed
    /// (some not yet triaged), statuses among them, a few assigned or tagged, some at the same
    /// instant, and search words: "jalan" in about half, "banjir" in a few.
    static func seed(_ app: Application) async throws -> Seed {
        let world = try await World.make(app)
        var random = Seeded(state: 21)
        var accounts: [AccountModel] = []
        for (index, (platform, unit)) in [(Platform.instagram, "OPD-A"), (.youtube, "OPD-A"), (.whatsapp, "OPD-A"), (.youtube, "OPD-B"),
                                           (.facebook, "KEL-1"), (.instagram, "KEL-1")].enumerated() {
            accounts.append(try await InboxTests.account(world, app: app, platform: platform, handle: "akun\(index)", unit: unit))
        }
        var messages: [MessageModel] = []
        var tags: [UUID: Set<String>] = [:]
        let words = ["jalan", "rusak", "lampu", "air", "sampah", "layan"]
        for index in 0..<420 {
            let account = accounts[Int(random.next() % UInt64(accounts.count))]
            let kinds: [MessageKind] = account.platform == .whatsapp ? [.dm, .dm, .status] : [.comment, .comment, .mention, .reply, .reaction]
            var text = (0..<3).map { _ in words[Int(random.next() % UInt64(words.count))] }
            if random.next() % 2 == 0 { text.append("jalan") }
            if random.next() % 40 == 0 { text.append("banjir") }
            // Every fifth message shares its instant with the one before, so ties are paged by id.
            let minutes = Double(index - (index % 5 == 4 ? 1 : 0)) * 3
            let message = try await InboxTests.message(world, app: app, account: account, kind: kinds[Int(random.next() % UInt64(kinds.count))],
                                                       text: text.joined(separator: " "), minutesAgo: minutes)
            message.state = MessageState.allCases[Int(random.next() % UInt64(MessageState.allCases.count))]
            if random.next() % 6 != 0 {
                message.priority = MessagePriority.allCases[Int(random.next() % 4)]
                message.sentiment = Sentiment.allCases[Int(random.next() % 3)]
            }
            switch random.next() % 12 {
            case 0: message.assigneeUserID = world.target.id
            case 1: message.assigneeUnitID = world.units["OPD-A"]
            default: break
            }
            message.searchText = Inbox.searchText(message.text ?? "", analyzer: InboxController.analyzer)
            try await message.update(on: app.db)
            try await Inbox.index(messageID: message.id!, tenantID: world.tenantA.id!, searchText: message.searchText!, on: app.db)
            if random.next() % 15 == 0 {
                let tag = MessageTagModel()
                tag.id = UUID()
                tag.tenantID = world.tenantA.id!
                tag.messageID = message.id!
                tag.tag = "jalan-rusak"
                tag.createdAt = app.clock.now()
                try await tag.create(on: app.db)
                tags[message.id!, default: []].insert("jalan-rusak")
            }
            messages.append(message)
        }
        var unitOf: [UUID: UUID] = [:]
        for account in try await AccountModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all() { unitOf[account.id!] = account.unitID }
        return Seed(world: world, messages: messages, unitOf: unitOf, tags: tags)
    }

    /// What the page must hold, computed without the database.
    static func expected(_ filter: InboxFilter.Parsed, _ seed: Seed) -> [UUID] {
        seed.messages.filter { message in
            guard let account = message.accountID, let unit = seed.unitOf[account], filter.unitIDs.contains(unit) else { return false }
            switch filter.kind {
            case "whatsapp": guard message.platform == .whatsapp, message.kind == .dm else { return false }
            case let kind?: guard message.kind.rawValue == kind else { return false }
            case nil: guard Inbox.kinds.contains(message.kind) else { return false }
            }
            if let platform = filter.platform, message.platform != platform { return false }
            if let id = filter.accountID, account != id { return false }
            if let state = filter.state, message.state.rawValue != state { return false }
            if let priority = filter.priority, message.priority != priority { return false }
            if let sentiment = filter.sentiment, message.sentiment != sentiment { return false }
            switch filter.assignee {
            case .nobody: if message.assigneeUserID != nil || message.assigneeUnitID != nil { return false }
            case .user(let id): if message.assigneeUserID != id { return false }
            case .unit(let id): if message.assigneeUnitID != id { return false }
            case nil: break
            }
            if let from = filter.from, message.receivedAt < from { return false }
            if let until = filter.until, message.receivedAt >= until { return false }
            if let tag = filter.tag, !(seed.tags[message.id!]?.contains(tag) ?? false) { return false }
            let words = Set((message.searchText ?? "").split(separator: " ").map(String.init))
            return filter.terms.allSatisfy(words.contains)
        }
        .sorted { ($0.receivedAt, $0.id!.uuidString) > ($1.receivedAt, $1.id!.uuidString) }
        .map { $0.id! }
    }

    static func filters(_ seed: Seed) -> [(String, InboxFilter.Parsed)] {
        let all = Set(seed.world.units.values)
        let kelurahan: Set<UUID> = [seed.world.units["KEL-1"]!]
        let account = seed.messages.first { seed.unitOf[$0.accountID!] == seed.world.units["OPD-A"] }!.accountID!
        func parsed(_ units: Set<UUID> = all, _ change: (inout InboxFilter.Parsed) -> Void = { _ in }) -> InboxFilter.Parsed {
            var filter = InboxFilter.Parsed(unitIDs: units, terms: [])
            change(&filter)
            return filter
        }
        return [
            ("nothing", parsed()),
            ("state", parsed { $0.state = "new" }),
            ("selective facets", parsed { $0.state = "spam"; $0.platform = .youtube; $0.priority = .urgent }),
            ("three facets, WhatsApp", parsed { $0.kind = "whatsapp"; $0.priority = .urgent; $0.sentiment = .positive }),
            ("WhatsApp on another platform", parsed { $0.kind = "whatsapp"; $0.platform = .youtube }),
            ("kind", parsed { $0.kind = "mention"; $0.state = "closed" }),
            ("sentiment alone", parsed { $0.sentiment = .negative }),
            ("common search", parsed { $0.terms = ["jalan"] }),
            ("common search, selective facets", parsed { $0.terms = ["jalan"]; $0.state = "spam"; $0.platform = .youtube; $0.priority = .urgent }),
            ("rare search", parsed { $0.terms = ["banjir"] }),
            ("rare search and a state", parsed { $0.terms = ["banjir", "jalan"]; $0.state = "new" }),
            ("a kelurahan", parsed(kelurahan)),
            ("a kelurahan, a state", parsed(kelurahan) { $0.state = "replied"; $0.priority = .high }),
            ("one account", parsed { $0.accountID = account }),
            ("one account, facets", parsed { $0.accountID = account; $0.state = "assigned" }),
            ("assigned to a person", parsed { $0.assignee = .user(seed.world.target.id!) }),
            ("assigned to a unit", parsed { $0.assignee = .unit(seed.world.units["OPD-A"]!); $0.state = "new" }),
            ("nobody assigned", parsed { $0.assignee = .nobody; $0.platform = .instagram }),
            ("tag", parsed { $0.tag = "jalan-rusak" }),
            ("a period", parsed { $0.from = seed.messages[300].receivedAt; $0.until = seed.messages[40].receivedAt; $0.state = "closed" }),
        ]
    }

    @Test("every filter combination pages through exactly the messages it allows, whichever plan reads it")
    func equivalence() async throws {
        try await withTestApp { app in
            var seed = try await Self.seed(app)
            for (name, filter) in Self.filters(seed) {
                var found: [UUID] = []
                var expected: [UUID] = []
                // On PostgreSQL the test database is shared, and another test's triage pass may
                // triage these messages meanwhile: compare with what the table holds after the
                // pages, reading once more if it changed under the pages.
                for _ in 0..<2 {
                    found = try await Self.pages(filter, seed, app: app)
                    seed = try await seed.reloaded(app)
                    expected = Self.expected(filter, seed)
                    if found == expected { break }
                }
                #expect(found == expected, "\(name): \(found.count) found, \(expected.count) expected")
            }
        }
    }

    /// Every page of the filter, four messages at a time: a small page and search threshold,
    /// so that walks stop short, arms take over, and "jalan" counts as a common word and
    /// "banjir" as a rare one.
    static func pages(_ filter: InboxFilter.Parsed, _ seed: Seed, app: Application) async throws -> [UUID] {
        var found: [UUID] = []
        var cursor: PageCursor?
        for _ in 0..<200 {
            let page = try await InboxQueries.page(filter, tenantID: seed.world.tenantA.id!, request: PageRequest(limit: 4, after: cursor),
                                                   searchFirstLimit: 20, on: app.db)
            found += page.items.map { $0.id! }
            guard let next = page.next else { break }
            cursor = next
        }
        return found
    }

    @Test("selective facets read their own ranges; open filters walk first; small sets are read whole")
    func choice() {
        let accounts = (0..<40).map { InboxPlan.AccountFacts(id: UUID(), platform: $0 % 2 == 0 ? .instagram : .youtube) }
        var filter = InboxFilter.Parsed(unitIDs: [], terms: [])
        func plan(_ visible: [InboxPlan.AccountFacts] = accounts, rare: Bool = false) -> InboxPlan {
            InboxPlan.choose(filter, tenantAccounts: accounts, visible: visible, limit: 50, searchIsRare: rare)
        }
        #expect(plan().first.source == .walk(bound: nil))
        #expect(plan().then == nil)
        filter.state = "spam"
        filter.platform = .youtube
        filter.priority = .urgent
        let youtube = accounts.filter { $0.platform == .youtube }
        guard case .arms(.facets, let arms) = plan(youtube).first.source else { Issue.record("\(plan(youtube))"); return }
        // The sentiment not chosen: not yet triaged, or one of three.
        #expect(arms.count == 4)
        #expect(plan(youtube).first.accounts == nil)
        // A kelurahan's two accounts read their own ranges; no account test is left.
        let kelurahan = Array(youtube.prefix(2))
        guard case .arms(.accountFacets, let own) = plan(kelurahan).first.source else { Issue.record("\(plan(kelurahan))"); return }
        #expect(own.count == 8)
        #expect(plan(kelurahan).first.accounts == nil)
        // With no facet chosen, each of its accounts' own time range.
        var opened = filter
        (opened.state, opened.priority, opened.platform) = (nil, nil, nil)
        let asOpened = InboxPlan.choose(opened, tenantAccounts: accounts, visible: kelurahan, limit: 50, searchIsRare: false)
        guard case .arms(.accountRecent, let ranges) = asOpened.first.source else { Issue.record("\(asOpened)"); return }
        #expect(Set(ranges) == Set(kelurahan.map { [InboxPlan.Equality(column: "account_id", value: .id($0.id))] }))
        #expect(asOpened.first.accounts == nil && asOpened.then == nil)
        // A large unit's accounts: the tenant's ranges, each row's account tested.
        let large = Array(youtube.prefix(15))
        #expect(plan(large).first.accounts?.count == 15)
        filter = InboxFilter.Parsed(unitIDs: [], terms: [])
        filter.state = "new"
        #expect(plan().first.source == .walk(bound: 50 * InboxPlan.walkRowsPerItem))
        guard case .arms(.facets, let fallback)? = plan().then?.source else { Issue.record("\(plan())"); return }
        #expect(fallback.count == 6 * 5 * 4)
        filter.terms = ["banjir"]
        #expect(plan(rare: true).first.source == .set(nil))
        filter.assignee = .user(UUID())
        #expect(plan().first.source == .set(.assignedUser))
    }

    /// The database's plan of each statement a filter's reads run.
    static func explained(_ filter: InboxFilter.Parsed, _ seed: Seed, cursor: PageCursor?, app: Application) async throws -> [(String, String)] {
        let tenantID = seed.world.tenantA.id!
        let accounts = try await AccountModel.query(on: app.db).filter(\.$tenantID == tenantID).all()
        let facts = accounts.map { InboxPlan.AccountFacts(id: $0.id!, platform: $0.platform) }
        let visible = accounts.filter { account in
            guard filter.unitIDs.contains(account.unitID) else { return false }
            if let platform = filter.platform, account.platform != platform { return false }
            if let id = filter.accountID, account.id != id { return false }
            return true
        }.map { InboxPlan.AccountFacts(id: $0.id!, platform: $0.platform) }
        let search = filter.terms.isEmpty ? nil : InboxQueries.Search(filter.terms, postgres: app.db.isPostgres)
        let rare = filter.terms.contains("banjir")
        let plan = InboxPlan.choose(filter, tenantAccounts: facts, visible: visible, limit: 50, searchIsRare: rare)
        let statement = InboxQueries.Statement(filter: filter, tenantID: tenantID, request: PageRequest(limit: 50, after: cursor), search: search,
                                               searchIsRare: rare, postgres: app.db.isPostgres)
        let sql = try app.db.sql
        var plans: [(String, String)] = []
        for read in [plan.first] + (plan.then.map { [$0] } ?? []) {
            let query = try await statement.query(read, on: sql).sql
            let text: String
            if app.db.isPostgres {
                // The test tables are small, where reading them whole and sorting is cheapest;
                // what matters is that each shape can be read in an index's order, as it is
                // when the table is large.
                text = try await app.db.transaction { db in
                    let sql = try db.sql
                    try await sql.raw("SET LOCAL enable_seqscan = off").run()
                    try await sql.raw("SET LOCAL enable_sort = off").run()
                    return try await sql.raw("EXPLAIN " + query).all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }.joined(separator: "\n")
                }
            } else {
                text = try await sql.raw("EXPLAIN QUERY PLAN " + query).all().map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "\n")
            }
            plans.append(("\(read.source)", text))
        }
        return plans
    }

    @Test("each shape of read uses its index newest first, on the first page and the next")
    func explain() async throws {
        try await withTestApp { app in
            let seed = try await Self.seed(app)
            let cursor = PageCursor(time: Date().addingTimeInterval(-3600), id: UUID())
            for (name, filter) in Self.filters(seed) {
                for after in [nil, cursor] {
                    for (source, plan) in try await Self.explained(filter, seed, cursor: after, app: app) {
                        let label = "\(name) \(after == nil ? "first" : "next") \(source):\n\(plan)"
                        if app.db.isPostgres {
                            #expect(!plan.contains("Seq Scan on messages"), "\(label)")
                            if source.hasPrefix("walk") {
                                // An incremental sort only orders messages of the same instant by id.
                                #expect(!plan.contains("Sort Key") || plan.contains("Presorted Key: received_at"), "\(label)")
                            }
                            if source.hasPrefix("arms"), plan.contains("Append") {
                                // Merged, or each arm cut at one page before the sort.
                                #expect(plan.contains("Merge Append") || plan.components(separatedBy: "->  Limit").count > 2, "\(label)")
                            }
                        } else {
                            let lines = plan.split(separator: "\n")
                            #expect(!lines.contains { $0 == "SCAN messages" || $0.hasPrefix("SCAN messages ") }, "\(label)")
                            if source.hasPrefix("arms") || source.hasPrefix("walk") {
                                // Read in the index's order: no sort of all matching rows.
                                #expect(!plan.contains("TEMP B-TREE FOR ORDER BY"), "\(label)")
                            }
                            if source.hasPrefix("arms(InboxPlan.Index.facets") { #expect(plan.contains("messages_inbox_facets"), "\(label)") }
                            if source.hasPrefix("arms(InboxPlan.Index.accountFacets") { #expect(plan.contains("messages_inbox_account_facets"), "\(label)") }
                            if source.hasPrefix("arms(InboxPlan.Index.accountRecent") { #expect(plan.contains("messages_tenant_account_received"), "\(label)") }
                        }
                    }
                }
            }
        }
    }
}
