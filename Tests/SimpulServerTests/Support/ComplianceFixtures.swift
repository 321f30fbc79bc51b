import Fluent
import Foundation
import SimpulCore
import VaporTesting
@testable import SimpulServer

/// Compliance rows the route tests act on, all in tenant A on OPD-A.
enum ComplianceFixtures {
    static func finding(_ world: World, app: Application) async throws -> FindingModel {
        if let existing = try await FindingModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!)
            .filter(\.$ruleID == "skb5.nomor-urut").first() {
            return existing
        }
        let text = "Ayo coblos no 2!"
        let findings = ComplianceEngine(packs: [RulePack.skb5(contests: [DemoCompliance.election], on: "2026-11-21")!]).check(text)
        try await ComplianceService.record(findings, source: .message, sourceID: UUID(), tenantID: world.tenantA.id!, accountID: world.account.id,
                                           unitID: world.units["OPD-A"]!, excerpt: text, at: app.clock.now(), on: app.db)
        return try await FindingModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$ruleID == "skb5.nomor-urut").first()!
    }

    static func draft(_ world: World, app: Application, body: String = "Layanan KTP buka pukul 08.00 di kantor kecamatan.") async throws -> ContentItemModel {
        let item = ContentItemModel()
        item.id = UUID()
        item.tenantID = world.tenantA.id!
        item.unitID = world.units["OPD-A"]!
        item.title = "Info layanan"
        item.body = body
        item.status = .draft
        item.createdAt = app.clock.now()
        item.updatedAt = app.clock.now()
        try await item.create(on: app.db)
        return item
    }

    static func tenantPack(_ world: World, app: Application, code: String = "etika-\(UUID().uuidString.prefix(6).lowercased())") async throws -> TenantPackModel {
        let pack = RulePack(id: code, name: "Etika \(code)", regulation: "Pedoman Etika", summary: "", rules: DemoCompliance.etiquettePack.rules)
        let row = TenantPackModel(tenantID: world.tenantA.id!, pack: pack, at: app.clock.now())
        try await row.create(on: app.db)
        return row
    }

    static func election(_ world: World, app: Application) async throws -> ElectionContestModel {
        let row = ElectionContestModel(tenantID: world.tenantA.id!, contest: DemoCompliance.election, at: app.clock.now())
        try await row.create(on: app.db)
        return row
    }

    static func allowEntry(_ world: World, app: Application) async throws -> AllowListModel {
        let row = AllowListModel()
        row.id = UUID()
        row.tenantID = world.tenantA.id!
        row.ruleID = "se137.provokasi"
        row.matched = "serbu … kantor \(UUID().uuidString.prefix(6))"
        row.createdAt = app.clock.now()
        try await row.create(on: app.db)
        return row
    }

    static let electionForm: [String: String] = [
        "name": "Pemilihan Uji", "valid_from": "2026-09-01", "valid_until": "2027-03-31",
        "candidates": "01 | Hendra Wijaya; Sri Rahayu | #HendraSri01 | Tirtamaya Bangkit | @hendrasri01\n02 | Bambang Prasetyo; Nur Aini",
        "parties": "Partai Karya Nusantara (PKN)",
    ]

    static func packForm(_ n: Int) -> [String: String] {
        ["code": "paket-\(n)", "name": "Paket \(n)", "regulation": "Pedoman Instansi", "summary": "",
         "rules": "[paket.kasar] blokir\njudul: Kata kasar\npenjelasan: Akun resmi wajib santun (Pedoman Instansi).\nkata: goblok, tolol"]
    }
}
