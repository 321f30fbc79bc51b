import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

/// A delivery is believed only for the accounts whose own app secret signed it: a unit admin
/// knows the secret of his unit's page, and must not be able to post events as another unit's.
@Suite("Webhook signatures per account")
struct WebhookAccountSecretTests {
    static let secretA = "rahasia-halaman-opd-a", secretB = "rahasia-halaman-opd-b"
    static let pageA = "1234567890321", pageB = "5550001112223"

    /// World's account becomes OPD-A's Facebook page; a second page belongs to OPD-B, with
    /// another app secret.
    static func twoPages(_ app: Application) async throws -> (World, AccountModel, AccountModel) {
        let world = try await World.make(app)
        let vault = CredentialVault(box: app.secretBox)
        func connect(_ account: AccountModel, page: String, secret: String) async throws {
            account.platform = .facebook
            account.externalID = page
            account.credentials = try vault.seal(AccountCredentials(accessToken: "token-\(page)", pageID: page, appSecret: secret, verifyToken: "verifikasi"))
            try await account.save(on: app.db)
        }
        try await connect(world.account, page: pageA, secret: secretA)
        let other = AccountModel(tenantID: world.tenantA.id!, draft: AccountDraft(platform: .facebook, handle: "dinas.b", displayName: "Dinas B", kind: .official,
                                                                                 unitID: world.units["OPD-B"]!, ownerID: nil, followers: 10, status: .connected),
                                 at: app.clock.now())
        try await other.create(on: app.db)
        try await connect(other, page: pageB, secret: secretB)
        app.connections.invalidate()
        return (world, world.account, other)
    }

    /// A page comment for each page id given, in one delivery.
    static func comments(pages: [String], tag: String) -> Data {
        let entries = pages.enumerated().map { n, page in
            #"{"id":"\#(page)","time":1449135003,"changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"\#(page)_\#(tag)\#(n)","post_id":"\#(page)_1","from":{"id":"77","name":"Warga"},"created_time":1449135003,"message":"komentar \#(tag)"}}]}"#
        }
        return Data(#"{"object":"page","entry":[\#(entries.joined(separator: ","))]}"#.utf8)
    }

    static func post(_ app: Application, _ world: World, body: Data, secret: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: WebhookSignature.header, value: WebhookSignature.sign(body, secret: secret))
        return try await app.testing().sendRequest(.POST, "/webhooks/meta/\(world.tenantA.slug)", headers: headers, body: ByteBuffer(data: body))
    }

    static func stored(_ app: Application, _ world: World) async throws -> [MessageModel] {
        try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all()
    }

    @Test("a delivery signed with one unit's secret cannot speak for another unit's page, on the first (database) and the cached path")
    func forgedForAnotherPage() async throws {
        try await withTestApp { app in
            let (world, _, _) = try await Self.twoPages(app)
            // The first delivery finds the directory empty and takes the async path; the
            // second is answered from the cache on the event loop.
            for round in 0..<2 {
                let forged = try await Self.post(app, world, body: Self.comments(pages: [Self.pageB], tag: "palsu\(round)"), secret: Self.secretA)
                #expect(forged.status == .forbidden)
            }
            #expect(try await Self.stored(app, world).isEmpty)
        }
    }

    @Test("in a mixed delivery only the events of the signing secret's own accounts are stored; each secret speaks for its own page")
    func mixedDelivery() async throws {
        try await withTestApp { app in
            let (world, pageA, pageB) = try await Self.twoPages(app)
            let mixed = try await Self.post(app, world, body: Self.comments(pages: [Self.pageA, Self.pageB, "9999999999"], tag: "campur"), secret: Self.secretA)
            #expect(mixed.status == .ok)
            #expect(mixed.body.string == #"{"received":1,"dropped":2}"#)
            var stored = try await Self.stored(app, world)
            #expect(stored.map(\.accountID) == [pageA.id])

            let own = try await Self.post(app, world, body: Self.comments(pages: [Self.pageB], tag: "sendiri"), secret: Self.secretB)
            #expect(own.status == .ok)
            #expect(own.body.string == #"{"received":1}"#)
            stored = try await Self.stored(app, world)
            #expect(Set(stored.compactMap(\.accountID)) == [pageA.id!, pageB.id!])
            #expect(stored.count == 2)
        }
    }

    @Test("when two pages share one Meta app, its secret speaks for both")
    func sharedApp() async throws {
        try await withTestApp { app in
            let (world, _, pageB) = try await Self.twoPages(app)
            var credentials = try #require(CredentialVault(box: app.secretBox).open(pageB.credentials))
            credentials.appSecret = Self.secretA
            pageB.credentials = try CredentialVault(box: app.secretBox).seal(credentials)
            try await pageB.save(on: app.db)
            app.connections.invalidate()
            let both = try await Self.post(app, world, body: Self.comments(pages: [Self.pageA, Self.pageB], tag: "bersama"), secret: Self.secretA)
            #expect(both.body.string == #"{"received":2}"#)
            #expect(try await Self.stored(app, world).count == 2)
        }
    }
}
