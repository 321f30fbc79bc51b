import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Compliance guard in the server")
struct ComplianceTests {
    /// A staff account of tenant A with its platform id, so ingested events can name it.
    static func staffAccount(_ world: World, app: Application) async throws -> AccountModel {
        let account = AccountModel(tenantID: world.tenantA.id!, draft: AccountDraft(platform: .facebook, handle: "asn.staf", displayName: "ASN Staf",
                                                                                    kind: .staff, unitID: world.units["OPD-A"]!, ownerID: world.target.id,
                                                                                    followers: 600, status: .connected), at: app.clock.now())
        account.externalID = "9000001"
        try await account.create(on: app.db)
        return account
    }

    static func message(_ world: World, app: Application, kind: MessageKind, externalID: String, authorID: String, authorHandle: String? = nil,
                        text: String?, parent: String? = nil) async throws -> MessageModel {
        let message = MessageModel()
        message.id = UUID()
        message.tenantID = world.tenantA.id!
        message.platform = .facebook
        message.kind = kind
        message.externalID = externalID
        message.accountRef = "page-1"
        message.authorID = authorID
        message.authorHandle = authorHandle
        message.text = text
        message.media = JSONText([])
        message.parentRef = parent
        message.receivedAt = app.clock.now()
        message.detail = JSONText([:])
        message.raw = "{}"
        message.state = .new
        try await message.create(on: app.db)
        return message
    }

    static func findings(_ world: World, app: Application) async throws -> [FindingModel] {
        try await FindingModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all()
    }

    @Test("staff posts, staff likes of violating content and of candidates' accounts produce findings; residents' do not")
    func workerFindsStaffActivity() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            _ = try await ComplianceFixtures.election(world, app: app)
            let staff = try await Self.staffAccount(world, app: app)
            let hostile = try await Self.message(world, app: app, kind: .comment, externalID: "c-1", authorID: "warga-1",
                                                 text: "Pancasila itu thagut, tegakkan khilafah!")
            let candidatePost = try await Self.message(world, app: app, kind: .comment, externalID: "c-2", authorID: "cand-1",
                                                       authorHandle: "hendrasri01", text: "Terima kasih warga Tirtamaya")
            let staffPost = try await Self.message(world, app: app, kind: .share, externalID: "s-1", authorID: "9000001",
                                                   text: "Ayo coblos no 2, #MajuBersama02!")
            let like = try await Self.message(world, app: app, kind: .reaction, externalID: "r-1", authorID: "9000001", text: nil, parent: "c-1")
            let follow = try await Self.message(world, app: app, kind: .reaction, externalID: "r-2", authorID: "9000001", text: nil, parent: "c-2")

            let processed = try await ComplianceWorker.runOnce(tenant: world.tenantA, db: app.db, now: app.clock.now())
            #expect(processed == 5)
            let found = try await Self.findings(world, app: app)
            #expect(!found.contains { $0.sourceID == hostile.id || $0.sourceID == candidatePost.id }, "residents are not ASN")
            let onPost = found.filter { $0.sourceID == staffPost.id && $0.source == .message }
            #expect(onPost.contains { $0.ruleID == "skb5.nomor-urut" } && onPost.allSatisfy { $0.accountID == staff.id && $0.unitID == staff.unitID })
            #expect(found.contains { $0.sourceID == like.id && $0.source == .activity && $0.ruleID == "skb11.aktivitas" })
            #expect(found.contains { $0.sourceID == follow.id && $0.ruleID == "skb5.akun-kandidat" })

            // Every message is looked at once.
            #expect(try await ComplianceWorker.runOnce(tenant: world.tenantA, db: app.db, now: app.clock.now()) == 0)
            #expect(try await Self.findings(world, app: app).count == found.count)
        }
    }

    @Test("a blocking finding stops submission; an approver's written reason overrides it and is audited")
    func draftsAreGated() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let draft = try await ComplianceFixtures.draft(world, app: app, body: "Pancasila itu sampah, ganti saja dengan khilafah.")
            let operatorBrowser = try await World.signIn(world.inScope[.operator]!, app: app)
            let blocked = try await app.web(.POST, "/content/\(draft.id!)/submit", as: operatorBrowser, form: [:])
            #expect(blocked.status == .unprocessableEntity)
            #expect(blocked.body.string.contains("belum dapat diajukan"))
            // An operator may not override, whatever the reason.
            let refused = try await app.web(.POST, "/content/\(draft.id!)/submit", as: operatorBrowser, form: ["override_reason": "Saya yakin ini aman sekali"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Hanya penyetuju"))
            #expect(try await ContentItemModel.find(draft.id, on: app.db)?.status == .draft)

            let approver = try await World.signIn(world.inScope[.approver]!, app: app)
            let short = try await app.web(.POST, "/content/\(draft.id!)/submit", as: approver, form: ["override_reason": "ok"])
            #expect(short.status == .unprocessableEntity)
            let reason = "Kutipan pernyataan tersangka untuk siaran pers kepolisian"
            let overridden = try await app.web(.POST, "/content/\(draft.id!)/submit", as: approver, form: ["override_reason": reason])
            #expect(overridden.status == .seeOther)
            let saved = try #require(try await ContentItemModel.find(draft.id, on: app.db))
            #expect(saved.status == .inReview && saved.overrideReason == reason && saved.overrideBy == world.inScope[.approver]!.id)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$action == .contentOverride).first()
            #expect(audit?.summary.storedText.contains(reason) == true)
            let recorded = try await Self.findings(world, app: app).filter { $0.sourceID == draft.id }
            #expect(recorded.contains { $0.severity == .block && $0.source == .draft })

            // A clean draft goes straight through.
            let clean = try await ComplianceFixtures.draft(world, app: app)
            let submitted = try await app.web(.POST, "/content/\(clean.id!)/submit", as: operatorBrowser, form: [:])
            #expect(submitted.status == .seeOther)
            #expect(try await ContentItemModel.find(clean.id, on: app.db)?.status == .inReview)
        }
    }

    @Test("a false positive joins the allow-list and the same words stop tripping that rule")
    func falsePositivesFeedTheAllowList() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let token = try await World.apiToken(world.inScope[.approver]!, app: app)
            let text = #"{"text":"Serbu kantor pos hari ini, ada promo prangko!"}"#
            let first = try await app.api(.POST, "/api/v1/compliance/check", token: token, json: text)
            #expect(first.status == .ok)
            #expect(first.body.string.contains("se137.provokasi"))

            let findings = ComplianceEngine(packs: RulePack.builtIn).check("Serbu kantor pos hari ini, ada promo prangko!")
            try await ComplianceService.record(findings, source: .message, sourceID: UUID(), tenantID: world.tenantA.id!, accountID: nil,
                                               unitID: world.units["OPD-A"]!, excerpt: "Serbu kantor pos hari ini, ada promo prangko!", at: app.clock.now(), on: app.db)
            let stored = try #require(try await Self.findings(world, app: app).first { $0.ruleID == "se137.provokasi" })
            let missingNote = try await app.api(.POST, "/api/v1/compliance/findings/\(stored.id!)/review", token: token, json: #"{"status":"falsePositive"}"#)
            #expect(missingNote.status == .unprocessableEntity)
            let badStatus = try await app.api(.POST, "/api/v1/compliance/findings/\(stored.id!)/review", token: token, json: #"{"status":"hapus","note":"x"}"#)
            #expect(badStatus.status == .unprocessableEntity)
            let reviewed = try await app.api(.POST, "/api/v1/compliance/findings/\(stored.id!)/review", token: token,
                                             json: #"{"status":"falsePositive","note":"promo kantor pos, bukan ajakan"}"#)
            #expect(reviewed.status == .ok)
            #expect(try await AllowListModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).count() == 1)

            let again = try await app.api(.POST, "/api/v1/compliance/check", token: token, json: text)
            #expect(!again.body.string.contains("se137.provokasi"))
            // Another tenant's allow-list is its own.
            let other = try await World.apiToken(world.otherTenant, app: app)
            #expect(try await app.api(.POST, "/api/v1/compliance/check", token: other, json: text).body.string.contains("se137.provokasi"))
        }
    }

    @Test("the check API refuses bad input with a clear message and never a 5xx")
    func checkAPIBadInput() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let token = try await World.apiToken(world.inScope[.staff]!, app: app)
            let empty = try await app.api(.POST, "/api/v1/compliance/check", token: token, json: #"{"text":"   "}"#)
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("text"))
            let long = String(repeating: "a", count: TextInputProblem.maxLength + 1)
            #expect(try await app.api(.POST, "/api/v1/compliance/check", token: token, json: #"{"text":"\#(long)"}"#).status == .unprocessableEntity)
            #expect(try await app.api(.POST, "/api/v1/compliance/check", token: token, json: #"{"text":42}"#).status == .badRequest)
            #expect(try await app.api(.POST, "/api/v1/compliance/check", token: token, json: #"{"text":"#).status == .badRequest)
            let emoji = try await app.api(.POST, "/api/v1/compliance/check", token: token, json: #"{"text":"🙏🔥"}"#)
            #expect(emoji.status == .ok)
            #expect(emoji.body.string.contains(#""findings":[]"#))
            let checked = try await app.api(.POST, "/api/v1/compliance/check", token: token, json: #"{"text":"Ayo coblos no 2!"}"#)
            // No election data in this tenant yet: the SKB 5 pack has nothing to match.
            #expect(checked.status == .ok && !checked.body.string.contains("skb5"))
            #expect(try await app.api(.GET, "/api/v1/compliance/findings?severity=parah", token: World.apiToken(world.inScope[.viewer]!, app: app)).status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/compliance/findings?cursor=%%%", token: World.apiToken(world.inScope[.viewer]!, app: app)).status == .badRequest)
        }
    }

    @Test("packs switch per tenant; tenant packs and election data take effect at once")
    func packManagement() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let supervisor = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let token = try await World.apiToken(world.inScope[.operator]!, app: app)
            func rules(_ text: String) async throws -> String {
                try await app.api(.POST, "/api/v1/compliance/check", token: token, json: #"{"text":"\#(text)"}"#).body.string
            }
            #expect(try await rules("Pancasila itu sampah!").contains("skb11"))
            #expect(try await app.web(.POST, "/compliance/packs/skb11/toggle", as: supervisor, form: [:]).status == .seeOther)
            #expect(try await !rules("Pancasila itu sampah!").contains("skb11"))
            #expect(try await app.web(.POST, "/compliance/packs/skb11/toggle", as: supervisor, form: [:]).status == .seeOther)
            #expect(try await rules("Pancasila itu sampah!").contains("skb11"))

            let bad = try await app.web(.POST, "/compliance/tenant-packs", as: supervisor, form: ["code": "skb11", "name": "", "regulation": "x",
                                                                                                 "rules": "[a] parah\nkata: x"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Baris 1") && bad.body.string.contains("dipakai paket bawaan"))
            let good = try await app.web(.POST, "/compliance/tenant-packs", as: supervisor, form: ComplianceFixtures.packForm(7))
            #expect(good.status == .seeOther)
            #expect(try await rules("Dasar goblok!").contains("paket.kasar"))

            #expect(try await !rules("Ayo coblos no 2!").contains("skb5"))
            let badElection = try await app.web(.POST, "/compliance/elections", as: supervisor, form: ["name": "X", "valid_from": "2027-02-30",
                                                                                                      "valid_until": "2026-01-01", "candidates": "satu | A"])
            #expect(badElection.status == .unprocessableEntity)
            #expect(badElection.body.string.contains("tidak valid") && badElection.body.string.contains("Baris 1"))
            #expect(try await app.web(.POST, "/compliance/elections", as: supervisor, form: ComplianceFixtures.electionForm).status == .seeOther)
            #expect(try await rules("Ayo coblos no 2!").contains("skb5.nomor-urut"))
            let page = try await app.web(.GET, "/compliance/packs", as: supervisor)
            #expect(page.status == .ok && page.body.string.contains("Pemilihan Uji") && page.body.string.contains("Berlaku"))
        }
    }

    @Test("the checker page marks findings in place and the findings list filters by status")
    func checkerAndList() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let staff = try await World.signIn(world.inScope[.staff]!, app: app)
            let page = try await app.web(.POST, "/compliance/check", as: staff, form: ["text": "Serbu kantor camat malam ini!"])
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<mark class=\"finding finding-block\""))
            #expect(page.body.string.contains("SE MenPANRB Nomor 137 Tahun 2018"))
            let empty = try await app.web(.POST, "/compliance/check", as: staff, form: ["text": ""])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Teks belum diisi"))

            let finding = try await ComplianceFixtures.finding(world, app: app)
            let viewer = try await World.signIn(world.inScope[.viewer]!, app: app)
            #expect(try await app.web(.GET, "/compliance/findings?status=open", as: viewer).body.string.contains(finding.ruleTitle))
            #expect(try await !app.web(.GET, "/compliance/findings?status=confirmed", as: viewer).body.string.contains(finding.ruleTitle))
            #expect(try await app.web(.GET, "/compliance/findings?status=semua", as: viewer).status == .badRequest)
            let home = try await app.web(.GET, "/", as: viewer).body.string
            #expect(home.contains(#"id="count-findings""#) && home.contains("Temuan kepatuhan belum ditinjau"))
            let csv = try await app.web(.GET, "/compliance/findings.csv?pack=skb5", as: viewer)
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.hasPrefix("waktu,sumber,unit") && csv.body.string.contains("skb5.nomor-urut"))
            // Out of scope: the finding on OPD-A is not listed for a viewer of OPD-B.
            let outside = try await World.signIn(world.outOfScope[.viewer]!, app: app)
            #expect(try await !app.web(.GET, "/compliance/findings", as: outside).body.string.contains(finding.ruleTitle))
        }
    }
}

extension ComplianceTests {
    @Test("a tenant's pack and election are stored as the same JSON text as before; a row that no longer decodes reads as empty instead of failing")
    func storedPackText() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let pack = try await ComplianceFixtures.tenantPack(world, app: app)
            let election = try await ComplianceFixtures.election(world, app: app)
            struct Stored: Decodable { let text: String }
            let sql = try app.db.sql
            func stored(_ column: String, _ table: String, _ id: UUID) async throws -> String {
                let row = try await sql.select().column(SQLColumn(column), as: "text").from(table).where("id", .equal, SQLBind(id)).first(decoding: Stored.self)
                return try #require(row).text
            }
            // What earlier versions wrote: JSONEncoder with sorted keys.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let rulesText = String(decoding: try encoder.encode(DemoCompliance.etiquettePack.rules), as: UTF8.self)
            #expect(try await stored("rules", TenantPackModel.schema, pack.id!) == rulesText)
            let contest = DemoCompliance.election
            let dataText = String(decoding: try encoder.encode(ComplianceService.ElectionData(candidates: contest.candidates, parties: contest.parties)), as: UTF8.self)
            #expect(try await stored("data", ElectionContestModel.schema, election.id!) == dataText)
            #expect(try await ComplianceService.tenantPacks(tenantID: world.tenantA.id!, on: app.db).first?.1.rules == DemoCompliance.etiquettePack.rules)

            let unreadable = #"[{"id":"aturan-lama","kata":["x"]}]"#
            try await sql.update(TenantPackModel.schema).set("rules", to: SQLBind(unreadable)).where("id", .equal, SQLBind(pack.id!)).run()
            try await sql.update(ElectionContestModel.schema).set("data", to: SQLBind("{}")).where("id", .equal, SQLBind(election.id!)).run()
            let packs = try await ComplianceService.tenantPacks(tenantID: world.tenantA.id!, on: app.db)
            #expect(packs.count == 1 && packs[0].1.rules.isEmpty && packs[0].0.rules.storedText == unreadable)
            #expect(try await ComplianceService.contests(tenantID: world.tenantA.id!, on: app.db).isEmpty)
            let browser = try await World.signIn(world.inScope[.supervisor]!, app: app)
            #expect(try await app.web(.GET, SiteRoute.rulePacks.path, as: browser).status == .ok)
            // Saving the row again keeps the text it was read with.
            let row = try #require(try await TenantPackModel.find(pack.id!, on: app.db))
            let kept = row.rules
            row.rules = kept
            try await row.save(on: app.db)
            #expect(try await stored("rules", TenantPackModel.schema, pack.id!) == unreadable)
        }
    }
}

@Suite("Compliance with the Sandbox")
struct SandboxComplianceServerTests {
    @Test("the Sandbox's staff accounts slip now and then, and the worker finds it")
    func sandboxStaffActivityProducesFindings() async throws {
        try await withTestApp { app in
            // A tenant of its own (the demo's fixed tenant is shared with other tests on PostgreSQL).
            let world = try await World.make(app)
            _ = try await ComplianceFixtures.election(world, app: app)
            var accounts: [AccountModel] = []
            for (platform, kind, handle) in [(Platform.facebook, AccountKind.official, "dinas.uji"), (.facebook, .staff, "asn.satu"),
                                             (.instagram, .official, "dinas.uji.ig"), (.instagram, .staff, "asn.dua"),
                                             (.x, .official, "dinas_uji"), (.x, .staff, "asn_tiga")] {
                let account = AccountModel(tenantID: world.tenantA.id!, draft: AccountDraft(
                    platform: platform, handle: handle, displayName: handle, kind: kind, unitID: world.units["OPD-A"]!, ownerID: kind == .staff ? world.target.id : nil,
                    followers: 700, status: .connected), at: app.clock.now())
                try DemoSeeder.connectToSandbox(account, box: app.secretBox)
                try await account.create(on: app.db)
                accounts.append(account)
            }
            var generator = SandboxGenerator(accounts: accounts.map { account in
                SandboxAccount(platform: account.platform, externalID: account.externalID!, handle: account.handle,
                               displayName: account.displayName, kind: account.kind)
            }, seed: 2026)
            try await SandboxRunner.deliver(generator.next(1_500, now: app.clock.now()), tenant: world.tenantA, app: app)
            while try await ComplianceWorker.runOnce(tenant: world.tenantA, db: app.db, now: app.clock.now()) > 0 {}
            let findings = try await FindingModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all()
            #expect(findings.contains { $0.source == .activity }, "a staff like of a flagged comment")
            #expect(findings.contains { $0.source == .message && $0.packID == "skb5" }, "a staff post that campaigns")
            let staff = Set(accounts.filter { $0.kind == .staff }.compactMap(\.id))
            #expect(findings.allSatisfy { $0.accountID.map(staff.contains) ?? false })
        }
    }
}
