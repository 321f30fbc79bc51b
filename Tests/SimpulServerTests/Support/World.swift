import Fluent
import SQLKit
import Foundation
import SimpulCore
import VaporTesting
@testable import SimpulServer

/// Two tenants with a small tree, one person per role in scope and out of scope, and the
/// objects the routes act on. Tenant A:
///   ROOT (pemda) ─ OPD-A (opd) ─ BAG-A1 (bagian)
///                ─ OPD-B (opd)
///                ─ KEC-1 (kecamatan) ─ KEL-1 (kelurahan)
/// "In scope" principals hold their role on OPD-A, where the target objects live; "out of
/// scope" ones hold it on OPD-B. Tenant B has its own supervisor and account.
struct World {
    let tenantA: Tenant
    let tenantB: Tenant
    let units: [String: UUID]
    let unitB: UUID
    let account: AccountModel
    let accountB: AccountModel
    let target: UserModel
    let inScope: [Role: UserModel]
    let outOfScope: [Role: UserModel]
    let otherTenant: UserModel
    let password = "kata-sandi-uji-123"

    var tenants: [Tenant] { [tenantA, tenantB] }

    /// Triages this world's messages until none waits. Only its own tenants: on the shared
    /// PostgreSQL database a pass over every tenant would triage another test's messages while
    /// that test is still storing them, and judge its surges half-way.
    func triage(_ app: Application, now: Date) async throws {
        for tenant in tenants {
            while try await TriageWorker.runOnce(tenant: tenant, db: app.db, now: now) > 0 {}
        }
    }

    static func make(_ app: Application) async throws -> World {
        let db = app.db
        let now = app.clock.now()
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let tenantA = Tenant(name: "Pemkot Uji \(suffix)", slug: "uji-a-\(suffix)", timeZone: "Asia/Jakarta", createdAt: now)
        let tenantB = Tenant(name: "Pemkab Lain \(suffix)", slug: "uji-b-\(suffix)", timeZone: "Asia/Makassar", createdAt: now)
        try await tenantA.create(on: db)
        try await tenantB.create(on: db)
        var units: [String: UUID] = [:]
        for (code, kind, parent) in [("ROOT", UnitKind.pemda, nil), ("OPD-A", .opd, "ROOT"), ("BAG-A1", .bagian, "OPD-A"),
                                     ("OPD-B", .opd, "ROOT"), ("KEC-1", .kecamatan, "ROOT"), ("KEL-1", .kelurahan, "KEC-1")] as [(String, UnitKind, String?)] {
            let unit = UnitModel(tenantID: tenantA.id!, parentID: parent.flatMap { units[$0] }, kind: kind, name: "Unit \(code)", code: code, at: now)
            try await unit.create(on: db)
            units[code] = unit.id
        }
        let rootB = UnitModel(tenantID: tenantB.id!, parentID: nil, kind: .pemda, name: "Pemkab Lain", code: "ROOT", at: now)
        try await rootB.create(on: db)

        let hash = try await app.password.async.hash("kata-sandi-uji-123")
        func person(_ tenant: Tenant, _ email: String, _ grants: [(Role, UUID)]) async throws -> UserModel {
            let user = UserModel(tenantID: tenant.id!, name: "Orang \(email)", email: email, nip: nil, phone: nil, passwordHash: hash, at: now)
            try await user.create(on: db)
            for (role, unit) in grants {
                try await MembershipModel(tenantID: tenant.id!, userID: user.id!, unitID: unit, role: role, at: now).create(on: db)
            }
            return user
        }
        var inScope: [Role: UserModel] = [:], outOfScope: [Role: UserModel] = [:]
        for role in Role.allCases {
            inScope[role] = try await person(tenantA, "\(role.rawValue.lowercased())-in@uji.go.id", [(role, units["OPD-A"]!)])
            outOfScope[role] = try await person(tenantA, "\(role.rawValue.lowercased())-out@uji.go.id", [(role, units["OPD-B"]!)])
        }
        let target = try await person(tenantA, "target@uji.go.id", [(.operator, units["OPD-A"]!)])
        let other = try await person(tenantB, "koordinator@lain.go.id", [(.supervisor, rootB.id!)])

        func account(_ tenant: Tenant, _ handle: String, _ unit: UUID) async throws -> AccountModel {
            let a = AccountModel(tenantID: tenant.id!, draft: AccountDraft(platform: .instagram, handle: handle, displayName: "Akun \(handle)", kind: .official,
                                                                          unitID: unit, ownerID: nil, followers: 1000, status: .connected), at: now)
            try await a.create(on: db)
            return a
        }
        return World(tenantA: tenantA, tenantB: tenantB, units: units, unitB: rootB.id!,
                     account: try await account(tenantA, "dinas.a", units["OPD-A"]!), accountB: try await account(tenantB, "dinas.lain", rootB.id!),
                     target: target, inScope: inScope, outOfScope: outOfScope, otherTenant: other)
    }

    /// A signed-in browser for this person: the cookie header and the session's CSRF token.
    struct Browser {
        let cookie: String
        let csrf: String
    }

    static func signIn(_ user: UserModel, app: Application) async throws -> Browser {
        let secret = Secrets.random()
        let now = app.clock.now()
        let session = SessionModel()
        session.tenantID = user.tenantID
        session.userID = user.id!
        session.tokenHash = Secrets.fingerprint(secret)
        session.csrfToken = Secrets.random()
        session.createdAt = now
        session.lastSeenAt = now
        session.expiresAt = now.addingTimeInterval(3600 * 8)
        try await session.create(on: app.db)
        return Browser(cookie: "\(SessionAuthenticator.cookieName)=\(user.tenantID.uuidString).\(secret)", csrf: session.csrfToken)
    }

    static func apiToken(_ user: UserModel, app: Application) async throws -> String {
        let secret = TokenAuthenticator.make(tenantID: user.tenantID)
        let token = APITokenModel()
        token.tenantID = user.tenantID
        token.userID = user.id!
        token.name = "uji"
        token.tokenHash = Secrets.fingerprint(secret)
        token.createdAt = app.clock.now()
        try await token.create(on: app.db)
        return secret
    }
}

extension Application {
    /// A form POST (or GET) as a signed-in browser would send it.
    func web(_ method: HTTPMethod, _ path: String, as browser: World.Browser?, form: [String: String]? = nil, csrf: Bool = true) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let browser { headers.add(name: .cookie, value: browser.cookie) }
        var fields = form ?? [:]
        if let browser, csrf, method == .POST { fields["_csrf"] = browser.csrf }
        return try await testing().sendRequest(method, path, headers: headers) { req in
            if method == .POST { try req.content.encode(fields, as: .urlEncodedForm) }
        }
    }

    func api(_ method: HTTPMethod, _ path: String, token: String?, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        }
        return try await testing().sendRequest(method, path, headers: headers, body: body)
    }

    /// Rows of one table in the given tenants only: tests share a PostgreSQL database, and
    /// other tests write to it at the same time.
    func count(_ table: String, tenants: [Tenant]) async throws -> Int {
        let ids = tenants.map { $0.id! }
        let row = try await (try db.sql).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .where(SQLColumn("tenant_id"), .in, SQLBind.group(ids)).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
