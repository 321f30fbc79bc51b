import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Hoax register")
struct HoaxRegisterTests {
    @Test("claims are recorded, refused with reasons beside the fields, changed with an audit trail, and read by viewers")
    func recordAndEdit() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let admin = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let bad = try await app.web(.POST, "/hoaxes", as: admin, form: ["title": "", "label": "entah", "claim": "Air mati", "sources": "bukan tautan",
                                                                              "claim_date": "kemarin", "unit_id": w.units["OPD-A"]!.uuidString])
            #expect(bad.status == .unprocessableEntity)
            let page = bad.body.string
            #expect(page.contains("Judul") && page.contains("Air mati"), "errors named and the typed claim kept")
            #expect(try await HoaxClaimModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0)
            let made = try await app.web(.POST, "/hoaxes", as: admin, form: [
                "title": "Air PDAM mati tiga hari", "label": "hoaks", "type": "fabricated", "claim": "Pesan berantai: air PDAM mati total tiga hari mulai besok.",
                "variants": "air mati 3 hari\npdam mati total", "explanation": "PDAM hanya memelihara pipa selama enam jam.",
                "sources": "https://pdam.contoh.go.id/info", "claim_date": "2026-12-07", "clarification": "Air hanya berhenti enam jam, Selasa 08.00–14.00.",
                "unit_id": w.units["OPD-A"]!.uuidString])
            #expect(made.status == .seeOther)
            let claim = try #require(try await HoaxClaimModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            #expect(claim.variants.value == ["air mati 3 hari", "pdam mati total"] && claim.type == .fabricated && claim.sources.value.count == 1)
            _ = try await app.web(.POST, "/hoaxes/\(claim.id!)", as: admin, form: ["title": claim.title, "label": "disinformasi", "claim": claim.claim,
                                                                                   "unit_id": w.units["OPD-A"]!.uuidString])
            let changed = try #require(try await HoaxClaimModel.find(claim.id, on: app.db))
            #expect(changed.label == .disinformasi && !changed.active, "an unticked box switches the claim off")
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$targetType == .hoaxClaim).all()
            #expect(Set(audit.map(\.action)) == [.hoaxClaimCreate, .hoaxClaimUpdate])
            let viewer = try await World.signIn(w.inScope[.viewer]!, app: app)
            let read = try await app.web(.GET, "/hoaxes/\(claim.id!)", as: viewer)
            #expect(read.status == .ok && read.body.string.contains("[DISINFORMASI]") && !read.body.string.contains("claim-form"))
            #expect(try await app.web(.GET, "/hoaxes/\(claim.id!)", as: World.signIn(w.outOfScope[.viewer]!, app: app)).status == .notFound)
        }
    }

    @Test("CSV: one bad row imports nothing and names its line; the export reads back as the same claims")
    func csvRoundTrip() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let admin = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let unit = w.units["OPD-A"]!.uuidString
            let broken = "title,content,fact,references,tags,date\n\"[HOAKS] Vaksin berisi chip\",\"Vaksin campak berisi chip pelacak\",Tidak benar,,fabricated,2026-12-01\n\"[SALAH] Beras plastik\",,,,,\n"
            let refused = try await app.web(.POST, "/hoaxes/import", as: admin, form: ["unit_id": unit, "text": broken])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Baris 3: isi klaim (content) kosong."))
            #expect(try await HoaxClaimModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0)
            let good = "title,content,fact,references,tags,date\n\"[HOAKS] Vaksin berisi chip\",\"Vaksin campak berisi chip pelacak\",\"Dinkes: vaksin aman, tanpa chip\",https://dinkes.contoh.go.id/vaksin,\"fabricated, kesehatan\",2026-12-01\n\"[FAKTA] Pendaftaran PPDB dibuka\",\"PPDB dibuka 1 Juni\",Benar,,,\n"
            #expect(try await app.web(.POST, "/hoaxes/import", as: admin, form: ["unit_id": unit, "text": good]).status == .seeOther)
            let claims = try await HoaxClaimModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).sort(\.$title).all()
            #expect(claims.map(\.label) == [.fakta, .hoaks] && claims[1].type == .fabricated && claims[1].title == "Vaksin berisi chip")
            let csv = try await app.web(.GET, "/hoaxes.csv", as: admin).body.string
            let again = try TurnBackHoaxImport.read(csv)
            #expect(again.problems.isEmpty)
            #expect(Set(again.rows.map { "\($0.label!.rawValue) \($0.title)" }) == ["hoaks Vaksin berisi chip", "fakta Pendaftaran PPDB dibuka"])
            #expect(again.rows.first { $0.title == "Vaksin berisi chip" }?.references == ["https://dinkes.contoh.go.id/vaksin"])
        }
    }
}

@Suite("Hoax matching in the inbox")
struct HoaxInboxTests {
    @Test("a message repeating a registered hoax is marked on its thread with the claim, and the reply can start from the clarification; a debunk is not marked")
    func marked() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let claim = try await CaseFixtures.hoaxClaim(w, app: app, n: 1)
            claim.variants = JSONText(["bendungan cisalak bocor dan akan jebol, segera mengungsi"])
            claim.clarification = "Bendungan Cisalak aman. BPBD memantau 24 jam; jangan sebarkan kabar yang belum jelas."
            try await claim.save(on: app.db)
            let spreads = try await InboxFixtures.comment(w, app: app, account: w.account, externalID: "h-1",
                                                         text: "Info dr grup sebelah: bendungan Cisalak jebol malam ini, warga disuruh ngungsi! sebarkan")
            let debunk = try await InboxFixtures.comment(w, app: app, account: w.account, externalID: "h-2",
                                                        text: "Tidak benar bendungan Cisalak jebol. BPBD memastikan bendungan aman, warga tidak perlu mengungsi.")
            let unrelated = try await InboxFixtures.comment(w, app: app, account: w.account, externalID: "h-3", text: "Jadwal posyandu bulan ini kapan ya?")
            try await w.triage(app, now: app.clock.now())
            let matched = try await HoaxMatchModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(matched.map(\.messageID) == [spreads.id!], "only the message that passes the claim on")
            #expect(!matched.contains { [debunk.id!, unrelated.id!].contains($0.messageID) })
            let browser = try await World.signIn(w.inScope[.operator]!, app: app)
            let page = try await app.web(.GET, "/inbox/\(spreads.id!)", as: browser).body.string
            #expect(page.contains("Mirip hoaks terdaftar") && page.contains("Bendungan jebol 1") && page.contains("?clarify=\(claim.id!)"))
            let prefilled = try await app.web(.GET, "/inbox/\(spreads.id!)?clarify=\(claim.id!)", as: browser).body.string
            #expect(prefilled.contains("BPBD memantau 24 jam; jangan sebarkan kabar yang belum jelas."))
            #expect(!(try await app.web(.GET, "/inbox/\(debunk.id!)", as: browser).body.string.contains("Mirip hoaks terdaftar")))
            // The inbox list marks it too, and only it.
            let inbox = try await app.web(.GET, "/inbox", as: browser).body.string
            #expect(inbox.components(separatedBy: "Mirip hoaks terdaftar").count == 2)
        }
    }
}

@Suite("Hoax register in the compliance guard")
struct HoaxComplianceTests {
    @Test("a draft that passes a registered hoax on gets a warning naming the claim; the clarification itself does not")
    func guardNamesTheClaim() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let claim = try await CaseFixtures.hoaxClaim(w, app: app, n: 9)
            claim.clarification = "Bendungan Cisalak aman dan dipantau BPBD setiap hari."
            try await claim.save(on: app.db)
            let tenantGuard = try await ComplianceService.guardFor(tenantID: w.tenantA.id!, zone: w.tenantA.zone, now: app.clock.now(), on: app.db)
            let spreads = tenantGuard.check("Warga, bendungan Cisalak jebol malam ini, segera mengungsi dan sebarkan ke keluarga!")
            let hoax = try #require(spreads.first { $0.packID == "hoaks" })
            #expect(hoax.severity == .warning && hoax.ruleID == claim.id!.uuidString && hoax.ruleTitle == "Mengulang klaim [HOAKS] Bendungan jebol 9")
            let answer = tenantGuard.check("Kabar bendungan Cisalak jebol malam ini tidak benar. " + claim.clarification!)
            #expect(!answer.contains { $0.packID == "hoaks" })
            // The tenant's thresholds decide: at 0,95 a loose retelling no longer counts as the claim.
            let retelling = "Katanya malam ini bendungan di Cisalak jebol, warga sekitar sebaiknya segera pergi mengungsi ke tempat aman bersama keluarga"
            let loose = try #require(try await HoaxWatch.check(tenantID: w.tenantA.id!, on: app.db)?.match(retelling).first)
            #expect(loose.score < 0.95, "a retelling, not a copy: \(loose.score)")
            let koordinator = try await World.signIn(w.inScope[.supervisor]!, app: app)
            let bad = try await app.web(.POST, "/hoaxes/thresholds", as: koordinator, form: ["near_copy": "banyak", "paraphrase": "0,56"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Ambang diisi angka 0,30 sampai 0,95"))
            #expect(try await app.web(.POST, "/hoaxes/thresholds", as: try await World.signIn(w.inScope[.unitAdmin]!, app: app),
                                      form: ["near_copy": "0,95", "paraphrase": "0,95"]).status == .forbidden)
            #expect(try await app.web(.POST, "/hoaxes/thresholds", as: koordinator, form: ["near_copy": "0,95", "paraphrase": "0,95"]).status == .seeOther)
            let strict = try #require(try await HoaxWatch.check(tenantID: w.tenantA.id!, on: app.db))
            #expect(strict.parameters.paraphraseThreshold == 0.95 && strict.parameters.nearCopyThreshold == 0.95)
            #expect(strict.match(retelling).isEmpty)
            #expect(try await app.web(.GET, "/hoaxes", as: koordinator).body.string.contains("Kepekaan pencocokan: salinan 0,95, parafrase 0,95"))
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$action == .hoaxThresholdsUpdate).count() == 1)
            _ = try await app.web(.POST, "/hoaxes/thresholds", as: koordinator, form: ["near_copy": "0,5", "paraphrase": "0.56"])
            // Through the checker page too.
            let browser = try await World.signIn(w.inScope[.operator]!, app: app)
            let page = try await app.web(.POST, "/compliance/check", as: browser, form: ["text": "bendungan cisalak jebol malam ini, ngungsi sekarang!"]).body.string
            #expect(page.contains("Mengulang klaim [HOAKS] Bendungan jebol 9"))
        }
    }
}
