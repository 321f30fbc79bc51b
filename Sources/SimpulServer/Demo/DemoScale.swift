import Fluent
import Foundation
import SimpulCore
import Vapor

/// Grows the demo city to a province's size for load tests: numbered kelurahan ("Kelurahan
/// Uji 001", …) under the kecamatan in turn, each with one Sandbox account and its own unit
/// admin, until the tenant has `accounts` accounts. Each admin sees only their kelurahan, so a
/// load test signs in people with distinct scopes, not one shared session. Idempotent: the
/// numbered units are found again by their codes.
enum DemoScale {
    struct Summary: Equatable {
        var units = 0
        var accounts = 0
        var admins = 0
    }

    private static let adminPrefix = "admin.uji."
    private static func number(_ n: Int) -> String { String(format: "%03d", n) }
    static func code(_ n: Int) -> String { "KEL-UJI-" + number(n) }
    static func email(_ n: Int) -> String { adminPrefix + number(n) + "@" + DemoCatalog.emailDomain }

    static func grow(toAccounts target: Int, tenant: Tenant, app: Application) async throws -> Summary {
        let tenantID = try tenant.requireID()
        let now = app.clock.now()
        let actor = Auditor.Actor.system(tenantID: tenantID, at: now, name: "simpul demo")
        return try await app.db.transaction { db in
            var summary = Summary()
            let units = try await UnitQueries.all(tenantID: tenantID, on: db)
            let kecamatan = units.filter { $0.kind == .kecamatan }.sorted { $0.code < $1.code }
            guard !kecamatan.isEmpty else { return summary }
            var unitIDs = Dictionary(units.map { ($0.code, $0.id!) }, uniquingKeysWith: { a, _ in a })
            var accountCount = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).count()
            let emails = Set(try await UserModel.query(on: db).filter(\.$tenantID == tenantID).all().map(\.email))
            let hash = try await app.password.async.hash(DemoSeeder.password)
            var n = 0
            while accountCount < target {
                n += 1
                let code = code(n)
                if unitIDs[code] == nil {
                    let unit = UnitModel(tenantID: tenantID, parentID: kecamatan[(n - 1) % kecamatan.count].id, kind: .kelurahan,
                                         name: "Kelurahan Uji " + number(n), code: code, at: now)
                    try await unit.create(on: db)
                    unitIDs[code] = unit.id
                    summary.units += 1
                    try await Auditor.record(actor, on: db, action: .unitCreate, targetType: .unit, targetID: unit.id, label: unit.name, after: UnitService.fields(unit))
                    let platform = Platform.allCases[(n - 1) % Platform.allCases.count]
                    let draft = AccountDraft(platform: platform, handle: handle(n, platform), displayName: unit.name, kind: .official, unitID: unit.id!,
                                             ownerID: nil, followers: 800 + (n * 137) % 9_000, status: .connected)
                    let account = AccountModel(tenantID: tenantID, draft: draft, at: now)
                    try DemoSeeder.connectToSandbox(account, box: app.secretBox)
                    try await account.create(on: db)
                    accountCount += 1
                    summary.accounts += 1
                    try await Auditor.record(actor, on: db, action: .accountCreate, targetType: .account, targetID: account.id,
                                             label: AccountService.label(account), after: AccountService.fields(account))
                }
                let email = email(n)
                guard !emails.contains(email), let unitID = unitIDs[code] else { continue }
                let user = UserModel(tenantID: tenantID, name: "Admin Kelurahan Uji " + number(n), email: email, nip: nil,
                                     phone: "+62812" + String(format: "%07d", n), passwordHash: hash, at: now)
                try await user.create(on: db)
                try await MembershipModel(tenantID: tenantID, userID: user.id!, unitID: unitID, role: .unitAdmin, at: now).create(on: db)
                summary.admins += 1
                try await Auditor.record(actor, on: db, action: .userCreate, targetType: .user, targetID: user.id, label: user.name, after: UserService.fields(user))
            }
            return summary
        }
    }

    /// Every login of the tenant that holds a role, the numbered admins first: a load test
    /// takes as many distinct people as it needs from the top.
    static func logins(tenant: Tenant, on db: Database) async throws -> [String] {
        let tenantID = try tenant.requireID()
        let members = Set(try await MembershipModel.query(on: db).filter(\.$tenantID == tenantID).all().map(\.userID))
        let emails = try await UserModel.query(on: db).filter(\.$tenantID == tenantID).sort(\.$email).all()
            .filter { members.contains($0.id!) }.map(\.email)
        let numbered = emails.filter { $0.hasPrefix(adminPrefix) }
        return numbered + emails.filter { !$0.hasPrefix(adminPrefix) }
    }

    /// A handle each platform accepts: WhatsApp accounts are phone numbers, X handles have no dots.
    private static func handle(_ n: Int, _ platform: Platform) -> String {
        switch platform {
        case .whatsapp: return "+62811900" + number(n)
        case .x: return "keluji" + number(n)
        default: return "kel.uji." + number(n)
        }
    }
}
