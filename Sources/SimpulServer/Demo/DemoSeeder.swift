import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Creates the fictional Pemkot from `DemoCatalog`. Idempotent: whatever already exists (by
/// tenant slug, unit code, e-mail, platform + handle) is left as it is, so running the demo
/// twice neither duplicates nor resets anything.
enum DemoSeeder {
    static let password = "simpul-demo-2026"

    struct Summary {
        var tenant: Tenant
        var created = (units: 0, users: 0, memberships: 0, accounts: 0)
    }

    static func seed(_ app: Application) async throws -> Summary {
        let db = app.db
        let now = app.clock.now()
        let tenant: Tenant
        if let existing = try await Tenant.query(on: db).filter(\.$slug == DemoCatalog.tenantSlug).first() {
            tenant = existing
        } else {
            tenant = Tenant(name: DemoCatalog.tenantName, slug: DemoCatalog.tenantSlug, timeZone: DemoCatalog.timeZone, createdAt: now)
            try await tenant.create(on: db)
        }
        let tenantID = tenant.id!
        let actor = Auditor.Actor.system(tenantID: tenantID, at: now, name: "simpul demo")

        let created = try await db.transaction { db in
            var created = (units: 0, users: 0, memberships: 0, accounts: 0)
            var unitIDs = Dictionary(try await UnitQueries.all(tenantID: tenantID, on: db).map { ($0.code, $0.id!) }, uniquingKeysWith: { a, _ in a })
            for seed in DemoCatalog.units where unitIDs[seed.code] == nil {
                let unit = UnitModel(tenantID: tenantID, parentID: seed.parentCode.flatMap { unitIDs[$0] }, kind: seed.kind, name: seed.name, code: seed.code, at: now)
                try await unit.create(on: db)
                unitIDs[seed.code] = unit.id
                created.units += 1
                try await Auditor.record(actor, on: db, action: .unitCreate, targetType: .unit, targetID: unit.id, label: unit.name, after: UnitService.fields(unit))
            }

            // One hash for everyone: every demo login shares the printed password, and hashing
            // ninety-odd times at production cost would keep the demo waiting for half a minute.
            let hash = try await app.password.async.hash(password)
            var userIDs = Dictionary(try await UserModel.query(on: db).filter(\.$tenantID == tenantID).all().map { ($0.email, $0.id!) }, uniquingKeysWith: { a, _ in a })
            let existingGrants = Set(try await MembershipModel.query(on: db).filter(\.$tenantID == tenantID).all().map { "\($0.userID)|\($0.unitID)|\($0.role.rawValue)" })
            for person in DemoCatalog.people {
                let email = person.emailLocalPart + "@" + DemoCatalog.emailDomain
                if userIDs[email] == nil {
                    let user = UserModel(tenantID: tenantID, name: person.name, email: email, nip: person.nip, phone: person.phone, passwordHash: hash, at: now)
                    try await user.create(on: db)
                    userIDs[email] = user.id
                    created.users += 1
                    try await Auditor.record(actor, on: db, action: .userCreate, targetType: .user, targetID: user.id, label: user.name, after: UserService.fields(user))
                }
                for grant in person.grants {
                    guard let userID = userIDs[email], let unitID = unitIDs[grant.unitCode],
                          !existingGrants.contains("\(userID)|\(unitID)|\(grant.role.rawValue)") else { continue }
                    try await MembershipModel(tenantID: tenantID, userID: userID, unitID: unitID, role: grant.role, at: now).create(on: db)
                    created.memberships += 1
                }
            }

            let existingAccounts = Set(try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).all().map { $0.platform.rawValue + "/" + $0.handle })
            for seed in DemoCatalog.accounts where !existingAccounts.contains(seed.platform.rawValue + "/" + seed.handle) {
                guard let unitID = unitIDs[seed.unitCode] else { continue }
                let draft = AccountDraft(platform: seed.platform, handle: seed.handle, displayName: seed.displayName, kind: seed.kind, unitID: unitID,
                                         ownerID: seed.ownerEmailLocalPart.flatMap { userIDs[$0 + "@" + DemoCatalog.emailDomain] },
                                         followers: seed.followers, status: seed.status)
                let account = AccountModel(tenantID: tenantID, draft: draft, at: now)
                try connectToSandbox(account, box: app.secretBox)
                try await account.create(on: db)
                created.accounts += 1
                try await Auditor.record(actor, on: db, action: .accountCreate, targetType: .account, targetID: account.id,
                                         label: AccountService.label(account), after: AccountService.fields(account))
            }
            // Demo accounts from before the Sandbox existed are connected to it too.
            for account in try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$externalID == nil).all()
                where DemoCatalog.accounts.contains(where: { $0.platform == account.platform && $0.handle == account.handle }) {
                try connectToSandbox(account, box: app.secretBox)
                try await account.save(on: db)
            }
            try await seedCompliance(tenantID: tenantID, actor: actor, at: now, on: db)
            try await DemoContentSeeder.seed(tenant: tenant, app: app, on: db)
            try await DemoContentSeeder.seedAmplification(tenant: tenant, app: app, on: db)
            try await seedListening(tenantID: tenantID, units: unitIDs, at: now, on: db)
            try await seedOnCall(tenantID: tenantID, at: now, on: db)
            return created
        }
        return Summary(tenant: tenant, created: created)
    }

    /// The demo city's listening rules, once: the Sandbox's traffic then gives them hits.
    static func seedListening(tenantID: UUID, units: [String: UUID], at now: Date, on db: Database) async throws {
        guard try await ListeningRuleModel.query(on: db).filter(\.$tenantID == tenantID).count() == 0 else { return }
        for seed in DemoListening.rules {
            guard let unitID = units[seed.unitCode] else { continue }
            let rule = ListeningRuleModel()
            rule.id = UUID()
            rule.tenantID = tenantID
            rule.unitID = unitID
            rule.name = seed.name
            rule.query = seed.query
            rule.active = true
            rule.createdAt = now
            rule.updatedAt = now
            try await rule.create(on: db)
            for (source, terms) in [(ListeningSource.xSearch, seed.xSearch), (.youtubeSearch, seed.youtubeSearch)] {
                guard let terms else { continue }
                let search = ListeningSearchModel()
                search.id = UUID()
                search.tenantID = tenantID
                search.ruleID = rule.id!
                search.source = source
                search.terms = terms
                search.active = true
                search.createdAt = now
                try await search.create(on: db)
            }
        }
        // The city's news portals, answered by the Sandbox (`SandboxNews`) in Sandbox mode.
        for (portal, unitCode) in [("kabar-kota", "PEMKOT"), ("warta-warga", "DISKOMINFO")] {
            guard let unitID = units[unitCode], let name = SandboxNews.portals[portal] else { continue }
            let feed = ListeningFeedModel()
            feed.id = UUID()
            feed.tenantID = tenantID
            feed.unitID = unitID
            feed.name = name
            feed.url = SandboxNews.feedURL(portal: portal)
            feed.active = true
            feed.createdAt = now
            try await feed.create(on: db)
        }
        // The demo searches the Sandbox's city, never the real X or YouTube.
        let settings = ListeningSettingsModel.standard(tenantID: tenantID, at: now)
        settings.id = UUID()
        settings.sandbox = true
        try await settings.create(on: db)
    }

    /// The demo's WhatsApp on-call list, once: two koordinators, reached from the city's
    /// Sandbox WhatsApp account with an approved alert template, so a Sandbox surge shows the
    /// WhatsApp alert going out.
    static func seedOnCall(tenantID: UUID, at now: Date, on db: Database) async throws {
        guard try await OnCallSettingsModel.current(tenantID: tenantID, on: db) == nil,
              let account = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$platform == .whatsapp)
                .filter(\.$sandbox == true).sort(\.$createdAt).first() else { return }
        var template = try await WhatsAppTemplateModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$name == "peringatan_lonjakan").first()
        if template == nil {
            let made = WhatsAppTemplateModel()
            made.id = UUID()
            made.tenantID = tenantID
            made.name = "peringatan_lonjakan"
            made.language = "id"
            made.body = "Peringatan Simpul: {{1}}. {{2}}. Buka {{3}}"
            made.approved = true
            made.updatedAt = now
            try await made.create(on: db)
            template = made
        }
        let settings = OnCallSettingsModel()
        settings.id = UUID()
        settings.tenantID = tenantID
        settings.accountID = account.id
        settings.templateID = template?.id
        settings.updatedAt = now
        try await settings.create(on: db)
        for person in DemoCatalog.people.filter({ $0.grants.contains { $0.role == .supervisor } }).prefix(2) {
            let onCall = OnCallPersonModel()
            onCall.id = UUID()
            onCall.tenantID = tenantID
            onCall.name = person.name
            onCall.phone = person.phone
            onCall.createdAt = now
            try await onCall.create(on: db)
        }
    }

    /// The demo city's election data and its own etiquette pack, once.
    static func seedCompliance(tenantID: UUID, actor: Auditor.Actor, at now: Date, on db: Database) async throws {
        let contest = DemoCompliance.election
        if try await ElectionContestModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$name == contest.name).first() == nil {
            let row = ElectionContestModel(tenantID: tenantID, contest: contest, at: now)
            try await row.create(on: db)
            try await Auditor.record(actor, on: db, action: .electionCreate, targetType: .election, targetID: row.id, label: row.name)
        }
        let pack = DemoCompliance.etiquettePack
        if try await TenantPackModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$code == pack.id).first() == nil {
            let row = TenantPackModel(tenantID: tenantID, pack: pack, at: now)
            try await row.create(on: db)
            try await Auditor.record(actor, on: db, action: .packCreate, targetType: .pack, targetID: row.id, label: row.name)
        }
    }

    /// Every demo account talks to the Sandbox: a stable fake platform id, and the Sandbox's
    /// app secret so its signed deliveries verify like real ones.
    static func connectToSandbox(_ account: AccountModel, box: SecretBox) throws {
        let externalID = SandboxIDs.externalID(for: account.platform, handle: account.handle)
        account.externalID = externalID
        account.sandbox = true
        account.credentials = try CredentialVault(box: box).seal(SandboxRunner.credentials(for: account.platform, externalID: externalID))
    }

    /// The logins worth trying first: one per role, as printed when the demo starts.
    static func sampleLogins() -> [(role: Role, email: String, name: String, unit: String)] {
        var result: [(Role, String, String, String)] = []
        for role in Role.allCases {
            if let person = DemoCatalog.people.first(where: { $0.grants.contains { $0.role == role } }),
               let grant = person.grants.first(where: { $0.role == role }) {
                result.append((role, person.emailLocalPart + "@" + DemoCatalog.emailDomain, person.name, grant.unitCode))
            }
        }
        return result
    }
}
