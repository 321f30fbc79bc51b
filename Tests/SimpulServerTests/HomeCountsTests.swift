import Fluent
import Foundation
import Testing
@testable import SimpulServer
import SimpulCore

@Suite("Home counts")
struct HomeCountsTests {
    @Test("overdue counts the messages still waiting past their due time on the person's inbox accounts, up to a cap")
    func overdue() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let now = app.clock.now()
            let other = AccountModel(tenantID: w.tenantA.id!, draft: AccountDraft(platform: .facebook, handle: "dinas.b", displayName: "Dinas B", kind: .official,
                                                                                  unitID: w.units["OPD-B"]!, ownerID: nil, followers: 1, status: .connected), at: now)
            try await other.create(on: app.db)
            func message(_ id: String, on account: AccountModel, _ state: MessageState, due: TimeInterval?) async throws {
                let message = try await InboxFixtures.comment(w, app: app, account: account, externalID: id, text: "Jalan rusak \(id)")
                message.state = state
                message.priority = .normal
                message.dueAt = due.map { now.addingTimeInterval($0) }
                try await message.save(on: app.db)
            }
            try await message("late", on: w.account, .new, due: -60)
            try await message("late-assigned", on: w.account, .assigned, due: -3_600)
            try await message("soon", on: w.account, .new, due: 3_600)
            try await message("answered", on: w.account, .replied, due: -60)
            try await message("untriaged", on: w.account, .new, due: nil)
            try await message("elsewhere", on: other, .new, due: -60)

            func overdue(_ user: UserModel) async throws -> Int {
                let principal = try await ScopeLoader.load(tenant: w.tenantA, user: user, session: nil, on: app.db)
                return try await HomeController.counts(for: principal, now: now, on: app.db).overdueMessages
            }
            #expect(try await overdue(w.inScope[.unitAdmin]!) == 2)
            #expect(try await overdue(w.outOfScope[.unitAdmin]!) == 1)
            #expect(try await HomeController.overdue(tenantID: w.tenantA.id!, accounts: [w.account.id!, other.id!], now: now, on: app.db) == 3)
            #expect(try await HomeController.overdue(tenantID: w.tenantA.id!, accounts: [w.account.id!, other.id!], now: now, cap: 2, on: app.db) == 2)
            let page = try await app.web(.GET, "/", as: try await World.signIn(w.inScope[.unitAdmin]!, app: app)).body.string
            #expect(page.contains(#"id="count-overdue"><p class="tile-value">2</p>"#))
        }
    }
}
