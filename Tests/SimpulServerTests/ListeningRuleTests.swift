import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

/// Listening rules over HTTP and in the enrichment worker: checked when saved, matched on new
/// messages of their unit's accounts only, counted and listed.
@Suite("Listening rules")
struct ListeningRuleTests {
    @Test("a bad query is refused with the parser's Indonesian message and column; the form keeps what was typed")
    func refusals() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let browser = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let bad = try await app.web(.POST, "/listening", as: browser, form: ["name": "Air", "unit_id": w.units["OPD-A"]!.uuidString, "query": "(air AND mati"])
            #expect(bad.status == .unprocessableEntity)
            let page = bad.body.string
            #expect(page.contains("kolom") && page.contains("(air AND mati"))
            let noName = try await app.web(.POST, "/listening", as: browser, form: ["name": "", "unit_id": w.units["OPD-A"]!.uuidString, "query": "air"])
            #expect(noName.status == .unprocessableEntity && noName.body.string.contains("Nama aturan belum diisi."))
            let foreign = try await app.web(.POST, "/listening", as: browser, form: ["name": "Lain", "unit_id": w.units["OPD-B"]!.uuidString, "query": "air"])
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("Pilih unit"))
            #expect(try await ListeningRuleModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0)
        }
    }

    @Test("new messages are matched at enrichment, with slang and affixes evened out, only on the rule's unit and below")
    func matchingAtEnrichment() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let browser = try await World.signIn(w.inScope[.supervisor]!, app: app)
            let created = try await app.web(.POST, "/listening", as: browser, form: ["name": "Air mati", "unit_id": w.units["OPD-A"]!.uuidString,
                                                                                      "query": "\"tidak ada air\" OR (layanan NEAR/3 lambat)"])
            #expect(created.status == .seeOther)
            let rule = try #require(try await ListeningRuleModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            // One matching message on OPD-A's account, one matching on OPD-B's, one that does not match.
            let other = AccountModel(tenantID: w.tenantA.id!, draft: AccountDraft(platform: .facebook, handle: "dinas.b", displayName: "Dinas B", kind: .official,
                                                                                  unitID: w.units["OPD-B"]!, ownerID: nil, followers: 1, status: .connected), at: app.clock.now())
            try await other.create(on: app.db)
            let hit = try await Self.message(w, app: app, account: w.account, id: "l-1", text: "Min, di RW 05 gak ada air dari pagi")
            let slow = try await Self.message(w, app: app, account: w.account, id: "l-2", text: "Pelayanannya lambat sekali hari ini")
            _ = try await Self.message(w, app: app, account: other, id: "l-3", text: "Di sini juga gak ada air")
            _ = try await Self.message(w, app: app, account: w.account, id: "l-4", text: "Terima kasih, air sudah mengalir")
            try await w.triage(app, now: app.clock.now())
            let hits = try await ListeningHitModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(Set(hits.map(\.messageID)) == [hit.id!, slow.id!] && hits.allSatisfy { $0.ruleID == rule.id! })
            let list = try await app.web(.GET, "/listening", as: browser).body.string
            #expect(list.contains("Air mati") && list.contains(">2<"))
            let page = try await app.web(.GET, "/listening/\(rule.id!)", as: browser).body.string
            #expect(page.contains("gak ada air dari pagi") && page.contains("href=\"/inbox/\(hit.id!)\""))
            // Switched off, it matches nothing more.
            #expect(try await app.web(.POST, "/listening/\(rule.id!)/toggle", as: browser, form: [:]).status == .seeOther)
            _ = try await Self.message(w, app: app, account: w.account, id: "l-5", text: "Masih tidak ada air")
            try await w.triage(app, now: app.clock.now())
            #expect(try await ListeningHitModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 2)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$targetType == .listeningRule).all()
            #expect(Set(audit.map(\.action)) == [.listeningRuleCreate, .listeningRuleDeactivate])
        }
    }

    static func message(_ w: World, app: Application, account: AccountModel, id: String, text: String) async throws -> MessageModel {
        try await InboxFixtures.comment(w, app: app, account: account, externalID: id, text: text)
    }
}

@Suite("Spike alerts")
struct SpikeAlertTests {
    /// Monday 7 December 2026, 09.00 WIB.
    static let monday = ISO8601DateFormatter().date(from: "2026-12-07T02:00:00Z")!

    @Test("a surge on a rule raises one alert with its formula, tells the supervisors, and becomes a case with its messages")
    func surgeToCase() async throws {
        let clock = ManualClock(Self.monday)
        try await withTestApp(clock: clock) { app in
            let w = try await World.make(app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1, query: "bendungan NEAR/3 jebol")
            // Two weeks of one hit a day in this slot: the usual level.
            try await CaseFixtures.dailyHits(w, app: app, rule: rule, before: Self.monday)
            var surge: [MessageModel] = []
            for n in 0..<12 {
                surge.append(try await ListeningRuleTests.message(w, app: app, account: w.account, id: "s-\(n)", text: "Katanya bendungan Cisalak jebol malam ini, sebarkan! \(n)"))
            }
            var alerts = try await Self.alertsAfterTriage(w, app: app, now: clock.date)
            #expect(alerts.count == 1)
            let alert = try #require(alerts.first)
            #expect(alert.count == 12 && alert.median == 1 && alert.explanation.hasPrefix("12 pesan dalam 15 menit; ambang = median 1"))
            // The surge goes on in the next bucket: still one alert (cooldown).
            clock.advance(by: 15 * 60)
            for n in 12..<24 {
                _ = try await ListeningRuleTests.message(w, app: app, account: w.account, id: "s-\(n)", text: "bendungan jebol!! viralkan \(n)")
            }
            alerts = try await Self.alertsAfterTriage(w, app: app, now: clock.date)
            #expect(alerts.count == 1)
            let told = try await NotificationModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$link == "/listening/alerts").all()
            #expect(Set(told.map(\.userID)) == [w.inScope[.supervisor]!.id!, w.inScope[.unitAdmin]!.id!], "case managers of OPD-A and above, not of OPD-B")

            let browser = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let page = try await app.web(.GET, "/listening/alerts", as: browser).body.string
            #expect(page.contains("ambang = median 1") && page.contains("Buka isu"))
            let opened = try await app.web(.POST, "/listening/alerts/\(alert.id!)/case", as: browser, form: [:])
            #expect(opened.status == .seeOther)
            let item = try #require(try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            #expect(item.origin == .alert && item.originRef == alert.id!.uuidString && item.leadUnitID == w.units["OPD-A"]!)
            let linked = try await CaseLinkModel.query(on: app.db).filter(\.$caseID == item.id!).all(\.$targetID)
            #expect(Set(linked) == Set(surge.map { $0.id! }), "the messages of the alert's bucket")
            let again = try await app.web(.POST, "/listening/alerts/\(alert.id!)/case", as: browser, form: [:])
            #expect(again.headers.first(name: .location) == "/cases/\(item.id!)")
            #expect(try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 1)
        }
    }

    @Test("news and search results count for their rule at the time they were published: a burst of articles raises one alert, a re-read none")
    func itemSurge() async throws {
        let clock = ManualClock(Self.monday)
        try await withTestApp(clock: clock) { app in
            let w = try await World.make(app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1, query: "bendungan NEAR/3 jebol", unit: "OPD-A")
            func article(_ id: String, at: Date) -> ListenedItem {
                ListenedItem(source: .news, externalID: id, url: "https://kabar.uji/\(id)", title: "Bendungan Cisalak jebol?", text: "Warga cemas bendungan Cisalak jebol", publishedAt: at)
            }
            let feed = UUID()
            // Two weeks of one article a day in this slot, read a day at a time: the usual level, no alert.
            for day in (1...14).reversed() {
                let at = Self.monday.addingTimeInterval(-Double(day) * 86_400 + 60)
                try await ListenedItemStore.store([article("d-\(day)", at: at)], tenantID: w.tenantA.id!, unitID: w.units["OPD-A"]!,
                                                  origin: .feed(feed, name: "Kabar Uji"), at: at.addingTimeInterval(600), on: app.db)
            }
            #expect(try await ListeningAlertModel.query(on: app.db).filter(\.$ruleID == rule.id!).count() == 0)
            // Twelve articles within a quarter of an hour, fetched in one read a little later.
            let burst = (0..<12).map { article("b-\($0)", at: Self.monday.addingTimeInterval(Double($0) * 60)) }
            clock.advance(by: 20 * 60)
            try await ListenedItemStore.store(burst, tenantID: w.tenantA.id!, unitID: w.units["OPD-A"]!, origin: .feed(feed, name: "Kabar Uji"),
                                              at: clock.date, on: app.db)
            let alerts = try await ListeningAlertModel.query(on: app.db).filter(\.$ruleID == rule.id!).all()
            #expect(alerts.count == 1 && alerts.first?.count == 12 && alerts.first?.bucketStart == Self.monday, "judged at the articles' own times")
            // The next read finds the same articles: nothing new, no new alert.
            clock.advance(by: 15 * 60)
            #expect(try await ListenedItemStore.store(burst, tenantID: w.tenantA.id!, unitID: w.units["OPD-A"]!, origin: .feed(feed, name: "Kabar Uji"),
                                                      at: clock.date, on: app.db) == 0)
            #expect(try await ListeningAlertModel.query(on: app.db).filter(\.$ruleID == rule.id!).count() == 1)
            let told = try await NotificationModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$link == "/listening/alerts").count()
            #expect(told > 0)
        }
    }

    @Test("a surge of everything one account receives raises one account alert with its formula, whatever the rules")
    func accountSurge() async throws {
        let clock = ManualClock(Self.monday)
        try await withTestApp(clock: clock) { app in
            let w = try await World.make(app)
            // Two weeks of two messages a day in this slot on the account: its usual level.
            for day in 1...14 {
                clock.set(Self.monday.addingTimeInterval(-Double(day) * 86_400 + 60))
                for n in 0..<2 { _ = try await ListeningRuleTests.message(w, app: app, account: w.account, id: "b-\(day)-\(n)", text: "Terima kasih infonya \(n)") }
            }
            clock.set(Self.monday)
            _ = try await Self.alertsAfterTriage(w, app: app, now: clock.date)
            #expect(try await AccountAlertModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0, "its usual level is no surge")
            for n in 0..<14 {
                _ = try await ListeningRuleTests.message(w, app: app, account: w.account, id: "v-\(n)", text: "Ini beneran? Kok bisa begitu \(n)")
            }
            _ = try await Self.alertsAfterTriage(w, app: app, now: clock.date)
            var alerts = try await AccountAlertModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(alerts.count == 1 && alerts.first?.accountID == w.account.id && alerts.first?.count == 14)
            #expect(alerts.first?.explanation.hasPrefix("14 pesan dalam 15 menit; ambang = median 2") == true)
            // More of the same surge in the next bucket: still one alert (cooldown).
            clock.advance(by: 15 * 60)
            for n in 14..<30 {
                _ = try await ListeningRuleTests.message(w, app: app, account: w.account, id: "v-\(n)", text: "Ramai sekali \(n)")
            }
            _ = try await Self.alertsAfterTriage(w, app: app, now: clock.date)
            alerts = try await AccountAlertModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(alerts.count == 1)
            let told = try await NotificationModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$link == "/listening/alerts").all()
            #expect(Set(told.map(\.userID)) == [w.inScope[.supervisor]!.id!, w.inScope[.unitAdmin]!.id!])
            let page = try await app.web(.GET, "/listening/alerts", as: try await World.signIn(w.inScope[.viewer]!, app: app)).body.string
            #expect(page.contains("Lonjakan per akun") && page.contains("@" + w.account.handle) && page.contains("14 pesan dalam 15 menit"))
            let outside = try await app.web(.GET, "/listening/alerts", as: try await World.signIn(w.outOfScope[.viewer]!, app: app)).body.string
            #expect(!outside.contains("@" + w.account.handle + "<"), "another unit's viewer does not see the account's surge")
            #expect(!page.contains("/listening/account-alerts/"), "a viewer opens no case")

            // A case manager opens a case from it: led by the account's unit, with the bucket's messages.
            let lead = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            let alert = try #require(alerts.first)
            #expect(try await app.web(.GET, "/listening/alerts", as: lead).body.string.contains("/listening/account-alerts/\(alert.id!)/case"))
            let opened = try await app.web(.POST, "/listening/account-alerts/\(alert.id!)/case", as: lead, form: [:])
            #expect(opened.status == .seeOther)
            let item = try #require(try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).first())
            #expect(item.origin == .accountAlert && item.originRef == alert.id!.uuidString && item.leadUnitID == w.account.unitID)
            #expect(item.title.hasPrefix("Lonjakan di") && item.title.hasSuffix("@" + w.account.handle))
            let linked = try await CaseLinkModel.query(on: app.db).filter(\.$caseID == item.id!).count()
            #expect(linked == 14, "the 14 messages of the alert's bucket")
            let again = try await app.web(.POST, "/listening/account-alerts/\(alert.id!)/case", as: lead, form: [:])
            #expect(again.headers.first(name: .location) == "/cases/\(item.id!)")
            #expect(try await CaseModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 1)
            #expect(try await app.web(.GET, "/listening/alerts", as: lead).body.string.contains("href=\"/cases/\(item.id!)\""))
            let stranger = try await World.signIn(w.outOfScope[.unitAdmin]!, app: app)
            #expect(try await app.web(.POST, "/listening/account-alerts/\(alert.id!)/case", as: stranger, form: [:]).status == .notFound)
            #expect(try await app.web(.POST, "/listening/account-alerts/\(UUID())/case", as: lead, form: [:]).status == .notFound)
        }
    }

    @Test("the demo's Sandbox surge stands out against two weeks of Sandbox history as one alert")
    func sandboxSurge() async throws {
        let clock = ManualClock(Self.monday)
        try await withTestApp(clock: clock) { app in
            let w = try await World.make(app)
            var accounts: [AccountModel] = []
            for (platform, handle) in [(Platform.facebook, "dinas.uji.fb"), (.instagram, "dinas.uji.ig"), (.x, "dinas_uji_x")] {
                let account = AccountModel(tenantID: w.tenantA.id!, draft: AccountDraft(platform: platform, handle: handle, displayName: handle, kind: .official,
                                                                                        unitID: w.units["OPD-A"]!, ownerID: nil, followers: 900, status: .connected), at: clock.date)
                try DemoSeeder.connectToSandbox(account, box: app.secretBox)
                try await account.create(on: app.db)
                accounts.append(account)
            }
            let water = try #require(DemoListening.rules.first { $0.name.hasPrefix("Air PDAM") })
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1, query: water.query)
            #expect(try await SandboxHistory.generate(600, days: 14, tenant: w.tenantA, app: app, seed: 11) == 600)
            #expect(try await MessageModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 600, "the history counts stored messages, not deliveries")
            #expect(try await ListeningHitModel.query(on: app.db).filter(\.$ruleID == rule.id!).count() > 0, "the history gives the rule a baseline")
            #expect(try await ListeningAlertModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).count() == 0, "a quiet city raises no alert")

            let plan = SandboxRunner.SurgePlan.demo
            #expect(!plan.isSurging(tick: plan.firstTick - 1) && plan.isSurging(tick: plan.firstTick) && !plan.isSurging(tick: plan.firstTick + plan.ticks))
            #expect(plan.isSurging(tick: plan.firstTick + plan.everyTicks))
            var generator = SandboxGenerator(accounts: try await SandboxRunner.sandboxAccounts(tenantID: w.tenantA.id!, on: app.db), seed: 5)
            generator.surgeShare = plan.share
            let before = try await ListeningHitModel.query(on: app.db).filter(\.$ruleID == rule.id!).count()
            for _ in 0..<plan.ticks {
                try await SandboxRunner.deliver(generator.next(plan.perTick, now: clock.date), tenant: w.tenantA, app: app)
            }
            let alerts = try await Self.alertsAfterTriage(w, app: app, now: clock.date)
            let surge = try await ListeningHitModel.query(on: app.db).filter(\.$ruleID == rule.id!).count() - before
            #expect(surge >= 10, "\(surge) of the surge's messages matched the water rule")
            #expect(alerts.count == 1 && alerts.first?.ruleID == rule.id)
        }
    }

    /// Triage until none of the tenant's messages waits. On a shared PostgreSQL another suite's
    /// worker may take this tenant's messages first; the alert is the same whoever judges.
    static func alertsAfterTriage(_ w: World, app: Application, now: Date) async throws -> [ListeningAlertModel] {
        try await w.triage(app, now: now)
        return try await ListeningAlertModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
    }
}
