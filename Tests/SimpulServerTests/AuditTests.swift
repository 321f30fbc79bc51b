import Fluent
import Foundation
import SimpulCore
import SQLKit
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Audit log")
struct AuditTests {
    static func actions(_ app: Application, _ tenant: Tenant) async throws -> [String] {
        try await AuditEventModel.query(on: app.db).filter(\.$tenantID == tenant.id!).sort(\.$at).all().map(\.action.rawValue)
    }

    @Test("every change through the web and the API leaves an audit event")
    func everyChangeAudited() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let admin = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let token = try await World.apiToken(world.inScope[.supervisor]!, app: app)
            let opdA = world.units["OPD-A"]!
            let target = world.target.id!
            let steps: [(String, () async throws -> TestingHTTPResponse)] = [
                ("unit.create", { try await app.web(.POST, "/units", as: admin, form: ["name": "Bagian Umum", "code": "BAG-UMUM", "kind": "bagian", "parent_id": opdA.uuidString]) }),
                ("unit.update", { try await app.web(.POST, "/units/\(world.units["BAG-A1"]!)", as: admin, form: ["name": "Bagian Satu", "code": "BAG-A1", "kind": "bagian", "parent_id": opdA.uuidString]) }),
                ("account.create", { try await app.web(.POST, "/accounts", as: admin, form: ["platform": "tiktok", "handle": "dinas.a.tiktok", "display_name": "Dinas A", "kind": "official", "unit": opdA.uuidString]) }),
                ("account.update", { try await app.web(.POST, "/accounts/\(world.account.id!)", as: admin, form: ["platform": "instagram", "handle": "dinas.a", "display_name": "Dinas A Resmi", "kind": "official", "unit": opdA.uuidString, "followers": "2000"]) }),
                ("account.deactivate", { try await app.web(.POST, "/accounts/\(world.account.id!)/deactivate", as: admin) }),
                ("account.reactivate", { try await app.web(.POST, "/accounts/\(world.account.id!)/reactivate", as: admin) }),
                ("account.import", { try await app.web(.POST, "/accounts/import", as: admin, form: ["text": "platform,handle,display_name,kind,unit\nyoutube,kanal.a,Kanal A,official,OPD-A"]) }),
                ("user.create", { try await app.web(.POST, "/users", as: admin, form: ["name": "Baru", "email": "baru@uji.go.id", "password": "sandi-yang-panjang", "role": "operator", "unit_id": opdA.uuidString]) }),
                ("user.update", { try await app.web(.POST, "/users/\(target)", as: admin, form: ["name": "Target Baru", "email": "target@uji.go.id"]) }),
                ("membership.create", { try await app.web(.POST, "/users/\(target)/roles", as: admin, form: ["role": "viewer", "unit_id": opdA.uuidString]) }),
                ("user.resetPassword", { try await app.web(.POST, "/users/\(target)/reset-password", as: admin, form: ["password": "sandi-reset-panjang"]) }),
                ("user.deactivate", { try await app.web(.POST, "/users/\(target)/deactivate", as: admin) }),
                ("user.reactivate", { try await app.web(.POST, "/users/\(target)/reactivate", as: admin) }),
                ("token.create", { try await app.web(.POST, "/profile/tokens", as: admin, form: ["name": "Uji"]) }),
                ("unit.create", { try await app.api(.POST, "/api/v1/units", token: token, json: #"{"name":"Bagian API","code":"BAG-API","kind":"bagian","parent_id":"\#(opdA)"}"#) }),
                ("account.update", { try await app.api(.PATCH, "/api/v1/accounts/\(world.account.id!)", token: token, json: #"{"followers":3000}"#) }),
                ("user.update", { try await app.api(.PATCH, "/api/v1/users/\(target)", token: token, json: #"{"phone":"081234567890"}"#) }),
            ]
            for (action, step) in steps {
                let before = try await Self.actions(app, world.tenantA)
                let response = try await step()
                #expect(response.status.code < 400, "\(action): \(response.status)")
                let added = Array(try await Self.actions(app, world.tenantA).dropFirst(before.count))
                #expect(added.contains(action), "\(action) wrote \(added)")
            }
            // Two account updates happened (web, then API); the web one renamed the account.
            let updates = try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$action == .accountUpdate).all()
            let rename = try #require(updates.first { $0.summary.storedText.contains("Dinas A Resmi") })
            #expect(rename.summary.value.before != nil)
            #expect(rename.actorName == world.inScope[.supervisor]!.name)
            // Other tenants never see these events.
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantB.id!).count() == 0)
        }
    }

    @Test("no route edits or deletes audit events, and the database refuses it too")
    func appendOnly() async throws {
        try await withTestApp { app in
            let auditRoutes = app.routeCatalog.specs.filter { $0.path.contains("audit") }
            #expect(!auditRoutes.isEmpty)
            #expect(auditRoutes.allSatisfy { $0.method == .GET })

            let world = try await World.make(app)
            let admin = try await World.signIn(world.inScope[.supervisor]!, app: app)
            _ = try await app.web(.POST, "/accounts/\(world.account.id!)/deactivate", as: admin)
            let event = try #require(try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).first())
            event.summary = JSONText(AuditChange())
            await #expect(throws: (any Error).self) { try await event.save(on: app.db) }
            await #expect(throws: (any Error).self) { try await event.delete(on: app.db) }
            await #expect(throws: (any Error).self) {
                try await (try app.db.sql).raw("DELETE FROM audit_events WHERE tenant_id = \(bind: world.tenantA.id!)").run()
            }
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).count() >= 1)

            let page = try await app.web(.GET, "/audit?action=account.deactivate", as: admin)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Akun dinonaktifkan"))
        }
    }
}

@Suite("Audit actions")
struct AuditActionTests {
    @Test("every action has its own label in both languages, the filter offers all of them, and an unknown one is a 400")
    func labelsAndFilter() async throws {
        for language in [Language.id, .en] {
            let l = L10n(language: language, zone: TimeZone(identifier: "Asia/Jakarta")!)
            let labels = AuditAction.allCases.map { AuditPages.actionLabel($0, l) }
            #expect(Set(labels).count == labels.count, "two actions share a label")
            #expect(!zip(labels, AuditAction.allCases).contains { $0 == $1.rawValue })
        }
        try await withTestApp { app in
            let world = try await World.make(app)
            let supervisor = try await World.signIn(world.inScope[.supervisor]!, app: app)
            let page = try await app.web(.GET, "/audit", as: supervisor)
            for action in AuditAction.allCases { #expect(page.body.string.contains("value=\"\(action.rawValue)\""), "\(action.rawValue)") }
            #expect(try await app.web(.GET, "/audit?action=bukan.tindakan", as: supervisor).status == .badRequest)
            #expect(try await app.web(.GET, "/audit?action=content.approve", as: supervisor).status == .ok)
        }
    }
}
