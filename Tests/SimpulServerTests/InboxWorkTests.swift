import Fluent
import Foundation
import SQLKit
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Inbox labels")
struct InboxTagTests {
    @Test("labels are added, filtered on, put on in bulk within reach, removed; bad labels are refused clearly")
    func tags() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let message = try await InboxFixtures.message(world, app: app)
            let second = try await InboxTests.message(world, app: app, account: world.account, kind: .comment, text: "lampu jalan mati", minutesAgo: 5)
            let elsewhere = try await InboxTests.account(world, app: app, platform: .facebook, handle: "unit.b", unit: "OPD-B")
            let outside = try await InboxTests.message(world, app: app, account: elsewhere, kind: .comment, text: "halo", minutesAgo: 1)
            let browser = try await World.signIn(world.inScope[.operator]!, app: app)

            #expect(try await app.web(.POST, "/inbox/\(message.id!)/tags", as: browser, form: ["tag": " Jalan Rusak "]).status == .seeOther)
            #expect(try await app.web(.POST, "/inbox/\(message.id!)/tags", as: browser, form: ["tag": "#jalan_rusak"]).status == .seeOther)
            let bad = try await app.web(.POST, "/inbox/\(message.id!)/tags", as: browser, form: ["tag": "jalan<rusak>"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Label hanya boleh berisi huruf"))
            #expect(try await TagController.tags(of: [message.id!], tenantID: world.tenantA.id!, on: app.db)[message.id!] == ["jalan-rusak"])
            let page = try await app.web(.GET, "/inbox/\(message.id!)", as: browser).body.string
            #expect(page.contains("jalan-rusak") && page.contains("Lepas label jalan-rusak"))

            let token = try await World.apiToken(world.inScope[.operator]!, app: app)
            var listed = try await InboxTests.list(app, token: token, "tag=jalan-rusak")
            #expect(listed.data.map(\.id) == [message.id!])
            #expect(try await app.api(.GET, "/api/v1/inbox?tag=%3Cscript%3E", token: token).status == .badRequest)

            let bulk = try await app.web(.POST, "/inbox/bulk", as: browser, form: ["action": "tag", "tag": "Jalan Rusak", "ids[0]": second.id!.uuidString,
                                                                                   "ids[1]": outside.id!.uuidString, "ids[2]": message.id!.uuidString])
            #expect(bulk.status == .seeOther)
            listed = try await InboxTests.list(app, token: token, "tag=jalan-rusak")
            #expect(Set(listed.data.map(\.id)) == [message.id!, second.id!])
            #expect(try await TagController.tags(of: [outside.id!], tenantID: world.tenantA.id!, on: app.db).isEmpty)
            let noTag = try await app.web(.POST, "/inbox/bulk", as: browser, form: ["action": "tag", "tag": "", "ids[0]": second.id!.uuidString])
            #expect(noTag.status == .seeOther)

            #expect(try await app.web(.POST, "/inbox/\(message.id!)/tags/remove", as: browser, form: ["tag": "jalan-rusak"]).status == .seeOther)
            listed = try await InboxTests.list(app, token: token, "tag=jalan-rusak")
            #expect(listed.data.map(\.id) == [second.id!])
        }
    }
}

@Suite("Inbox service times")
struct InboxServiceTimeTests {
    @Test("closing records the resolution time, reopening clears it, and the report counts answers and overdue messages")
    func resolutionAndReport() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let message = try await InboxTests.message(world, app: app, account: world.account, kind: .comment, text: "air mati sejak pagi", minutesAgo: 120)
            message.dueAt = app.clock.now().addingTimeInterval(-30 * 60)
            message.priority = .high
            try await message.save(on: app.db)
            let answered = try await InboxTests.message(world, app: app, account: world.account, kind: .comment, text: "terima kasih infonya", minutesAgo: 90)
            answered.dueAt = app.clock.now().addingTimeInterval(3600)
            answered.firstResponseAt = app.clock.now().addingTimeInterval(-60 * 60)
            answered.priority = .normal
            try await answered.save(on: app.db)
            let browser = try await World.signIn(world.inScope[.operator]!, app: app)

            #expect(try await app.web(.POST, "/inbox/bulk", as: browser, form: ["action": "close", "ids[0]": answered.id!.uuidString]).status == .seeOther)
            #expect(try await MessageModel.find(answered.id, on: app.db)?.resolvedAt != nil)
            #expect(try await app.web(.POST, "/inbox/\(answered.id!)/triage", as: browser, form: ["state": "assigned"]).status == .seeOther)
            #expect(try await MessageModel.find(answered.id, on: app.db)?.resolvedAt == nil)
            #expect(try await app.web(.POST, "/inbox/\(answered.id!)/triage", as: browser, form: ["state": "closed"]).status == .seeOther)

            let report = try await app.web(.GET, "/inbox/report", as: browser)
            #expect(report.status == .ok)
            let html = report.body.string
            // Two messages, one answered in time after 30 minutes and resolved; one overdue.
            #expect(html.contains("report-units") && html.contains("30 mnt") && html.contains("50%"))
            #expect(html.contains("badge-danger\">1<"))
            let bad = try await app.web(.GET, "/inbox/report?from=2026-13-40", as: browser)
            #expect(bad.status == .ok && bad.body.string.contains("Tanggal awal tidak valid"))
            let long = try await app.web(.GET, "/inbox/report?from=2020-01-01&to=2026-01-01", as: browser)
            #expect(long.body.string.contains("Periode paling panjang"))
        }
    }
}

@Suite("Inbox collision guard")
struct InboxCollisionTests {
    @Test("two people on one thread see each other; a second reply within minutes asks for confirmation")
    func collision() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date())
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let account = try await ConnectorTests.connect(world, app: app, platform: .facebook, externalID: "100000000000001", server: server)
            let message = try await InboxFixtures.message(world, app: app)
            message.platform = account.platform
            message.externalID = InboxReplyTests.commentID
            try await message.save(on: app.db)
            let first = world.inScope[.operator]!
            let second = world.inScope[.supervisor]!
            let firstBrowser = try await World.signIn(first, app: app)
            let secondBrowser = try await World.signIn(second, app: app)

            let alone = try await app.web(.GET, "/inbox/\(message.id!)", as: firstBrowser).body.string
            #expect(!alone.contains("dibuka oleh: Orang"))
            let together = try await app.web(.GET, "/inbox/\(message.id!)", as: secondBrowser).body.string
            #expect(together.contains("Juga sedang dibuka oleh: \(first.name)"))
            let beat = try await app.web(.POST, "/inbox/\(message.id!)/presence", as: firstBrowser, form: [:])
            #expect(beat.status == .ok)
            #expect(try JSONDecoder().decode(ThreadPresence.Viewers.self, from: Data(buffer: beat.body)).viewers == [second.name])
            // A report within `refresh` of the person's last recorded one is not written again; a later one is.
            func seen(_ user: UserModel) async throws -> Date? {
                try await (try app.db.sql).raw("SELECT seen_at FROM thread_presence WHERE message_id = \(bind: message.id!) AND user_id = \(bind: user.id!)")
                    .first()?.decode(column: "seen_at", as: Date.self)
            }
            let opened = try #require(try await seen(first))
            clock.advance(by: ThreadPresence.refresh - 1)
            _ = try await app.web(.POST, "/inbox/\(message.id!)/presence", as: firstBrowser, form: [:])
            #expect(try await seen(first) == opened)
            clock.advance(by: 2)
            _ = try await app.web(.POST, "/inbox/\(message.id!)/presence", as: firstBrowser, form: [:])
            #expect(abs(try #require(try await seen(first)).timeIntervalSince(clock.date)) < 0.01)
            // A viewer who stopped reporting is gone after the timeout.
            clock.advance(by: ThreadPresence.timeout + 1)
            let later = try await app.web(.POST, "/inbox/\(message.id!)/presence", as: firstBrowser, form: [:])
            #expect(try JSONDecoder().decode(ThreadPresence.Viewers.self, from: Data(buffer: later.body)).viewers.isEmpty)

            let path = "/v21.0/\(InboxReplyTests.commentID)/comments"
            server.script(path, .init(body: #"{"id":"17858893269000101"}"#), .init(body: #"{"id":"17858893269000102"}"#))
            #expect(try await app.web(.POST, "/inbox/\(message.id!)/replies", as: firstBrowser, form: ["text": "Terima kasih, segera kami cek."]).status == .seeOther)
            let asked = try await app.web(.POST, "/inbox/\(message.id!)/replies", as: secondBrowser, form: ["text": "Laporan diteruskan ke Dinas PU."])
            #expect(asked.status == .unprocessableEntity)
            #expect(asked.body.string.contains("\(first.name) sudah membalas pesan ini") && asked.body.string.contains("confirm_recent"))
            #expect(server.requests.filter { $0.path == path }.count == 1)
            let confirmed = try await app.web(.POST, "/inbox/\(message.id!)/replies", as: secondBrowser,
                                              form: ["text": "Laporan diteruskan ke Dinas PU.", "confirm_recent": "1"])
            #expect(confirmed.status == .seeOther)
            #expect(server.requests.filter { $0.path == path }.count == 2)
            // Past the window, a reply goes straight through again.
            clock.advance(by: ThreadPresence.recentReply + 1)
            server.script(path, .init(body: #"{"id":"17858893269000103"}"#))
            #expect(try await app.web(.POST, "/inbox/\(message.id!)/replies", as: firstBrowser, form: ["text": "Sudah diperbaiki hari ini."]).status == .seeOther)
        }
    }
}

@Suite("WhatsApp templates in the inbox")
struct InboxTemplateTests {
    @Test("past the 24-hour window only an approved template goes out, with its values checked; the koordinator keeps the list")
    func templateReply() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        try await withTestApp { app in
            let world = try await World.make(app)
            let phoneID = "106540352242922"
            let account = try await ConnectorTests.connect(world, app: app, platform: .whatsapp, externalID: phoneID, server: server)
            let old = try await InboxTests.message(world, app: app, account: account, kind: .dm, text: "min, lampu jalan di RT 3 mati", minutesAgo: 2 * 24 * 60)
            old.authorID = "6281234567890"
            try await old.save(on: app.db)
            let supervisor = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let operatorBrowser = try await World.signIn(world.inScope[.operator]!, app: app)

            // Only the koordinator keeps the list, and bad templates are refused with a reason.
            #expect(try await app.web(.POST, "/inbox/templates", as: operatorBrowser, form: ["name": "x", "language": "id", "body": "Halo"]).status == .forbidden)
            let bad = try await app.web(.POST, "/inbox/templates", as: supervisor, form: ["name": "Tindak Lanjut", "language": "id", "body": "Halo {{2}}"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("huruf kecil") && bad.body.string.contains("berurutan"))
            #expect(try await app.web(.POST, "/inbox/templates", as: supervisor,
                                      form: ["name": "tindak_lanjut", "language": "id", "body": "Halo {{1}}, laporan Anda tentang {{2}} sedang ditangani.", "approved": "1"]).status == .seeOther)
            #expect(try await app.web(.POST, "/inbox/templates", as: supervisor, form: ["name": "belum_disetujui", "language": "id", "body": "Halo"]).status == .seeOther)
            let approved = try #require(try await WhatsAppTemplateModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$name == "tindak_lanjut").first())
            let pending = try #require(try await WhatsAppTemplateModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$name == "belum_disetujui").first())

            let page = try await app.web(.GET, "/inbox/\(old.id!)", as: operatorBrowser).body.string
            #expect(page.contains("template-reply-form") && page.contains("tindak_lanjut") && !page.contains("belum_disetujui") && !page.contains("id=\"reply-form\""))
            let path = "/v21.0/\(phoneID)/messages"
            let short = try await app.web(.POST, "/inbox/\(old.id!)/replies", as: operatorBrowser, form: ["template_id": approved.id!.uuidString, "parameters": "Bu Sari"])
            #expect(short.status == .unprocessableEntity && short.body.string.contains("butuh 2 isian"))
            let unapproved = try await app.web(.POST, "/inbox/\(old.id!)/replies", as: operatorBrowser, form: ["template_id": pending.id!.uuidString])
            #expect(unapproved.status == .unprocessableEntity && unapproved.body.string.contains("belum disetujui"))
            #expect(server.requests.filter { $0.path == path }.isEmpty)

            server.script(path, .init(body: #"{"messaging_product":"whatsapp","contacts":[{"input":"6281234567890","wa_id":"6281234567890"}],"messages":[{"id":"wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABEYEjA1"}]}"#))
            let sent = try await app.web(.POST, "/inbox/\(old.id!)/replies", as: operatorBrowser,
                                         form: ["template_id": approved.id!.uuidString, "parameters": "Bu Sari\r\nlampu jalan RT 3\r\n"])
            #expect(sent.status == .seeOther, "\(sent.body.string.components(separatedBy: "<main").last?.prefix(900) ?? "")")
            let request = try #require(server.requests.first { $0.path == path })
            #expect(request.body.contains(#""type":"template""#) && request.body.contains("tindak_lanjut") && request.body.contains("lampu jalan RT 3"))
            let reply = try #require(try await MessageReplyModel.query(on: app.db).filter(\.$messageID == old.id!).first())
            #expect(reply.status == .sent && reply.templateName == "tindak_lanjut" && reply.template?.parameters == ["Bu Sari", "lampu jalan RT 3"])
            #expect(reply.text == "Halo Bu Sari, laporan Anda tentang lampu jalan RT 3 sedang ditangani.")
        }
    }
}

@Suite("Inbox bulk assignment")
struct InboxBulkAssignTests {
    @Test("ticked messages go to a unit or a person who can answer them; changing hands needs a reason")
    func bulkAssign() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let first = try await InboxTests.message(world, app: app, account: world.account, kind: .comment, text: "jalan rusak", minutesAgo: 3)
            let second = try await InboxTests.message(world, app: app, account: world.account, kind: .comment, text: "lampu mati", minutesAgo: 2)
            let supervisor = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let page = try await app.web(.GET, "/inbox", as: supervisor).body.string
            #expect(page.contains("name=\"assign_to\"") && page.contains(world.inScope[.operator]!.name))
            let ids = ["ids[0]": first.id!.uuidString, "ids[1]": second.id!.uuidString]

            // OPD-B's operator cannot answer OPD-A's account: both are skipped.
            let outsider = world.outOfScope[.operator]!
            _ = try await app.web(.POST, "/inbox/bulk", as: supervisor, form: ids.merging(["action": "assign", "assign_to": "user:\(outsider.id!)"]) { a, _ in a })
            #expect(try await MessageModel.find(first.id, on: app.db)?.assigneeUserID == nil)

            let unit = world.units["BAG-A1"]!
            #expect(try await app.web(.POST, "/inbox/bulk", as: supervisor, form: ids.merging(["action": "assign", "assign_to": "unit:\(unit)"]) { a, _ in a }).status == .seeOther)
            #expect(try await MessageModel.find(first.id, on: app.db)?.assigneeUnitID == unit)
            #expect(try await MessageModel.find(second.id, on: app.db)?.state == .assigned)

            let person = world.inScope[.operator]!
            let noReason = try await app.web(.POST, "/inbox/bulk", as: supervisor, form: ids.merging(["action": "assign", "assign_to": "user:\(person.id!)"]) { a, _ in a })
            #expect(noReason.status == .seeOther)
            #expect(try await MessageModel.find(first.id, on: app.db)?.assigneeUnitID == unit)
            _ = try await app.web(.POST, "/inbox/bulk", as: supervisor,
                                  form: ids.merging(["action": "assign", "assign_to": "user:\(person.id!)", "reason": "Bagian sedang cuti bersama"]) { a, _ in a })
            #expect(try await MessageModel.find(first.id, on: app.db)?.assigneeUserID == person.id)
            #expect(try await MessageModel.find(second.id, on: app.db)?.assigneeUnitID == nil)
            #expect(try await app.web(.POST, "/inbox/bulk", as: supervisor, form: ids.merging(["action": "assign", "assign_to": "unit:bukan"]) { a, _ in a }).status == .seeOther)
            #expect(try await MessageModel.find(first.id, on: app.db)?.assigneeUserID == person.id)
        }
    }
}
