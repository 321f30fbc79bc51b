import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// Planning, approval, scheduling and publishing through the web routes, on the database the
/// environment names, with variants on Sandbox pages.
@Suite("Content workflow")
struct ContentWorkflowTests {
    static func item(_ app: Application, _ world: World, title: String) async throws -> ContentItemModel {
        try #require(try await ContentItemModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$title == title).first())
    }

    static func reload(_ app: Application, _ item: ContentItemModel) async throws -> ContentItemModel {
        try #require(try await ContentItemModel.find(item.id, on: app.db))
    }

    @Test("an operator plans and submits, an approver approves, the item is scheduled and published to the Sandbox once")
    func endToEnd() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let writer = try await World.signIn(world.inScope[.operator]!, app: app)
            let approver = try await World.signIn(world.inScope[.approver]!, app: app)
            let pillar = ContentPillarModel(tenantID: world.tenantA.id!, name: "Layanan Publik", at: app.clock.now())
            try await pillar.create(on: app.db)
            let page = try await PublishingFixtures.pageAccount(world, app: app, n: 1)

            // Planning fields are checked like any other.
            var form = ["unit_id": world.units["OPD-A"]!.uuidString, "title": "Layanan KTP keliling", "body": "Perekaman KTP-el keliling hari Kamis pukul 08.00.",
                        "pillar_id": UUID().uuidString, "campaign": "Jemput Bola", "segments": "warga umum, lansia", "planned_date": "2026-13-01"]
            let refused = try await app.web(.POST, "/content", as: writer, form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Pilihan Pilar konten tidak dikenal") && refused.body.string.contains("Rencana tanggal terbit"))
            form["pillar_id"] = pillar.id!.uuidString
            form["planned_date"] = "2026-11-26"
            #expect(try await app.web(.POST, "/content", as: writer, form: form).status == .seeOther)
            var item = try await Self.item(app, world, title: "Layanan KTP keliling")
            #expect(item.pillarID == pillar.id && item.campaign == "Jemput Bola" && item.segments == AudienceSegments("warga umum, lansia") && item.segments?.names == ["warga umum", "lansia"])
            #expect(item.plannedAt.map { CalendarGrid.day(of: $0, zone: world.tenantA.zone) } == "2026-11-26")

            // A variant: a bad link is refused on its field; a good one is added.
            let bad = try await app.web(.POST, "/content/\(item.id!)/variants", as: writer, form: ["account_id": page.id!.uuidString, "link": "tirtamaya go id"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("diawali https://"))
            let added = try await app.web(.POST, "/content/\(item.id!)/variants", as: writer,
                                          form: ["account_id": page.id!.uuidString, "link": "https://tirtamayakota.go.id/ktp", "hashtags": "#KTP, Layanan KTP"])
            #expect(added.status == .seeOther)
            let duplicate = try await app.web(.POST, "/content/\(item.id!)/variants", as: writer, form: ["account_id": page.id!.uuidString])
            #expect(duplicate.status == .unprocessableEntity && duplicate.body.string.contains("sudah dipakai"))
            let variant = try #require(try await VariantQueries.variants(of: item, on: app.db).first)
            #expect(variant.hashtags == "KTP Layanan")

            // Not approved yet: nothing can be scheduled.
            #expect(try await app.web(.POST, "/content/\(item.id!)/schedule", as: writer, form: ["date": "2030-01-01", "time": "09:00"]).status == .conflict)
            #expect(try await app.web(.POST, "/content/\(item.id!)/submit", as: writer, form: [:]).status == .seeOther)
            item = try await Self.reload(app, item)
            #expect(item.status == .inReview)
            // The writer cannot approve; the approver sees it waiting and approves.
            #expect(try await app.web(.POST, "/content/\(item.id!)/approve", as: writer, form: [:]).status == .forbidden)
            #expect(try await app.web(.GET, "/", as: approver).body.string.contains(#"id="count-in-review"><p class="tile-value">1</p>"#))
            let queue = try await app.web(.GET, "/approvals", as: approver)
            #expect(queue.body.string.contains("Layanan KTP keliling") && queue.body.string.contains(#"id="count-mine">1 konten"#))
            #expect(try await app.web(.POST, "/content/\(item.id!)/approve", as: approver, form: [:]).status == .seeOther)
            item = try await Self.reload(app, item)
            #expect(item.status == .approved && item.approvals == [world.inScope[.approver]!.id!])

            // Scheduling: a bad time and a past time are refused with a reason.
            let garbled = try await app.web(.POST, "/content/\(item.id!)/schedule", as: writer, form: ["date": "besok", "time": "9"])
            #expect(garbled.status == .unprocessableEntity && garbled.body.string.contains("tidak dikenali"))
            let past = try await app.web(.POST, "/content/\(item.id!)/schedule", as: writer, form: ["date": "2020-01-01", "time": "09:00"])
            #expect(past.status == .unprocessableEntity && past.body.string.contains("sudah lewat"))
            #expect(try await app.web(.POST, "/content/\(item.id!)/schedule", as: writer, form: ["now": "1"]).status == .seeOther)
            item = try await Self.reload(app, item)
            #expect(item.status == .scheduled)

            // The worker publishes it to the Sandbox; running it again posts nothing more.
            let worker = JobWorker(app: app, handlers: [PublishVariantJob.handler])
            #expect(try await worker.runDue(tenantID: world.tenantA.id!) >= 1)
            try await worker.runDue(tenantID: world.tenantA.id!)
            item = try await Self.reload(app, item)
            let published = try #require(try await ContentVariantModel.find(variant.id, on: app.db))
            #expect(item.status == .published && published.status == .published && published.platformPostID?.hasPrefix(page.externalID! + "_") == true)
            #expect(try await PublishAttemptModel.query(on: app.db).filter(\.$variantID == variant.id!).count() == 1)
            let shown = try await app.web(.GET, "/content/\(item.id!)", as: writer).body.string
            #expect(shown.contains("Terbit") && shown.contains(published.platformPostID!))
            // Published content is not edited.
            let late = try await app.web(.POST, "/content/\(item.id!)", as: writer, form: ["unit_id": world.units["OPD-A"]!.uuidString, "title": "Ubah", "body": "Ubah"])
            #expect(late.status == .conflict)
        }
    }

    @Test("a two-step chain needs two different people; a rejection needs a reason; edits send approved content back to review")
    func approvalChain() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let supervisor = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let chain = ["unit_id": world.units["OPD-A"]!.uuidString, "step1": "unitAdmin", "step2": "approver"]
            #expect(try await app.web(.POST, "/settings/content/policies", as: supervisor, form: ["unit_id": world.units["OPD-A"]!.uuidString, "step1": "viewer"]).status
                    == .unprocessableEntity)
            #expect(try await app.web(.POST, "/settings/content/policies", as: supervisor, form: chain).status == .seeOther)
            let settings = try await app.web(.GET, "/settings/content", as: supervisor).body.string
            #expect(settings.contains("Admin unit → Penyetuju"))

            let (item, _) = try await PublishingFixtures.item(world, app: app, n: 1, status: .inReview)
            let approver = try await World.signIn(world.inScope[.approver]!, app: app)
            let admin = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            // Step 1 is the unit admin's.
            let early = try await app.web(.POST, "/content/\(item.id!)/approve", as: approver, form: [:])
            #expect(early.status == .conflict && early.body.string.contains("memerlukan peran admin unit"))
            #expect(try await app.web(.POST, "/content/\(item.id!)/approve", as: admin, form: [:]).status == .seeOther)
            #expect(try await Self.reload(app, item).status == .inReview)
            // The next step's approver is told, on their home page.
            let home = try await app.web(.GET, "/", as: approver).body.string
            #expect(home.contains("menunggu persetujuan Anda (langkah 2: Penyetuju)"))
            #expect(try await app.web(.POST, "/content/\(item.id!)/approve", as: approver, form: [:]).status == .seeOther)
            var saved = try await Self.reload(app, item)
            #expect(saved.status == .approved && saved.approvals.count == 2)

            // Editing approved content sends it back to review, approvals cleared.
            let writer = try await World.signIn(world.inScope[.operator]!, app: app)
            let edited = try await app.web(.POST, "/content/\(item.id!)", as: writer,
                                           form: ["unit_id": world.units["OPD-A"]!.uuidString, "title": "Info layanan", "body": "Posyandu buka Selasa pukul 08.00."])
            #expect(edited.status == .seeOther)
            saved = try await Self.reload(app, item)
            #expect(saved.status == .inReview && saved.approvals.isEmpty && saved.body == "Posyandu buka Selasa pukul 08.00.")

            // A rejection needs a reason; the writer sees it.
            let silent = try await app.web(.POST, "/content/\(item.id!)/reject", as: admin, form: ["comment": "kurang"])
            #expect(silent.status == .unprocessableEntity && silent.body.string.contains("minimal 10 karakter"))
            #expect(try await app.web(.POST, "/content/\(item.id!)/reject", as: admin, form: ["comment": "Sertakan jam layanan hari Sabtu."]).status == .seeOther)
            let page = try await app.web(.GET, "/content/\(item.id!)", as: writer).body.string
            #expect(page.contains("Ditolak") && page.contains("Sertakan jam layanan hari Sabtu."))
            let told = try await NotificationModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$userID == world.target.id!).all().map(\.text)
            #expect(told.contains { $0.contains("ditolak: Sertakan jam layanan hari Sabtu.") }, "\(told)")
            // Reading the list marks them read.
            let author = try await World.signIn(world.target, app: app)
            #expect(try await app.web(.GET, "/notifications", as: author).body.string.contains("Sertakan jam layanan"))
            #expect(try await NotificationModel.query(on: app.db).filter(\.$userID == world.target.id!).filter(\.$readAt == nil).count() == 0)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$targetID == item.id!).all().map(\.action.rawValue)
            #expect(audit.contains("content.approve") && audit.contains("content.edit") && audit.contains("content.reject"))
        }
    }

    @Test("a variant that breaks its platform's rules blocks the schedule, shown on the variant")
    func validationBlocksScheduling() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let long = String(repeating: "Informasi layanan publik Kota. ", count: 12)
            let (item, variant) = try await PublishingFixtures.item(world, app: app, n: 1, status: .approved, body: long)
            let account = try #require(try await AccountModel.find(variant.accountID, on: app.db))
            account.platform = .x
            try await account.save(on: app.db)
            let writer = try await World.signIn(world.inScope[.operator]!, app: app)
            let refused = try await app.web(.POST, "/content/\(item.id!)/schedule", as: writer, form: ["now": "1"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Teks terlalu panjang untuk X"))
            #expect(try await Self.reload(app, item).status == .approved)
            // A shorter text for X alone fixes it — and, being an edit, sends the item back to review.
            #expect(try await app.web(.POST, "/content/\(item.id!)/variants/\(variant.id!)", as: writer, form: ["text": "Layanan KTP buka Kamis."]).status == .seeOther)
            #expect(try await Self.reload(app, item).status == .inReview)
        }
    }

    @Test("the calendar shows planned and scheduled items by day, moves them, lists quiet accounts, and refuses bad filters")
    func calendar() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let writer = try await World.signIn(world.inScope[.operator]!, app: app)
            let zone = world.tenantA.zone
            let draft = try await ComplianceFixtures.draft(world, app: app)
            draft.plannedAt = LocalTime.instant(date: "2026-11-25", time: "00:00", zone: zone)
            try await draft.save(on: app.db)
            let (scheduled, _) = try await PublishingFixtures.item(world, app: app, n: 1, status: .scheduled)
            scheduled.scheduledAt = LocalTime.instant(date: "2026-11-27", time: "14:30", zone: zone)
            try await scheduled.save(on: app.db)

            let month = try await app.web(.GET, "/content/calendar?view=month&date=2026-11-10", as: writer)
            #expect(month.status == .ok)
            let html = month.body.string
            #expect(html.contains("November 2026") && html.contains(#"data-date="2026-11-25""#) && html.contains("14.30"))
            #expect(html.contains(#"id="calendar-count">2 konten"#))
            #expect(html.contains("belum pernah menerbitkan lewat Simpul"))
            let filtered = try await app.web(.GET, "/content/calendar?date=2026-11-10&status=scheduled", as: writer).body.string
            #expect(filtered.contains(#"id="calendar-count">1 konten"#))
            for bad in ["view=year", "date=2026-02-30", "status=selesai", "platform=myspace", "unit=\(world.units["OPD-B"]!)"] {
                #expect(try await app.web(.GET, "/content/calendar?\(bad)", as: writer).status == .badRequest, "\(bad)")
            }

            // Moving on the calendar: a planned draft to another day, a scheduled item to another time.
            #expect(try await app.web(.POST, "/content/\(draft.id!)/plan", as: writer, form: ["date": "2026-11-28"]).status == .seeOther)
            #expect(try await Self.reload(app, draft).plannedAt.map { CalendarGrid.day(of: $0, zone: zone) } == "2026-11-28")
            let moved = try await app.web(.POST, "/content/\(scheduled.id!)/plan", as: writer, form: ["date": "2030-01-02", "time": "08:15"])
            #expect(moved.status == .seeOther)
            #expect(try await Self.reload(app, scheduled).scheduledAt == LocalTime.instant(date: "2030-01-02", time: "08:15", zone: zone))
            #expect(try await app.web(.POST, "/content/\(draft.id!)/plan", as: writer, form: ["date": "kemarin"]).status == .badRequest)
        }
    }

    @Test("failed posts are listed with their reason and can be retried")
    func failedList() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let (item, variant) = try await PublishingFixtures.item(world, app: app, n: 1, status: .failed)
            variant.lastError = "token ditolak atau kedaluwarsa; masukkan token baru (sambungkan ulang)."
            try await variant.save(on: app.db)
            let writer = try await World.signIn(world.inScope[.operator]!, app: app)
            let home = try await app.web(.GET, "/", as: writer).body.string
            #expect(home.contains(#"id="count-failed-posts"><p class="tile-value">1</p>"#))
            let list = try await app.web(.GET, "/content/failed", as: writer).body.string
            #expect(list.contains(item.title) && list.contains("sambungkan ulang") && list.contains("/content/\(item.id!)/retry"))
            #expect(try await app.web(.POST, "/content/\(item.id!)/retry", as: writer, form: [:]).status == .seeOther)
            #expect(try await Self.reload(app, item).status == .scheduled)
            #expect(try await ContentVariantModel.find(variant.id, on: app.db)?.status == .scheduled)
            let viewer = try await World.signIn(world.inScope[.viewer]!, app: app)
            #expect(try await app.web(.GET, "/content/failed", as: viewer).body.string.contains("Gagal terbit"))
        }
    }
}
