import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Amplification tasks and their proof")
struct AmplificationTests {
    static let officialPost = "1860000000000000001"

    static func tweet(_ id: String, author: String, username: String, references: [(String, String)], urls: [String] = []) -> FakePlatformServer.Answer {
        let refs = references.map { #"{"type":"\#($0.0)","id":"\#($0.1)"}"# }.joined(separator: ",")
        let entities = urls.map { #"{"url":"https://t.co/abc","expanded_url":"\#($0)"}"# }.joined(separator: ",")
        return .init(body: #"{"data":{"id":"\#(id)","text":"Ayo cek","author_id":"\#(author)","referenced_tweets":[\#(refs)],"entities":{"urls":[\#(entities)]}},"includes":{"users":[{"id":"\#(author)","username":"\#(username)"}]}}"#)
    }

    @Test("a koordinator hands an X post to a unit's staff; a link X confirms completes it, other links are refused with the reason")
    func linkProof() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            let world = try await World.make(app)
            let official = try await ConnectorTests.connect(world, app: app, platform: .x, externalID: "9001", server: server)
            let variant = try await AmplificationFixtures.publishedVariant(world, app: app, n: 1, account: official, postID: Self.officialPost)
            variant.url = "https://x.com/akun_x/status/\(Self.officialPost)"
            try await variant.save(on: app.db)
            let staff = world.inScope[.staff]!
            try await AmplificationFixtures.staffAccount(world, app: app, owner: staff, platform: .x, handle: "asn_uji", externalID: "555001")

            let koordinator = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let form = try await app.web(.GET, "/amplification/new", as: koordinator).body.string
            #expect(form.contains(variant.id!.uuidString) && form.contains("@akun_x"))
            // Refused, with the form kept: nobody chosen, a deadline in the past.
            let bad = try await app.web(.POST, "/amplification", as: koordinator,
                                        form: ["variant": variant.id!.uuidString, "caption": "Bagikan ya", "date": "2020-01-01", "time": "09.00"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Tenggat harus setelah sekarang") && bad.body.string.contains("Pilih minimal satu unit"))
            #expect(try await AmplificationTaskModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).count() == 0)
            let foreign = try await app.web(.POST, "/amplification", as: koordinator,
                                            form: ["variant": variant.id!.uuidString, "date": "2030-01-01", "time": "09.00", "users[]": UUID().uuidString])
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("di luar cakupan Anda"))

            let created = try await app.web(.POST, "/amplification", as: koordinator,
                                            form: ["variant": variant.id!.uuidString, "caption": "Bagikan ya", "date": "2030-01-01", "time": "17.00",
                                                   "units[]": world.units["OPD-A"]!.uuidString])
            #expect(created.status == .seeOther)
            let task = try #require(try await AmplificationTaskModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).first())
            #expect(task.postID == Self.officialPost && task.platform == .x)
            // OPD-A's staff only: OPD-B's stays out.
            let assignments = try await AmplificationAssignmentModel.query(on: app.db).filter(\.$taskID == task.id!).all()
            #expect(assignments.map(\.userID) == [staff.id!])
            #expect(try await NotificationModel.query(on: app.db).filter(\.$userID == staff.id!).first()?.text.contains("Tugas amplifikasi baru") == true)

            server.script("/2/tweets/1870000000000000001", Self.tweet("1870000000000000001", author: "555001", username: "asn_uji",
                                                                      references: [("quoted", "1860000000000000999")]))
            server.script("/2/tweets/1870000000000000002", Self.tweet("1870000000000000002", author: "31337", username: "orang_lain",
                                                                      references: [("retweeted", Self.officialPost)]))
            server.script("/2/tweets/1870000000000000003", .init(body: #"{"errors":[{"detail":"Could not find tweet with id: [1870000000000000003].","title":"Not Found Error"}]}"#))
            server.script("/2/tweets/1870000000000000004", Self.tweet("1870000000000000004", author: "555001", username: "asn_uji",
                                                                      references: [], urls: ["https://x.com/akun_x/status/\(Self.officialPost)"]))
            let asn = try await World.signIn(staff, app: app)
            func send(_ link: String) async throws -> TestingHTTPResponse {
                try await app.web(.POST, "/amplification/\(task.id!)/proof", as: asn, form: ["link": link])
            }
            for (link, reason) in [("https://x.com/asn_uji/status/1870000000000000001", "tidak membagikan atau mengutip unggahan resmi"),
                                   ("https://twitter.com/orang_lain/status/1870000000000000002?s=20", "bukan dari akun staf Anda"),
                                   ("https://x.com/asn_uji/status/1870000000000000003", "tidak ditemukan di X"),
                                   ("https://www.facebook.com/100/posts/200", "Tugas ini meminta bagikan ulang di X"),
                                   ("https://www.instagram.com/p/Cabc123/", "belum dapat diperiksa lewat tautan"),
                                   ("bukan tautan", "Ini bukan tautan")] {
                let response = try await send(link)
                #expect(response.status == .unprocessableEntity, "\(link)")
                #expect(response.body.string.contains(reason), "\(link) should be refused with: \(reason)")
            }
            var mine = try #require(try await AmplificationAssignmentModel.find(assignments[0].id, on: app.db))
            #expect(mine.completedAt == nil && mine.lastRefusal?.contains("bukan tautan") == true)
            // The platform was asked through the official account's own token.
            let lookup = try #require(server.requests.first { $0.path == "/2/tweets/1870000000000000001" })
            #expect(lookup.authorization == "Bearer TOKEN-RAHASIA-x" && lookup.query?.contains("referenced_tweets") == true)

            let done = try await send("https://x.com/asn_uji/status/1870000000000000004")
            #expect(done.status == .seeOther)
            mine = try #require(try await AmplificationAssignmentModel.find(assignments[0].id, on: app.db))
            #expect(mine.completedAt != nil && mine.method == "link" && mine.proofPostID == "1870000000000000004" && mine.lastRefusal == nil)

            let detail = try await app.web(.GET, "/amplification/\(task.id!)", as: koordinator).body.string
            #expect(detail.contains("1 dari 1 selesai (100%)") && detail.contains("tautan terverifikasi"))
            let csv = try await app.web(.GET, "/amplification/\(task.id!)/csv", as: koordinator).body.string
            #expect(csv.hasPrefix("nama,unit,status,selesai_pada,cara,bukti") && csv.contains(staff.name) && csv.contains("Selesai") && csv.contains(",tautan,"))
            // Another unit's admin cannot open OPD-A's task.
            let outside = try await World.signIn(world.outOfScope[.unitAdmin]!, app: app)
            #expect(try await app.web(.GET, "/amplification/\(task.id!)", as: outside).status == .notFound)
        }
    }

    static func share(page: String, post: String, from: String, shareID: String) -> Data {
        Data(#"{"object":"page","entry":[{"id":"\#(page)","time":1763700000,"changes":[{"field":"feed","value":{"from":{"id":"\#(from)","name":"ASN"},"link":"https://www.facebook.com/\#(page)/posts/1/","post_id":"\#(post)","share_id":"\#(shareID)","created_time":1763700000,"item":"share","published":1,"verb":"add"}}]}]}"#.utf8)
    }

    @Test("a share the connector delivers completes the task without a link; a share of another post, or by someone else, does not")
    func observedShare() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let pageID = "70\(Int.random(in: 100_000_000...999_999_999))"
            let page = world.account
            page.platform = .facebook
            page.handle = "halaman_uji"
            page.externalID = pageID
            page.credentials = try CredentialVault(box: app.secretBox).seal(AccountCredentials(accessToken: "T", pageID: pageID, appSecret: "rahasia-aplikasi"))
            try await page.save(on: app.db)
            let staff = world.inScope[.staff]!
            let task = try await AmplificationFixtures.task(world, app: app, n: 2, assignee: staff)
            let variant = try #require(try await ContentVariantModel.find(task.variantID, on: app.db))
            variant.accountID = page.id!
            try await variant.save(on: app.db)
            task.postID = "\(pageID)_555"
            try await task.save(on: app.db)
            try await AmplificationFixtures.staffAccount(world, app: app, owner: staff, platform: .facebook, handle: "asn.uji", externalID: "100077")

            func deliver(_ body: Data) async throws {
                let response = try await app.testing().sendRequest(.POST, "/webhooks/meta/\(world.tenantA.slug)",
                    headers: ["Content-Type": "application/json", WebhookSignature.header: WebhookSignature.sign(body, secret: "rahasia-aplikasi")]) { req in
                    req.body = .init(data: body)
                }
                #expect(response.status == .ok)
            }
            try await deliver(Self.share(page: pageID, post: "\(pageID)_999", from: "100077", shareID: "100077_1"))
            try await deliver(Self.share(page: pageID, post: "\(pageID)_555", from: "424242", shareID: "424242_1"))
            #expect(try await AmplificationObserver.runOnce(db: app.db, now: app.clock.now(), tenantID: world.tenantA.id!) == 0)
            try await deliver(Self.share(page: pageID, post: "\(pageID)_555", from: "100077", shareID: "100077_2"))
            #expect(try await AmplificationObserver.runOnce(db: app.db, now: app.clock.now(), tenantID: world.tenantA.id!) == 1)
            #expect(try await AmplificationObserver.runOnce(db: app.db, now: app.clock.now(), tenantID: world.tenantA.id!) == 0)
            let assignment = try #require(try await AmplificationAssignmentModel.query(on: app.db).filter(\.$taskID == task.id!).first())
            #expect(assignment.method == "observed" && assignment.completedAt != nil)
            let asn = try await World.signIn(staff, app: app)
            let mine = try await app.web(.GET, "/amplification/mine", as: asn).body.string
            #expect(mine.contains("terpantau lewat platform") && mine.contains("Selesai"))
            let list = try await app.web(.GET, "/amplification", as: try await World.signIn(world.inScope[.approver]!, app: app)).body.string
            #expect(list.contains("1 dari 1 selesai (100%)"))
        }
    }

    @Test("a link to a post the Sandbox does not have is refused as not found, and the test connection still answers")
    func sandboxLookup() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let staff = world.inScope[.staff]!
            let task = try await AmplificationFixtures.task(world, app: app, n: 3, assignee: staff)
            try await AmplificationFixtures.staffAccount(world, app: app, owner: staff, platform: .facebook, handle: "asn.sandbox", externalID: "100078")
            let asn = try await World.signIn(staff, app: app)
            let response = try await app.web(.POST, "/amplification/\(task.id!)/proof", as: asn, form: ["link": "https://www.facebook.com/100078/posts/1"])
            #expect(response.status == .unprocessableEntity && response.body.string.contains("tidak ditemukan di Facebook"))
            let variant = try #require(try await ContentVariantModel.find(task.variantID, on: app.db))
            let page = try #require(try await AccountModel.find(variant.accountID, on: app.db))
            let connector = try AccountConnector.make(for: page, app: app)
            #expect(try await connector.testConnection().accountID == page.externalID)
        }
    }

    @Test("the Sandbox's staff pass on the posts of open tasks, so the demo completes tasks through the real ingest path")
    func sandboxSharesAmplifiedPosts() {
        let page = SandboxAccount(platform: .facebook, handle: "dinas.uji", displayName: "Dinas Uji", kind: .official)
        let staff = SandboxAccount(platform: .facebook, handle: "asn.uji", displayName: "ASN Uji", kind: .staff)
        var generator = SandboxGenerator(accounts: [page, staff], seed: 7)
        generator.amplifiedPosts = [page.externalID: [page.externalID + "_424242"]]
        let deliveries = generator.next(400, now: Date(timeIntervalSince1970: 1_800_000_000))
        let shares = deliveries.flatMap { (try? PayloadParser.parse($0.body, as: $0.format)) ?? [] }
            .filter { $0.kind == .share && $0.author?.id == staff.externalID }
        #expect(shares.contains { $0.threadRef == page.externalID + "_424242" })
    }
}
