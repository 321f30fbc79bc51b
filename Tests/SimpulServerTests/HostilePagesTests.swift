import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SimpulServer

/// Every page, with hostile text in every stored name and in the query: what a resident's
/// WhatsApp profile name, an operator's unit name or a crafted link carries must stay text.
@Suite("Pages with hostile text")
struct HostilePagesTests {
    static let hostile = #"x"'><base href=//evil.example><b id=injected>"#

    /// Free-text columns people or platforms fill in. A column a table lacks is skipped.
    static let columns: [(table: String, column: String)] = [
        ("tenants", "name"), ("units", "name"), ("users", "name"), ("accounts", "display_name"), ("accounts", "handle"),
        ("messages", "author_name"), ("messages", "author_handle"), ("messages", "text"), ("message_notes", "text"),
        ("message_replies", "text"), ("content_items", "title"), ("content_variants", "text"), ("saved_replies", "name"),
        ("saved_replies", "body"), ("media_files", "name"), ("routing_rules", "name"), ("compliance_tenant_packs", "name"),
        ("election_contests", "name"), ("content_pillars", "name"), ("amplification_tasks", "title"),
        ("amplification_tasks", "caption"), ("notifications", "text"), ("whatsapp_templates", "name"), ("message_tags", "name"),
    ]

    /// Only this test's tenant: on PostgreSQL other suites share the database at the same time.
    static func poison(_ db: any Database, tenantID: UUID) async {
        guard let sql = db as? any SQLDatabase else { return }
        for (table, column) in columns {
            let key = table == "tenants" ? "id" : "tenant_id"
            try? await sql.raw("UPDATE \(ident: table) SET \(ident: column) = \(bind: hostile) WHERE \(ident: key) = \(bind: tenantID)").run()
        }
    }

    @Test("no page lets stored or typed text add an element")
    func everyPage() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            var failures: [String] = []
            var counter = 0
            let query = "q=\(Self.hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&next=/\(Self.hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            for spec in app.routeCatalog.specs where spec.surface == .web && spec.method == .GET {
                guard let (_, build) = AuthorizationMatrixTests.matrix[spec.name] else { continue }
                for user in [world.inScope[.supervisor]!, world.inScope[.unitAdmin]!] {
                    counter += 1
                    let request = try await build(world, user, counter, app)
                    await Self.poison(app.db, tenantID: world.tenantA.id!)
                    let browser = try await World.signIn(user, app: app)
                    let path = request.path + (request.path.contains("?") ? "&" : "?") + query
                    let response = try await app.web(.GET, path, as: browser)
                    let body = response.body.string
                    let html = response.headers.contentType?.subType == "html"
                    if html, let hit = body.range(of: "<base") ?? body.range(of: "<b id=injected") {
                        let from: String.Index = body.index(hit.lowerBound, offsetBy: -60, limitedBy: body.startIndex) ?? body.startIndex
                        let context = String(body[from..<hit.upperBound])
                        failures.append("\(spec.name) as \(user.email): …\(context)")
                    }
                    if response.status.code >= 500 { failures.append("\(spec.name) \(path): \(response.status.code)") }
                }
            }
            #expect(counter > 40)
            // The poison reached the rows (a bind the driver stored differently would match none).
            let poisoned = try await UnitModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$name == Self.hostile).count()
            #expect(poisoned > 0)
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test("the sign-in page keeps a hostile next address inside its field")
    func loginNext() async throws {
        try await withTestApp { app in
            let next = Self.hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let page = try await app.web(.GET, "/login?next=/\(next)", as: nil)
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("<base"))
        }
    }
}
