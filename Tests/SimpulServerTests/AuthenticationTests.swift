import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Authentication")
struct AuthenticationTests {
    /// GET /login, then POST it with the login form's own CSRF cookie and field.
    static func login(_ app: Application, tenant: Tenant, email: String, password: String) async throws -> TestingHTTPResponse {
        let page = try await app.web(.GET, "/login", as: nil)
        let cookie = page.headers.setCookie?[CSRF.loginCookie]?.string ?? ""
        let form = ["email": email, "password": password, "tenant": tenant.slug, "next": "/", "_csrf": cookie]
        return try await app.testing().sendRequest(.POST, "/login", headers: ["Cookie": "\(CSRF.loginCookie)=\(cookie)"]) { req in
            try req.content.encode(form, as: .urlEncodedForm)
        }
    }

    @Test("a correct password signs in and the session opens pages")
    func signIn() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let user = world.inScope[.supervisor]!
            let response = try await Self.login(app, tenant: world.tenantA, email: user.email, password: world.password)
            #expect(response.status == .seeOther)
            let session = try #require(response.headers.setCookie?[SessionAuthenticator.cookieName]?.string)
            let home = try await app.testing().sendRequest(.GET, "/", headers: ["Cookie": "\(SessionAuthenticator.cookieName)=\(session)"])
            #expect(home.status == .ok)
            #expect(home.body.string.contains(user.name))
            let logins = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$action == .sessionLogin).count()
            #expect(logins == 1)
        }
    }

    @Test("five wrong passwords lock the account, even against the right one")
    func rateLimitPerAccount() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let user = world.inScope[.operator]!
            for _ in 0..<LoginRateLimiter.freeFailures {
                let wrong = try await Self.login(app, tenant: world.tenantA, email: user.email, password: "bukan-kata-sandi")
                #expect(wrong.status == .unauthorized)
            }
            let locked = try await Self.login(app, tenant: world.tenantA, email: user.email, password: world.password)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("Terlalu banyak percobaan"))
            #expect(locked.headers.setCookie?[SessionAuthenticator.cookieName] == nil)
            // Another person from the same address is not yet locked out.
            let other = try await Self.login(app, tenant: world.tenantA, email: world.inScope[.viewer]!.email, password: world.password)
            #expect(other.status == .seeOther)
        }
    }

    @Test("the lock lifts when the window has passed")
    func rateLimitExpires() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let email = world.inScope[.operator]!.email
            for _ in 0..<LoginRateLimiter.freeFailures {
                _ = try await Self.login(app, tenant: world.tenantA, email: email, password: "bukan-kata-sandi")
            }
            #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: world.password).status == .tooManyRequests)
            clock.advance(by: LoginRateLimiter.firstLock + 1)
            #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: world.password).status == .seeOther)
        }
    }

    /// The login form posted from a given client address (the test app believes X-Forwarded-For
    /// only when told to, so the address comes from a proxy header the settings trust).
    static func login(_ app: Application, tenant: Tenant, email: String, password: String, from ip: String) async throws -> TestingHTTPResponse {
        let page = try await app.web(.GET, "/login", as: nil)
        let cookie = page.headers.setCookie?[CSRF.loginCookie]?.string ?? ""
        let form = ["email": email, "password": password, "tenant": tenant.slug, "next": "/", "_csrf": cookie]
        return try await app.testing().sendRequest(.POST, "/login", headers: ["Cookie": "\(CSRF.loginCookie)=\(cookie)", "X-Forwarded-For": ip]) { req in
            try req.content.encode(form, as: .urlEncodedForm)
        }
    }

    @Test("colleagues behind one office address are not locked out by one person's failures")
    func sharedAddress() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            for n in 0..<30 {
                _ = try await Self.login(app, tenant: world.tenantA, email: "tebak\(n % 3)@uji.go.id", password: "salah-salah")
            }
            #expect(try await Self.login(app, tenant: world.tenantA, email: "tebak0@uji.go.id", password: "salah-salah").status == .tooManyRequests)
            for role in [Role.viewer, .operator, .supervisor] {
                let response = try await Self.login(app, tenant: world.tenantA, email: world.inScope[role]!.email, password: world.password)
                #expect(response.status == .seeOther, "\(role) locked out by another account's failures")
            }
        }
    }

    @Test("thirty wrong passwords sent at once: no more than the free failures reach the password check")
    func parallelAttempts() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let email = world.inScope[.operator]!.email
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<30 {
                    group.addTask { try await Self.login(app, tenant: world.tenantA, email: email, password: "bukan-kata-sandi").status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
            // Attempts refused while others were in flight checked no password and do not count;
            // guessing on one at a time reaches exactly the free failures in all.
            var checked = statuses.filter { $0 == .unauthorized }.count
            for _ in 0..<10 where try await Self.login(app, tenant: world.tenantA, email: email, password: "bukan-kata-sandi").status == .unauthorized {
                checked += 1
            }
            #expect(checked == LoginRateLimiter.freeFailures)
            #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: world.password).status == .tooManyRequests)
        }
    }

    @Test("each failure after a lock doubles the next lock; a success starts the count again")
    func backoff() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let email = world.inScope[.operator]!.email
            for _ in 0..<LoginRateLimiter.freeFailures {
                #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: "salah").status == .unauthorized)
            }
            clock.advance(by: LoginRateLimiter.firstLock + 1)
            #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: "salah").status == .unauthorized)
            // Now locked for twice as long: the first lock's length is not enough.
            clock.advance(by: LoginRateLimiter.firstLock + 1)
            let locked = try await Self.login(app, tenant: world.tenantA, email: email, password: world.password)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("dalam 15 menit"))
            clock.advance(by: LoginRateLimiter.firstLock)
            #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: world.password).status == .seeOther)
            #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: "salah").status == .unauthorized)
            #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: world.password).status == .seeOther)
        }
    }

    @Test("many addresses guessing one account lock it from everywhere; other accounts stay open")
    func distributedGuessing() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let email = world.inScope[.operator]!.email
            app.settings.trustForwardedFor = true
            for n in 0..<LoginRateLimiter.maxFailuresPerAccount {
                #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: "salah", from: "10.0.\(n / 4).\(n)").status == .unauthorized)
            }
            #expect(try await Self.login(app, tenant: world.tenantA, email: email, password: world.password, from: "192.0.2.7").status == .tooManyRequests)
            #expect(try await Self.login(app, tenant: world.tenantA, email: world.inScope[.viewer]!.email, password: world.password, from: "10.0.0.1").status == .seeOther)
        }
    }

    @Test("a state change without the CSRF token is refused and writes nothing")
    func csrf() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let browser = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let before = try await app.count("units", tenants: world.tenants)
            let form = ["name": "Bagian Baru", "code": "BAG-BARU", "kind": "bagian", "parent_id": world.units["OPD-A"]!.uuidString]
            let missing = try await app.web(.POST, "/units", as: browser, form: form, csrf: false)
            #expect(missing.status == .forbidden)
            var forged = form
            forged["_csrf"] = "token-palsu"
            let wrong = try await app.web(.POST, "/units", as: browser, form: forged, csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try await app.count("units", tenants: world.tenants) == before)
            // Another session's token does not count either.
            let other = try await World.signIn(world.inScope[.supervisor]!, app: app)
            forged["_csrf"] = other.csrf
            #expect(try await app.web(.POST, "/units", as: browser, form: forged, csrf: false).status == .forbidden)
            #expect(try await app.web(.POST, "/units", as: browser, form: form).status == .seeOther)
        }
    }

    @Test("sessions end after the idle timeout and after their absolute lifetime")
    func sessionExpiry() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let user = world.inScope[.viewer]!
            let response = try await Self.login(app, tenant: world.tenantA, email: user.email, password: world.password)
            let cookie = "\(SessionAuthenticator.cookieName)=\(response.headers.setCookie![SessionAuthenticator.cookieName]!.string)"
            let idle = TimeInterval(app.settings.sessionIdleMinutes * 60)
            // Activity just inside the idle window keeps the session alive, up to its lifetime.
            var elapsed: TimeInterval = 0
            let lifetime = TimeInterval(app.settings.sessionMaxHours * 3600)
            while elapsed + idle - 60 < lifetime {
                clock.advance(by: idle - 60)
                elapsed += idle - 60
                #expect(try await app.testing().sendRequest(.GET, "/", headers: ["Cookie": cookie]).status == .ok)
            }
            clock.advance(by: lifetime - elapsed + 1)
            let expired = try await app.testing().sendRequest(.GET, "/", headers: ["Cookie": cookie])
            #expect(expired.status == .seeOther)
            #expect(expired.headers.first(name: .location)?.hasPrefix("/login") == true)

            let fresh = try await World.signIn(user, app: app)
            clock.advance(by: idle + 1)
            #expect(try await app.web(.GET, "/", as: fresh).status == .seeOther)
        }
    }

    @Test("logout ends the session")
    func logout() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let browser = try await World.signIn(world.inScope[.viewer]!, app: app)
            #expect(try await app.web(.POST, "/logout", as: browser).status == .seeOther)
            #expect(try await app.web(.GET, "/", as: browser).status == .seeOther)
        }
    }

    @Test("passwords are stored as bcrypt hashes and never logged")
    func passwordsNeverPlain() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let admin = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let secret = "Rahasia-Sekali-\(UUID().uuidString.prefix(6))"
            let created = try await app.web(.POST, "/users", as: admin, form: ["name": "Sandi Uji", "email": "sandi@uji.go.id", "password": secret, "role": "viewer", "unit_id": world.units["OPD-A"]!.uuidString])
            #expect(created.status == .seeOther)
            _ = try await Self.login(app, tenant: world.tenantA, email: "sandi@uji.go.id", password: secret)
            _ = try await Self.login(app, tenant: world.tenantA, email: "sandi@uji.go.id", password: secret + "x")
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$email == "sandi@uji.go.id").first())
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(!user.passwordHash.contains(secret))
            #expect(try await app.password.async.verify(secret, created: user.passwordHash))
            #expect(!LogCapture.shared.all.contains { $0.contains(secret) })
            let events = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all()
            #expect(!events.contains { $0.summary.storedText.contains(secret) || $0.summary.storedText.contains(user.passwordHash) })
        }
    }

    @Test("API tokens are stored hashed, work once shown, and stop when revoked")
    func apiTokens() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let browser = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            let page = try await app.web(.POST, "/profile/tokens", as: browser, form: ["name": "Dasbor"])
            #expect(page.status == .created)
            let html = page.body.string
            let start = try #require(html.range(of: "id=\"new-token\">"))
            let token = String(html[start.upperBound...].prefix { $0 != "<" })
            #expect(token.hasPrefix("spl_"))
            let stored = try #require(try await APITokenModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$name == "Dasbor").first())
            #expect(stored.tokenHash == Secrets.fingerprint(token))
            #expect(stored.tokenHash != token)
            #expect(try await app.api(.GET, "/api/v1/accounts", token: token).status == .ok)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == .tokenCreate).filter(\.$tenantID == world.tenantA.id!).count() == 1)
            let listed = try await app.api(.GET, "/api/v1/accounts", token: token)
            #expect(!listed.body.string.contains("credentials"))
            #expect(try await app.web(.POST, "/profile/tokens/\(stored.id!)/revoke", as: browser).status == .seeOther)
            let revoked = try await app.api(.GET, "/api/v1/accounts", token: token)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.body.string.contains("\"code\":\"unauthenticated\""))
            // A token of another tenant's shape but wrong secret, and garbage, are both 401.
            #expect(try await app.api(.GET, "/api/v1/accounts", token: "spl_" + String(repeating: "0", count: 32) + "_x").status == .unauthorized)
            #expect(try await app.api(.GET, "/api/v1/accounts", token: "bukan-token").status == .unauthorized)
        }
    }

    @Test("a deactivated person loses sessions and tokens at once")
    func deactivation() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let target = world.target
            let targetBrowser = try await World.signIn(target, app: app)
            let token = try await World.apiToken(target, app: app)
            let admin = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            #expect(try await app.web(.POST, "/users/\(target.id!)/deactivate", as: admin).status == .seeOther)
            #expect(try await app.web(.GET, "/", as: targetBrowser).status == .seeOther)
            #expect(try await app.api(.GET, "/api/v1/units", token: token).status == .unauthorized)
            let login = try await Self.login(app, tenant: world.tenantA, email: target.email, password: world.password)
            #expect(login.status == .unauthorized)
        }
    }

    @Test("redirects after sign-in stay on this site")
    func safeRedirects() {
        #expect(LocalPath.safeLocal("/accounts?x=1") == "/accounts?x=1")
        #expect(LocalPath.safeLocal("//evil.example/") == "/")
        #expect(LocalPath.safeLocal("https://evil.example/") == "/")
        #expect(LocalPath.safeLocal("/\\evil") == "/")
        #expect(LocalPath.safeLocal(nil) == "/")
    }
}
