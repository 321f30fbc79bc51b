import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// A thread page shows its surroundings (parent post, conversation, the sender's earlier
/// messages) only from the viewer's own units, even when the platform links them across units.
@Suite("Thread pages stay in the viewer's units")
struct ThreadScopeTests {
    static func whatsapp(_ world: World, app: Application, unit: String, handle: String) async throws -> AccountModel {
        let account = AccountModel(tenantID: world.tenantA.id!, draft: AccountDraft(platform: .whatsapp, handle: handle, displayName: "WA \(handle)", kind: .official,
                                                                                   unitID: world.units[unit]!, ownerID: nil, followers: 0, status: .connected),
                                   at: app.clock.now())
        try await account.create(on: app.db)
        return account
    }

    static func chat(_ world: World, app: Application, account: AccountModel, id: String, text: String, minutesAgo: Double,
                     parent: String? = nil) async throws -> MessageModel {
        let message = MessageModel()
        message.id = UUID()
        message.tenantID = world.tenantA.id!
        message.accountID = account.id
        message.platform = .whatsapp
        message.kind = .dm
        message.externalID = id
        message.accountRef = account.handle
        // The resident's phone number: the same in every unit's chat.
        message.authorID = "6281234567890"
        message.authorName = "Warga Pelapor"
        message.text = text
        message.media = JSONText([])
        message.threadRef = "6281234567890"
        message.parentRef = parent
        message.receivedAt = app.clock.now().addingTimeInterval(-minutesAgo * 60)
        message.detail = JSONText([:])
        message.raw = "{}"
        message.state = .new
        try await message.create(on: app.db)
        return message
    }

    @Test("a resident's chat with one unit does not appear on the thread page of another unit, for either unit's staff")
    func residentAcrossUnits() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let waA = try await Self.whatsapp(world, app: app, unit: "OPD-A", handle: "wa.opd.a")
            let waB = try await Self.whatsapp(world, app: app, unit: "OPD-B", handle: "wa.opd.b")
            let toB = try await Self.chat(world, app: app, account: waB, id: "wamid.ke-b", text: "RAHASIA-B: saya melapor pegawai OPD-A", minutesAgo: 30)
            let earlierA = try await Self.chat(world, app: app, account: waA, id: "wamid.ke-a-1", text: "KE-A pertama", minutesAgo: 20)
            let toA = try await Self.chat(world, app: app, account: waA, id: "wamid.ke-a-2", text: "KE-A kedua", minutesAgo: 10, parent: "wamid.ke-b")

            for role in [Role.operator, .unitAdmin] {
                let viewerA = try await World.signIn(world.inScope[role]!, app: app)
                let pageA = try await app.web(.GET, "/inbox/\(toA.id!)", as: viewerA)
                #expect(pageA.status == .ok)
                #expect(pageA.body.string.contains("KE-A pertama"), "the same unit's earlier chat is context")
                #expect(!pageA.body.string.contains("RAHASIA-B"), "\(role): OPD-B's chat leaked into OPD-A's thread")

                let viewerB = try await World.signIn(world.outOfScope[role]!, app: app)
                let pageB = try await app.web(.GET, "/inbox/\(toB.id!)", as: viewerB)
                #expect(pageB.status == .ok)
                #expect(pageB.body.string.contains("RAHASIA-B"))
                #expect(!pageB.body.string.contains("KE-A"), "\(role): OPD-A's chat leaked into OPD-B's thread")
                #expect(try await app.web(.GET, "/inbox/\(earlierA.id!)", as: viewerB).status == .notFound)
            }

            // Whoever sees both units (a supervisor on the root) sees the whole conversation.
            let now = app.clock.now()
            let head = UserModel(tenantID: world.tenantA.id!, name: "Kepala Diskominfo", email: "kepala@uji.go.id", nip: nil, phone: nil,
                                 passwordHash: world.inScope[.supervisor]!.passwordHash, at: now)
            try await head.create(on: app.db)
            try await MembershipModel(tenantID: world.tenantA.id!, userID: head.id!, unitID: world.units["ROOT"]!, role: .supervisor, at: now).create(on: app.db)
            let whole = try await app.web(.GET, "/inbox/\(toA.id!)", as: try await World.signIn(head, app: app))
            #expect(whole.body.string.contains("RAHASIA-B") && whole.body.string.contains("KE-A pertama"))
        }
    }
}
