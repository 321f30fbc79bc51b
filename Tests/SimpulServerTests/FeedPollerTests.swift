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
            app.platformTransport = VaporHTTPTransport(client: app.client)
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
}
