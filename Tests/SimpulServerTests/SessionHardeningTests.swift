import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Testing
import VaporTesting
@testable import SimpulServer

/// The smaller holes an attacker's probe found around sign-in, caching, stored deliveries and
/// role grants.
@Suite("Session hardening")
struct SessionHardeningTests {
    /// POST /login with the given cookie token and form token, as a browser on another site
    /// or an attacker who planted the cookie would.
    static func login(_ app: Application, _ world: World, cookie: String?, field: String, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        let user = world.inScope[.operator]!
        var headers = extra
        if let cookie { headers.add(name: .cookie, value: "\(CSRF.loginCookie)=\(cookie)") }
        return try await app.testing().sendRequest(.POST, "/login", headers: headers) { req in
            try req.content.encode(["email": user.email, "password": world.password, "tenant": world.tenantA.slug, "_csrf": field], as: .urlEncodedForm)
        }
    }

    @Test("the login form believes only a token this server signed within the hour, never one from another site")
    func loginCSRF() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            // An attacker-chosen cookie with the matching field: the old double submit took it.
            #expect(try await Self.login(app, world, cookie: "ditanam-penyerang", field: "ditanam-penyerang").status == .forbidden)
            let issued = try #require(try await app.web(.GET, "/login", as: nil).headers.setCookie?[CSRF.loginCookie]?.string)
            let parts = issued.split(separator: ".")
            #expect(parts.count == 3)
            let altered = parts[0] + "." + String(Int(parts[1])! + 1) + "." + parts[2]
            #expect(try await Self.login(app, world, cookie: altered, field: altered).status == .forbidden)
            #expect(try await Self.login(app, world, cookie: issued, field: "lain").status == .forbidden)
            #expect(try await Self.login(app, world, cookie: issued, field: issued, headers: ["Sec-Fetch-Site": "cross-site"]).status == .forbidden)
            #expect(try await Self.login(app, world, cookie: issued, field: issued, headers: ["Sec-Fetch-Site": "same-site"]).status == .forbidden)
            #expect(try await SessionModel.query(on: app.db).filter(\.$userID == world.inScope[.operator]!.id!).count() == 0)
            // The same token from this site signs in, and not once it is more than an hour old.
            #expect(try await Self.login(app, world, cookie: issued, field: issued, headers: ["Sec-Fetch-Site": "same-origin"]).status == .seeOther)
            clock.advance(by: LoginToken.lifetime + 1)
            #expect(try await Self.login(app, world, cookie: issued, field: issued).status == .forbidden)
            // A login page shown then hands out a fresh token.
            let page = try await app.testing().sendRequest(.GET, "/login", headers: [HTTPHeaders.Name.cookie.description: "\(CSRF.loginCookie)=\(issued)"])
            let fresh = try #require(page.headers.setCookie?[CSRF.loginCookie]?.string)
            #expect(fresh != issued)
            #expect(try await Self.login(app, world, cookie: fresh, field: fresh).status == .seeOther)
        }
    }

    @Test("changing one's password revokes one's API tokens and ends the other sessions")
    func passwordChangeRevokesTokens() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let user = world.inScope[.unitAdmin]!
            let token = try await World.apiToken(user, app: app)
            let other = try await World.signIn(user, app: app)
            let browser = try await World.signIn(user, app: app)
            #expect(try await app.api(.GET, "/api/v1/accounts", token: token).status == .ok)
            let changed = try await app.web(.POST, "/profile/password", as: browser,
                                            form: ["current": world.password, "password": "kata-sandi-baru-4567", "confirm": "kata-sandi-baru-4567"])
            #expect(changed.status == .seeOther)
            #expect(try await app.api(.GET, "/api/v1/accounts", token: token).status == .unauthorized)
            #expect(try await app.web(.GET, "/", as: other).status == .seeOther)
            #expect(try await app.web(.GET, "/", as: browser).status == .ok)
            // An administrator's reset does the same for the person reset.
            let targetToken = try await World.apiToken(world.target, app: app)
            let admin = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            let reset = try await app.web(.POST, "/users/\(world.target.id!)/reset-password", as: admin, form: ["password": "sandi-atur-ulang-890"])
            #expect(reset.status == .seeOther)
            #expect(try await app.api(.GET, "/api/v1/accounts", token: targetToken).status == .unauthorized)
        }
    }

    @Test("signed-in answers are not stored by caches; https deployments send HSTS")
    func cachingAndTransport() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let browser = try await World.signIn(world.inScope[.supervisor]!, app: app)
            for path in ["/", "/inbox", "/accounts", "/users"] {
                let response = try await app.web(.GET, path, as: browser)
                #expect(response.headers.first(name: .cacheControl) == "no-store", "\(path)")
            }
            let token = try await World.apiToken(world.inScope[.supervisor]!, app: app)
            #expect(try await app.api(.GET, "/api/v1/accounts", token: token).headers.first(name: .cacheControl) == "no-store")
            // The style sheet keeps its own caching; plain http gets no HSTS.
            let css = try await app.web(.GET, SiteRoute.stylesheet.path, as: browser)
            #expect(css.headers.first(name: .cacheControl)?.contains("max-age") == true)
            #expect(css.headers.first(name: "Strict-Transport-Security") == nil)
        }
        try await withTestApp(environment: ["SIMPUL_BASE_URL": "https://sosmed.pemkot-uji.go.id"]) { app in
            let response = try await app.web(.GET, "/login", as: nil)
            #expect(response.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
        }
    }

    @Test("unreadable signed deliveries are kept up to a cap per tenant and for a month")
    func unreadableCap() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let start = app.clock.now()
            func kept(_ tenant: Tenant) async throws -> [SQLRow] {
                try await (try app.db.sql).select().column("reason").column("received_at").from("webhook_deliveries")
                    .where("tenant_id", .equal, SQLBind(tenant.id!)).all()
            }
            try await IngestStore.keepUnreadable(tenantID: world.tenantB.id!, format: .meta, reason: "tenant lain", body: Data("x".utf8), at: start, on: app.db)
            try await IngestStore.keepUnreadable(tenantID: world.tenantA.id!, format: .meta, reason: "lama", body: Data("x".utf8),
                                                 at: start.addingTimeInterval(-IngestStore.keptFor - 60), on: app.db)
            for n in 0..<(IngestStore.maxKeptPerTenant + 5) {
                try await IngestStore.keepUnreadable(tenantID: world.tenantA.id!, format: .meta, reason: "rusak \(n)", body: Data("{".utf8),
                                                     at: start.addingTimeInterval(Double(n)), on: app.db)
            }
            let rows = try await kept(world.tenantA)
            let reasons = Set(try rows.map { try $0.decode(column: "reason", as: String.self) })
            #expect(rows.count == IngestStore.maxKeptPerTenant)
            #expect(!reasons.contains("lama"))
            #expect(!reasons.contains("rusak 4") && reasons.contains("rusak 5") && reasons.contains("rusak \(IngestStore.maxKeptPerTenant + 4)"))
            #expect(try await kept(world.tenantB).count == 1)
        }
    }

    @Test("nobody grants a role to themselves; granting to someone else still works")
    func noSelfGrant() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let admin = world.inScope[.unitAdmin]!
            let browser = try await World.signIn(admin, app: app)
            func roles(_ user: UserModel) async throws -> [Role] {
                try await MembershipModel.query(on: app.db).filter(\.$userID == user.id!).all().map(\.role)
            }
            let own = try await app.web(.POST, "/users/\(admin.id!)/roles", as: browser, form: ["role": "approver", "unit_id": world.units["OPD-A"]!.uuidString])
            #expect(own.status == .unprocessableEntity)
            #expect(own.body.string.contains("tidak bisa memberi peran kepada diri sendiri"))
            #expect(try await roles(admin) == [.unitAdmin])
            let other = try await app.web(.POST, "/users/\(world.target.id!)/roles", as: browser, form: ["role": "approver", "unit_id": world.units["OPD-A"]!.uuidString])
            #expect(other.status == .seeOther)
            #expect(Set(try await roles(world.target)) == [.operator, .approver])
        }
    }
}
