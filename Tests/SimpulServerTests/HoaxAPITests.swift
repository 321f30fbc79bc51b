import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// /api/v1/hoaxes and /api/v1/hoax-matches: the register's claims checked like its form, and
/// the messages found repeating them.
@Suite("Hoax API")
struct HoaxAPITests {
    @Test("claims are created, found, read and changed like on the register's form, with the same refusals and audit")
    func claims() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let opdA = w.units["OPD-A"]!
            let refused = try await app.api(.POST, "/api/v1/hoaxes", token: token, json: #"{"label":"gosip","claim":"x","unit_id":"\#(opdA)","sources":["bukan tautan"]}"#)
            #expect(refused.status == .unprocessableEntity)
            let fields = try refused.fieldMessages()
            #expect(fields["title"] == "title belum diisi" && fields["label"] != nil && fields["sources"] != nil)
            let long = try await app.api(.POST, "/api/v1/hoaxes", token: token,
                                         json: #"{"title":"\#(String(repeating: "a", count: 301))","label":"hoaks","claim":"x","unit_id":"\#(opdA)"}"#)
            #expect(try long.status == .unprocessableEntity && (long.fieldMessages()["title"])?.contains("300") == true)
            let foreign = try await app.api(.POST, "/api/v1/hoaxes", token: token, json: #"{"title":"t","label":"hoaks","claim":"x","unit_id":"\#(w.units["OPD-B"]!)"}"#)
            #expect(try foreign.status == .unprocessableEntity && (foreign.fieldMessages()["unit_id"]) != nil)
            let wrongType = try await app.api(.POST, "/api/v1/hoaxes", token: token, json: #"{"title":"t","variants":"satu"}"#)
            #expect(wrongType.status == .badRequest)
            #expect(try await HoaxClaimModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0)

            let created = try await app.api(.POST, "/api/v1/hoaxes", token: token, json: #"""
                {"title":"Air PDAM mati tiga hari","label":"hoaks","type":"fabricated","claim":"Air PDAM mati total tiga hari mulai besok",
                 "variants":["PDAM mati 3 hari","air mati tiga hari"],"sources":["https://pdam.contoh/siaran-pers"],"claim_date":"2026-12-01",
                 "explanation":"PDAM hanya memperbaiki pipa di satu kelurahan.","unit_id":"\#(opdA)"}
                """#)
            #expect(created.status == .created)
            let claim = try created.object()
            let id = try #require(claim["id"] as? String)
            #expect(claim["variants"] as? [String] == ["PDAM mati 3 hari", "air mati tiga hari"] && claim["type"] as? String == "fabricated")
            #expect(claim["active"] as? Bool == true && claim["claim_date"] as? String == "2026-12-01" && claim["clarification"] == nil)

            let found = try await app.api(.GET, "/api/v1/hoaxes?q=pdam&label=hoaks", token: token)
            #expect(try found.rows().compactMap { $0["id"] as? String } == [id])
            #expect(try await app.api(.GET, "/api/v1/hoaxes?label=fakta", token: token).rows().isEmpty)
            #expect(try await app.api(.GET, "/api/v1/hoaxes?q=bendungan", token: token).rows().isEmpty)
            #expect(try await app.api(.GET, "/api/v1/hoaxes?label=gosip", token: token).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/hoaxes?q=\(String(repeating: "a", count: 101))", token: token).status == .badRequest)

            let changed = try await app.api(.PATCH, "/api/v1/hoaxes/\(id)", token: token,
                                            json: #"{"clarification":"Air hanya mati di Kelurahan Sukamaju selama 6 jam.","active":false,"type":""}"#)
            #expect(changed.status == .ok)
            let after = try changed.object()
            #expect(after["active"] as? Bool == false && after["type"] == nil && after["title"] as? String == "Air PDAM mati tiga hari")
            #expect(after["clarification"] as? String == "Air hanya mati di Kelurahan Sukamaju selama 6 jam.")
            #expect(try await app.api(.PATCH, "/api/v1/hoaxes/\(id)", token: token, json: #"{"claim_date":"2026-13-40"}"#).status == .unprocessableEntity)
            let actions = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$targetType == .hoaxClaim).all().map(\.action)
            #expect(actions.sorted { $0.rawValue < $1.rawValue } == [.hoaxClaimCreate, .hoaxClaimUpdate])

            let outsider = try await World.apiToken(w.outOfScope[.unitAdmin]!, app: app)
            #expect(try await app.api(.GET, "/api/v1/hoaxes/\(id)", token: outsider).status == .notFound)
            #expect(try await app.api(.PATCH, "/api/v1/hoaxes/\(id)", token: outsider, json: #"{"active":true}"#).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/hoaxes", token: outsider).rows().isEmpty)
            let viewer = try await World.apiToken(w.inScope[.viewer]!, app: app)
            #expect(try await app.api(.GET, "/api/v1/hoaxes/\(id)", token: viewer).status == .ok)
            #expect(try await app.api(.PATCH, "/api/v1/hoaxes/\(id)", token: viewer, json: #"{"active":true}"#).status == .forbidden)
            #expect(try await app.api(.POST, "/api/v1/hoaxes", token: viewer, json: #"{"title":"t"}"#).status == .forbidden)
        }
    }

    @Test("matches found at enrichment list newest first and paged, with score, method and stance; a case opens from one")
    func matches() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let claim = try await CaseFixtures.hoaxClaim(w, app: app, n: 1)
            let unrelated = try await CaseFixtures.hoaxClaim(w, app: app, n: 2)
            unrelated.claim = "Pasar Kliwon tutup sebulan karena renovasi total atap"
            try await unrelated.save(on: app.db)
            let now = app.clock.now()
            var messages: [MessageModel] = []
            for (n, text) in ["Bendungan Cisalak jebol malam ini, warga diminta mengungsi!!", "bendungan cisalak jebol malam ini warga diminta mengungsi segera",
                              "Info: bendungan Cisalak jebol malam ini, warga diminta mengungsi sekarang"].enumerated() {
                messages.append(try await InboxFixtures.comment(w, app: app, account: w.account, externalID: "hoaks-\(n)", text: text))
            }
            _ = try await InboxFixtures.comment(w, app: app, account: w.account, externalID: "lain", text: "Terima kasih atas informasi jadwal posyandu")
            try await w.triage(app, now: now)
            let stored = try await HoaxMatchModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(Set(stored.map(\.messageID)) == Set(messages.map { $0.id! }) && stored.allSatisfy { $0.claimID == claim.id! })
            // Matched at different moments, so the order is the API's and not the insertion's.
            for (offset, match) in stored.enumerated() {
                match.createdAt = now.addingTimeInterval(-Double(offset) * 60)
                try await match.save(on: app.db)
            }

            let first = try await app.api(.GET, "/api/v1/hoax-matches?claim=\(claim.id!)&limit=2", token: token)
            #expect(first.status == .ok)
            let cursor = try #require(try first.nextCursor())
            let second = try await app.api(.GET, "/api/v1/hoax-matches?claim=\(claim.id!)&limit=2&cursor=\(cursor)", token: token)
            let rows = try first.rows() + second.rows()
            #expect(rows.compactMap { $0["id"] as? String } == stored.map { $0.id!.uuidString })
            let row = try #require(rows.first)
            #expect(row["stance"] as? String == "spreads" && ["near_copy", "paraphrase"].contains(row["method"] as? String ?? ""))
            #expect((row["score"] as? Double).map { $0 > 0 && $0 <= 1 } == true && row["claim_title"] as? String == claim.title)
            #expect(try await app.api(.GET, "/api/v1/hoax-matches?claim=\(unrelated.id!)", token: token).rows().isEmpty)
            #expect(try await app.api(.GET, "/api/v1/hoax-matches?claim=\(UUID())", token: token).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/hoax-matches?claim=bukan", token: token).status == .badRequest)
            let outsider = try await World.apiToken(w.outOfScope[.unitAdmin]!, app: app)
            #expect(try await app.api(.GET, "/api/v1/hoax-matches", token: outsider).rows().isEmpty)

            let match = stored[0]
            let opened = try await app.api(.POST, "/api/v1/cases", token: token, json: #"{"hoax_match_id":"\#(match.id!)"}"#)
            #expect(opened.status == .created)
            let item = try opened.object()
            #expect(item["origin"] as? String == "hoax_match" && item["origin_ref"] as? String == match.id!.uuidString)
            #expect(item["lead_unit_id"] as? String == claim.unitID.uuidString && (item["title"] as? String)?.hasPrefix("Hoaks: ") == true)
            #expect(item["message_ids"] as? [String] == [match.messageID.uuidString])
            let notMine = try await app.api(.POST, "/api/v1/cases", token: outsider, json: #"{"hoax_match_id":"\#(match.id!)"}"#)
            #expect(try notMine.status == .unprocessableEntity && (notMine.fieldMessages()["hoax_match_id"]) != nil)
        }
    }

    @Test("bad bodies on the register's write routes are structured 4xx answers")
    func badBodies() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let token = try await World.apiToken(w.inScope[.unitAdmin]!, app: app)
            let claim = try await CaseFixtures.hoaxClaim(w, app: app, n: 1)
            try await APIBadInput.sweep(app, token: token, .POST, "/api/v1/hoaxes", wrongType: #"{"sources":"https://a.contoh"}"#)
            try await APIBadInput.sweep(app, token: token, .PATCH, "/api/v1/hoaxes/\(claim.id!)", wrongType: #"{"active":1}"#)
            #expect(try await HoaxClaimModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 1)
        }
    }
}
