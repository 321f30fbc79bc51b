import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// The war-room end to end over HTTP: opening from a message, the clocks, pulling units in and
/// out (and what that lets them see), notifications, the audit, and the response content.
@Suite("Issue war-room")
struct CaseTests {
    /// Monday 7 December 2026, 09.00 WIB.
    static let monday = ISO8601DateFormatter().date(from: "2026-12-07T02:00:00Z")!

    @Test("a unit pulled in sees the case and its linked messages only while involved and the case is open")
    func involvementGrantsAndRevokes() async throws {
        try await withTestApp(clock: ManualClock(Self.monday)) { app in
            let w = try await World.make(app)
            let lead = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let outsider = try await World.signIn(w.outOfScope[.operator]!, app: app)
            let message = try await InboxFixtures.message(w, app: app)
            // Opened from the message: it is linked at once.
            let opened = try await app.web(.POST, "/cases", as: lead, form: ["title": "Jalan berlubang di depan pasar", "summary": "Warga mengeluh",
                                                                                "lead_unit_id": w.units["OPD-A"]!.uuidString, "message": message.id!.uuidString])
            #expect(opened.status == .seeOther)
            let item = try #require(try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            #expect(item.origin == .message && item.number == 1)
            let casePath = "/cases/\(item.id!)", threadPath = "/inbox/\(message.id!)"
            let other = try await Self.otherMessage(w, app: app)

            func sees() async throws -> (case: UInt, thread: UInt, unlinked: UInt, listed: Bool) {
                (try await app.web(.GET, casePath, as: outsider).status.code, try await app.web(.GET, threadPath, as: outsider).status.code,
                 try await app.web(.GET, "/inbox/\(other.id!)", as: outsider).status.code,
                 try await app.web(.GET, "/cases", as: outsider).body.string.contains(item.title))
            }
            #expect(try await sees() == (404, 404, 404, false))
            #expect(try await app.web(.POST, casePath + "/units", as: lead, form: ["unit_id": w.units["OPD-B"]!.uuidString]).status == .seeOther)
            #expect(try await sees() == (200, 200, 404, true), "involved: the case and its linked message, nothing else")
            // Seeing is not answering: the reply route still refuses.
            let reply = try await app.web(.POST, threadPath + "/reply", as: outsider, form: ["body": "Kami cek"])
            #expect(reply.status == .notFound || reply.status == .forbidden)
            // Involved operators take part: a note lands on the timeline.
            #expect(try await app.web(.POST, casePath + "/notes", as: outsider, form: ["text": "Tim OPD-B sudah ke lokasi."]).status == .seeOther)
            #expect(try await app.web(.GET, casePath, as: lead).body.string.contains("Tim OPD-B sudah ke lokasi."))

            #expect(try await app.web(.POST, casePath + "/units/\(w.units["OPD-B"]!)/remove", as: lead, form: [:]).status == .seeOther)
            #expect(try await sees() == (404, 404, 404, false), "released: sight ends")
            #expect(try await app.web(.POST, casePath + "/units", as: lead, form: ["unit_id": w.units["OPD-B"]!.uuidString]).status == .seeOther)
            #expect(try await sees() == (200, 200, 404, true), "pulled in again")
            #expect(try await app.web(.POST, casePath + "/status", as: lead, form: ["status": "closed"]).status == .seeOther)
            #expect(try await sees() == (404, 404, 404, false), "closing ends every unit's involvement")

            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$targetType == .issueCase).all()
            #expect(Set(audit.map(\.action)) == [.caseOpen, .caseUnitAdd, .caseUnitRemove, .caseStatus])
        }
    }

    @Test("clocks: 6 working hours to coordinate and 7 working days to resolve; overdue cases are listed and marked")
    func clocks() async throws {
        let clock = ManualClock(Self.monday)
        try await withTestApp(clock: clock) { app in
            let w = try await World.make(app)
            let lead = try await World.signIn(w.inScope[.supervisor]!, app: app)
            _ = try await app.web(.POST, "/cases", as: lead, form: ["title": "Kabar bendungan jebol", "lead_unit_id": w.units["OPD-A"]!.uuidString])
            let item = try #require(try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            #expect(item.coordinateDue == ISO8601DateFormatter().date(from: "2026-12-07T08:00:00Z"))
            #expect(item.resolveDue == ISO8601DateFormatter().date(from: "2026-12-16T02:00:00Z"))
            #expect(!(try await app.web(.GET, "/cases?overdue=1", as: lead).body.string.contains("Kabar bendungan jebol")))
            clock.advance(by: 7 * 3600)
            let overdue = try await app.web(.GET, "/cases?overdue=1", as: lead).body.string
            #expect(overdue.contains("Kabar bendungan jebol") && overdue.contains("Terlambat"))
            // Coordinating late is recorded as met, late; the resolution clock keeps running.
            _ = try await app.web(.POST, "/cases/\(item.id!)/status", as: lead, form: ["status": "coordinating"])
            let page = try await app.web(.GET, "/cases/\(item.id!)", as: lead).body.string
            #expect(page.contains("Terlambat") && page.contains("Berjalan"))
            #expect(!(try await app.web(.GET, "/cases?overdue=1", as: lead).body.string.contains("Kabar bendungan jebol")))
        }
    }

    @Test("pulling a unit in tells its people, not the one who did it; bad input is refused in Indonesian")
    func notificationsAndRefusals() async throws {
        try await withTestApp(clock: ManualClock(Self.monday)) { app in
            let w = try await World.make(app)
            let actor = w.inScope[.supervisor]!
            let lead = try await World.signIn(actor, app: app)
            let item = try await CaseFixtures.issueCase(w, app: app, n: 7)
            _ = try await app.web(.POST, "/cases/\(item.id!)/units", as: lead, form: ["unit_id": w.units["OPD-B"]!.uuidString])
            let told = try await NotificationModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            let people = Set(told.map(\.userID))
            #expect(people.contains(w.outOfScope[.operator]!.id!) && people.contains(w.outOfScope[.viewer]!.id!))
            #expect(!people.contains(w.outOfScope[.staff]!.id!) && !people.contains(actor.id!))
            #expect(told.allSatisfy { $0.link == "/cases/\(item.id!)" && $0.text.contains("ISU-7") })
            let again = try await app.web(.POST, "/cases/\(item.id!)/units", as: lead, form: ["unit_id": w.units["OPD-B"]!.uuidString])
            #expect(again.status == .unprocessableEntity && again.body.string.contains("Unit ini sudah dilibatkan."))
            _ = try await app.web(.POST, "/cases/\(item.id!)/status", as: lead, form: ["status": "closed"])
            let reopenOnly = try await app.web(.POST, "/cases/\(item.id!)/status", as: lead, form: ["status": "monitoring"])
            #expect(reopenOnly.status == .unprocessableEntity && reopenOnly.body.string.contains("Status tidak bisa diubah dari Selesai ke Pemantauan."))
            #expect(try await app.web(.POST, "/cases/\(item.id!)/status", as: lead, form: ["status": "entah"]).status == .badRequest)
            let noTitle = try await app.web(.POST, "/cases", as: lead, form: ["title": "  ", "lead_unit_id": w.units["OPD-A"]!.uuidString])
            #expect(noTitle.status == .unprocessableEntity && noTitle.body.string.contains("Judul isu belum diisi."))
            let badDue = try await app.web(.POST, "/cases/\(item.id!)/tasks", as: lead, form: ["title": "Rilis", "due": "besok"])
            #expect(badDue.status == .unprocessableEntity && badDue.body.string.contains("Tenggat harus tanggal"))
        }
    }

    @Test("the clarification starts from the holding statement and enters the normal content workflow as a draft of the lead unit")
    func responseContent() async throws {
        try await withTestApp(clock: ManualClock(Self.monday)) { app in
            let w = try await World.make(app)
            let lead = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let item = try await CaseFixtures.issueCase(w, app: app, n: 3)
            let early = try await app.web(.POST, "/cases/\(item.id!)/response", as: lead, form: [:])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("Tulis dulu pernyataan sementara"))
            _ = try await app.web(.POST, "/cases/\(item.id!)/holding", as: lead, form: ["text": "Bendungan Cisalak aman; petugas BPBD memantau 24 jam."])
            let made = try await app.web(.POST, "/cases/\(item.id!)/response", as: lead, form: [:])
            #expect(made.status == .seeOther)
            let content = try #require(try await ContentItemModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            #expect(made.headers.first(name: .location) == "/content/\(content.id!)")
            #expect(content.status == .draft && content.unitID == w.units["OPD-A"]! && content.body.hasPrefix("Bendungan Cisalak aman"))
            #expect(content.title == "Klarifikasi: Isu uji 3")
            // It is an ordinary content item: its page opens for the unit, and the case lists it with its status.
            #expect(try await app.web(.GET, "/content/\(content.id!)", as: lead).status == .ok)
            let page = try await app.web(.GET, "/cases/\(item.id!)", as: lead).body.string
            #expect(page.contains("Klarifikasi: Isu uji 3") && page.contains("Konten klarifikasi dibuat"))
            // Only managers of the lead unit may draft it.
            let outsider = try await World.signIn(w.outOfScope[.unitAdmin]!, app: app)
            #expect(try await app.web(.POST, "/cases/\(item.id!)/response", as: outsider, form: [:]).status == .notFound)
        }
    }

    @Test("the thread page offers the open cases one takes part in, and links the message once")
    func linkFromThread() async throws {
        try await withTestApp(clock: ManualClock(Self.monday)) { app in
            let w = try await World.make(app)
            let browser = try await World.signIn(w.inScope[.operator]!, app: app)
            let message = try await InboxFixtures.message(w, app: app)
            let item = try await CaseFixtures.issueCase(w, app: app, n: 4)
            let closed = try await CaseFixtures.issueCase(w, app: app, n: 5, status: .closed)
            let thread = try await app.web(.GET, "/inbox/\(message.id!)", as: browser).body.string
            #expect(thread.contains("ISU-4 Isu uji 4") && !thread.contains("ISU-5"))
            #expect(!thread.contains("Buka isu dari pesan ini"), "an operator does not open cases")
            for _ in 0..<2 {
                #expect(try await app.web(.POST, "/inbox/\(message.id!)/case", as: browser, form: ["case_id": item.id!.uuidString]).status == .seeOther)
            }
            #expect(try await CaseLinkModel.query(on: app.db).filter(\.$caseID == item.id!).count() == 1)
            #expect(try await app.web(.POST, "/inbox/\(message.id!)/case", as: browser, form: ["case_id": closed.id!.uuidString]).status == .forbidden)
            let linked = try await app.web(.GET, "/inbox/\(message.id!)", as: browser).body.string
            #expect(linked.contains("href=\"/cases/\(item.id!)\""))
        }
    }

    static func otherMessage(_ w: World, app: Application) async throws -> MessageModel {
        try await InboxFixtures.comment(w, app: app, account: w.account, externalID: "case-unlinked", text: "Pesan lain yang tidak ditautkan")
    }

    @Test("cases opened at the same moment each get their own number")
    func concurrentNumbers() async throws {
        try await withTestApp(clock: ManualClock(Self.monday)) { app in
            let w = try await World.make(app)
            let lead = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for n in 0..<8 {
                    group.addTask {
                        try await app.web(.POST, "/cases", as: lead, form: ["title": "Isu serentak \(n)", "lead_unit_id": w.units["OPD-A"]!.uuidString]).status.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 303 }, "\(statuses)")
            let numbers = try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all().map(\.number).sorted()
            #expect(numbers == Array(1...8))
        }
    }
}
