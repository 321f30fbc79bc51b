import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// /api/v1/cases: the war-room over the API, with CaseAccess deciding who sees and changes a case
/// and CaseService making every change, as on the case page.
@Suite("Case API")
struct CaseAPITests {
    @Test("a case opens by hand or from a message, with the case page's refusals as 422s naming the field")
    func opening() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let opdA = w.units["OPD-A"]!
            let noTitle = try await app.api(.POST, "/api/v1/cases", token: token, json: #"{"lead_unit_id":"\#(opdA)"}"#)
            #expect(try noTitle.status == .unprocessableEntity && (noTitle.fieldMessages()["title"]) == "Judul isu belum diisi.")
            let foreignLead = try await app.api(.POST, "/api/v1/cases", token: token, json: #"{"title":"Isu","lead_unit_id":"\#(w.units["OPD-B"]!)"}"#)
            #expect(try foreignLead.status == .unprocessableEntity && (foreignLead.fieldMessages()["lead_unit_id"]) != nil)
            let badMessage = try await app.api(.POST, "/api/v1/cases", token: token, json: #"{"title":"Isu","lead_unit_id":"\#(opdA)","message_id":"bukan-uuid"}"#)
            #expect(try badMessage.status == .unprocessableEntity && (badMessage.fieldMessages()["message_id"]) != nil)
            let twoOrigins = try await app.api(.POST, "/api/v1/cases", token: token,
                                               json: #"{"title":"Isu","lead_unit_id":"\#(opdA)","message_id":"\#(UUID())","alert_id":"\#(UUID())"}"#)
            #expect(try twoOrigins.status == .unprocessableEntity && (twoOrigins.fieldMessages()["origin"]) != nil)
            let longSummary = try await app.api(.POST, "/api/v1/cases", token: token,
                                                json: #"{"title":"Isu","lead_unit_id":"\#(opdA)","summary":"\#(String(repeating: "x", count: 4001))"}"#)
            #expect(try longSummary.status == .unprocessableEntity && (longSummary.fieldMessages()["summary"]) != nil)
            #expect(try await app.api(.POST, "/api/v1/cases", token: token, json: #"{"title":["Isu"]}"#).status == .badRequest)
            #expect(try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0)

            let manual = try await app.api(.POST, "/api/v1/cases", token: token, json: #"{"title":"Kabar bendungan jebol","lead_unit_id":"\#(opdA)"}"#)
            #expect(manual.status == .created)
            let made = try manual.object()
            #expect(made["origin"] as? String == "manual" && made["status"] as? String == "open" && made["label"] as? String == "ISU-1")
            #expect(made["owner_id"] as? String == w.inScope[.unitAdmin]!.id!.uuidString && made["overdue"] as? Bool == false)
            #expect((made["timeline"] as? [[String: Any]])?.first?["kind"] as? String == "opened")

            let message = try await InboxFixtures.message(w, app: app)
            let fromMessage = try await app.api(.POST, "/api/v1/cases", token: token, json: #"{"message_id":"\#(message.id!)","lead_unit_id":"\#(opdA)"}"#)
            #expect(fromMessage.status == .created)
            let item = try fromMessage.object()
            #expect(item["origin"] as? String == "message" && item["title"] as? String == "Min, jalan depan pasar berlubang")
            #expect(item["message_ids"] as? [String] == [message.id!.uuidString])
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$action == .caseOpen).count()
            #expect(audit == 2)

            // A message outside one's inbox cannot open a case.
            let outsider = try await World.apiToken(w.outOfScope[.unitAdmin]!, app: app)
            let hidden = try await app.api(.POST, "/api/v1/cases", token: outsider,
                                           json: #"{"message_id":"\#(message.id!)","lead_unit_id":"\#(w.units["OPD-B"]!)"}"#)
            #expect(try hidden.status == .unprocessableEntity && (hidden.fieldMessages()["message_id"]) != nil)
        }
    }

    @Test("status and owner change by PATCH, units are pulled in and messages linked, each on the timeline, audited and told")
    func changes() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let item = try await CaseFixtures.issueCase(w, app: app, n: 1)
            let path = "/api/v1/cases/\(item.id!)"

            let moved = try await app.api(.PATCH, path, token: token, json: #"{"status":"coordinating"}"#)
            #expect(try moved.status == .ok && (moved.object()["status"] as? String) == "coordinating")
            #expect(try moved.object()["coordinated_at"] != nil)
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"status":"hilang"}"#).status == .unprocessableEntity)
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"status":"closed"}"#).status == .ok)
            // A refused move changes nothing else asked for in the same request.
            let reopenWrong = try await app.api(.PATCH, path, token: token, json: #"{"status":"monitoring","owner_id":"\#(w.target.id!)"}"#)
            #expect(try reopenWrong.status == .unprocessableEntity && (reopenWrong.fieldMessages()["status"])?.contains("tidak bisa diubah") == true)
            #expect(try await CaseModel.find(item.id, on: app.db)?.ownerUserID == nil)
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"status":"closed"}"#).status == .ok)
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"status":"open"}"#).status == .ok)

            let owner = try await app.api(.PATCH, path, token: token, json: #"{"owner_id":"\#(w.target.id!)"}"#)
            #expect(try owner.status == .ok && (owner.object()["owner_id"] as? String) == w.target.id!.uuidString)
            let told = try await NotificationModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$userID == w.target.id!).count()
            #expect(told == 1)
            let stranger = try await app.api(.PATCH, path, token: token, json: #"{"owner_id":"\#(w.outOfScope[.operator]!.id!)"}"#)
            #expect(try stranger.status == .unprocessableEntity && (stranger.fieldMessages()["owner_id"]) != nil)
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"owner_id":"\#(UUID())"}"#).status == .unprocessableEntity)

            let involved = try await app.api(.POST, path + "/units", token: token, json: #"{"unit_id":"\#(w.units["KEC-1"]!)"}"#)
            #expect(involved.status == .ok)
            #expect(try (involved.object()["units"] as? [[String: Any]])?.compactMap { $0["unit_id"] as? String } == [w.units["KEC-1"]!.uuidString])
            let twice = try await app.api(.POST, path + "/units", token: token, json: #"{"unit_id":"\#(w.units["KEC-1"]!)"}"#)
            #expect(try twice.status == .unprocessableEntity && (twice.fieldMessages()["unit_id"]) == "Unit ini sudah dilibatkan.")
            #expect(try await app.api(.POST, path + "/units", token: token, json: #"{"unit_id":"\#(w.units["OPD-A"]!)"}"#).status == .unprocessableEntity)
            #expect(try await app.api(.POST, path + "/units", token: token, json: #"{}"#).status == .unprocessableEntity)

            let message = try await InboxFixtures.message(w, app: app)
            let operatorToken = try await World.apiToken(w.inScope[.operator]!, app: app)
            let linked = try await app.api(.POST, path + "/messages", token: operatorToken, json: #"{"message_id":"\#(message.id!)"}"#)
            #expect(try linked.status == .ok && (linked.object()["message_ids"] as? [String]) == [message.id!.uuidString])
            #expect(try await app.api(.POST, path + "/messages", token: operatorToken, json: #"{"message_id":"\#(UUID())"}"#).status == .unprocessableEntity)

            let detail = try await app.api(.GET, path, token: operatorToken)
            let kinds = Set(try #require(try detail.object()["timeline"] as? [[String: Any]]).compactMap { $0["kind"] as? String })
            #expect(kinds.isSuperset(of: ["status", "owner", "unitAdded", "messageLinked"]))
            let actions = Set(try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$targetID == item.id!).all().map(\.action))
            #expect(actions == [.caseStatus, .caseOwner, .caseUnitAdd])

            // An operator works the case but does not run it; a unit admin elsewhere does not see it.
            #expect(try await app.api(.PATCH, path, token: operatorToken, json: #"{"status":"responding"}"#).status == .forbidden)
            let outsider = try await World.apiToken(w.outOfScope[.unitAdmin]!, app: app)
            #expect(try await app.api(.GET, path, token: outsider).status == .notFound)
            #expect(try await app.api(.PATCH, path, token: outsider, json: #"{"status":"closed"}"#).status == .notFound)
            #expect(try await app.api(.POST, path + "/units", token: outsider, json: #"{"unit_id":"\#(w.units["OPD-B"]!)"}"#).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/cases/\(UUID())", token: token).status == .notFound)
        }
    }

    @Test("the case list filters by status and overdue clocks and pages newest first")
    func listing() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.viewer]!, app: app)
            let now = app.clock.now()
            let late = try await CaseFixtures.issueCase(w, app: app, n: 1)
            late.openedAt = now.addingTimeInterval(-3 * 86_400)
            late.coordinateDue = now.addingTimeInterval(-86_400)
            try await late.save(on: app.db)
            let fresh = try await CaseFixtures.issueCase(w, app: app, n: 2)
            fresh.openedAt = now.addingTimeInterval(-60)
            try await fresh.save(on: app.db)
            let closed = try await CaseFixtures.issueCase(w, app: app, n: 3, status: .closed)
            closed.openedAt = now.addingTimeInterval(-86_400)
            closed.closedAt = now
            closed.coordinatedAt = now
            try await closed.save(on: app.db)

            let ids = { (response: TestingHTTPResponse) throws -> [String] in try response.rows().compactMap { $0["id"] as? String } }
            #expect(try ids(try await app.api(.GET, "/api/v1/cases", token: token)) == [fresh, closed, late].map { $0.id!.uuidString })
            #expect(try ids(try await app.api(.GET, "/api/v1/cases?status=active", token: token)) == [fresh, late].map { $0.id!.uuidString })
            #expect(try ids(try await app.api(.GET, "/api/v1/cases?status=closed", token: token)) == [closed.id!.uuidString])
            let overdue = try await app.api(.GET, "/api/v1/cases?overdue=true", token: token)
            #expect(try ids(overdue) == [late.id!.uuidString] && (try overdue.rows().first?["overdue"] as? Bool) == true)
            #expect(try ids(try await app.api(.GET, "/api/v1/cases?overdue=false", token: token)) == [fresh, closed].map { $0.id!.uuidString })
            #expect(try await app.api(.GET, "/api/v1/cases?overdue=mungkin", token: token).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/cases?status=hilang", token: token).status == .badRequest)

            let first = try await app.api(.GET, "/api/v1/cases?limit=2", token: token)
            let cursor = try #require(try first.nextCursor())
            let second = try await app.api(.GET, "/api/v1/cases?limit=2&cursor=\(cursor)", token: token)
            #expect(try ids(first) + ids(second) == [fresh, closed, late].map { $0.id!.uuidString } && (try second.nextCursor()) == nil)

            let outsider = try await World.apiToken(w.outOfScope[.viewer]!, app: app)
            #expect(try await app.api(.GET, "/api/v1/cases", token: outsider).rows().isEmpty)
            let staff = try await World.apiToken(w.inScope[.staff]!, app: app)
            #expect(try await app.api(.GET, "/api/v1/cases", token: staff).status == .forbidden)
        }
    }

    @Test("bad bodies on the case write routes are structured 4xx answers")
    func badBodies() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let item = try await CaseFixtures.issueCase(w, app: app, n: 1)
            try await APIBadInput.sweep(app, token: token, .POST, "/api/v1/cases", wrongType: #"{"title":"Isu","message_id":42}"#)
            try await APIBadInput.sweep(app, token: token, .PATCH, "/api/v1/cases/\(item.id!)", wrongType: #"{"status":true}"#)
            try await APIBadInput.sweep(app, token: token, .POST, "/api/v1/cases/\(item.id!)/units", wrongType: #"{"unit_id":{"id":1}}"#)
            try await APIBadInput.sweep(app, token: token, .POST, "/api/v1/cases/\(item.id!)/messages", wrongType: #"{"message_id":[]}"#)
            #expect(try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 1)
            #expect(try await CaseModel.find(item.id, on: app.db)?.status == .open)
        }
    }
}
