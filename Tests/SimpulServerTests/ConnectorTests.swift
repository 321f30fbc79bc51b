import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Testing
import VaporTesting
@testable import SimpulServer

/// Connectors against a fake platform speaking the documented wire format over loopback HTTP.
@Suite("Connectors over HTTP")
struct ConnectorTests {
    static func connect(_ world: World, app: Application, platform: Platform, externalID: String, server: FakePlatformServer) async throws -> AccountModel {
        let account = world.account
        account.platform = platform
        account.handle = "akun_\(platform.rawValue)"
        account.externalID = externalID
        var credentials = AccountCredentials(accessToken: "TOKEN-RAHASIA-\(platform.rawValue)")
        switch platform {
        case .x: credentials.xUserID = externalID
        case .youtube: credentials.channelID = externalID
        case .facebook: credentials.pageID = externalID
        case .instagram: credentials.instagramUserID = externalID
        case .whatsapp: credentials.phoneNumberID = externalID
        default: break
        }
        account.credentials = try CredentialVault(box: app.secretBox).seal(credentials)
        account.status = .connected
        try await account.save(on: app.db)
        app.platformTransport = VaporHTTPTransport(client: app.client)
        app.platformEndpoints = .allAt(server.baseURL)
        return account
    }

    static func tweet(_ id: String, _ text: String, author: String = "77") -> String {
        #"{"id":"\#(id)","text":"\#(text)","author_id":"\#(author)","created_at":"2026-11-21T07:0\#(id.suffix(1)):00.000Z","conversation_id":"\#(id)"}"#
    }

    static func reload(_ account: AccountModel, _ app: Application) async throws -> AccountModel {
        try #require(try await AccountQueries.find(account.id!, tenantID: account.tenantID, on: app.db))
    }

    @Test("X mentions: pages are followed, events stored once, the cursor becomes since_id")
    func xPolling() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            let world = try await World.make(app)
            let account = try await Self.connect(world, app: app, platform: .x, externalID: "2244994945", server: server)
            let users = #""includes":{"users":[{"id":"77","name":"Warga Kota","username":"warga_kota"}]}"#
            server.script("/2/users/2244994945/mentions",
                .init(body: #"{"data":[\#(Self.tweet("1000000000000000009", "@pemkot jalan rusak")),\#(Self.tweet("1000000000000000008", "@pemkot lampu mati"))],\#(users),"meta":{"newest_id":"1000000000000000009","oldest_id":"1000000000000000008","result_count":2,"next_token":"halaman2"}}"#),
                .init(body: #"{"data":[\#(Self.tweet("1000000000000000007", "@pemkot terima kasih"))],\#(users),"meta":{"newest_id":"1000000000000000007","oldest_id":"1000000000000000007","result_count":1}}"#),
                .init(body: #"{"meta":{"result_count":0}}"#))
            #expect(try await PollingWorker.pollDueAccounts(app: app, tenantID: world.tenantA.id!) >= 1)
            let stored = try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all()
            #expect(Set(stored.map(\.externalID)) == ["1000000000000000009", "1000000000000000008", "1000000000000000007"])
            #expect(stored.allSatisfy { $0.accountID == account.id && $0.authorHandle == "warga_kota" })
            let requests = server.requests
            #expect(requests.count == 2)
            #expect(requests[0].authorization == "Bearer TOKEN-RAHASIA-x")
            #expect(requests[1].query?.contains("pagination_token=halaman2") == true)

            try await PollingWorker.pollDueAccounts(app: app, tenantID: world.tenantA.id!)
            #expect(server.requests.last?.query?.contains("since_id=1000000000000000009") == true)
            #expect(try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).count() == 3)
        }
    }

    @Test("an X 429 pauses the account until x-rate-limit-reset; a 401 asks for reconnection")
    func xErrors() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let account = try await Self.connect(world, app: app, platform: .x, externalID: "2244994945", server: server)
            let reset = 1_795_000_900
            server.script("/2/users/2244994945/mentions",
                .init(status: .tooManyRequests, headers: [("x-rate-limit-limit", "450"), ("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", String(reset))],
                      body: #"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#),
                .init(status: .unauthorized, body: #"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#))
            try await PollingWorker.pollDueAccounts(app: app, tenantID: world.tenantA.id!)
            var reloaded = try await Self.reload(account, app)
            #expect(reloaded.pausedUntil == Date(timeIntervalSince1970: TimeInterval(reset)))
            #expect(reloaded.status == .connected)
            // While paused, the account is not called at all.
            #expect(try await PollingWorker.pollDueAccounts(app: app, tenantID: world.tenantA.id!) == 0)
            #expect(server.requests.count == 1)
            clock.advance(by: 901)
            try await PollingWorker.pollDueAccounts(app: app, tenantID: world.tenantA.id!)
            reloaded = try await Self.reload(account, app)
            #expect(reloaded.status == .needsReconnect)
            // Visible where people look: the home page's count and the account's own page.
            let admin = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let home = try await app.web(.GET, "/", as: admin).body.string
            #expect(home.contains(#"id="count-reconnect"><p class="tile-value">1</p>"#))
            #expect(home.contains(#"href="/accounts/\#(account.id!)""#))
            #expect(try await PollingWorker.pollDueAccounts(app: app, tenantID: world.tenantA.id!) == 0)
        }
    }

    @Test("a transient 503 is retried with backoff and then succeeds")
    func transientRetry() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            let world = try await World.make(app)
            _ = try await Self.connect(world, app: app, platform: .x, externalID: "2244994945", server: server)
            server.script("/2/users/2244994945/mentions",
                .init(status: .serviceUnavailable, body: #"{"title":"Service Unavailable","type":"about:blank","status":503,"detail":"Service Unavailable"}"#),
                .init(body: #"{"data":[\#(Self.tweet("1000000000000000001", "@pemkot halo"))],"meta":{"newest_id":"1000000000000000001","result_count":1}}"#))
            try await PollingWorker.pollDueAccounts(app: app, tenantID: world.tenantA.id!)
            #expect(server.requests.count == 2)
            #expect(try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).count() == 1)
        }
    }

    @Test("Meta error 190 on a connection test marks the account for reconnection; tokens never leak")
    func metaTokenExpired() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            let world = try await World.make(app)
            let account = try await Self.connect(world, app: app, platform: .facebook, externalID: "1234567890321", server: server)
            let graph = "/\(app.platformEndpoints.graphVersion)/1234567890321"
            server.script(graph, .init(status: .badRequest, body: #"{"error":{"message":"Error validating access token: Session has expired","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbCdEf"}}"#))
            let admin = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            let page = try await app.web(.POST, "/accounts/\(account.id!)/connection/test", as: admin)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("sambungkan ulang"))
            #expect(try await Self.reload(account, app).status == .needsReconnect)

            // Replace the token through the form: it is sealed, never shown, logged or returned.
            let secret = "EAAB-TOKEN-BARU-\(UUID().uuidString)"
            let saved = try await app.web(.POST, "/accounts/\(account.id!)/connection", as: admin, form: ["page_id": "1234567890321", "access_token": secret, "app_secret": "app-secret-baru"])
            #expect(saved.status == .seeOther)
            let stored = try await Self.reload(account, app)
            #expect(CredentialVault(box: app.secretBox).open(stored.credentials)?.accessToken == secret)
            #expect(!(String(data: stored.credentials ?? Data(), encoding: .utf8) ?? "").contains(secret))
            #expect(!(try await app.web(.GET, "/accounts/\(account.id!)/connection", as: admin)).body.string.contains(secret))
            let token = try await World.apiToken(world.inScope[.unitAdmin]!, app: app)
            #expect(!(try await app.api(.GET, "/api/v1/accounts/\(account.id!)", token: token)).body.string.contains(secret))
            #expect(!LogCapture.shared.all.contains { $0.contains(secret) || $0.contains("TOKEN-RAHASIA") })
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$action == .accountConnection).first()
            #expect(audit?.summary.storedText.contains("access_token") == true)
            #expect(audit?.summary.storedText.contains(secret) == false)
        }
    }
}

@Suite("YouTube over HTTP")
struct YouTubePollingTests {
    static func thread(_ id: String, _ text: String, at time: String) -> String {
        #"{"kind":"youtube#commentThread","id":"\#(id)","snippet":{"channelId":"UCtirtamayaKotaResmi00001","videoId":"vid123","topLevelComment":{"kind":"youtube#comment","id":"\#(id)","snippet":{"authorDisplayName":"Warga Kota","authorChannelUrl":"http://www.youtube.com/@wargakota","authorChannelId":{"value":"UCwarga"},"textOriginal":"\#(text)","textDisplay":"\#(text)","publishedAt":"\#(time)","updatedAt":"\#(time)","likeCount":0}},"totalReplyCount":0}}"#
    }

    @Test("comment threads are polled, stored, and the newest time becomes the cursor")
    func youtubePolling() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            let world = try await World.make(app)
            let account = try await ConnectorTests.connect(world, app: app, platform: .youtube, externalID: "UCtirtamayaKotaResmi00001", server: server)
            server.script("/youtube/v3/commentThreads",
                .init(body: #"{"kind":"youtube#commentThreadListResponse","items":[\#(Self.thread("Ugx1", "Videonya bagus, kapan festival lagi?", at: "2026-11-21T06:00:00Z")),\#(Self.thread("Ugx2", "Jalan ke Lembah Hijau rusak pak", at: "2026-11-21T05:00:00Z"))]}"#))
            try await PollingWorker.pollDueAccounts(app: app, tenantID: world.tenantA.id!)
            let stored = try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all()
            #expect(Set(stored.map(\.externalID)) == ["Ugx1", "Ugx2"])
            #expect(stored.allSatisfy { $0.accountID == account.id && $0.threadRef == "vid123" })
            let request = try #require(server.requests.first)
            #expect(request.query?.contains("allThreadsRelatedToChannelId=UCtirtamayaKotaResmi00001") == true)
            #expect(request.authorization == "Bearer TOKEN-RAHASIA-youtube")
            let cursor = try await (try app.db.sql).select().column("cursor").from("poll_cursors")
                .where("tenant_id", .equal, SQLBind(world.tenantA.id!)).first()?.decode(column: "cursor", as: String.self)
            #expect(cursor?.hasPrefix("2026-11-21T06:00:00") == true)
        }
    }
}
