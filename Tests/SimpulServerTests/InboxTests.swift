import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
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

    static func message(_ world: World, app: Application, account: AccountModel, kind: MessageKind, text: String?, minutesAgo: Double) async throws -> MessageModel {
        let message = MessageModel()
        message.id = UUID()
        message.tenantID = world.tenantA.id!
        message.accountID = account.id
        message.platform = account.platform
        message.kind = kind
        message.externalID = UUID().uuidString
        message.accountRef = account.handle
        message.authorName = "Warga"
        message.text = text
        message.media = JSONText([])
        message.receivedAt = app.clock.now().addingTimeInterval(-minutesAgo * 60)
        message.detail = JSONText([:])
        message.raw = "{}"
        message.state = .new
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
            let slow = try await Self.message(world, app: app, account: instagram, kind: .comment, text: "Pelayanan KTP di kecamatan lambat sekali 😡", minutesAgo: 30)
            let water = try await Self.message(world, app: app, account: whatsapp, kind: .dm, text: "min gak ada air udh 3 hari di RT 05", minutesAgo: 20)
            let thanks = try await Self.message(world, app: app, account: elsewhere, kind: .comment, text: "Terima kasih, layanannya cepat 👍", minutesAgo: 10)
            _ = try await Self.message(world, app: app, account: instagram, kind: .reaction, text: nil, minutesAgo: 5)
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

@Suite("Inbox search plans")
struct InboxSearchPlanTests {
    @Test("reading a search's matches first and testing the newest messages one by one give the same pages")
    func plansAgree() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let texts = ["jalan rusak di depan pasar", "lampu jalan mati", "air PDAM keruh", "jalanan berlubang parah", "sampah menumpuk",
                         "mohon perbaikan jalan kampung", "pelayanan KTP lambat", "jalan licin saat hujan"]
            for n in 0..<40 {
                _ = try await InboxTests.message(world, app: app, account: world.account, kind: n % 3 == 0 ? .dm : .comment,
                                                 text: texts[n % texts.count] + " \(n)", minutesAgo: Double(200 - n))
            }
            while try await TriageWorker.runOnce(tenant: world.tenantA, db: app.db) > 0 {}
            let principal = try await ScopeLoader.load(tenant: world.tenantA, user: world.inScope[.supervisor]!, session: nil, on: app.db)
            for query in ["jalan", "jalan rusak", "air", "tidak-ada-di-mana-mana"] {
                var filter = InboxFilter()
                filter.q = query
                filter.kind = "comment"
                let parsed = try filter.parsed(principal, analyzer: InboxController.analyzer)
                var cursor: PageCursor?
                var seen = 0
                repeat {
                    let request = PageRequest(limit: 3, after: cursor)
                    let first = try await InboxQueries.page(parsed, tenantID: world.tenantA.id!, request: request, searchFirstLimit: .max, on: app.db)
                    let walked = try await InboxQueries.page(parsed, tenantID: world.tenantA.id!, request: request, searchFirstLimit: 0, on: app.db)
                    #expect(first.items.map(\.id) == walked.items.map(\.id), "\(query)")
                    #expect(first.items.allSatisfy { $0.kind == .comment })
                    seen += first.items.count
                    cursor = first.next
                } while cursor != nil
                // Comments (not DMs) holding the word, on any page: 5 of the 8 texts say "jalan".
                #expect(query != "jalan" || seen > 10, "\(seen)")
                #expect(query != "tidak-ada-di-mana-mana" || seen == 0)
            }
        }
    }
}

@Suite("Inbox replies")
struct InboxReplyTests {
    static let commentID = "100000000000001_17858893269000001"

    @Test("a reply goes through the connector, is recorded with its platform id, and a failure can be retried")
    func replyThroughConnector() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            let world = try await World.make(app)
            let account = try await ConnectorTests.connect(world, app: app, platform: .facebook, externalID: "100000000000001", server: server)
            let message = try await InboxFixtures.message(world, app: app)
            message.platform = account.platform
            message.externalID = Self.commentID
            try await message.save(on: app.db)
            let operatorBrowser = try await World.signIn(world.inScope[.operator]!, app: app)
            let path = "/v21.0/\(Self.commentID)/comments"

            server.script(path, .init(status: .badRequest, body: #"{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"fbtrace_id":"A1"}}"#),
                          .init(body: #"{"id":"17858893269000099"}"#))
            let failed = try await app.web(.POST, "/inbox/\(message.id!)/replies", as: operatorBrowser, form: ["text": "Terima kasih, laporan diteruskan ke Dinas PU."])
            #expect(failed.status == .seeOther)
            var reply = try #require(try await MessageReplyModel.query(on: app.db).filter(\.$messageID == message.id!).first())
            #expect(reply.status == .failed && reply.error?.contains("ditolak platform") == true && reply.platformID == nil)
            let page = try await app.web(.GET, "/inbox/\(message.id!)", as: operatorBrowser).body.string
            #expect(page.contains("Gagal terkirim") && page.contains("Kirim ulang"))

            let retried = try await app.web(.POST, "/inbox/\(message.id!)/replies/\(reply.id!)/retry", as: operatorBrowser, form: [:])
            #expect(retried.status == .seeOther)
            reply = try #require(try await MessageReplyModel.find(reply.id, on: app.db))
            #expect(reply.status == .sent && reply.platformID == "17858893269000099" && reply.attempts == 2)
            let saved = try #require(try await MessageModel.find(message.id, on: app.db))
            #expect(saved.state == .replied && saved.firstResponseAt != nil)
            let sent = server.requests.filter { $0.path == path }
            #expect(sent.count == 2 && sent.allSatisfy { $0.body.contains("Dinas") })
        }
    }

    @Test("replies pass the compliance guard; direct messages outside 24 hours are refused")
    func guardAndWindow() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            let world = try await World.make(app)
            _ = try await ComplianceFixtures.election(world, app: app)
            let account = try await ConnectorTests.connect(world, app: app, platform: .facebook, externalID: "100000000000001", server: server)
            let message = try await InboxFixtures.message(world, app: app)
            message.externalID = Self.commentID
            try await message.save(on: app.db)
            server.script("/v21.0/\(Self.commentID)/comments", .init(body: #"{"id":"17858893269000100"}"#))
            let campaign = "Terima kasih! Jangan lupa coblos no 2 ya"
            let operatorBrowser = try await World.signIn(world.inScope[.operator]!, app: app)
            let blocked = try await app.web(.POST, "/inbox/\(message.id!)/replies", as: operatorBrowser, form: ["text": campaign])
            #expect(blocked.status == .unprocessableEntity && blocked.body.string.contains("temuan tingkat blokir"))
            #expect(server.requests.isEmpty)
            let approver = try await World.signIn(world.inScope[.approver]!, app: app)
            let overridden = try await app.web(.POST, "/inbox/\(message.id!)/replies", as: approver,
                                               form: ["text": campaign, "override_reason": "Kutipan resmi jadwal pemungutan suara KPU"])
            #expect(overridden.status == .seeOther)
            #expect(try await MessageReplyModel.query(on: app.db).filter(\.$messageID == message.id!).first()?.status == .sent)
            #expect(try await FindingModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$source == .reply).count() >= 1)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$action == .inboxReplyOverride).count() == 1)

            // A WhatsApp message from two days ago: only a template may go out now.
            account.platform = .whatsapp
            try await account.save(on: app.db)
            let old = try await InboxTests.message(world, app: app, account: account, kind: .dm, text: "halo min", minutesAgo: 2 * 24 * 60)
            old.authorID = "6281234567890"
            try await old.save(on: app.db)
            let late = try await app.web(.POST, "/inbox/\(old.id!)/replies", as: operatorBrowser, form: ["text": "Halo, ada yang bisa dibantu?"])
            #expect(late.status == .unprocessableEntity && late.body.string.contains("24 jam"))
            let empty = try await app.web(.POST, "/inbox/\(old.id!)/notes", as: operatorBrowser, form: ["body": " "])
            #expect(empty.status == .unprocessableEntity)
            let note = try await app.web(.POST, "/inbox/\(old.id!)/notes", as: operatorBrowser, form: ["body": "Warga ini sudah ditelepon"])
            #expect(note.status == .seeOther)
            #expect(try await app.web(.GET, "/inbox/\(old.id!)", as: operatorBrowser).body.string.contains("Warga ini sudah ditelepon"))
        }
    }
}

@Suite("Inbox follow-up")
struct InboxFollowUpTests {
    @Test("corrections are kept, assignment needs a reason to change hands, and the inbox filters by assignee")
    func triageAndAssignment() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let message = try await InboxFixtures.message(world, app: app)
            message.receivedAt = app.clock.now().addingTimeInterval(-3 * 3600)
            try await message.save(on: app.db)
            _ = try await TriageWorker.runOnce(tenant: world.tenantA, db: app.db)
            let operatorUser = world.inScope[.operator]!
            let browser = try await World.signIn(operatorUser, app: app)
            let path = "/inbox/\(message.id!)/triage"

            #expect(try await app.web(.POST, path, as: browser, form: ["priority": "urgent", "sentiment": "positive"]).status == .seeOther)
            var saved = try #require(try await MessageModel.find(message.id, on: app.db))
            #expect(saved.priority == .urgent && saved.dueAt == saved.receivedAt.addingTimeInterval(3600))
            let corrections = try await TriageCorrectionModel.query(on: app.db).filter(\.$messageID == message.id!).all()
            #expect(Set(corrections.map(\.field)) == ["priority", "sentiment"] && corrections.allSatisfy { $0.text.contains("berlubang") })
            // Urgent means one hour: three hours after it arrived, the home page counts it overdue.
            let home = try await app.web(.GET, "/", as: browser).body.string
            #expect(home.contains(#"id="count-overdue"><p class="tile-value">1</p>"#))

            #expect(try await app.web(.POST, path, as: browser, form: ["assignee": "user:\(operatorUser.id!)"]).status == .seeOther)
            saved = try #require(try await MessageModel.find(message.id, on: app.db))
            #expect(saved.assigneeUserID == operatorUser.id && saved.state == .assigned)
            let token = try await World.apiToken(operatorUser, app: app)
            #expect(try await app.api(.GET, "/api/v1/inbox?assignee=me", token: token).body.string.contains(message.id!.uuidString))
            #expect(try await !app.api(.GET, "/api/v1/inbox?assignee=none", token: token).body.string.contains(message.id!.uuidString))
            #expect(try await app.api(.GET, "/api/v1/inbox?assignee=siapa", token: token).status == .badRequest)

            let unit = "unit:\(world.units["OPD-A"]!)"
            let noReason = try await app.web(.POST, path, as: browser, form: ["assignee": unit])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("alasan"))
            #expect(try await app.web(.POST, path, as: browser, form: ["assignee": unit, "reason": "Ranah Dinas A"]).status == .seeOther)
            saved = try #require(try await MessageModel.find(message.id, on: app.db))
            #expect(saved.assigneeUnitID == world.units["OPD-A"] && saved.assigneeUserID == nil)
            let stranger = try await app.web(.POST, path, as: browser, form: ["assignee": "user:\(world.otherTenant.id!)", "reason": "coba"])
            #expect(stranger.status == .unprocessableEntity)
            #expect(try await app.web(.POST, path, as: browser, form: ["state": "dibuang"]).status == .unprocessableEntity)
            #expect(try await app.web(.POST, path, as: browser, form: ["state": "closed"]).status == .seeOther)
            #expect(try await MessageModel.find(message.id, on: app.db)?.state == .closed)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$action == .inboxUpdate).all()
            #expect(audit.contains { $0.summary.storedText.contains("Ranah Dinas A") })
        }
    }
}

@Suite("Saved replies")
struct SavedReplyServerTests {
    @Test("a unit's saved reply fills in the sender and unit, and bad variables are refused")
    func savedReplies() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let message = try await InboxFixtures.message(world, app: app)
            let admin = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            let bad = try await app.web(.POST, "/inbox/saved-replies", as: admin,
                                        form: ["title": "Jalan", "body": "Halo {nama}, {salam}", "unit_id": world.units["OPD-A"]!.uuidString])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("{salam}"))
            let tenantWide = try await app.web(.POST, "/inbox/saved-replies", as: admin, form: ["title": "Umum", "body": "Halo"])
            #expect(tenantWide.status == .unprocessableEntity && tenantWide.body.string.contains("seluruh instansi"))
            #expect(try await app.web(.POST, "/inbox/saved-replies", as: admin,
                                      form: ["title": "Jalan rusak", "body": "Terima kasih {nama}, laporan diteruskan ke {unit}.",
                                             "unit_id": world.units["OPD-A"]!.uuidString]).status == .seeOther)
            let saved = try #require(try await SavedReplyModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).first())
            let operatorBrowser = try await World.signIn(world.inScope[.operator]!, app: app)
            let thread = try await app.web(.GET, "/inbox/\(message.id!)?template=\(saved.id!)", as: operatorBrowser).body.string
            #expect(thread.contains("Terima kasih Warga Satu, laporan diteruskan ke Unit OPD-A."))
            // A unit below cannot see OPD-B's replies; OPD-B's people do not see OPD-A's.
            let outside = try await World.signIn(world.outOfScope[.operator]!, app: app)
            #expect(try await !app.web(.GET, "/inbox/saved-replies", as: outside).body.string.contains("Jalan rusak"))
        }
    }
}

@Suite("Inbox live updates")
struct InboxLiveTests {
    /// Opens the event stream for `seconds` as `user` and returns everything it received.
    static func listen(_ app: Application, as user: UserModel, seconds: Int) async throws -> String {
        let browser = try await World.signIn(user, app: app)
        return try await app.web(.GET, "/inbox/events?timeout=\(seconds)", as: browser).body.string
    }

    static func waitForSubscribers(_ app: Application, _ count: Int) async throws {
        // Generous: on a loaded CI machine the streams can take seconds to open.
        for _ in 0..<500 where app.inboxHub.count < count { try await Task.sleep(for: .milliseconds(20)) }
    }

    @Test("two open inboxes receive a new message live; a third out of scope does not")
    func twoSubscribers() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let message = try await InboxFixtures.message(world, app: app)
            async let first = Self.listen(app, as: world.inScope[.operator]!, seconds: 6)
            async let second = Self.listen(app, as: world.inScope[.viewer]!, seconds: 6)
            async let outside = Self.listen(app, as: world.outOfScope[.viewer]!, seconds: 6)
            try await Self.waitForSubscribers(app, 3)
            #expect(try await TriageWorker.runOnce(tenant: world.tenantA, db: app.db, app: app) == 1)
            let (a, b, c) = try await (first, second, outside)
            for stream in [a, b] {
                #expect(stream.contains("event: new") && stream.contains(message.id!.uuidString), "\(stream)")
            }
            #expect(!c.contains(message.id!.uuidString))
            #expect(try await app.web(.GET, "/inbox/events?timeout=0", as: World.signIn(world.inScope[.viewer]!, app: app)).status == .badRequest)
        }
    }

    @Test("on PostgreSQL an event published by one process reaches an inbox open on another")
    func acrossProcesses() async throws {
        guard TestDatabase.postgresURL != nil else { return }
        try await withTestApp { publisher in
            try await withTestApp { subscriber in
                let world = try await World.make(publisher)
                let message = try await InboxFixtures.message(world, app: publisher)
                // Web processes start their listener when they serve; these test apps start it here.
                let listeners = InboxEvents.start(app: subscriber) + InboxEvents.start(app: publisher)
                defer { listeners.forEach { $0.cancel() } }
                async let received = Self.listen(subscriber, as: world.inScope[.operator]!, seconds: 4)
                try await Self.waitForSubscribers(subscriber, 1)
                try await Task.sleep(for: .milliseconds(1000))
                #expect(try await TriageWorker.runOnce(tenant: world.tenantA, db: publisher.db, app: publisher) == 1)
                let stream = try await received
                #expect(stream.contains("event: new") && stream.contains(message.id!.uuidString), "\(stream)")
            }
        }
    }
}

@Suite("SLA settings")
struct SLASettingsTests {
    static func wib(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Jakarta")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    @Test("the tenant's targets, office hours and holidays decide the due time; bad settings are refused")
    func tenantCalendar() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let supervisor = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let form = ["urgent": "1 jam", "high": "2 jam-kerja", "normal": "2 hari-kerja", "low": "5 hari-kerja",
                        "hours[2]": "07.30-16.00", "hours[3]": "07.30-16.00", "hours[4]": "07.30-16.00", "hours[5]": "07.30-16.00",
                        "hours[6]": "07.30-16.30", "holidays": "2026-11-30 Libur daerah"]
            var bad = form
            bad["high"] = "dua jam"
            bad["hours[3]"] = "16.00-07.30"
            bad["holidays"] = "30-11-2026 salah"
            let refused = try await app.web(.POST, "/settings/sla", as: supervisor, form: bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Target tinggi") && refused.body.string.contains("Selasa") && refused.body.string.contains("baris 1"))
            #expect(try await app.web(.POST, "/settings/sla", as: supervisor, form: form).status == .seeOther)

            let message = try await InboxFixtures.message(world, app: app)
            message.text = "air PDAM mati udah 3 hari"
            message.receivedAt = Self.wib("2026-11-27 15:00")   // Friday, WIB
            try await message.save(on: app.db)
            _ = try await TriageWorker.runOnce(tenant: world.tenantA, db: app.db)
            let saved = try #require(try await MessageModel.find(message.id, on: app.db))
            // 1.5 office hours on Friday, Monday is the region's holiday, half an hour on Tuesday.
            #expect(saved.priority == .high && saved.dueAt == Self.wib("2026-12-01 08:00"))
            let page = try await app.web(.GET, "/settings/sla", as: supervisor).body.string
            #expect(page.contains("2026-11-30 Libur daerah") && page.contains("2 jam-kerja"))
        }
    }
}

@Suite("Inbox bulk actions")
struct InboxBulkTests {
    @Test("ticked messages are closed or taken at once; messages out of reach are skipped and counted")
    func bulk() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let mine = try await InboxFixtures.message(world, app: app)
            let elsewhere = try await InboxTests.account(world, app: app, platform: .facebook, handle: "unit.b", unit: "OPD-B")
            let other = try await InboxTests.message(world, app: app, account: elsewhere, kind: .comment, text: "halo", minutesAgo: 1)
            let browser = try await World.signIn(world.inScope[.operator]!, app: app)
            let response = try await app.web(.POST, "/inbox/bulk", as: browser, form: ["action": "close", "ids[0]": mine.id!.uuidString, "ids[1]": other.id!.uuidString])
            #expect(response.status == .seeOther)
            #expect(try await MessageModel.find(mine.id, on: app.db)?.state == .closed)
            #expect(try await MessageModel.find(other.id, on: app.db)?.state == .new)
            #expect(try await app.web(.POST, "/inbox/bulk", as: browser, form: ["action": "hapus", "ids[0]": mine.id!.uuidString]).status == .badRequest)
            #expect(try await app.web(.POST, "/inbox/bulk", as: browser, form: ["action": "close", "ids[0]": "bukan-id"]).status == .badRequest)
            #expect(try await app.web(.POST, "/inbox/bulk", as: browser, form: ["action": "assignToMe", "ids[0]": mine.id!.uuidString]).status == .seeOther)
            #expect(try await MessageModel.find(mine.id, on: app.db)?.assigneeUserID == world.inScope[.operator]!.id)
        }
    }
}

@Suite("Inbox routing")
struct InboxRoutingTests {
    @Test("the first matching rule assigns new messages, in turn among the unit's people; others wait")
    func routing() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let supervisor = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let bad = try await app.web(.POST, "/inbox/routing", as: supervisor, form: ["name": "Air", "keyword": "air", "kind": "surat"])
            #expect(bad.status == .unprocessableEntity)
            // A reaction is a kind the platforms send, but it starts no conversation to route.
            let reaction = try await app.web(.POST, "/inbox/routing", as: supervisor,
                                             form: ["name": "Suka", "kind": "reaction", "platform": "facebook", "target_unit_id": world.units["OPD-A"]!.uuidString])
            #expect(reaction.status == .unprocessableEntity && reaction.body.string.contains("Jenis pesan tidak dikenal."))
            #expect(try await app.web(.POST, "/inbox/routing", as: supervisor,
                                      form: ["name": "Air ke OPD-A", "keyword": "air", "target_unit_id": world.units["OPD-A"]!.uuidString,
                                             "round_robin": "on"]).status == .seeOther)
            #expect(try await app.web(.POST, "/inbox/routing", as: supervisor,
                                      form: ["name": "Sampah ke KEC-1", "keyword": "sampah", "target_unit_id": world.units["KEC-1"]!.uuidString]).status == .seeOther)
            var water: [MessageModel] = []
            for minute in 1...3 {
                water.append(try await InboxTests.message(world, app: app, account: world.account, kind: .comment, text: "airnya mati lagi \(minute)", minutesAgo: Double(minute)))
            }
            let rubbish = try await InboxTests.message(world, app: app, account: world.account, kind: .comment, text: "sampah menumpuk", minutesAgo: 5)
            let other = try await InboxTests.message(world, app: app, account: world.account, kind: .comment, text: "jadwal posyandu?", minutesAgo: 6)
            _ = try await TriageWorker.runOnce(tenant: world.tenantA, db: app.db)
            let routed = try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all()
            let byID = Dictionary(uniqueKeysWithValues: routed.map { ($0.id!, $0) })
            let assignees = water.compactMap { byID[$0.id!]?.assigneeUserID }
            #expect(assignees.count == 3 && Set(assignees).count == 3, "round robin: \(assignees)")
            #expect(water.allSatisfy { byID[$0.id!]?.state == .assigned })
            #expect(byID[rubbish.id!]?.assigneeUnitID == world.units["KEC-1"] && byID[rubbish.id!]?.assigneeUserID == nil)
            #expect(byID[other.id!]?.assigneeUserID == nil && byID[other.id!]?.assigneeUnitID == nil && byID[other.id!]?.state == .new)
        }
    }
}
