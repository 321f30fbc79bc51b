import Fluent
import Foundation
import SimpulPlatforms
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("System")
struct SystemTests {
    @Test("health, readiness and Prometheus metrics")
    func observability() async throws {
        try await withTestApp { app in
            #expect(try await app.web(.GET, "/healthz", as: nil).body.string.contains("ok"))
            let ready = try await app.web(.GET, "/readyz", as: nil)
            #expect(ready.status == .ok)
            #expect(ready.body.string.contains("ready"))
            _ = try await app.web(.GET, "/login", as: nil)
            let metrics = try await app.web(.GET, "/metrics", as: nil).body.string
            #expect(metrics.contains("http_requests_total{method=\"GET\",route=\"/login\",status=\"200\"}"))
            #expect(metrics.contains("http_request_duration_seconds_bucket"))
        }
    }

    @Test("the demo seeds a realistic Pemkot, twice without duplicates, and its logins work")
    func demo() async throws {
        try await withTestApp { app in
            // The demo uses a fixed slug; on a shared PostgreSQL another run may have seeded it already.
            let first = try await DemoSeeder.seed(app)
            let second = try await DemoSeeder.seed(app)
            #expect(second.created.units == 0 && second.created.users == 0 && second.created.accounts == 0 && second.created.memberships == 0)
            let tenantID = first.tenant.id!
            let tree = try await UnitQueries.tree(tenantID: tenantID, on: app.db)
            let kinds = tree.units.values.map(\.kind)
            #expect(kinds.filter { [.opd, .badan, .bagian].contains($0) }.count >= 28)
            #expect(kinds.filter { $0 == .kecamatan }.count == 16)
            #expect(kinds.filter { $0 == .kelurahan }.count == 60)
            let accounts = try await AccountModel.query(on: app.db).filter(\.$tenantID == tenantID).all()
            #expect(accounts.filter { $0.kind == .official }.count >= 95)
            #expect(Set(accounts.map(\.platform)) == Set(Platform.allCases))
            #expect(accounts.contains { $0.kind == .staff && $0.ownerID != nil })
            // Every seeded account obeys the same rules the forms enforce.
            for account in accounts { #expect(HandleRules.isValid(account.handle, for: account.platform), "\(account.platform) \(account.handle)") }
            let admins = try await UserQueries.directory(tenantID: tenantID, on: app.db).filter { $0.memberships.contains { $0.role != .staff } }
            #expect((70...80).contains(admins.count))

            let login = try await AuthenticationTests.login(app, tenant: first.tenant, email: DemoSeeder.sampleLogins()[0].email, password: DemoSeeder.password)
            #expect(login.status == .seeOther)
            let cookie = try #require(login.headers.setCookie?[SessionAuthenticator.cookieName]?.string)
            let home = try await app.testing().sendRequest(.GET, "/", headers: ["Cookie": "\(SessionAuthenticator.cookieName)=\(cookie)"])
            #expect(home.body.string.contains("id=\"count-accounts\""))
            #expect(home.body.string.contains(IndonesianFormat.number(accounts.filter(\.active).count)))
        }
    }

    @Test("production refuses to start without its secrets, naming all of them")
    func productionSettings() throws {
        #expect(throws: Settings.Missing.self) { try Settings.fromEnvironment(["SIMPUL_ENV": "production"]) }
        do {
            _ = try Settings.fromEnvironment(["SIMPUL_ENV": "production", "SIMPUL_PORT": "99999"])
        } catch let missing as Settings.Missing {
            #expect(missing.problems.count == 3)
            #expect(missing.description.contains("SIMPUL_SECRET_KEY"))
            #expect(missing.description.contains("SIMPUL_BASE_URL"))
            #expect(missing.description.contains("SIMPUL_PORT"))
        }
        let ok = try Settings.fromEnvironment(["SIMPUL_ENV": "production", "SIMPUL_SECRET_KEY": String(repeating: "k", count: 40), "SIMPUL_BASE_URL": "https://medsos.kota.go.id"])
        #expect(ok.secureCookies)
        #expect(!ok.autoMigrate)
        let dev = try Settings.fromEnvironment([:])
        #expect(dev.sqlitePath == "data/simpul.sqlite" && !dev.usesPostgres)
        #expect(dev.platformEndpoints == PlatformEndpoints())
    }

    @Test("platform API locations are configuration; bad ones are named")
    func platformEndpoints() throws {
        let proxied = try Settings.fromEnvironment(["SIMPUL_GRAPH_URL": "http://127.0.0.1:9000", "SIMPUL_GRAPH_VERSION": "v22.0",
                                                    "SIMPUL_X_API_URL": "https://x-proxy.kota.go.id"])
        #expect(proxied.platformEndpoints.graphBaseURL.absoluteString == "http://127.0.0.1:9000" && proxied.platformEndpoints.graphVersion == "v22.0")
        #expect(proxied.platformEndpoints.xBaseURL.host == "x-proxy.kota.go.id")
        #expect(proxied.platformEndpoints.youtubeBaseURL == PlatformEndpoints().youtubeBaseURL)
        do {
            _ = try Settings.fromEnvironment(["SIMPUL_GRAPH_URL": "graph.facebook.com", "SIMPUL_GRAPH_VERSION": "22", "SIMPUL_TIKTOK_API_URL": "ftp://x"])
            Issue.record("bad platform URLs were accepted")
        } catch let missing as Settings.Missing {
            #expect(missing.problems.count == 3 && missing.description.contains("SIMPUL_GRAPH_URL") && missing.description.contains("SIMPUL_GRAPH_VERSION"))
        }
    }

    @Test("stored credentials are sealed and open only with the same key")
    func secretBox() throws {
        let box = SecretBox(secretKey: "kunci-rahasia-yang-cukup-panjang-1234")
        let plain = Data(#"{"token":"EAAB-rahasia"}"#.utf8)
        let sealed = try box.seal(plain)
        #expect(sealed != plain)
        #expect(!String(decoding: sealed, as: UTF8.self).contains("EAAB"))
        #expect(try box.open(sealed) == plain)
        #expect(throws: (any Error).self) { try SecretBox(secretKey: "kunci-lain-yang-juga-cukup-panjang-999").open(sealed) }
    }

    @Test("pages switch to English and back")
    func language() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let browser = try await World.signIn(world.inScope[.viewer]!, app: app)
            let indonesian = try await app.web(.GET, "/accounts", as: browser)
            #expect(indonesian.body.string.contains("Akun media sosial"))
            let english = try await app.testing().sendRequest(.GET, "/accounts", headers: ["Cookie": browser.cookie + "; simpul_lang=en"])
            #expect(english.body.string.contains("Social media accounts"))
            #expect(english.body.string.contains("lang=\"en\""))
        }
    }
}
