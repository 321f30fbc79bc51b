import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

/// The rules' public searches over real HTTP on loopback: X recent search within the monthly
/// read budget and YouTube search, from their cursors; what they find kept once and matched;
/// the credentials sealed and never shown; a refusal (429) and a spent budget said plainly.
@Suite("Public search")
struct SearchPollerTests {
    static let tweets = """
    {"data":[
      {"id":"1866100000000000002","text":"PDAM mati lagi di Sukamaju, air keruh dari pagi","author_id":"71","created_at":"2026-12-07T01:05:00.000Z"},
      {"id":"1866100000000000001","text":"Festival kuliner akhir pekan ramai sekali","author_id":"72","created_at":"2026-12-07T01:00:00.000Z"}],
     "includes":{"users":[{"id":"71","name":"Sari","username":"sari_tmy"},{"id":"72","name":"Joko","username":"joko_tmy"}]},
     "meta":{"newest_id":"1866100000000000002","oldest_id":"1866100000000000001","result_count":2}}
    """
    static let videos = """
    {"kind":"youtube#searchListResponse","items":[{"kind":"youtube#searchResult","id":{"kind":"youtube#video","videoId":"pdamVid0001"},
      "snippet":{"publishedAt":"2026-12-07T01:30:00Z","channelId":"UCwarga0000000000000000A","title":"Air PDAM keruh di Sidomulyo",
                 "description":"Warga mengeluh air mati dua hari","channelTitle":"Warga Tirtamaya"}}]}
    """

    static func rootSupervisor(_ w: World, app: Application) async throws -> UserModel {
        let user = UserModel(tenantID: w.tenantA.id!, name: "Koordinator Pusat", email: "pusat@uji.go.id", nip: nil, phone: nil,
                             passwordHash: try await app.password.async.hash(w.password), at: app.clock.now())
        try await user.create(on: app.db)
        try await MembershipModel(tenantID: w.tenantA.id!, userID: user.id!, unitID: w.units["ROOT"]!, role: .supervisor, at: app.clock.now()).create(on: app.db)
        return user
    }

    @Test("X and YouTube run from their cursors within the budget; results kept once and matched; 429 and a spent budget said plainly")
    func searches() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            app.platformTransport = VaporHTTPTransport(client: app.client)
            app.platformEndpoints = .allAt(server.baseURL)
            let w = try await World.make(app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1, query: "(pdam OR air) AND (mati OR keruh)")
            let unitAdmin = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let root = try await World.signIn(try await Self.rootSupervisor(w, app: app), app: app)

            // Settings are the top unit's: a unit admin below may look but not change them.
            #expect(try await app.web(.GET, "/listening/search", as: unitAdmin).status == .ok)
            #expect(try await app.web(.POST, "/listening/search", as: unitAdmin, form: ["x_monthly_reads": "5"]).status == .forbidden)
            let refused = try await app.web(.POST, "/listening/search", as: root, form: [
                "x_bearer_token": "AAAA-bearer-xyz", "x_monthly_reads": "banyak", "youtube_daily_calls": "90", "region_code": "IDN", "language": "id"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Isi bilangan bulat 0 sampai") && refused.body.string.contains("Kode negara dua huruf"))
            #expect(!refused.body.string.contains("AAAA-bearer-xyz"), "a refused form does not echo the token")
            let saved = try await app.web(.POST, "/listening/search", as: root, form: [
                "x_bearer_token": "AAAA-bearer-xyz", "x_monthly_reads": "1000", "youtube_api_key": "yt-key-1", "youtube_daily_calls": "90",
                "region_code": "id", "language": "id"])
            #expect(saved.status == .seeOther)
            let settings = try #require(try await ListeningSettingsModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            #expect(settings.regionCode == "ID" && settings.xMonthlyReads == 1000)
            #expect(settings.xBearerToken != nil && settings.xBearerToken != Data("AAAA-bearer-xyz".utf8), "sealed, not stored as typed")
            let audit = try #require(try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!)
                .filter(\.$action == .listeningSearchSettingsUpdate).first())
            let change = audit.summary.value
            #expect(change.after?["x_bearer_token"] == "diganti" && change.before?["x_bearer_token"] == "kosong")
            #expect(!(change.after ?? [:]).values.contains("AAAA-bearer-xyz"))
            #expect(!(try await app.web(.GET, "/listening/search", as: root).body.string.contains("AAAA-bearer-xyz")))

            // A rule's searches: the terms are checked, one per source.
            let empty = try await app.web(.POST, "/listening/\(rule.id!)/searches", as: unitAdmin, form: ["source": "x_search", "terms": " "])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Kata pencarian diisi satu baris"))
            #expect(try await app.web(.POST, "/listening/\(rule.id!)/searches", as: unitAdmin, form: ["source": "news", "terms": "pdam"]).status == .unprocessableEntity)
            let stranger = try await World.signIn(w.outOfScope[.unitAdmin]!, app: app)
            #expect(try await app.web(.POST, "/listening/\(rule.id!)/searches", as: stranger, form: ["source": "x_search", "terms": "pdam"]).status == .notFound)
            for (source, terms) in [("x_search", "pdam (mati OR keruh) lang:in"), ("youtube_search", "pdam tirtamaya")] {
                #expect(try await app.web(.POST, "/listening/\(rule.id!)/searches", as: unitAdmin, form: ["source": source, "terms": terms]).status == .seeOther)
            }

            server.script("/2/tweets/search/recent", .init(headers: [("Content-Type", "application/json")], body: Self.tweets),
                          .init(status: .tooManyRequests, headers: [("Content-Type", "application/json"), ("x-rate-limit-reset", "1999999999")],
                                body: #"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#))
            server.script("/youtube/v3/search", .init(headers: [("Content-Type", "application/json")], body: Self.videos))
            #expect(try await SearchPoller.pollDue(app: app, tenantID: w.tenantA.id!) == 2)
            let asked = try #require(server.requests.first { $0.path == "/2/tweets/search/recent" })
            #expect(asked.authorization == "Bearer AAAA-bearer-xyz")
            let query = URLComponents(string: "http://h/?" + (asked.query ?? ""))?.queryItems ?? []
            let maxResults = Int(query.first { $0.name == "max_results" }?.value ?? "") ?? 0
            #expect((10...100).contains(maxResults), "max_results \(maxResults): the run's share of the month's budget")
            let youtube = try #require(server.requests.first { $0.path == "/youtube/v3/search" })
            #expect(youtube.query?.contains("key=yt-key-1") == true && youtube.query?.contains("regionCode=ID") == true)

            let items = try await ListenedItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(Set(items.map(\.externalID)) == ["1866100000000000002", "1866100000000000001", "pdamVid0001"])
            #expect(items.allSatisfy { $0.searchID != nil && $0.feedID == nil })
            let hits = try await ListeningItemHitModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            let matched = Set(items.filter { item in hits.contains { $0.itemID == item.id } }.map(\.externalID))
            #expect(matched == ["1866100000000000002", "pdamVid0001"], "the rule's query decides, not the search")
            let x = try #require(try await ListeningSearchModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$source == .xSearch).first())
            #expect(x.cursor == "1866100000000000002" && x.lastError == nil)
            #expect(try await SearchPoller.spent(.reads, tenantID: w.tenantA.id!, source: .xSearch, since: .distantPast, on: app.db) == 2)

            // Not due again for 15 minutes; forced, X starts after the cursor and refuses with 429.
            #expect(try await SearchPoller.pollDue(app: app, tenantID: w.tenantA.id!) == 0)
            try await SearchPoller.pollDue(app: app, tenantID: w.tenantA.id!, force: true)
            let second = try #require(server.requests.last { $0.path == "/2/tweets/search/recent" })
            #expect(second.query?.contains("since_id=1866100000000000002") == true)
            let limited = try #require(try await ListeningSearchModel.find(x.id, on: app.db))
            #expect(limited.lastError?.contains("meminta jeda") == true && limited.cursor == "1866100000000000002")
            #expect(try await ListenedItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 3, "nothing lost, nothing doubled")

            // A spent budget sends nothing and says so.
            settings.xMonthlyReads = 2
            try await settings.save(on: app.db)
            let before = server.requests.filter { $0.path == "/2/tweets/search/recent" }.count
            try await SearchPoller.pollDue(app: app, tenantID: w.tenantA.id!, force: true)
            #expect(server.requests.filter { $0.path == "/2/tweets/search/recent" }.count == before)
            let spent = try #require(try await ListeningSearchModel.find(x.id, on: app.db))
            #expect(spent.lastError?.hasPrefix("Anggaran bacaan X bulan ini sudah habis") == true)
            let page = try await app.web(.GET, "/listening/search", as: root).body.string
            #expect(page.contains("2 dari 2") && page.contains("Anggaran bacaan X bulan ini sudah habis"))
            let rulePage = try await app.web(.GET, "/listening/\(rule.id!)", as: unitAdmin).body.string
            #expect(rulePage.contains("PDAM mati lagi di Sukamaju") && rulePage.contains("Air PDAM keruh di Sidomulyo"))
        }
    }

    @Test("in Sandbox mode a search finds the demo city's posts about its terms, and a run within the same slot finds nothing new")
    func sandbox() async throws {
        // A fixed clock: on the wall clock the two runs could fall either side of a slot's end,
        // and the second would rightly find that slot's posts.
        let clock = ManualClock(ISO8601DateFormatter().date(from: "2026-12-07T02:05:00Z")!)
        try await withTestApp(clock: clock) { app in
            let w = try await World.make(app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1, query: "(pdam OR air) AND (mati OR keruh OR bocor)")
            let settings = ListeningSettingsModel.standard(tenantID: w.tenantA.id!, at: app.clock.now())
            settings.id = UUID()
            settings.sandbox = true
            try await settings.create(on: app.db)
            let search = ListeningSearchModel()
            search.id = UUID()
            search.tenantID = w.tenantA.id!
            search.ruleID = rule.id!
            search.source = .xSearch
            search.terms = "pdam mati keruh"
            search.active = true
            search.createdAt = app.clock.now()
            try await search.create(on: app.db)
            // A few slots' worth of posts: the cursor starts six hours back at most.
            search.cursor = String(Int64(app.clock.now().timeIntervalSince1970) / (15 * 60) - 8)
            try await search.save(on: app.db)
            try await SearchPoller.pollDue(app: app, tenantID: w.tenantA.id!)
            let found = try await ListenedItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count()
            #expect(found > 0)
            #expect(try await ListeningItemHitModel.query(on: app.db).filter(\.$ruleID == rule.id!).count() > 0, "the rule matches what its search found")
            try await SearchPoller.pollDue(app: app, tenantID: w.tenantA.id!, force: true)
            #expect(try await ListenedItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == found)
        }
    }
}
