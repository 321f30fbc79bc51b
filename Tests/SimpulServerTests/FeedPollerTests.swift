import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

/// News feeds read over real HTTP on loopback: entries kept once, matched against the rules of
/// the feed's unit and above, an unchanged feed answered with 304, a broken one said plainly with
/// nothing lost.
@Suite("News feeds")
struct FeedPollerTests {
    static let rss = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Kabar Uji</title>
    <item><title>Beredar kabar bendungan jebol, BPBD: bendungan aman</title><link>https://kabar.uji/1</link><guid>k-1</guid>
      <pubDate>Mon, 07 Dec 2026 09:00:00 WIB</pubDate><description>&lt;p&gt;Warga diminta tidak panik.&lt;/p&gt;</description></item>
    <item><title>Festival kuliner akhir pekan</title><link>https://kabar.uji/2</link><guid>k-2</guid></item>
    </channel></rss>
    """

    @Test("read, matched, kept once; 304 with the validator; a malformed feed keeps items and validators and says why")
    func feedLifecycle() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            Self.allowInternalAddresses(app)
            let w = try await World.make(app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1, query: "bendungan NEAR/2 jebol", unit: "OPD-A")
            let elsewhere = try await CaseFixtures.listeningRule(w, app: app, n: 2, query: "bendungan", unit: "OPD-B")
            let browser = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let bad = try await app.web(.POST, "/listening/feeds", as: browser, form: ["name": "Kabar", "url": "file:///etc/passwd", "unit_id": w.units["OPD-A"]!.uuidString])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Alamat feed harus diawali http:// atau https://."))
            let url = server.baseURL.absoluteString + "/rss/kabar"
            #expect(try await app.web(.POST, "/listening/feeds", as: browser, form: ["name": "Kabar Uji", "url": url, "unit_id": w.units["OPD-A"]!.uuidString]).status == .seeOther)
            let feed = try #require(try await ListeningFeedModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$action == .listeningFeedCreate).count() == 1)

            server.script("/rss/kabar",
                          .init(headers: [("Content-Type", "application/rss+xml"), ("ETag", "\"v1\"")], body: Self.rss),
                          .init(status: .notModified, headers: [("ETag", "\"v1\"")], body: ""),
                          .init(headers: [("Content-Type", "application/rss+xml")], body: "<rss><channel><item><title>putus"))
            #expect(try await FeedPoller.pollDue(app: app, tenantID: w.tenantA.id!) == 1)
            var items = try await ListenedItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(items.count == 2 && Set(items.map(\.externalID)) == ["k-1", "k-2"])
            let hits = try await ListeningItemHitModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(hits.map(\.ruleID) == [rule.id!], "OPD-A's rule reads OPD-A's feed; OPD-B's does not")
            #expect(!hits.contains { $0.ruleID == elsewhere.id! })
            let saved = try #require(try await ListeningFeedModel.find(feed.id, on: app.db))
            #expect(saved.etag == "\"v1\"" && saved.lastError == nil)
            // Not due again for 15 minutes, unless forced.
            #expect(try await FeedPoller.pollDue(app: app, tenantID: w.tenantA.id!) == 0)
            try await FeedPoller.pollDue(app: app, tenantID: w.tenantA.id!, force: true)
            #expect(server.requests.last?.ifNoneMatch == "\"v1\"")
            try await FeedPoller.pollDue(app: app, tenantID: w.tenantA.id!, force: true)
            let broken = try #require(try await ListeningFeedModel.find(feed.id, on: app.db))
            #expect(broken.lastError?.hasPrefix("Isi feed tidak bisa dibaca sebagai RSS atau Atom") == true && broken.etag == "\"v1\"")
            items = try await ListenedItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(items.count == 2)
            let page = try await app.web(.GET, "/listening", as: browser).body.string
            #expect(page.contains("Kabar Uji") && page.contains("Gagal dibaca"))
            let rulePage = try await app.web(.GET, "/listening/\(rule.id!)", as: try await World.signIn(w.inScope[.supervisor]!, app: app)).body.string
            #expect(rulePage.contains("Beredar kabar bendungan jebol") && rulePage.contains("https://kabar.uji/1"))
        }
    }

    /// The fake server listens on loopback, which the guard refuses unless told otherwise.
    static func allowInternalAddresses(_ app: Application) {
        app.feedFetching = FeedFetching(transport: VaporHTTPTransport(client: app.client),
                                        outbound: OutboundGuard(resolver: app.feedFetching.outbound.resolver, allowsInternalAddresses: true))
    }

    @Test("the system resolver finds localhost on loopback and no address for a .invalid name")
    func systemResolver() async throws {
        try await withTestApp { app in
            let resolver = SystemHostResolver(pool: app.threadPool)
            let local = try await resolver.addresses(of: "localhost")
            #expect(!local.isEmpty && local.allSatisfy { !$0.isPublic })
            await #expect(throws: (any Error).self) { try await resolver.addresses(of: SandboxNews.host) }
            await #expect(throws: OutboundGuard.Refusal.self) {
                try await OutboundGuard(resolver: resolver).check(URL(string: "http://localhost:8080/rss")!)
            }
        }
    }

    @Test("a feed inside the network (loopback here) is refused when added and when read, and nothing is requested from it")
    func internalAddresses() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            let w = try await World.make(app)
            let browser = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let url = server.baseURL.absoluteString + "/rss/kabar"
            let refused = try await app.web(.POST, "/listening/feeds", as: browser, form: ["name": "Dalam", "url": url, "unit_id": w.units["OPD-A"]!.uuidString])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Alamat feed menunjuk ke jaringan internal (127.0.0.1)"))
            let metadata = try await app.web(.POST, "/listening/feeds", as: browser,
                                             form: ["name": "Metadata", "url": "http://169.254.169.254/latest/meta-data/", "unit_id": w.units["OPD-A"]!.uuidString])
            #expect(metadata.status == .unprocessableEntity && metadata.body.string.contains("jaringan internal (169.254.169.254)"))
            let named = try await app.web(.POST, "/listening/feeds", as: browser,
                                          form: ["name": "Intranet", "url": "https://portal.internal.test/rss", "unit_id": w.units["OPD-A"]!.uuidString])
            #expect(named.status == .unprocessableEntity && named.body.string.contains("jaringan internal (10.20.30.40)"))
            #expect(try await ListeningFeedModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0)

            // A feed that was listed before (or whose name now points inside) is not read either.
            let feed = ListeningFeedModel()
            feed.id = UUID()
            feed.tenantID = w.tenantA.id!
            feed.unitID = w.units["OPD-A"]!
            feed.name = "Lama"
            feed.url = url
            feed.active = true
            feed.createdAt = app.clock.now()
            try await feed.create(on: app.db)
            server.script("/rss/kabar", .init(headers: [("Content-Type", "application/rss+xml")], body: Self.rss))
            #expect(try await FeedPoller.pollDue(app: app, tenantID: w.tenantA.id!) == 1)
            let saved = try #require(try await ListeningFeedModel.find(feed.id, on: app.db))
            #expect(saved.lastError == "Alamat feed menunjuk ke jaringan internal (127.0.0.1); Simpul hanya membaca alamat internet publik.")
            #expect(server.requests.isEmpty, "nothing was sent to the internal address")
            #expect(try await ListenedItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0)
        }
    }

    @Test("in Sandbox mode the demo's portals answer from the Sandbox: articles kept once and matched; elsewhere the address does not exist")
    func sandboxPortals() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1, query: "(air OR pdam OR pipa OR banjir OR jalan OR ktp)", unit: "OPD-A")
            let browser = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let url = SandboxNews.feedURL(portal: "kabar-kota")
            let form = ["name": "Kabar Kota", "url": url, "unit_id": w.units["OPD-A"]!.uuidString]
            let outside = try await app.web(.POST, "/listening/feeds", as: browser, form: form)
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains("Nama server \(SandboxNews.host) tidak ditemukan"))

            let settings = ListeningSettingsModel.standard(tenantID: w.tenantA.id!, at: app.clock.now())
            settings.id = UUID()
            settings.sandbox = true
            try await settings.create(on: app.db)
            #expect(try await app.web(.POST, "/listening/feeds", as: browser, form: form).status == .seeOther)
            #expect(try await FeedPoller.pollDue(app: app, tenantID: w.tenantA.id!) == 1)
            let items = try await ListenedItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count()
            #expect(items >= 24)
            #expect(try await ListeningItemHitModel.query(on: app.db).filter(\.$ruleID == rule.id!).count() > 0, "the city's news gives the rule hits")
            let feed = try #require(try await ListeningFeedModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            #expect(feed.lastError == nil && feed.etag != nil)
            try await FeedPoller.pollDue(app: app, tenantID: w.tenantA.id!, force: true)
            #expect(try await ListenedItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == items, "the same hour is a 304")
        }
    }
}
