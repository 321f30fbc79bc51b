import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// The Langganan and Piket WhatsApp forms: what they store, what they refuse (in Indonesian,
/// changing nothing), and the audit trail.
@Suite("Alert subscriptions and on-call")
struct AlertSettingsTests {
    @Test("a viewer subscribes to a rule they see and to a unit's account alerts, changes the channels, unsubscribes; each step audited")
    func subscribe() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await withTestApp(environment: AlertDeliveryTests.environment(sink)) { app in
            let w = try await World.make(app)
            let rule = try await CaseFixtures.listeningRule(w, app: app, n: 1)
            let viewer = w.inScope[.viewer]!
            let browser = try await World.signIn(viewer, app: app)
            let page = try await app.web(.GET, "/listening/subscriptions", as: browser)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Langganan saya") && page.body.string.contains("Aturan 1") && page.body.string.contains(viewer.email))

            var response = try await app.web(.POST, "/listening/subscriptions", as: browser, form: ["target": "rule:\(rule.id!)", "email": "on"])
            #expect(response.status == .seeOther)
            response = try await app.web(.POST, "/listening/subscriptions", as: browser, form: ["target": "account_unit:\(w.units["OPD-A"]!)", "in_app": "on"])
            #expect(response.status == .seeOther)
            var rows = try await AlertSubscriptionModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$userID == viewer.id!).all()
            #expect(rows.count == 2)
            #expect(rows.first { $0.target == .rule }.map { $0.email && !$0.inApp } == true)
            // The same target again replaces its channels rather than adding a second row.
            response = try await app.web(.POST, "/listening/subscriptions", as: browser, form: ["target": "rule:\(rule.id!)", "in_app": "on", "email": "on"])
            #expect(response.status == .seeOther)
            rows = try await AlertSubscriptionModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$userID == viewer.id!).all()
            #expect(rows.count == 2 && rows.first { $0.target == .rule }.map { $0.email && $0.inApp } == true)
            let listed = try await app.web(.GET, "/listening/subscriptions", as: browser).body.string
            #expect(listed.contains("Aturan &quot;Aturan 1&quot;") || listed.contains("Aturan \"Aturan 1\""))
            #expect(listed.contains("Lonjakan akun Unit OPD-A dan unit di bawahnya"))

            // Someone else's subscription is not theirs to end.
            let other = try await World.signIn(w.inScope[.operator]!, app: app)
            let ruleRow = try #require(rows.first { $0.target == .rule })
            #expect(try await app.web(.POST, "/listening/subscriptions/\(ruleRow.id!)/delete", as: other, form: [:]).status == .notFound)
            #expect(try await app.web(.POST, "/listening/subscriptions/\(ruleRow.id!)/delete", as: browser, form: [:]).status == .seeOther)
            #expect(try await AlertSubscriptionModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$userID == viewer.id!).count() == 1)
            let actions = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all().map(\.action)
            #expect(actions.filter { $0 == .alertSubscriptionSave }.count == 3 && actions.contains(.alertSubscriptionDelete))
        }
    }

    @Test("bad subscription input: nothing chosen, no channel, a rule out of scope, e-mail without SMTP; Indonesian errors, nothing stored")
    func badSubscriptions() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let elsewhere = try await CaseFixtures.listeningRule(w, app: app, n: 2, unit: "OPD-B")
            let mine = try await CaseFixtures.listeningRule(w, app: app, n: 3)
            let browser = try await World.signIn(w.inScope[.viewer]!, app: app)
            let cases: [([String: String], String)] = [
                ([:], "Pilih aturan atau unit yang ingin diikuti."),
                (["target": "rule:bukan-uuid", "in_app": "on"], "Pilih aturan atau unit yang ingin diikuti."),
                (["target": "rule:\(elsewhere.id!)", "in_app": "on"], "Pilih aturan atau unit yang ingin diikuti."),
                (["target": "rule_unit:\(w.units["ROOT"]!)", "in_app": "on"], "Pilih aturan atau unit yang ingin diikuti."),
                (["target": "rule:\(mine.id!)"], "Pilih setidaknya satu saluran"),
                (["target": "rule:\(mine.id!)", "email": "on"], "E-mail belum diatur di server ini"),
            ]
            for (form, message) in cases {
                let response = try await app.web(.POST, "/listening/subscriptions", as: browser, form: form)
                #expect(response.status == .unprocessableEntity, "\(form)")
                #expect(response.body.string.contains(message), "\(form)")
            }
            #expect(try await app.count(AlertSubscriptionModel.schema, tenants: w.tenants) == 0)
            let page = try await app.web(.GET, "/listening/subscriptions", as: browser).body.string
            #expect(page.contains("E-mail belum diatur di server ini (SMTP)"))
        }
    }

    @Test("the koordinator keeps the on-call list: numbers normalised to +62, duplicates and bad numbers refused, a sender needs both account and template")
    func onCall() async throws {
        try await withTestApp { app in
            let w = try await World.make(app)
            let supervisor = try await World.signIn(w.inScope[.supervisor]!, app: app)
            #expect(try await app.web(.GET, "/listening/on-call", as: supervisor).status == .ok)
            var response = try await app.web(.POST, "/listening/on-call/people", as: supervisor, form: ["name": "Rina Kusumawati", "phone": "0812-3456-7890"])
            #expect(response.status == .seeOther)
            let people = try await OnCallPersonModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all()
            #expect(people.map(\.phone) == ["+6281234567890"])

            let bad: [([String: String], String)] = [
                (["name": "Agus", "phone": "62812 3456 7890"], "Nomor ini sudah ada di daftar piket."),
                (["name": "Agus", "phone": "12345"], "Nomor WhatsApp tidak dikenali"),
                (["name": "Agus", "phone": "0812abc"], "Nomor WhatsApp tidak dikenali"),
                (["name": "", "phone": "081299998888"], "Nama belum diisi."),
                (["name": String(repeating: "a", count: 101), "phone": "081299998888"], "paling banyak 100 karakter"),
            ]
            for (form, message) in bad {
                response = try await app.web(.POST, "/listening/on-call/people", as: supervisor, form: form)
                #expect(response.status == .unprocessableEntity, "\(form)")
                #expect(response.body.string.contains(message), "\(form)")
            }
            #expect(try await app.count(OnCallPersonModel.schema, tenants: w.tenants) == 1)

            let whatsapp = AccountModel(tenantID: w.tenantA.id!, draft: AccountDraft(platform: .whatsapp, handle: "+6281100002222", displayName: "Layanan",
                                                                                  kind: .official, unitID: w.units["ROOT"]!, ownerID: nil, followers: 0,
                                                                                  status: .connected), at: app.clock.now())
            try await whatsapp.create(on: app.db)
            let template = try await CaseFixtures.whatsappTemplate(w, app: app, name: "peringatan", body: "Ada lonjakan: {{1}} ({{2}}) {{3}}")
            let tooMany = try await CaseFixtures.whatsappTemplate(w, app: app, name: "terlalu_banyak", body: "{{1}} {{2}} {{3}} {{4}}")
            let refusals: [([String: String], String)] = [
                (["account_id": whatsapp.id!.uuidString, "template_id": ""], "Pilih akun dan templat, atau kosongkan keduanya"),
                (["account_id": w.account.id!.uuidString, "template_id": template.id!.uuidString], "Pilih salah satu akun WhatsApp aktif."),
                (["account_id": whatsapp.id!.uuidString, "template_id": tooMany.id!.uuidString], "paling banyak tiga variabel"),
                (["account_id": "bukan-uuid", "template_id": template.id!.uuidString], "Pilih salah satu akun WhatsApp aktif."),
            ]
            for (form, message) in refusals {
                response = try await app.web(.POST, "/listening/on-call", as: supervisor, form: form)
                #expect(response.status == .unprocessableEntity, "\(form)")
                #expect(response.body.string.contains(message), "\(form)")
            }
            #expect(try await app.count(OnCallSettingsModel.schema, tenants: w.tenants) == 0)
            response = try await app.web(.POST, "/listening/on-call", as: supervisor, form: ["account_id": whatsapp.id!.uuidString, "template_id": template.id!.uuidString])
            #expect(response.status == .seeOther)
            let saved = try #require(try await OnCallSettingsModel.current(tenantID: w.tenantA.id!, on: app.db))
            #expect(saved.accountID == whatsapp.id && saved.templateID == template.id)
            let page = try await app.web(.GET, "/listening/on-call", as: supervisor).body.string
            #expect(page.contains("Rina Kusumawati") && page.contains("+6281234567890") && page.contains("Ada lonjakan: Lonjakan pada pemantauan"))
            #expect(!page.contains("terlalu_banyak"), "a template the alert cannot fill is not offered")

            response = try await app.web(.POST, "/listening/on-call/people/\(people[0].id!)/delete", as: supervisor, form: [:])
            #expect(response.status == .seeOther)
            #expect(try await app.count(OnCallPersonModel.schema, tenants: w.tenants) == 0)
            let actions = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).all().map(\.action)
            #expect(actions.contains(.onCallPersonAdd) && actions.contains(.onCallPersonRemove) && actions.contains(.onCallSettingsUpdate))
            // A unit admin reads alerts but does not keep the tenant's on-call list.
            let admin = try await World.signIn(w.inScope[.unitAdmin]!, app: app)
            #expect(try await app.web(.GET, "/listening/on-call", as: admin).status == .forbidden)
        }
    }
}
