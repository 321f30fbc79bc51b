import Fluent
import Foundation
import SimpulCore
import Vapor

/// Grows the demo city to a province's size for load tests: numbered kelurahan ("Kelurahan
/// Uji 001", …) under the kecamatan in turn, each with one Sandbox account and its own unit
/// admin, until the tenant has `accounts` accounts; then, if asked, second admins for those
/// kelurahan in turn until `admins` people hold a role. Each admin sees only their kelurahan,
/// so a load test signs in people with distinct scopes, not one shared session. Idempotent:
/// the numbered units are found again by their codes, the admins by their e-mail.
enum DemoScale {
    struct Summary: Equatable {
        var units = 0
        var accounts = 0
        var admins = 0
    }

    private static let adminPrefix = "admin.uji."
    private static func number(_ n: Int) -> String { String(format: "%03d", n) }
    static func code(_ n: Int) -> String { "KEL-UJI-" + number(n) }
    /// The admin of numbered kelurahan `n`; from the second round on, its further admins.
    static func email(_ n: Int, round: Int = 1) -> String {
        adminPrefix + number(n) + (round > 1 ? "-\(round)" : "") + "@" + DemoCatalog.emailDomain
    }

    static func grow(toAccounts target: Int, admins adminTarget: Int = 0, tenant: Tenant, app: Application) async throws -> Summary {
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
                guard let unitID = unitIDs[code] else { continue }
                if try await addAdmin(email(n), name: "Admin Kelurahan Uji " + number(n), phone: n, unitID: unitID) { summary.admins += 1 }
            }
            // More admins than accounts: the numbered kelurahan get further admins, in turn
            // (admin.uji.001-2, admin.uji.002-2, …).
            let numbered = (1...).prefix { unitIDs[code($0)] != nil }.count
            var holders = Set(try await MembershipModel.query(on: db).filter(\.$tenantID == tenantID).all().map(\.userID)).count
            var extra = 0
            while holders < adminTarget, numbered > 0 {
                let unit = extra % numbered + 1, round = extra / numbered + 2
                extra += 1
                if try await addAdmin(email(unit, round: round), name: "Admin \(round) Kelurahan Uji " + number(unit), phone: 10_000 * round + unit,
                                      unitID: unitIDs[code(unit)]!) {
                    summary.admins += 1
                    holders += 1
                }
            }
            return summary

            func addAdmin(_ email: String, name: String, phone: Int, unitID: UUID) async throws -> Bool {
                guard !emails.contains(email) else { return false }
                let user = UserModel(tenantID: tenantID, name: name, email: email, nip: nil,
                                     phone: "+62812" + String(format: "%07d", phone), passwordHash: hash, at: now)
                try await user.create(on: db)
                try await MembershipModel(tenantID: tenantID, userID: user.id!, unitID: unitID, role: .unitAdmin, at: now).create(on: db)
                try await Auditor.record(actor, on: db, action: .userCreate, targetType: .user, targetID: user.id, label: user.name, after: UserService.fields(user))
                return true
            }
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
