import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import SimpulCore
import SimpulPlatforms
import SQLKit
import Testing
import VaporTesting
@testable import SimpulServer

/// The webhook path over HTTP: signature first, then durable, idempotent storage.
@Suite("Webhooks")
struct WebhookTests {
    static let secret = "rahasia-aplikasi-uji"
    static let verifyToken = "token-verifikasi-uji"

    static func fixture(_ path: String) throws -> Data {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: root.appendingPathComponent("SimpulPlatformsTests/Fixtures/" + path))
    }

    /// Connects World's account (a Facebook page here) with a page id and the app secret.
    static func connect(_ world: World, app: Application, platform: Platform = .facebook, externalID: String) async throws -> AccountModel {
        let account = world.account
        account.platform = platform
        account.handle = "dinas.a.\(platform.rawValue)"
        account.externalID = externalID
        var credentials = AccountCredentials(accessToken: "EAAB-token-uji", appSecret: secret, verifyToken: verifyToken)
        switch platform {
        case .facebook: credentials.pageID = externalID
        case .instagram: credentials.instagramUserID = externalID
        case .whatsapp: credentials.phoneNumberID = externalID
        default: break
        }
        account.credentials = try CredentialVault(box: app.secretBox).seal(credentials)
        try await account.save(on: app.db)
        app.connections.invalidate()
        return account
    }

    static func post(_ app: Application, _ world: World, format: String = "meta", body: Data, signature: String?? = nil, legacy: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        switch signature {
        case .none: headers.add(name: WebhookSignature.header, value: WebhookSignature.sign(body, secret: secret))
        case .some(.some(let value)): headers.add(name: WebhookSignature.header, value: value)
        case .some(.none): break
        }
        if let legacy { headers.add(name: WebhookSignature.legacyHeader, value: legacy) }
        return try await app.testing().sendRequest(.POST, "/webhooks/\(format)/\(world.tenantA.slug)", headers: headers, body: ByteBuffer(data: body))
    }

    static func messages(_ app: Application, _ world: World) async throws -> [MessageModel] {
        try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all()
    }

    @Test("a signed comment is stored once, however often it is delivered")
    func signedAndIdempotent() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let account = try await Self.connect(world, app: app, externalID: "1234567890321")
            let body = try Self.fixture("upstream/meta/feed-comment-add-211.json")
            let first = try await Self.post(app, world, body: body)
            #expect(first.status == .ok)
            #expect(first.body.string.contains(#""received":1"#))
            for _ in 0..<3 { #expect(try await Self.post(app, world, body: body).status == .ok) }
            let stored = try await Self.messages(app, world)
            #expect(stored.count == 1)
            let message = try #require(stored.first)
            #expect(message.accountID == account.id)
            #expect(message.externalID == "901097836652708_903438993085259")
            #expect(message.text == "and the next one")
            #expect(message.raw.contains("903438993085259"))
            #expect(try await AccountQueries.lastEventAt(account.id!, tenantID: world.tenantA.id!, on: app.db) == message.receivedAt)
        }
    }

    @Test("unsigned, wrongly signed, altered and SHA-1-only deliveries are refused and store nothing")
    func refusedSignatures() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            _ = try await Self.connect(world, app: app, externalID: "1234567890321")
            let body = try Self.fixture("upstream/meta/feed-comment-add-211.json")
            #expect(try await Self.post(app, world, body: body, signature: .some(nil)).status == .unauthorized)
            #expect(try await Self.post(app, world, body: body, signature: WebhookSignature.sign(body, secret: "rahasia-lain")).status == .forbidden)
            var altered = body
            altered[altered.startIndex + 40] ^= 0x01
            #expect(try await Self.post(app, world, body: altered, signature: WebhookSignature.sign(body, secret: Self.secret)).status == .forbidden)
            #expect(try await Self.post(app, world, body: body, signature: .some(nil), legacy: "sha1=0123456789abcdef").status == .forbidden)
            #expect(try await Self.post(app, world, body: body, signature: "sha256=zz").status == .forbidden)
            #expect(try await Self.messages(app, world).isEmpty)
            let kept = try await (try app.db.sql).select().column("id").from("webhook_deliveries").where("tenant_id", .equal, SQLBind(world.tenantA.id!)).all()
            #expect(kept.isEmpty)
        }
    }

    @Test("the Meta handshake answers the challenge only for the right verify token")
    func handshake() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            _ = try await Self.connect(world, app: app, externalID: "1234567890321")
            let path = "/webhooks/meta/\(world.tenantA.slug)?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
            let ok = try await app.testing().sendRequest(.GET, path + Self.verifyToken)
            #expect(ok.status == .ok)
            #expect(ok.body.string == "1158201444")
            #expect(try await app.testing().sendRequest(.GET, path + "salah").status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/webhooks/meta/tidak-ada?hub.mode=subscribe&hub.challenge=1&hub.verify_token=x").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/webhooks/tiktok/\(world.tenantA.slug)").status == .notFound)
        }
    }

    @Test("malformed, mistyped, unknown and oversized deliveries never cause a 5xx")
    func badBodies() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            _ = try await Self.connect(world, app: app, externalID: "1234567890321")
            let malformed = Data(#"{"object":"page","entry":[{"id":"1234567890321""#.utf8)
            let r1 = try await Self.post(app, world, body: malformed)
            #expect(r1.status == .ok)
            #expect(r1.body.string.contains("kept"))
            let wrongTypes = Data(#"{"object":"page","entry":[{"id":1234567890321,"time":"kemarin","changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":123,"message":42}}]},"bukan-objek"]}"#.utf8)
            #expect(try await Self.post(app, world, body: wrongTypes).status.code < 500)
            let unknown = Data(#"{"object":"page","entry":[{"id":"1234567890321","time":1700000000,"changes":[{"field":"ratings","value":{"item":"rating","verb":"add","review_id":"r-1","extra":{"nested":[1,2,3]}}}]}]}"#.utf8)
            let r3 = try await Self.post(app, world, body: unknown)
            #expect(r3.status == .ok)
            let stored = try await Self.messages(app, world)
            #expect(stored.contains { $0.kind == .unknown && $0.raw.contains("r-1") })
            let kept = try await (try app.db.sql).select().column("reason").from("webhook_deliveries").where("tenant_id", .equal, SQLBind(world.tenantA.id!)).all()
            #expect(kept.count == 1)
            let huge = Data(("{\"object\":\"page\",\"entry\":[],\"pad\":\"" + String(repeating: "x", count: WebhookController.bodyLimit + 10) + "\"}").utf8)
            #expect(try await Self.post(app, world, body: huge).status == .payloadTooLarge)
            #expect(try await Self.post(app, world, format: "tiktok", body: malformed).status == .notFound)
            // X and YouTube are polled: nothing is pushed to them.
            #expect(try await Self.post(app, world, format: "x", body: malformed).status == .notFound)
        }
    }

    @Test("WhatsApp messages and delivery statuses land on their account")
    func whatsapp() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let account = try await Self.connect(world, app: app, platform: .whatsapp, externalID: "10634295353625")
            #expect(try await Self.post(app, world, format: "whatsapp", body: try Self.fixture("upstream/whatsapp/webhook-incoming-message-text.json")).status == .ok)
            // The two upstream samples share one message id: the second is, rightly, a duplicate.
            #expect(try await Self.post(app, world, format: "whatsapp", body: try Self.fixture("upstream/whatsapp/webhook-incoming-message-image.json")).status == .ok)
            #expect(try await Self.messages(app, world).count == 1)
            let image = String(decoding: try Self.fixture("upstream/whatsapp/webhook-incoming-message-image.json"), as: UTF8.self)
                .replacingOccurrences(of: "wamid.HBgN", with: "wamid.GAMBAR")
            #expect(try await Self.post(app, world, format: "whatsapp", body: Data(image.utf8)).status == .ok)
            let stored = try await Self.messages(app, world)
            #expect(stored.count == 2)
            #expect(stored.allSatisfy { $0.accountID == account.id && $0.platform == .whatsapp })
            #expect(stored.contains { $0.media.value.contains { $0.type == "image" } })
        }
    }
    @Test("the ingest path's raw SQL and the Fluent model store the same detail and media text, and rows of other shapes still load")
    func storedTextAgrees() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let tenantID = world.tenantA.id!
            let detail = ["status": "failed", "error_title": "Pesan \"gagal\"\nkirim", "permalink": "https://contoh.id/p/1", "kota": "Tirtamaya – Barat"]
            let media = [InboundEvent.Media(type: "image", url: "https://cdn.contoh.id/a.jpg", mimeType: "image/jpeg", caption: "Jl. Merdeka/Sudirman")]
            let event = InboundEvent(platform: .facebook, accountRef: "1", kind: .comment, eventID: "teks-sama", text: "Banjir", media: media, detail: detail, raw: "{}")
            try await app.ingestWriter.write(IngestStore.rows([event], tenantID: tenantID, receivedAt: app.clock.now(), accountFor: { _ in world.account.id }))
            let sql = try app.db.sql
            struct Stored: Decodable { let detail: String; let media: String }
            func stored(_ externalID: String) async throws -> Stored {
                let row = try await sql.select().columns("detail", "media").from("messages").where("tenant_id", .equal, SQLBind(tenantID))
                    .where("external_id", .equal, SQLBind(externalID)).first(decoding: Stored.self)
                return try #require(row)
            }
            let ingested = try await stored("teks-sama")
            #expect(ingested.detail == event.detailJSON && ingested.media == event.mediaJSON)

            // Fluent reads what the raw SQL wrote, and writes the same facts as the same bytes.
            let read = try #require(try await MessageModel.query(on: app.db).filter(\.$tenantID == tenantID).filter(\.$externalID == "teks-sama").first())
            #expect(read.detail.value.facts == detail && read.media.value.items == media)
            #expect(read.detail.value.storedText == ingested.detail && read.media.value.storedText == ingested.media)
            let copy = try await InboxFixtures.comment(world, app: app, account: world.account, externalID: "teks-sama-fluent", text: "Banjir")
            copy.detail = JSONText(EventDetail(detail))
            copy.media = JSONText(EventMedia(media))
            try await copy.save(on: app.db)
            let written = try await stored("teks-sama-fluent")
            #expect(written.detail == ingested.detail && written.media == ingested.media)
            // Saving what was read writes it back unchanged.
            read.detail = JSONText(read.detail.value)
            read.media = JSONText(read.media.value)
            read.state = .closed
            try await read.save(on: app.db)
            let resaved = try await stored("teks-sama")
            #expect(resaved.detail == ingested.detail && resaved.media == ingested.media)

            // Rows of shapes no parser writes (an older version's numbers, a hand-edited row) load
            // with every other row, and the account's page that shows their facts renders.
            let odd = #"{"error_code":131047,"reaction":"like","nested":{"a":1}}"#
            try await sql.update("messages").set("detail", to: SQLBind(odd)).set("media", to: SQLBind(#"{"type":"image"}"#)).set("text", to: SQLLiteral.null)
                .where("tenant_id", .equal, SQLBind(tenantID)).where("external_id", .equal, SQLBind("teks-sama")).run()
            try await sql.update("messages").set("detail", to: SQLBind("bukan JSON")).set("media", to: SQLBind("[3,null]"))
                .where("tenant_id", .equal, SQLBind(tenantID)).where("external_id", .equal, SQLBind("teks-sama-fluent")).run()
            let all = try await Self.messages(app, world)
            #expect(all.count == 2)
            let numbers = try #require(all.first { $0.externalID == "teks-sama" })
            #expect(numbers.detail.value.facts == ["error_code": "131047", "reaction": "like"] && numbers.media.value.isEmpty)
            #expect(numbers.detail.value.storedText == odd)
            let unreadable = try #require(all.first { $0.externalID == "teks-sama-fluent" })
            #expect(unreadable.detail.value.isEmpty && unreadable.media.value.isEmpty && unreadable.detail.value.storedText == "bukan JSON")
            let browser = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let page = try await app.web(.GET, SiteRoute.account(world.account.id!).path, as: browser)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("like · 131047"))
        }
    }

    @Test("concurrent deliveries share commits; a redelivery is a no-op and one bad delivery fails alone")
    func groupCommit() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let tenantID = world.tenantA.id!
            func row(_ n: Int, account: UUID? = nil) -> IngestStore.Row {
                let event = InboundEvent(platform: .facebook, accountRef: "1", kind: .comment, eventID: "grup-\(n)",
                                         author: .init(id: "9", name: "Warga \(n)", handle: nil), text: "Komentar \(n)", occurredAt: Date(timeIntervalSince1970: 1_763_700_000),
                                         detail: ["n": "\(n)"], raw: #"{"n":\#(n)}"#)
                return IngestStore.rows([event], tenantID: tenantID, receivedAt: Date(), accountFor: { _ in account ?? world.account.id })[0]
            }
            try await app.ingestWriter.write([row(0)])
            // 60 deliveries at once: one repeats event 0, one points at an account that does not exist.
            let results = await withTaskGroup(of: (Int, Bool).self) { group in
                for n in 1...60 {
                    group.addTask {
                        let rows = n == 30 ? [row(0)] : n == 45 ? [row(45, account: UUID())] : [row(n), row(n + 1000)]
                        do { try await app.ingestWriter.write(rows); return (n, true) } catch { return (n, false) }
                    }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(results.filter { !$0.value }.map(\.key) == [45])
            let stored = try await Self.messages(app, world)
            #expect(stored.count == 1 + 58 * 2)
            #expect(Set(stored.map(\.externalID)).count == stored.count)
            let first = try #require(stored.first { $0.externalID == "grup-7" })
            #expect(first.text == "Komentar 7" && first.authorName == "Warga 7" && first.accountID == world.account.id)
            #expect(first.occurredAt == Date(timeIntervalSince1970: 1_763_700_000) && first.raw == #"{"n":7}"# && first.state == .new)
        }
    }
}


@Suite("Ingest rows")
struct IngestRowTests {
    @Test("the direct inserts name every stored field of a row, in order")
    func insertColumns() {
        let row = IngestStore.rows([InboundEvent(platform: .x, accountRef: "1", kind: .mention, eventID: "e", raw: "{}")],
                                   tenantID: UUID(), receivedAt: Date(), accountFor: { _ in nil })[0]
        #expect(Mirror(reflecting: row).children.map(\.label) == IngestWriter.columns)
        // PostgreSQL numbers its parameters: the second row starts where the first ended.
        let postgres = IngestWriter.postgresInsert([row, row])
        #expect(postgres.binds.count == 2 * IngestWriter.columns.count)
        #expect(postgres.sql.contains("($20,$21,") && postgres.sql.contains("$38)") && !postgres.sql.contains("$39"))
    }

    @Test("the SQLite writer stores ids and times exactly as SQLiteKit's own encoder binds them")
    func sqliteValuesMatchTheEncoder() async throws {
        try await withTestApp { app in
            guard let sqlite = app.db as? any SQLiteDatabase else { return }  // the PostgreSQL run binds typed values
            let world = try await World.make(app)
            let occurred = Date(timeIntervalSince1970: 1_763_700_000.25), received = Date()
            let event = InboundEvent(platform: .facebook, accountRef: "1", kind: .comment, eventID: "nilai", text: "", occurredAt: occurred, raw: "{}")
            let row = IngestStore.rows([event], tenantID: world.tenantA.id!, receivedAt: received, accountFor: { _ in world.account.id })[0]
            try await app.ingestWriter.write([row])
            let stored = try #require(try await sqlite.query("SELECT tenant_id, id, account_id, occurred_at, received_at, author_id, text, raw FROM messages WHERE external_id = 'nilai'").get().first)
            let encoder = SQLiteDataEncoder()
            #expect(stored.column("tenant_id") == (try encoder.encode(row.tenant_id)))
            #expect(stored.column("id") == (try encoder.encode(row.id)))
            #expect(stored.column("account_id") == (try encoder.encode(world.account.id!)))
            #expect(stored.column("occurred_at") == (try encoder.encode(occurred)))
            #expect(stored.column("received_at") == (try encoder.encode(received)))
            // Absent stays NULL; an empty text stays an empty text.
            #expect(stored.column("author_id") == .null)
            #expect(stored.column("text") == .text("") && stored.column("raw") == .text("{}"))
            // And Fluent reads the row back.
            let message = try #require(try await WebhookTests.messages(app, world).first)
            #expect(message.id == row.id && message.occurredAt == occurred && message.accountID == world.account.id)
        }
    }

    @Test("message ids follow arrival time, so inserts append to the primary key")
    func timeOrderedIDs() {
        let event = InboundEvent(platform: .x, accountRef: "1", kind: .mention, eventID: "e", raw: "{}")
        let received = Date(timeIntervalSince1970: 1_763_700_000.5)
        let rows = IngestStore.rows([event, event], tenantID: UUID(), receivedAt: received, accountFor: { _ in nil })
        #expect(rows.map(\.id.timeOrderedMilliseconds) == [1_763_700_000_500, 1_763_700_000_500])
        #expect(rows[0].id != rows[1].id)
    }

    /// A pragma's value on the writer's own connection, read on its thread.
    static func pragma(_ name: String, of writer: SQLiteIngestConnection) async -> Result<String?, any Error> {
        await withCheckedContinuation { continuation in
            writer.onWriterThread({ continuation.resume(returning: Result { try writer.pragma(name) }) },
                                  cancelled: { continuation.resume(returning: .failure(CancellationError())) })
        }
    }

    @Test("the SQLite writer opens its connection on the first commit and tries again after a failed open")
    func writerConnectionOpensLazily() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simpul-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ingest.sqlite").path
        let writer = SQLiteIngestConnection(path: path)
        // The directory does not exist yet: SQLite cannot create the file.
        await #expect(throws: SQLiteHandle.Failure.self) { try await Self.pragma("foreign_keys", of: writer).get() }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The writer prepares its insert when it opens, so the table must be there.
        try SQLiteHandle(path: path).run("CREATE TABLE messages (\(IngestWriter.columns.joined(separator: ",")), UNIQUE (tenant_id, platform, external_id))")
        // The failed open is not kept: the next call opens the file, with foreign keys on and,
        // outside write-ahead-log mode, SQLite's own waiting for the disk in each commit (FULL).
        #expect(try await Self.pragma("foreign_keys", of: writer).get() == "1")
        #expect(try await Self.pragma("synchronous", of: writer).get() == "2")
        #expect(try await Self.pragma("cache_size", of: writer).get() == "-\(SQLiteIngestConnection.cacheKibibytes)")
        await writer.close()
    }

    #if os(Linux)
    @Test("the writer thread runs at the highest priority when the process may raise it")
    func writerPriority() async throws {
        try await withTestApp { app in
            guard !app.settings.usesPostgres else { return }
            let writer = SQLiteIngestConnection(path: app.settings.sqlitePath)
            let nice = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
                writer.onWriterThread({ continuation.resume(returning: getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)) },
                                      cancelled: { continuation.resume(returning: Int32.min) })
            }
            // Root may always raise it; anyone else may or may not have the right.
            if geteuid() == 0 {
                #expect(nice == SQLiteIngestConnection.writerNice)
            } else {
                #expect(nice == SQLiteIngestConnection.writerNice || nice == 0)
            }
            // Only the writer: this thread keeps its own priority.
            #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) != SQLiteIngestConnection.writerNice)
            await writer.close()
        }
    }
    #endif

    @Test("in write-ahead-log mode the writer commits without waiting for the disk; the sync does that")
    func writerInWALMode() async throws {
        try await withTestApp { app in
            guard !app.settings.usesPostgres else { return }
            let writer = SQLiteIngestConnection(path: app.settings.sqlitePath)
            let journal = try await Self.pragma("journal_mode", of: writer).get()
            let synchronous = try await Self.pragma("synchronous", of: writer).get()
            let checkpoint = try await Self.pragma("wal_autocheckpoint", of: writer).get()
            #expect(journal == "wal" && synchronous == "1" && checkpoint == String(SQLiteIngestConnection.checkpointFrames))
            await writer.close()
        }
    }

    @Test("a sync of the write-ahead log answers everyone waiting, and reports a failure to each")
    func walSync() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simpul-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let database = directory.appendingPathComponent("db.sqlite").path
        let sync = WALSync(databasePath: database, pool: pool)
        func results(_ count: Int) async -> [Bool] {
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<count {
                    group.addTask {
                        await withCheckedContinuation { continuation in
                            sync.afterNextSync { continuation.resume(returning: (try? $0.get()) != nil) }
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }
        // No log file: the sync fails, and every waiter hears it rather than a false "on disk".
        #expect(await results(20) == Array(repeating: false, count: 20))
        #expect(FileManager.default.createFile(atPath: sync.path, contents: Data("frames".utf8)))
        #expect(await results(50) == Array(repeating: true, count: 50))
        try await pool.shutdownGracefully()
    }

    @Test("a commit is answered only by a sync that began after it")
    func walSyncRounds() async throws {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        // Each sync waits until the test lets it finish, and says when it has begun.
        let began = AsyncStream<Int>.makeStream(), finish = DispatchSemaphore(value: 0)
        let syncs = NIOLockedValueBox(0)
        let sync = WALSync(databasePath: "/nonexistent", pool: pool) { _ in
            began.continuation.yield(syncs.withLockedValue { $0 += 1; return $0 })
            finish.wait()
            return .success(())
        }
        let answered = NIOLockedValueBox<[String: Int]>([:])
        func commit(_ name: String) {
            sync.afterNextSync { _ in answered.withLockedValue { $0[name] = syncs.withLockedValue { $0 } } }
        }
        var begun = began.stream.makeAsyncIterator()
        commit("a")
        #expect(await begun.next() == 1)
        // b and c commit while the first sync runs: it may not have covered them.
        commit("b")
        commit("c")
        finish.signal()
        #expect(await begun.next() == 2)
        #expect(answered.withLockedValue { $0 } == ["a": 1])
        finish.signal()
        try await pool.shutdownGracefully()
        #expect(answered.withLockedValue { $0 } == ["a": 1, "b": 2, "c": 2])
    }

    @Test("details and media are stored as JSON that reads back the same")
    func jsonColumns() throws {
        let detail = ["status": "failed", "error_title": "Pesan \"gagal\"\nkirim", "z": "\u{01}", "url": "https://contoh.id/a"]
        let text = InboundEvent(platform: .whatsapp, accountRef: "1", kind: .status, eventID: "e", detail: detail, raw: "{}").detailJSON
        #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == detail)
        #expect(text.hasPrefix(#"{"error_title""#))
        // Slashes stay as they are: the text is the parsers' own writer, not JSONEncoder's.
        #expect(text.contains(#""url":"https://contoh.id/a""#))
        #expect(EventDetail(storedText: text).facts == detail && EventDetail(storedText: text).storedText == text)
        #expect(EventDetail(detail).storedText == text)
        #expect(EventMedia([]).storedText == "[]")
        let media = [InboundEvent.Media(type: "image", id: "1", mimeType: "image/jpeg", caption: "Banjir di Jl. Merdeka")]
        let mediaText = InboundEvent(platform: .whatsapp, accountRef: "1", kind: .dm, eventID: "e", media: media, raw: "{}").mediaJSON
        #expect(try JSONDecoder().decode([InboundEvent.Media].self, from: Data(mediaText.utf8)) == media)
        #expect(EventMedia(storedText: mediaText).items == media && EventMedia(media).storedText == mediaText)
    }

    @Test("a stored detail or media list of another shape reads without failing and keeps its text", arguments: [
        (#"{"error_code":131047,"ok":true,"nested":{"a":1},"none":null,"empty":""}"#, ["error_code": "131047", "ok": "true", "empty": ""]),
        (#"{"status": "read" , "status": "delivered"}"#, ["status": "delivered"]),
        ("[1,2]", [:]), ("bukan JSON", [:]), ("", [:]), ("null", [:]),
    ])
    func lenientDetail(_ text: String, _ facts: [String: String]) {
        let read = EventDetail(storedText: text)
        #expect(read.facts == facts)
        #expect(read.storedText == text)
    }

    @Test("media elements that are not references are left out; text that is not a list reads as none", arguments: [
        (#"[{"type":"image","url":"https:\/\/cdn.contoh.id\/a.jpg"},{"id":"tanpa jenis"},3,null]"#, 1),
        (#"{"type":"image"}"#, 0), ("bukan JSON", 0), ("[]", 0),
    ])
    func lenientMedia(_ text: String, _ count: Int) {
        let read = EventMedia(storedText: text)
        #expect(read.count == count)
        #expect(read.storedText == text)
    }
}
