import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

/// /api/v1/listening: rules checked like the Pemantauan form, their hits and news newest first,
/// and alerts with the detector's figures.
@Suite("Listening API")
struct ListeningAPITests {
    @Test("rules are checked like the form: a bad query is a 422 with the parser's Indonesian message and column")
    func createAndRefuse() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let opdA = w.units["OPD-A"]!
            let bad = try await app.api(.POST, "/api/v1/listening/rules", token: token, json: #"{"name":"Air","unit_id":"\#(opdA)","query":"(air AND mati"}"#)
            #expect(bad.status == .unprocessableEntity)
            let message = try #require(try bad.fieldMessages()["query"])
            #expect(message.contains("kolom"), "\(message)")
            let noName = try await app.api(.POST, "/api/v1/listening/rules", token: token, json: #"{"unit_id":"\#(opdA)","query":"air"}"#)
            #expect(try noName.status == .unprocessableEntity && (noName.fieldMessages()["name"]) == "Nama aturan belum diisi.")
            let foreign = try await app.api(.POST, "/api/v1/listening/rules", token: token, json: #"{"name":"Lain","unit_id":"\#(w.units["OPD-B"]!)","query":"air"}"#)
            #expect(try foreign.status == .unprocessableEntity && (foreign.fieldMessages()["unit_id"]) != nil)
            let wrongType = try await app.api(.POST, "/api/v1/listening/rules", token: token, json: #"{"name":7,"unit_id":"\#(opdA)","query":"air"}"#)
            #expect(try wrongType.status == .badRequest && (wrongType.errorCode()) == "bad_request")
            let tooLong = try await app.api(.POST, "/api/v1/listening/rules", token: token,
                                            json: #"{"name":"Air","unit_id":"\#(opdA)","query":"\#(String(repeating: "air ", count: 600))"}"#)
            #expect(try tooLong.status == .unprocessableEntity && (tooLong.fieldMessages()["query"]) != nil)
            let notJSON = try await app.api(.POST, "/api/v1/listening/rules", token: token, json: "{name:")
            #expect(notJSON.status == .badRequest)
            #expect(try await ListeningRuleModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0)

            let created = try await app.api(.POST, "/api/v1/listening/rules", token: token,
                                            json: #"{"name":"  Air mati  ","unit_id":"\#(opdA)","query":"\"tidak ada air\" OR (layanan NEAR/3 lambat)"}"#)
            #expect(created.status == .created)
            let rule = try created.object()
            #expect((rule["id"] as? String).flatMap(UUID.init(uuidString:)) != nil)
            #expect(rule["name"] as? String == "Air mati" && rule["active"] as? Bool == true && rule["unit_id"] as? String == opdA.uuidString)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$targetType == .listeningRule).all()
            #expect(audit.map(\.action) == [.listeningRuleCreate])
        }
    }

    @Test("rules list by unit and state, change by PATCH with audit, and stay out of reach of other units")
    func listUpdateScope() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let admin = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1)
            let sub = try await CaseFixtures.listeningRule(w, app: app, n: 2, unit: "BAG-A1")
            let elsewhere = try await CaseFixtures.listeningRule(w, app: app, n: 3, unit: "OPD-B")

            let all = try await app.api(.GET, "/api/v1/listening/rules", token: admin)
            #expect(try Set(all.rows().compactMap { $0["id"] as? String }) == [rule.id!.uuidString, sub.id!.uuidString])
            let underBag = try await app.api(.GET, "/api/v1/listening/rules?unit=\(w.units["BAG-A1"]!)", token: admin)
            #expect(try underBag.rows().compactMap { $0["id"] as? String } == [sub.id!.uuidString])

            let changed = try await app.api(.PATCH, "/api/v1/listening/rules/\(rule.id!)", token: admin, json: #"{"query":"banjir NEAR/3 rob","active":false}"#)
            #expect(changed.status == .ok)
            #expect(try changed.object()["query"] as? String == "banjir NEAR/3 rob" && (try changed.object()["active"] as? Bool) == false)
            let off = try await app.api(.GET, "/api/v1/listening/rules?active=false", token: admin)
            #expect(try off.rows().compactMap { $0["id"] as? String } == [rule.id!.uuidString])
            let actions = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$targetID == rule.id!).all().map(\.action)
            #expect(Set(actions) == [.listeningRuleUpdate, .listeningRuleDeactivate])
            let badQuery = try await app.api(.PATCH, "/api/v1/listening/rules/\(rule.id!)", token: admin, json: #"{"query":"banjir and rob"}"#)
            #expect(try badQuery.status == .unprocessableEntity && (badQuery.fieldMessages()["query"]) != nil)
            let moved = try await app.api(.PATCH, "/api/v1/listening/rules/\(rule.id!)", token: admin, json: #"{"unit_id":"\#(w.units["OPD-B"]!)"}"#)
            #expect(try moved.status == .unprocessableEntity && (moved.fieldMessages()["unit_id"]) != nil)
            #expect(try await ListeningRuleModel.find(rule.id, on: app.db)?.query == "banjir NEAR/3 rob")

            #expect(try await app.api(.GET, "/api/v1/listening/rules/\(elsewhere.id!)", token: admin).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/listening/rules?unit=\(w.units["OPD-B"]!)", token: admin).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/listening/rules?active=kadang", token: admin).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/listening/rules/bukan-uuid", token: admin).status == .notFound)
            let outsider = try await World.apiToken(w.outOfScope[.unitAdmin]!, app: app)
            #expect(try await app.api(.GET, "/api/v1/listening/rules/\(rule.id!)", token: outsider).status == .notFound)
            #expect(try await app.api(.PATCH, "/api/v1/listening/rules/\(rule.id!)", token: outsider, json: #"{"active":true}"#).status == .notFound)
            let viewer = try await World.apiToken(w.inScope[.viewer]!, app: app)
            #expect(try await app.api(.GET, "/api/v1/listening/rules/\(rule.id!)", token: viewer).status == .ok)
            #expect(try await app.api(.PATCH, "/api/v1/listening/rules/\(rule.id!)", token: viewer, json: #"{"active":true}"#).status == .forbidden)
        }
    }

    @Test("hits are the matched messages newest first, paged without gaps; news hits carry the article")
    func hitsAndNews() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.operator]!, app: app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1, query: "banjir")
            let now = app.clock.now()
            var expected: [String] = []
            for minute in [30, 10, 20] {
                let message = try await InboxFixtures.comment(w, app: app, account: w.account, externalID: "banjir-\(minute)", text: "Banjir lagi di RT \(minute)")
                message.receivedAt = now.addingTimeInterval(-Double(minute) * 60)
                try await message.save(on: app.db)
                expected.append(message.id!.uuidString)
            }
            _ = try await InboxFixtures.comment(w, app: app, account: w.account, externalID: "kering", text: "Hari ini cerah")
            try await w.triage(app, now: now)
            let newestFirst = [expected[1], expected[2], expected[0]]

            let first = try await app.api(.GET, "/api/v1/listening/rules/\(rule.id!)/hits?limit=2", token: token)
            #expect(first.status == .ok)
            let cursor = try #require(try first.nextCursor())
            let second = try await app.api(.GET, "/api/v1/listening/rules/\(rule.id!)/hits?limit=2&cursor=\(cursor)", token: token)
            #expect(try second.nextCursor() == nil)
            let ids = try (first.rows() + second.rows()).compactMap { $0["message_id"] as? String }
            #expect(ids == newestFirst)
            let row = try #require(try first.rows().first)
            #expect(row["readable"] as? Bool == true && row["platform"] as? String == "instagram" && (row["text"] as? String)?.contains("Banjir") == true)
            #expect(try await app.api(.GET, "/api/v1/listening/rules/\(rule.id!)/hits?cursor=rusak!", token: token).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/listening/rules/\(rule.id!)/hits?limit=0", token: token).status == .badRequest)

            let feed = try await CaseFixtures.feed(w, app: app, url: "https://berita.contoh/rss")
            let item = ListenedItemModel()
            item.id = UUID()
            item.tenantID = w.tenantA.id!
            item.source = .news
            item.externalID = "artikel-1"
            item.feedID = feed.id
            item.url = "https://berita.contoh/banjir-rob"
            item.title = "Banjir rob di pesisir"
            item.text = "Banjir rob merendam permukiman pesisir."
            item.fetchedAt = now
            try await item.create(on: app.db)
            let hit = ListeningItemHitModel()
            hit.id = UUID()
            hit.tenantID = item.tenantID
            hit.ruleID = rule.id!
            hit.itemID = item.id!
            hit.matchedAt = now
            try await hit.create(on: app.db)
            let news = try await app.api(.GET, "/api/v1/listening/rules/\(rule.id!)/news", token: token)
            let article = try #require(try news.rows().first)
            #expect(article["title"] as? String == "Banjir rob di pesisir" && article["source"] as? String == "news" && article["feed_id"] as? String == feed.id!.uuidString)
        }
    }

    @Test("alerts show count, median, MAD, threshold and explanation, filter by rule and time, and name the case opened from them")
    func alerts() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let admin = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let alert = try await CaseFixtures.alert(w, app: app, n: 1)
            let other = try await CaseFixtures.alert(w, app: app, n: 2)
            let listed = try await app.api(.GET, "/api/v1/listening/alerts?rule=\(alert.ruleID)", token: admin)
            #expect(listed.status == .ok)
            let row = try #require(try listed.rows().first)
            #expect(try listed.rows().count == 1)
            #expect(row["count"] as? Int == 12 && row["median"] as? Double == 1 && row["mad"] as? Double == 1 && row["threshold"] as? Double == 5.4)
            #expect(row["explanation"] as? String == "12 pesan dalam 15 menit" && row["case_id"] == nil && row["rule_name"] as? String == "Aturan 1")
            #expect(try await app.api(.GET, "/api/v1/listening/alerts", token: admin).rows().count == 2)
            let later = ISO8601DateFormatter().string(from: app.clock.now().addingTimeInterval(3600))
            #expect(try await app.api(.GET, "/api/v1/listening/alerts?since=\(later)", token: admin).rows().isEmpty)
            #expect(try await app.api(.GET, "/api/v1/listening/alerts?since=kemarin", token: admin).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/listening/alerts?rule=\(UUID())", token: admin).status == .badRequest)

            let opened = try await app.api(.POST, "/api/v1/cases", token: admin, json: #"{"alert_id":"\#(alert.id!)"}"#)
            #expect(opened.status == .created)
            let caseID = try #require(try opened.object()["id"] as? String)
            #expect(try opened.object()["origin"] as? String == "alert" && (try opened.object()["origin_ref"] as? String) == alert.id!.uuidString)
            let again = try await app.api(.GET, "/api/v1/listening/alerts?rule=\(alert.ruleID)", token: admin)
            #expect(try again.rows().first?["case_id"] as? String == caseID)
            // Opening it a second time answers with the same case.
            let twice = try await app.api(.POST, "/api/v1/cases", token: admin, json: #"{"alert_id":"\#(alert.id!)"}"#)
            #expect(try twice.status == .ok && (twice.object()["id"] as? String) == caseID)
            #expect(try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 1)

            let outsider = try await World.apiToken(w.outOfScope[.unitAdmin]!, app: app)
            #expect(try await app.api(.GET, "/api/v1/listening/alerts", token: outsider).rows().isEmpty)
            let foreign = try await app.api(.POST, "/api/v1/cases", token: outsider, json: #"{"alert_id":"\#(other.id!)"}"#)
            #expect(try foreign.status == .unprocessableEntity && (foreign.fieldMessages()["alert_id"]) != nil)
        }
    }

    @Test("bad bodies on the listening write routes are structured 4xx answers")
    func badBodies() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1)
            try await APIBadInput.sweep(app, token: token, .POST, "/api/v1/listening/rules", wrongType: #"{"name":["Air"]}"#)
            try await APIBadInput.sweep(app, token: token, .PATCH, "/api/v1/listening/rules/\(rule.id!)", wrongType: #"{"active":"ya"}"#)
            #expect(try await ListeningRuleModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 1)
        }
    }
}
