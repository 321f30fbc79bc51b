import Fluent
import Foundation
import Testing
@testable import SimpulServer
import SimpulCore

@Suite("Demo at scale")
struct DemoScaleTests {
    @Test("--scale grows the demo to the accounts asked for, each new kelurahan with its own account and admin, once")
    func grow() async throws {
        try await withTestApp { app in
            // The demo has a fixed slug and the numbered units fixed codes: on a shared
            // PostgreSQL database another test's demo would be grown too. Nothing here is
            // particular to a database.
            guard !app.db.isPostgres else { return }
            let summary = try await DemoSeeder.seed(app)
            let tenantID = try summary.tenant.requireID()
            let before = try await AccountModel.query(on: app.db).filter(\.$tenantID == tenantID).count()
            let target = before + 4
            let grown = try await DemoScale.grow(toAccounts: target, tenant: summary.tenant, app: app)
            #expect(grown == DemoScale.Summary(units: 4, accounts: 4, admins: 4))
            #expect(try await AccountModel.query(on: app.db).filter(\.$tenantID == tenantID).count() == target)

            let units = try await UnitQueries.all(tenantID: tenantID, on: app.db)
            let kecamatan = Set(units.filter { $0.kind == .kecamatan }.map(\.id))
            for n in 1...4 {
                let unit = try #require(units.first { $0.code == DemoScale.code(n) })
                #expect(unit.kind == .kelurahan && kecamatan.contains(unit.parentID))
                let account = try #require(try await AccountModel.query(on: app.db).filter(\.$unitID == unit.id!).first())
                #expect(account.sandbox && account.externalID != nil)
                let admin = try #require(try await UserModel.query(on: app.db).filter(\.$email == DemoScale.email(n)).first())
                let grants = try await MembershipModel.query(on: app.db).filter(\.$userID == admin.id!).all()
                #expect(grants.map(\.role) == [.unitAdmin] && grants.map(\.unitID) == [unit.id!], "each admin sees only their kelurahan")
                #expect(try await app.password.async.verify(DemoSeeder.password, created: admin.passwordHash))
            }

            #expect(try await DemoScale.grow(toAccounts: target, tenant: summary.tenant, app: app) == DemoScale.Summary(), "a second run adds nothing")
            var logins = try await DemoScale.logins(tenant: summary.tenant, on: app.db)
            #expect(Array(logins.prefix(4)) == (1...4).map { DemoScale.email($0) })
            #expect(Set(logins).count == logins.count && logins.count > 4)

            // More admins than accounts: the numbered kelurahan get second admins in turn.
            let more = try await DemoScale.grow(toAccounts: target, admins: logins.count + 6, tenant: summary.tenant, app: app)
            #expect(more == DemoScale.Summary(admins: 6))
            logins = try await DemoScale.logins(tenant: summary.tenant, on: app.db)
            let seconds = [1, 2, 3, 4].map { DemoScale.email($0, round: 2) } + [1, 2].map { DemoScale.email($0, round: 3) }
            #expect(Set(seconds).isSubset(of: Set(logins)) && Set(logins).count == logins.count)
            let second = try #require(try await UserModel.query(on: app.db).filter(\.$email == DemoScale.email(2, round: 2)).first())
            let unit2 = try #require(units.first { $0.code == DemoScale.code(2) })
            #expect(try await MembershipModel.query(on: app.db).filter(\.$userID == second.id!).all().map(\.unitID) == [unit2.id!])
            #expect(try await DemoScale.grow(toAccounts: target, admins: logins.count, tenant: summary.tenant, app: app) == DemoScale.Summary())
        }
    }
}
