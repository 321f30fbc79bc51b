import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Inbox")
struct InboxTests {
    struct Listed: Decodable {
        struct Item: Decodable {
            let id: UUID
            let text: String?
            let priority: String?
            let sentiment: String?
            let due_at: Date?
        }
        let data: [Item]
        let next_cursor: String?
    }

    static func account(_ world: World, app: Application, platform: Platform, handle: String, unit: String) async throws -> AccountModel {
        let account = AccountModel(tenantID: world.tenantA.id!, draft: AccountDraft(platform: platform, handle: handle, displayName: handle, kind: .official,
                                                                                    unitID: world.units[unit]!, ownerID: nil, followers: 100, status: .connected),
                                   at: app.clock.now())
        try await account.create(on: app.db)
        return account
    }

    static func message(_ world: World, app: Application, account: AccountModel, kind: String, text: String?, minutesAgo: Double) async throws -> MessageModel {
        let message = MessageModel()
        message.id = UUID()
        message.tenantID = world.tenantA.id!
        message.accountID = account.id
        message.platform = account.platform.rawValue
        message.kind = kind
        message.externalID = UUID().uuidString
        message.accountRef = account.handle
        message.authorName = "Warga"
        message.text = text
        message.media = "[]"
        message.receivedAt = app.clock.now().addingTimeInterval(-minutesAgo * 60)
        message.detail = "{}"
        message.raw = "{}"
        message.state = "new"
        try await message.create(on: app.db)
        return message
    }

    static func list(_ app: Application, token: String, _ query: String = "") async throws -> Listed {
        let response = try await app.api(.GET, "/api/v1/inbox" + (query.isEmpty ? "" : "?" + query), token: token)
        #expect(response.status == .ok, "\(query): \(response.body.string)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Listed.self, from: Data(buffer: response.body))
    }

    @Test("search reads normalised, stemmed Indonesian; filters and scope hold; bad filters are 400")
    func searchAndFilters() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let instagram = try await Self.account(world, app: app, platform: .instagram, handle: "dinas.inbox", unit: "OPD-A")
            let whatsapp = try await Self.account(world, app: app, platform: .whatsapp, handle: "6281100000001", unit: "OPD-A")
            let elsewhere = try await Self.account(world, app: app, platform: .facebook, handle: "unit.lain", unit: "OPD-B")
            let slow = try await Self.message(world, app: app, account: instagram, kind: "comment", text: "Pelayanan KTP di kecamatan lambat sekali 😡", minutesAgo: 30)
            let water = try await Self.message(world, app: app, account: whatsapp, kind: "dm", text: "min gak ada air udh 3 hari di RT 05", minutesAgo: 20)
            let thanks = try await Self.message(world, app: app, account: elsewhere, kind: "comment", text: "Terima kasih, layanannya cepat 👍", minutesAgo: 10)
            _ = try await Self.message(world, app: app, account: instagram, kind: "reaction", text: nil, minutesAgo: 5)
            #expect(try await TriageWorker.runOnce(tenant: world.tenantA, db: app.db) == 4)
            #expect(try await TriageWorker.runOnce(tenant: world.tenantA, db: app.db) == 0)

            let supervisor = try await World.apiToken(world.inScope[.supervisor]!, app: app)
            // The supervisor's role sits on OPD-A: OPD-B's message is out of reach, reactions are not listed.
            #expect(try await Self.list(app, token: supervisor).data.map(\.id) == [water.id!, slow.id!])
            let root = try await World.apiToken(world.otherTenant, app: app)
            #expect(try await Self.list(app, token: root).data.isEmpty)

            #expect(try await Self.list(app, token: supervisor, "q=layanan").data.map(\.id) == [slow.id!])
            #expect(try await Self.list(app, token: supervisor, "q=tidak%20ada%20air").data.map(\.id) == [water.id!])
            #expect(try await Self.list(app, token: supervisor, "q=air%20ktp").data.isEmpty)
            #expect(try await Self.list(app, token: supervisor, "kind=whatsapp").data.map(\.id) == [water.id!])
            let urgentOrHigh = try await Self.list(app, token: supervisor, "priority=high")
            #expect(urgentOrHigh.data.map(\.id) == [water.id!])
            #expect(urgentOrHigh.data.first?.due_at != nil)
            #expect(try await Self.list(app, token: supervisor, "sentiment=negative&platform=instagram").data.map(\.id) == [slow.id!])

            let first = try await Self.list(app, token: supervisor, "limit=1")
            let cursor = try #require(first.next_cursor)
            let second = try await Self.list(app, token: supervisor, "limit=1&cursor=\(cursor)")
            #expect(first.data.map(\.id) + second.data.map(\.id) == [water.id!, slow.id!] && second.next_cursor == nil)

            let viewerB = try await World.apiToken(world.outOfScope[.viewer]!, app: app)
            #expect(try await Self.list(app, token: viewerB).data.map(\.id) == [thanks.id!])
            #expect(try await app.api(.GET, "/api/v1/inbox?unit=\(world.units["OPD-A"]!)", token: viewerB).status == .badRequest)

            for bad in ["priority=parah", "sentiment=marah", "kind=email", "state=dibaca", "from=2026-02-30", "from=2026-11-10&to=2026-11-01",
                        "platform=friendster", "account=bukan-uuid", "cursor=%25%25%25", "q=" + String(repeating: "a", count: 201)] {
                let response = try await app.api(.GET, "/api/v1/inbox?" + bad, token: supervisor)
                #expect(response.status == .badRequest, "\(bad) answered \(response.status)")
            }
            let browser = try await World.signIn(world.inScope[.operator]!, app: app)
            let page = try await app.web(.GET, "/inbox?q=pelayanan", as: browser)
            #expect(page.status == .ok && page.body.string.contains("lambat sekali") && !page.body.string.contains("gak ada air"))
        }
    }
}
