import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Staff accounts against the tenant's rule")
struct StaffAccountsTests {
    @Test("staff short of qualifying accounts are listed first; the koordinator sets the rule; CSV lists the same")
    func holdings() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let staff = world.inScope[.staff]!
            for (n, followers) in [600, 800, 500].enumerated() {
                let draft = AccountDraft(platform: .instagram, handle: "asn.uji.\(n).\(UUID().uuidString.prefix(4).lowercased())", displayName: "ASN \(n)",
                                         kind: .staff, unitID: world.units["OPD-A"]!, ownerID: staff.id, followers: followers, status: .connected)
                try await AccountModel(tenantID: world.tenantA.id!, draft: draft, at: app.clock.now()).create(on: app.db)
            }
            let supervisor = try await World.signIn(world.inScope[.supervisor]!, app: app)
            var page = try await app.web(.GET, "/amplification/staff", as: supervisor).body.string
            // 600 and 800 count; exactly 500 does not: one account short of three.
            #expect(page.contains(staff.name) && page.contains("Kurang 1 akun"))
            #expect(page.contains(#"id="staff-count">0 dari"#))
            let short = try await app.web(.GET, "/amplification/staff?short=1", as: supervisor).body.string
            #expect(short.contains(staff.name))

            let bad = try await app.web(.POST, "/amplification/policy", as: supervisor, form: ["min_accounts": "0", "min_followers": "lima ratus"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Jumlah akun minimal harus antara 1 dan 10"))
            #expect(try await app.web(.POST, "/amplification/policy", as: supervisor, form: ["min_accounts": "2", "min_followers": "500"]).status == .seeOther)
            page = try await app.web(.GET, "/amplification/staff", as: supervisor).body.string
            #expect(page.contains("minimal 2 akun") && page.contains("Memenuhi"))
            let csv = try await app.web(.GET, "/amplification/staff.csv", as: supervisor).body.string
            #expect(csv.hasPrefix("nama,nip,unit,akun_staf,akun_memenuhi,kekurangan,akun") && csv.contains(staff.name) && csv.contains(",3,2,0,"))
            // Another unit's admin sees none of OPD-A's staff.
            let outside = try await World.signIn(world.outOfScope[.unitAdmin]!, app: app)
            #expect(try await !app.web(.GET, "/amplification/staff", as: outside).body.string.contains(staff.name))
        }
    }
}
