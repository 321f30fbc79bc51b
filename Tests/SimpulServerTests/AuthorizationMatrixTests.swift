import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// Every route × every role on an in-scope unit, on an out-of-scope unit, a supervisor of
/// another tenant, and nobody at all. The matrix below is the expectation; the route table is
/// what the server actually registered. A route missing from the matrix fails the test.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    enum Principal: CustomStringConvertible {
        case anonymous
        case inScope(Role)
        case outOfScope(Role)
        case otherTenant

        var description: String {
            switch self {
            case .anonymous: "anonymous"
            case .inScope(let r): "\(r.rawValue)@in"
            case .outOfScope(let r): "\(r.rawValue)@out"
            case .otherTenant: "supervisor@other-tenant"
            }
        }

        static var all: [Principal] {
            [.anonymous, .otherTenant] + Role.allCases.map { .inScope($0) } + Role.allCases.map { .outOfScope($0) }
        }
    }

    enum Expectation {
        /// Anyone, signed in or not, gets this status.
        case open(anonymous: UInt, signedIn: UInt)
        /// Any signed-in person; nobody else.
        case signedIn(UInt)
        /// Roles allowed; in scope they get `success`, out of scope and from another tenant `outside`.
        case permission(Set<Role>, success: UInt, outside: UInt)
        /// Tenant-wide settings: the allowed roles get `success` wherever their role sits in the
        /// tenant; a supervisor of another tenant gets `otherTenant`.
        case tenantWide(Set<Role>, success: UInt, otherTenant: UInt)
    }

    struct Request {
        var path: String
        var form: [String: String]? = nil
        var json: String? = nil
    }

    typealias Builder = @Sendable (World, UserModel?, Int, Application) async throws -> Request

    static let viewers: Set<Role> = [.supervisor, .unitAdmin, .operator, .approver, .viewer]
    static let managers: Set<Role> = [.supervisor, .unitAdmin]
    static let reviewers: Set<Role> = [.supervisor, .unitAdmin, .approver]
    static let writers: Set<Role> = [.supervisor, .unitAdmin, .operator, .approver]
    static let all = Set(Role.allCases)

    static func fixed(_ path: String) -> Builder { { _, _, _, _ in Request(path: path) } }

    /// What each route should do, keyed by the route table's names.
    static let matrix: [String: (Expectation, Builder)] = [
        "healthz": (.open(anonymous: 200, signedIn: 200), fixed("/healthz")),
        "readyz": (.open(anonymous: 200, signedIn: 200), fixed("/readyz")),
        "metrics": (.open(anonymous: 200, signedIn: 200), fixed("/metrics")),
        "static.css": (.open(anonymous: 200, signedIn: 200), fixed("/static/app.css")),
        "static.js": (.open(anonymous: 200, signedIn: 200), fixed("/static/app.js")),
        "login.form": (.open(anonymous: 200, signedIn: 303), fixed("/login")),
        // Without the login form's CSRF cookie a sign-in is refused, whoever sends it.
        "login": (.open(anonymous: 403, signedIn: 403), { _, _, _, _ in Request(path: "/login", form: ["email": "x@y.go.id", "password": "salah-salah-salah"]) }),
        "language": (.open(anonymous: 303, signedIn: 303), fixed("/lang/en?next=/")),
        "logout": (.signedIn(303), { _, _, _, _ in Request(path: "/logout", form: [:]) }),
        "profile": (.signedIn(200), fixed("/profile")),
        "notifications.list": (.signedIn(200), fixed("/notifications")),
        "profile.password": (.signedIn(422), { _, _, _, _ in Request(path: "/profile/password", form: ["current": "bukan-sandinya", "password": "baru-baru-baru", "confirm": "baru-baru-baru"]) }),
        "profile.tokens.create": (.signedIn(201), { _, _, n, _ in Request(path: "/profile/tokens", form: ["name": "token \(n)"]) }),
        "profile.tokens.revoke": (.signedIn(303), { _, user, _, app in
            guard let user else { return Request(path: "/profile/tokens/\(UUID())/revoke", form: [:]) }
            _ = try await World.apiToken(user, app: app)
            let token = try await APITokenModel.query(on: app.db).filter(\.$tenantID == user.tenantID).filter(\.$userID == user.id!).first()!
            return Request(path: "/profile/tokens/\(token.id!)/revoke", form: [:])
        }),
        "home": (.permission(all, success: 200, outside: 200), fixed("/")),

        "units.list": (.permission(viewers, success: 200, outside: 200), fixed("/units")),
        "units.new": (.permission([.supervisor], success: 200, outside: 200), fixed("/units/new")),
        "units.create": (.permission([.supervisor], success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/units", form: ["name": "Bagian \(n)", "code": "BAG-N\(n)", "kind": "bagian", "parent_id": w.units["OPD-A"]!.uuidString]) }),
        "units.edit": (.permission([.supervisor], success: 200, outside: 404), { w, _, _, _ in Request(path: "/units/\(w.units["BAG-A1"]!)/edit") }),
        "units.update": (.permission([.supervisor], success: 303, outside: 404), { w, _, n, _ in
            Request(path: "/units/\(w.units["BAG-A1"]!)", form: ["name": "Bagian Satu \(n)", "code": "BAG-A1", "kind": "bagian", "parent_id": w.units["OPD-A"]!.uuidString]) }),

        // BAG-A1 has no sub-units and no accounts, so closing it is allowed; reopening follows.
        "units.deactivate": (.permission([.supervisor], success: 303, outside: 404), { w, _, _, _ in Request(path: "/units/\(w.units["BAG-A1"]!)/deactivate", form: [:]) }),
        "units.reactivate": (.permission([.supervisor], success: 303, outside: 404), { w, _, _, _ in Request(path: "/units/\(w.units["BAG-A1"]!)/reactivate", form: [:]) }),

        "accounts.list": (.permission(viewers, success: 200, outside: 200), fixed("/accounts")),
        "accounts.csv": (.permission(viewers, success: 200, outside: 200), fixed("/accounts.csv")),
        "accounts.new": (.permission(managers, success: 200, outside: 200), fixed("/accounts/new")),
        "accounts.create": (.permission(managers, success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/accounts", form: ["platform": "instagram", "handle": "akun.baru.\(n)", "display_name": "Akun Baru \(n)", "kind": "official", "unit": w.units["OPD-A"]!.uuidString, "followers": "10"]) }),
        "accounts.import.form": (.permission(managers, success: 200, outside: 200), fixed("/accounts/import")),
        "accounts.import": (.permission(managers, success: 303, outside: 422), { _, _, n, _ in
            Request(path: "/accounts/import", form: ["text": "platform,handle,display_name,kind,unit\nfacebook,impor.akun.\(n),Akun Impor,official,OPD-A\n"]) }),
        "accounts.show": (.permission(viewers, success: 200, outside: 404), { w, _, _, _ in Request(path: "/accounts/\(w.account.id!)") }),
        "accounts.edit": (.permission(managers, success: 200, outside: 404), { w, _, _, _ in Request(path: "/accounts/\(w.account.id!)/edit") }),
        "accounts.update": (.permission(managers, success: 303, outside: 404), { w, _, n, _ in
            Request(path: "/accounts/\(w.account.id!)", form: ["platform": "instagram", "handle": "dinas.a", "display_name": "Dinas A \(n)", "kind": "official", "unit": w.units["OPD-A"]!.uuidString, "followers": "\(n)"]) }),
        "accounts.deactivate": (.permission(managers, success: 303, outside: 404), { w, _, _, _ in Request(path: "/accounts/\(w.account.id!)/deactivate", form: [:]) }),
        "accounts.reactivate": (.permission(managers, success: 303, outside: 404), { w, _, _, _ in Request(path: "/accounts/\(w.account.id!)/reactivate", form: [:]) }),

        "accounts.connection": (.permission(managers, success: 200, outside: 404), { w, _, _, _ in Request(path: "/accounts/\(w.account.id!)/connection") }),
        "accounts.connection.save": (.permission(managers, success: 303, outside: 404), { w, _, _, _ in
            Request(path: "/accounts/\(w.account.id!)/connection", form: ["instagram_user_id": "17841400000000001", "access_token": "IGQV-token-uji"]) }),
        "accounts.connection.test": (.permission(managers, success: 200, outside: 404), { w, _, _, _ in Request(path: "/accounts/\(w.account.id!)/connection/test", form: [:]) }),
        // Platforms, not people, call webhooks: a session changes nothing, the signature decides.
        "webhooks.verify": (.open(anonymous: 403, signedIn: 403), { w, _, _, _ in Request(path: "/webhooks/meta/\(w.tenantA.slug)?hub.mode=subscribe&hub.challenge=1&hub.verify_token=salah") }),
        "webhooks.receive.meta": (.open(anonymous: 401, signedIn: 401), { w, _, _, _ in Request(path: "/webhooks/meta/\(w.tenantA.slug)", form: ["object": "page"]) }),
        "webhooks.receive.instagram": (.open(anonymous: 401, signedIn: 401), { w, _, _, _ in Request(path: "/webhooks/instagram/\(w.tenantA.slug)", form: ["object": "instagram"]) }),
        "webhooks.receive.whatsapp": (.open(anonymous: 401, signedIn: 401), { w, _, _, _ in
            Request(path: "/webhooks/whatsapp/\(w.tenantA.slug)", form: ["object": "whatsapp_business_account"]) }),

        "users.list": (.permission(managers, success: 200, outside: 200), fixed("/users")),
        "users.new": (.permission(managers, success: 200, outside: 200), fixed("/users/new")),
        "users.create": (.permission(managers, success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/users", form: ["name": "Pengguna \(n)", "email": "baru\(n)@uji.go.id", "password": "sandi-awal-\(n)-panjang", "role": "operator", "unit_id": w.units["OPD-A"]!.uuidString]) }),
        "users.show": (.permission(managers, success: 200, outside: 404), { w, _, _, _ in Request(path: "/users/\(w.target.id!)") }),
        "users.edit": (.permission(managers, success: 200, outside: 404), { w, _, _, _ in Request(path: "/users/\(w.target.id!)/edit") }),
        "users.update": (.permission(managers, success: 303, outside: 404), { w, _, n, _ in
            Request(path: "/users/\(w.target.id!)", form: ["name": "Target \(n)", "email": "target@uji.go.id"]) }),
        "users.roles.add": (.permission(managers, success: 303, outside: 404), { w, _, _, _ in
            Request(path: "/users/\(w.target.id!)/roles", form: ["role": "viewer", "unit_id": w.units["BAG-A1"]!.uuidString]) }),
        "users.roles.remove": (.permission(managers, success: 303, outside: 404), { w, _, _, app in
            let existing = try await MembershipModel.query(on: app.db).filter(\.$tenantID == w.tenantA.id!).filter(\.$userID == w.target.id!)
                .filter(\.$role == .approver).first()
            let membership = existing ?? MembershipModel(tenantID: w.tenantA.id!, userID: w.target.id!, unitID: w.units["OPD-A"]!, role: .approver, at: Date())
            if existing == nil { try await membership.create(on: app.db) }
            return Request(path: "/users/\(w.target.id!)/roles/\(membership.id!)/delete", form: [:])
        }),
        "users.deactivate": (.permission(managers, success: 303, outside: 404), { w, _, _, _ in Request(path: "/users/\(w.target.id!)/deactivate", form: [:]) }),
        "users.reactivate": (.permission(managers, success: 303, outside: 404), { w, _, _, _ in Request(path: "/users/\(w.target.id!)/reactivate", form: [:]) }),
        "users.resetPassword": (.permission(managers, success: 303, outside: 404), { w, _, _, _ in
            Request(path: "/users/\(w.target.id!)/reset-password", form: ["password": "sandi-baru-yang-panjang"]) }),

        "routing.list": (.tenantWide([.supervisor], success: 200, otherTenant: 200), fixed("/inbox/routing")),
        "routing.create": (.tenantWide([.supervisor], success: 303, otherTenant: 422), { w, _, n, _ in
            Request(path: "/inbox/routing", form: ["name": "Aturan \(n)", "keyword": "air", "target_unit_id": w.units["OPD-A"]!.uuidString]) }),
        "routing.delete": (.tenantWide([.supervisor], success: 303, otherTenant: 404), { w, _, n, app in
            let rule = RoutingRuleModel()
            rule.id = UUID()
            rule.tenantID = w.tenantA.id!
            rule.position = 100 + n
            rule.name = "Hapus \(n)"
            rule.targetUnitID = w.units["OPD-A"]!
            rule.roundRobin = false
            rule.rotation = 0
            rule.updatedAt = app.clock.now()
            try await rule.create(on: app.db)
            return Request(path: "/inbox/routing/\(rule.id!)/delete", form: [:]) }),
        "sla.edit": (.tenantWide([.supervisor], success: 200, otherTenant: 200), fixed("/settings/sla")),
        "sla.update": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, _, _ in
            Request(path: "/settings/sla", form: ["urgent": "1 jam", "high": "4 jam-kerja", "normal": "2 hari-kerja", "low": "5 hari-kerja",
                                                  "hours[2]": "07.30-16.00", "holidays": "2026-12-25 Hari Raya Natal"]) }),
        "audit.list": (.permission([.supervisor], success: 200, outside: 200), fixed("/audit")),

        "api.units.list": (.permission(viewers, success: 200, outside: 200), fixed("/api/v1/units")),
        "api.units.create": (.permission([.supervisor], success: 201, outside: 422), { w, _, n, _ in
            Request(path: "/api/v1/units", json: #"{"name":"Bagian API \#(n)","code":"API-\#(n)","kind":"bagian","parent_id":"\#(w.units["OPD-A"]!)"}"#) }),
        "api.units.get": (.permission(viewers, success: 200, outside: 404), { w, _, _, _ in Request(path: "/api/v1/units/\(w.units["BAG-A1"]!)") }),
        "api.units.update": (.permission([.supervisor], success: 200, outside: 404), { w, _, n, _ in
            Request(path: "/api/v1/units/\(w.units["BAG-A1"]!)", json: #"{"name":"Bagian A1 \#(n)"}"#) }),
        "api.accounts.list": (.permission(viewers, success: 200, outside: 200), fixed("/api/v1/accounts")),
        "api.accounts.create": (.permission(managers, success: 201, outside: 422), { w, _, n, _ in
            Request(path: "/api/v1/accounts", json: #"{"platform":"x","handle":"api_\#(n)","display_name":"API \#(n)","kind":"official","unit":"OPD-A","followers":5}"#) }),
        "api.accounts.get": (.permission(viewers, success: 200, outside: 404), { w, _, _, _ in Request(path: "/api/v1/accounts/\(w.account.id!)") }),
        "api.accounts.update": (.permission(managers, success: 200, outside: 404), { w, _, n, _ in
            Request(path: "/api/v1/accounts/\(w.account.id!)", json: #"{"followers":\#(n)}"#) }),
        "api.users.list": (.permission(managers, success: 200, outside: 200), fixed("/api/v1/users")),
        "api.users.create": (.permission(managers, success: 201, outside: 422), { w, _, n, _ in
            Request(path: "/api/v1/users", json: #"{"name":"API \#(n)","email":"api\#(n)@uji.go.id","password":"sandi-api-panjang-\#(n)","roles":[{"unit_id":"\#(w.units["OPD-A"]!)","role":"viewer"}]}"#) }),
        "api.users.get": (.permission(managers, success: 200, outside: 404), { w, _, _, _ in Request(path: "/api/v1/users/\(w.target.id!)") }),
        "api.users.update": (.permission(managers, success: 200, outside: 404), { w, _, n, _ in
            Request(path: "/api/v1/users/\(w.target.id!)", json: #"{"phone":"0812345678\#(n % 10)0"}"#) }),

        "compliance.checker": (.permission(all, success: 200, outside: 200), fixed("/compliance/check")),
        "compliance.check": (.permission(all, success: 200, outside: 200), { _, _, _, _ in Request(path: "/compliance/check", form: ["text": "Ayo coblos no 2!"]) }),
        "compliance.findings": (.permission(viewers, success: 200, outside: 200), fixed("/compliance/findings")),
        "compliance.findings.csv": (.permission(viewers, success: 200, outside: 200), fixed("/compliance/findings.csv")),
        "compliance.finding": (.permission(viewers, success: 200, outside: 404), { w, _, _, app in
            Request(path: "/compliance/findings/\(try await ComplianceFixtures.finding(w, app: app).id!)") }),
        "compliance.review": (.permission(reviewers, success: 303, outside: 404), { w, _, _, app in
            Request(path: "/compliance/findings/\(try await ComplianceFixtures.finding(w, app: app).id!)/review", form: ["status": "confirmed", "note": "dicek"]) }),
        "compliance.packs": (.permission(viewers, success: 200, outside: 200), fixed("/compliance/packs")),
        "compliance.pack": (.permission(viewers, success: 200, outside: 200), fixed("/compliance/packs/skb11")),
        "compliance.pack.toggle": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, _, _ in Request(path: "/compliance/packs/se137/toggle", form: [:]) }),
        "compliance.tenantPack.new": (.tenantWide([.supervisor], success: 200, otherTenant: 200), fixed("/compliance/tenant-packs/new")),
        "compliance.tenantPack.create": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, n, _ in
            Request(path: "/compliance/tenant-packs", form: ComplianceFixtures.packForm(n)) }),
        "compliance.tenantPack.edit": (.tenantWide([.supervisor], success: 200, otherTenant: 404), { w, _, _, app in
            Request(path: "/compliance/tenant-packs/\(try await ComplianceFixtures.tenantPack(w, app: app).id!)/edit") }),
        "compliance.tenantPack.update": (.tenantWide([.supervisor], success: 303, otherTenant: 404), { w, _, n, app in
            Request(path: "/compliance/tenant-packs/\(try await ComplianceFixtures.tenantPack(w, app: app).id!)", form: ComplianceFixtures.packForm(n)) }),
        "compliance.tenantPack.delete": (.tenantWide([.supervisor], success: 303, otherTenant: 404), { w, _, _, app in
            Request(path: "/compliance/tenant-packs/\(try await ComplianceFixtures.tenantPack(w, app: app).id!)/delete", form: [:]) }),
        "compliance.election.new": (.tenantWide([.supervisor], success: 200, otherTenant: 200), fixed("/compliance/elections/new")),
        "compliance.election.create": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, _, _ in
            Request(path: "/compliance/elections", form: ComplianceFixtures.electionForm) }),
        "compliance.election.edit": (.tenantWide([.supervisor], success: 200, otherTenant: 404), { w, _, _, app in
            Request(path: "/compliance/elections/\(try await ComplianceFixtures.election(w, app: app).id!)/edit") }),
        "compliance.election.update": (.tenantWide([.supervisor], success: 303, otherTenant: 404), { w, _, _, app in
            Request(path: "/compliance/elections/\(try await ComplianceFixtures.election(w, app: app).id!)", form: ComplianceFixtures.electionForm) }),
        "compliance.election.delete": (.tenantWide([.supervisor], success: 303, otherTenant: 404), { w, _, _, app in
            Request(path: "/compliance/elections/\(try await ComplianceFixtures.election(w, app: app).id!)/delete", form: [:]) }),
        "compliance.allowlist.delete": (.tenantWide([.supervisor], success: 303, otherTenant: 404), { w, _, _, app in
            Request(path: "/compliance/allowlist/\(try await ComplianceFixtures.allowEntry(w, app: app).id!)/delete", form: [:]) }),

        "inbox": (.permission(viewers, success: 200, outside: 200), fixed("/inbox")),
        "api.inbox": (.permission(viewers, success: 200, outside: 200), fixed("/api/v1/inbox")),
        "cases.list": (.permission(viewers, success: 200, outside: 200), fixed("/cases")),
        "cases.new": (.permission(managers, success: 200, outside: 200), fixed("/cases/new")),
        // Out of scope the lead unit OPD-A is not one's own: the form comes back with the reason.
        "cases.create": (.permission(managers, success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/cases", form: ["title": "Isu baru \(n)", "summary": "Ringkas", "lead_unit_id": w.units["OPD-A"]!.uuidString]) }),
        "cases.show": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n).id!)") }),
        "cases.status": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n).id!)/status", form: ["status": "coordinating"]) }),
        "cases.units.add": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n).id!)/units", form: ["unit_id": w.units["KEC-1"]!.uuidString]) }),
        "cases.units.remove": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n, involving: "KEC-1").id!)/units/\(w.units["KEC-1"]!)/remove", form: [:]) }),
        "cases.note": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n).id!)/notes", form: ["text": "Sudah dicek ke PDAM."]) }),
        "cases.tasks.add": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n).id!)/tasks", form: ["title": "Rilis data", "due": "2030-01-02"]) }),
        "cases.tasks.done": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            let item = try await CaseFixtures.issueCase(w, app: app, n: n)
            return Request(path: "/cases/\(item.id!)/tasks/\(try await CaseFixtures.task(item, app: app).id!)/done", form: [:]) }),
        "cases.holding": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n).id!)/holding", form: ["text": "Bendungan aman, petugas memantau."]) }),
        "cases.response": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n, holding: "Bendungan aman.").id!)/response", form: [:]) }),
        "listening.rules": (.permission(viewers, success: 200, outside: 200), fixed("/listening")),
        "listening.create": (.permission(managers, success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/listening", form: ["name": "Banjir \(n)", "unit_id": w.units["OPD-A"]!.uuidString, "query": "banjir OR genangan"]) }),
        "listening.show": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/listening/\(try await CaseFixtures.listeningRule(w, app: app, n: n).id!)") }),
        "listening.toggle": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/listening/\(try await CaseFixtures.listeningRule(w, app: app, n: n).id!)/toggle", form: [:]) }),
        "listening.alerts": (.permission(viewers, success: 200, outside: 200), fixed("/listening/alerts")),
        "listening.alerts.case": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/listening/alerts/\(try await CaseFixtures.alert(w, app: app, n: n).id!)/case", form: [:]) }),
        "listening.account-alerts.case": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/listening/account-alerts/\(try await CaseFixtures.accountAlert(w, app: app, n: n).id!)/case", form: [:]) }),
        "listening.feeds.create": (.permission(managers, success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/listening/feeds", form: ["name": "Portal \(n)", "url": "https://berita.contoh/rss/\(n)", "unit_id": w.units["OPD-A"]!.uuidString]) }),
        "listening.feeds.toggle": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/listening/feeds/\(try await CaseFixtures.feed(w, app: app, url: "https://berita.contoh/atom/\(n)").id!)/toggle", form: [:]) }),
        "listening.search": (.permission(viewers, success: 200, outside: 200), fixed("/listening/search")),
        "listening.search.settings": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, _, _ in
            Request(path: "/listening/search", form: ["x_monthly_reads": "5000", "youtube_daily_calls": "50", "region_code": "ID", "language": "id"]) }),
        "listening.searches.save": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/listening/\(try await CaseFixtures.listeningRule(w, app: app, n: n).id!)/searches", form: ["source": "x_search", "terms": "banjir \(n)"]) }),
        "listening.searches.toggle": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/listening/searches/\(try await CaseFixtures.search(w, app: app, n: n).id!)/toggle", form: [:]) }),
        "listening.subscriptions": (.permission(viewers, success: 200, outside: 200), fixed("/listening/subscriptions")),
        "listening.subscriptions.save": (.permission(viewers, success: 303, outside: 422), { w, _, n, app in
            Request(path: "/listening/subscriptions", form: ["target": "rule:\(try await CaseFixtures.listeningRule(w, app: app, n: n).id!)", "in_app": "on"]) }),
        // Everyone ends only their own subscriptions, wherever their role sits.
        "listening.subscriptions.delete": (.permission(viewers, success: 303, outside: 303), { w, user, _, app in
            guard let user else { return Request(path: "/listening/subscriptions/\(UUID())/delete", form: [:]) }
            let row = AlertSubscriptionModel()
            row.id = UUID()
            row.tenantID = user.tenantID
            row.userID = user.id!
            row.target = .accountUnit
            row.targetID = w.units["OPD-A"]!
            row.inApp = true
            row.email = false
            row.createdAt = app.clock.now()
            row.updatedAt = row.createdAt
            try await row.create(on: app.db)
            return Request(path: "/listening/subscriptions/\(row.id!)/delete", form: [:])
        }),
        "listening.oncall": (.tenantWide([.supervisor], success: 200, otherTenant: 200), fixed("/listening/on-call")),
        "listening.oncall.settings": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, _, _ in
            Request(path: "/listening/on-call", form: ["account_id": "", "template_id": ""]) }),
        "listening.oncall.people.add": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, n, _ in
            Request(path: "/listening/on-call/people", form: ["name": "Petugas \(n)", "phone": "0812" + String(format: "%08d", n)]) }),
        "listening.oncall.people.remove": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { w, user, n, app in
            let person = OnCallPersonModel()
            person.id = UUID()
            person.tenantID = user?.tenantID ?? w.tenantA.id!
            person.name = "Piket \(n)"
            person.phone = "+62857" + String(format: "%08d", n)
            person.createdAt = app.clock.now()
            try await person.create(on: app.db)
            return Request(path: "/listening/on-call/people/\(person.id!)/delete", form: [:])
        }),
        "hoaxes.thresholds": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, _, _ in
            Request(path: "/hoaxes/thresholds", form: ["near_copy": "0,5", "paraphrase": "0,6"]) }),
        "hoaxes.list": (.permission(viewers, success: 200, outside: 200), fixed("/hoaxes")),
        "hoaxes.csv": (.permission(viewers, success: 200, outside: 200), fixed("/hoaxes.csv")),
        "hoaxes.new": (.permission(managers, success: 200, outside: 200), fixed("/hoaxes/new")),
        "hoaxes.create": (.permission(managers, success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/hoaxes", form: ["title": "Air mati \(n)", "label": "hoaks", "claim": "Air PDAM mati tiga hari", "unit_id": w.units["OPD-A"]!.uuidString]) }),
        "hoaxes.import.form": (.permission(managers, success: 200, outside: 200), fixed("/hoaxes/import")),
        "hoaxes.import": (.permission(managers, success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/hoaxes/import", form: ["unit_id": w.units["OPD-A"]!.uuidString, "text": "title,content\n\"[HOAKS] Klaim \(n)\",Isi klaim \(n)\n"]) }),
        "hoaxes.show": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/hoaxes/\(try await CaseFixtures.hoaxClaim(w, app: app, n: n).id!)") }),
        "hoaxes.update": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/hoaxes/\(try await CaseFixtures.hoaxClaim(w, app: app, n: n).id!)",
                    form: ["title": "Diubah \(n)", "label": "disinformasi", "claim": "Isi", "unit_id": w.units["OPD-A"]!.uuidString, "active": "on"]) }),
        "inbox.case": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            let item = try await CaseFixtures.issueCase(w, app: app, n: n)
            return Request(path: "/inbox/\(try await InboxFixtures.message(w, app: app).id!)/case", form: ["case_id": item.id!.uuidString]) }),
        "inbox.thread": (.permission(viewers, success: 200, outside: 404), { w, _, _, app in
            Request(path: "/inbox/\(try await InboxFixtures.message(w, app: app).id!)") }),
        "inbox.events": (.permission(viewers, success: 200, outside: 200), fixed("/inbox/events?timeout=1")),
        "inbox.savedReplies": (.permission(viewers, success: 200, outside: 200), fixed("/inbox/saved-replies")),
        "inbox.savedReplies.create": (.permission(managers, success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/inbox/saved-replies", form: ["title": "Salam \(n)", "body": "Terima kasih {nama}", "unit_id": w.units["OPD-A"]!.uuidString]) }),
        "inbox.savedReplies.delete": (.permission(managers, success: 303, outside: 404), { w, _, n, app in
            let reply = SavedReplyModel()
            reply.id = UUID()
            reply.tenantID = w.tenantA.id!
            reply.unitID = w.units["OPD-A"]!
            reply.title = "Hapus \(n)"
            reply.body = "Terima kasih"
            reply.updatedAt = app.clock.now()
            try await reply.create(on: app.db)
            return Request(path: "/inbox/saved-replies/\(reply.id!)/delete", form: [:]) }),
        "inbox.bulk": (.permission(writers, success: 303, outside: 303), { w, _, _, app in
            Request(path: "/inbox/bulk", form: ["action": "assignToMe", "ids[]": try await InboxFixtures.message(w, app: app).id!.uuidString]) }),
        "inbox.update": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/inbox/\(try await InboxFixtures.message(w, app: app).id!)/triage", form: ["priority": n % 2 == 0 ? "high" : "normal"]) }),
        "inbox.note": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/inbox/\(try await InboxFixtures.message(w, app: app).id!)/notes", form: ["body": "Catatan \(n)"]) }),
        // The matrix account is not connected: the reply is recorded as failed and shown, a 303 all the same.
        "inbox.reply": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/inbox/\(try await InboxFixtures.message(w, app: app).id!)/replies", form: ["text": "Terima kasih, kami cek \(n)", "confirm_recent": "1"]) }),
        "inbox.tag": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/inbox/\(try await InboxFixtures.message(w, app: app).id!)/tags", form: ["tag": "label \(n % 5)"]) }),
        "inbox.untag": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/inbox/\(try await InboxFixtures.message(w, app: app).id!)/tags/remove", form: ["tag": "label \(n % 5)"]) }),
        "inbox.presence": (.permission(viewers, success: 200, outside: 404), { w, _, _, app in
            Request(path: "/inbox/\(try await InboxFixtures.message(w, app: app).id!)/presence", form: [:]) }),
        "inbox.report": (.permission(viewers, success: 200, outside: 200), fixed("/inbox/report")),
        "inbox.templates": (.permission(viewers, success: 200, outside: 200), fixed("/inbox/templates")),
        "inbox.templates.create": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, n, _ in
            Request(path: "/inbox/templates", form: ["name": "templat_uji_\(n)", "language": "id", "body": "Halo {{1}}, laporan Anda kami terima.", "approved": "1"]) }),
        "inbox.templates.delete": (.tenantWide([.supervisor], success: 303, otherTenant: 404), { w, _, n, app in
            let template = WhatsAppTemplateModel()
            template.id = UUID()
            template.tenantID = w.tenantA.id!
            template.name = "hapus_\(n)"
            template.language = "id"
            template.body = "Halo"
            template.approved = true
            template.updatedAt = app.clock.now()
            try await template.create(on: app.db)
            return Request(path: "/inbox/templates/\(template.id!)/delete", form: [:]) }),
        "inbox.retry": (.permission(writers, success: 303, outside: 404), { w, _, _, app in
            let message = try await InboxFixtures.message(w, app: app)
            return Request(path: "/inbox/\(message.id!)/replies/\(try await InboxFixtures.failedReply(message, app: app).id!)/retry", form: [:]) }),
        "content.list": (.permission(viewers, success: 200, outside: 200), fixed("/content")),
        "content.new": (.permission(writers, success: 200, outside: 200), fixed("/content/new")),
        "content.create": (.permission(writers, success: 303, outside: 422), { w, _, n, _ in
            Request(path: "/content", form: ["unit_id": w.units["OPD-A"]!.uuidString, "title": "Draf \(n)", "body": "Posyandu buka Senin pukul 08.00."]) }),
        "content.show": (.permission(viewers, success: 200, outside: 404), { w, _, _, app in
            Request(path: "/content/\(try await ComplianceFixtures.draft(w, app: app).id!)") }),
        "content.update": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/content/\(try await ComplianceFixtures.draft(w, app: app).id!)",
                    form: ["unit_id": w.units["OPD-A"]!.uuidString, "title": "Draf diubah \(n)", "body": "Posyandu buka Selasa."]) }),
        "content.submit": (.permission(writers, success: 303, outside: 404), { w, _, _, app in
            Request(path: "/content/\(try await ComplianceFixtures.draft(w, app: app).id!)/submit", form: [:]) }),
        "content.variants.add": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            let item = try await ComplianceFixtures.draft(w, app: app)
            let account = try await PublishingFixtures.pageAccount(w, app: app, n: n)
            return Request(path: "/content/\(item.id!)/variants", form: ["account_id": account.id!.uuidString, "hashtags": "Info"]) }),
        "content.variants.update": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            let (item, variant) = try await PublishingFixtures.item(w, app: app, n: n, status: .draft)
            return Request(path: "/content/\(item.id!)/variants/\(variant.id!)", form: ["text": "Teks khusus \(n)"]) }),
        "content.variants.delete": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            let (item, variant) = try await PublishingFixtures.item(w, app: app, n: n, status: .draft)
            return Request(path: "/content/\(item.id!)/variants/\(variant.id!)/delete", form: [:]) }),
        "content.approve": (.permission(reviewers, success: 303, outside: 404), { w, user, n, app in
            try await PublishingFixtures.letApprove(user, w, app: app)
            return Request(path: "/content/\(try await PublishingFixtures.item(w, app: app, n: n, status: .inReview).0.id!)/approve", form: [:]) }),
        "content.reject": (.permission(reviewers, success: 303, outside: 404), { w, user, n, app in
            try await PublishingFixtures.letApprove(user, w, app: app)
            return Request(path: "/content/\(try await PublishingFixtures.item(w, app: app, n: n, status: .inReview).0.id!)/reject",
                           form: ["comment": "Datanya belum lengkap, mohon dilengkapi"]) }),
        "content.schedule": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            let day = LocalTime.fields(of: app.clock.now().addingTimeInterval(86_400), zone: w.tenantA.zone)
            return Request(path: "/content/\(try await PublishingFixtures.item(w, app: app, n: n, status: .approved).0.id!)/schedule",
                           form: ["date": day.date, "time": "09:00"]) }),
        "content.unschedule": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/content/\(try await PublishingFixtures.item(w, app: app, n: n, status: .scheduled).0.id!)/unschedule", form: [:]) }),
        "content.retry": (.permission(writers, success: 303, outside: 404), { w, _, n, app in
            Request(path: "/content/\(try await PublishingFixtures.item(w, app: app, n: n, status: .failed).0.id!)/retry", form: [:]) }),
        "content.plan": (.permission(writers, success: 303, outside: 404), { w, _, _, app in
            Request(path: "/content/\(try await ComplianceFixtures.draft(w, app: app).id!)/plan", form: ["date": "2026-12-01"]) }),
        "media.list": (.permission(viewers, success: 200, outside: 200), fixed("/content/media")),
        "media.upload": (.permission(writers, success: 422, outside: 422), { w, _, _, _ in
            Request(path: "/content/media", form: ["unit_id": w.units["OPD-A"]!.uuidString]) }),
        "media.delete": (.permission(writers, success: 303, outside: 404), { w, _, _, app in
            Request(path: "/content/media/\(try await PublishingFixtures.media(w, app: app).id!)/delete", form: [:]) }),
        "media.file": (.open(anonymous: 200, signedIn: 200), { w, _, _, app in
            Request(path: MediaLibrary.path(try await PublishingFixtures.media(w, app: app))) }),
        "amplification.tasks": (.permission(viewers, success: 200, outside: 200), fixed("/amplification")),
        "amplification.mine": (.tenantWide([.staff], success: 200, otherTenant: 403), fixed("/amplification/mine")),
        "amplification.new": (.permission(managers, success: 200, outside: 200), fixed("/amplification/new")),
        // OPD-A's published post and staff are out of reach from OPD-B and the other tenant: the form comes back.
        "amplification.create": (.permission(managers, success: 303, outside: 422), { w, _, n, app in
            let variant = try await AmplificationFixtures.publishedVariant(w, app: app, n: n)
            return Request(path: "/amplification", form: ["variant": variant.id!.uuidString, "date": "2030-01-01", "time": "09.00",
                                                          "units[]": w.units["OPD-A"]!.uuidString]) }),
        "amplification.show": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/amplification/\(try await AmplificationFixtures.task(w, app: app, n: n).id!)") }),
        "amplification.csv": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/amplification/\(try await AmplificationFixtures.task(w, app: app, n: n).id!)/csv") }),
        // Only one's own assignment can take proof; "bukan tautan" is refused with its reason.
        "amplification.proof": (.tenantWide([.staff], success: 422, otherTenant: 403), { w, user, n, app in
            Request(path: "/amplification/\(try await AmplificationFixtures.task(w, app: app, n: n, assignee: user).id!)/proof", form: ["link": "bukan tautan"]) }),
        "amplification.staff": (.permission(viewers, success: 200, outside: 200), fixed("/amplification/staff")),
        "amplification.staff.csv": (.permission(viewers, success: 200, outside: 200), fixed("/amplification/staff.csv")),
        "amplification.policy": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, _, _ in
            Request(path: "/amplification/policy", form: ["min_accounts": "3", "min_followers": "500"]) }),
        "content.calendar": (.permission(viewers, success: 200, outside: 200), fixed("/content/calendar?view=week&date=2026-11-23")),
        "content.failed": (.permission(viewers, success: 200, outside: 200), fixed("/content/failed")),
        "approvals.list": (.permission(reviewers, success: 200, outside: 200), fixed("/approvals")),
        "contentSettings.show": (.tenantWide([.supervisor], success: 200, otherTenant: 200), fixed("/settings/content")),
        "contentSettings.policy": (.tenantWide([.supervisor], success: 303, otherTenant: 422), { w, _, _, _ in
            Request(path: "/settings/content/policies", form: ["unit_id": w.units["KEL-1"]!.uuidString, "step1": "approver", "step2": "unitAdmin"]) }),
        "contentSettings.policy.delete": (.tenantWide([.supervisor], success: 303, otherTenant: 404), { w, _, _, app in
            try await PublishingFixtures.policy(w, unit: "KEC-1", steps: [.approver], app: app)
            return Request(path: "/settings/content/policies/\(w.units["KEC-1"]!)/delete", form: [:]) }),
        "contentSettings.pillar": (.tenantWide([.supervisor], success: 303, otherTenant: 303), { _, _, n, _ in
            Request(path: "/settings/content/pillars", form: ["name": "Pilar \(n)"]) }),
        "contentSettings.pillar.toggle": (.tenantWide([.supervisor], success: 303, otherTenant: 404), { w, _, n, app in
            let pillar = ContentPillarModel(tenantID: w.tenantA.id!, name: "Pilar uji \(n)", at: app.clock.now())
            try await pillar.create(on: app.db)
            return Request(path: "/settings/content/pillars/\(pillar.id!)/toggle", form: [:]) }),

        "api.compliance.check": (.permission(all, success: 200, outside: 200), { _, _, _, _ in Request(path: "/api/v1/compliance/check", json: #"{"text":"Ayo coblos no 2!"}"#) }),
        "api.compliance.findings": (.permission(viewers, success: 200, outside: 200), fixed("/api/v1/compliance/findings")),
        "api.compliance.finding": (.permission(viewers, success: 200, outside: 404), { w, _, _, app in
            Request(path: "/api/v1/compliance/findings/\(try await ComplianceFixtures.finding(w, app: app).id!)") }),
        "api.compliance.review": (.permission(reviewers, success: 200, outside: 404), { w, _, _, app in
            Request(path: "/api/v1/compliance/findings/\(try await ComplianceFixtures.finding(w, app: app).id!)/review", json: #"{"status":"escalated","note":"ke BKPSDM"}"#) }),

        "api.listening.rules.list": (.permission(viewers, success: 200, outside: 200), fixed("/api/v1/listening/rules")),
        "api.listening.rules.create": (.permission(managers, success: 201, outside: 422), { w, _, n, _ in
            Request(path: "/api/v1/listening/rules", json: #"{"name":"Banjir API \#(n)","unit_id":"\#(w.units["OPD-A"]!)","query":"banjir OR genangan"}"#) }),
        "api.listening.rules.get": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/api/v1/listening/rules/\(try await CaseFixtures.listeningRule(w, app: app, n: n).id!)") }),
        "api.listening.rules.update": (.permission(managers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/api/v1/listening/rules/\(try await CaseFixtures.listeningRule(w, app: app, n: n).id!)", json: #"{"name":"Diubah \#(n)","active":false}"#) }),
        "api.listening.rules.hits": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/api/v1/listening/rules/\(try await CaseFixtures.listeningRule(w, app: app, n: n).id!)/hits") }),
        "api.listening.rules.news": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/api/v1/listening/rules/\(try await CaseFixtures.listeningRule(w, app: app, n: n).id!)/news") }),
        "api.listening.alerts": (.permission(viewers, success: 200, outside: 200), fixed("/api/v1/listening/alerts")),
        "api.hoaxes.list": (.permission(viewers, success: 200, outside: 200), fixed("/api/v1/hoaxes")),
        "api.hoaxes.create": (.permission(managers, success: 201, outside: 422), { w, _, n, _ in
            Request(path: "/api/v1/hoaxes", json: #"{"title":"Air mati \#(n)","label":"hoaks","claim":"Air PDAM mati tiga hari","unit_id":"\#(w.units["OPD-A"]!)"}"#) }),
        "api.hoaxes.get": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/api/v1/hoaxes/\(try await CaseFixtures.hoaxClaim(w, app: app, n: n).id!)") }),
        "api.hoaxes.update": (.permission(managers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/api/v1/hoaxes/\(try await CaseFixtures.hoaxClaim(w, app: app, n: n).id!)", json: #"{"label":"disinformasi"}"#) }),
        "api.hoaxes.matches": (.permission(viewers, success: 200, outside: 200), fixed("/api/v1/hoax-matches")),
        "api.cases.list": (.permission(viewers, success: 200, outside: 200), fixed("/api/v1/cases?status=active")),
        "api.cases.create": (.permission(managers, success: 201, outside: 422), { w, _, n, _ in
            Request(path: "/api/v1/cases", json: #"{"title":"Isu API \#(n)","summary":"Ringkas","lead_unit_id":"\#(w.units["OPD-A"]!)"}"#) }),
        "api.cases.get": (.permission(viewers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/api/v1/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n).id!)") }),
        "api.cases.update": (.permission(managers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/api/v1/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n).id!)", json: #"{"status":"coordinating"}"#) }),
        "api.cases.units.add": (.permission(managers, success: 200, outside: 404), { w, _, n, app in
            Request(path: "/api/v1/cases/\(try await CaseFixtures.issueCase(w, app: app, n: n).id!)/units", json: #"{"unit_id":"\#(w.units["KEC-1"]!)"}"#) }),
        "api.cases.messages.add": (.permission(writers, success: 200, outside: 404), { w, _, n, app in
            let item = try await CaseFixtures.issueCase(w, app: app, n: n)
            return Request(path: "/api/v1/cases/\(item.id!)/messages", json: #"{"message_id":"\#(try await InboxFixtures.message(w, app: app).id!)"}"#) }),
    ]

    static func expected(_ expectation: Expectation, _ principal: Principal, api: Bool) -> UInt {
        switch (expectation, principal) {
        case (.open(let anonymous, _), .anonymous): return anonymous
        case (.open(_, let signedIn), _): return signedIn
        case (_, .anonymous): return api ? 401 : 303
        case (.signedIn(let status), _): return status
        case (.permission(_, _, let outside), .otherTenant): return outside
        case (.tenantWide(_, _, let other), .otherTenant): return other
        case (.tenantWide(let roles, let success, _), .inScope(let role)), (.tenantWide(let roles, let success, _), .outOfScope(let role)):
            return roles.contains(role) ? success : 403
        case (.permission(let roles, let success, _), .inScope(let role)): return roles.contains(role) ? success : 403
        case (.permission(let roles, _, let outside), .outOfScope(let role)): return roles.contains(role) ? outside : 403
        }
    }

    @Test("every route answers every principal as the matrix says")
    func matrixHolds() async throws {
        try await withTestApp { app in
            let catalog = app.routeCatalog.specs
            let missing = Set(catalog.map(\.name)).subtracting(Self.matrix.keys).sorted()
            let stale = Set(Self.matrix.keys).subtracting(catalog.map(\.name)).sorted()
            #expect(missing.isEmpty && stale.isEmpty, "routes without a matrix entry: \(missing); stale entries: \(stale)")
            // Nothing may be registered around the catalog, where the gate would not see it.
            #expect(app.routes.all.count == catalog.count)

            let world = try await World.make(app)
            var failures: [String] = []
            var counter = 0
            for spec in catalog {
                guard let (expectation, build) = Self.matrix[spec.name] else { continue }
                for principal in Principal.all {
                    counter += 1
                    let user: UserModel? = switch principal {
                    case .anonymous: nil
                    case .inScope(let role): world.inScope[role]
                    case .outOfScope(let role): world.outOfScope[role]
                    case .otherTenant: world.otherTenant
                    }
                    let request = try await build(world, user, counter, app)
                    let response: TestingHTTPResponse
                    if spec.surface == .api {
                        let token = try await user.asyncMap { try await World.apiToken($0, app: app) }
                        response = try await app.api(spec.method, request.path, token: token, json: request.json)
                    } else {
                        let browser = try await user.asyncMap { try await World.signIn($0, app: app) }
                        response = try await app.web(spec.method, request.path, as: browser, form: request.form)
                    }
                    let want = Self.expected(expectation, principal, api: spec.surface == .api)
                    if response.status.code != want {
                        failures.append("\(spec.name) as \(principal): got \(response.status.code), expected \(want)")
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.count) mismatches:\n\(failures.joined(separator: "\n"))")
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
