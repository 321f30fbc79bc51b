import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import VaporTesting
@testable import SimpulServer

/// War-room cases the route tests act on: led by OPD-A of tenant A.
enum CaseFixtures {
    static func issueCase(_ world: World, app: Application, n: Int, involving unit: String? = nil, holding: String? = nil,
                          status: CaseStatus = .open) async throws -> CaseModel {
        let now = app.clock.now()
        let item = CaseModel()
        item.id = UUID()
        item.tenantID = world.tenantA.id!
        item.number = n
        item.title = "Isu uji \(n)"
        item.summary = "Kabar bendungan jebol beredar."
        item.leadUnitID = world.units["OPD-A"]!
        item.status = status
        item.origin = .manual
        item.holdingStatement = holding
        item.openedAt = now
        item.coordinateDue = now.addingTimeInterval(6 * 3600)
        item.resolveDue = now.addingTimeInterval(7 * 86_400)
        item.updatedAt = now
        try await item.create(on: app.db)
        if let unit {
            let row = CaseUnitModel()
            row.id = UUID()
            row.tenantID = item.tenantID
            row.caseID = item.id!
            row.unitID = world.units[unit]!
            row.addedAt = now
            try await row.create(on: app.db)
        }
        return item
    }

    static func listeningRule(_ world: World, app: Application, n: Int, query: String = "banjir OR \"air mati\"", unit: String = "OPD-A") async throws -> ListeningRuleModel {
        let rule = ListeningRuleModel()
        rule.id = UUID()
        rule.tenantID = world.tenantA.id!
        rule.unitID = world.units[unit]!
        rule.name = "Aturan \(n)"
        rule.query = query
        rule.active = true
        rule.createdAt = app.clock.now()
        rule.updatedAt = rule.createdAt
        try await rule.create(on: app.db)
        return rule
    }

    /// One hit a day for two weeks in the slot of `moment`: a rule's usual level there.
    static func dailyHits(_ world: World, app: Application, rule: ListeningRuleModel, before moment: Date) async throws {
        for day in 1...14 {
            let hit = ListeningHitModel()
            hit.id = UUID()
            hit.tenantID = world.tenantA.id!
            hit.ruleID = rule.id!
            hit.messageID = UUID()
            hit.matchedAt = moment.addingTimeInterval(-Double(day) * 86_400 + 60)
            try await hit.create(on: app.db)
        }
    }

    /// An approved WhatsApp template of tenant A.
    static func whatsappTemplate(_ world: World, app: Application, name: String, body: String) async throws -> WhatsAppTemplateModel {
        let template = WhatsAppTemplateModel()
        template.id = UUID()
        template.tenantID = world.tenantA.id!
        template.name = name
        template.language = "id"
        template.body = body
        template.approved = true
        template.updatedAt = app.clock.now()
        try await template.create(on: app.db)
        return template
    }

    static func alert(_ world: World, app: Application, n: Int) async throws -> ListeningAlertModel {
        let rule = try await listeningRule(world, app: app, n: n)
        let alert = ListeningAlertModel()
        alert.id = UUID()
        alert.tenantID = rule.tenantID
        alert.ruleID = rule.id!
        alert.bucketStart = app.clock.now().addingTimeInterval(-900)
        alert.bucketEnd = app.clock.now()
        alert.count = 12
        alert.median = 1
        alert.mad = 1
        alert.threshold = 5.4
        alert.explanation = "12 pesan dalam 15 menit"
        alert.createdAt = app.clock.now()
        try await alert.create(on: app.db)
        return alert
    }

    /// An alert on the world's OPD-A account, a bucket of its own per `n`.
    static func accountAlert(_ world: World, app: Application, n: Int) async throws -> AccountAlertModel {
        let alert = AccountAlertModel()
        alert.id = UUID()
        alert.tenantID = world.tenantA.id!
        alert.accountID = world.account.id!
        alert.bucketStart = app.clock.now().addingTimeInterval(-900 * Double(n + 1))
        alert.bucketEnd = alert.bucketStart.addingTimeInterval(900)
        alert.count = 14
        alert.median = 2
        alert.mad = 1
        alert.threshold = 5
        alert.explanation = "14 pesan dalam 15 menit; ambang = median 2 + 3 × MAD 1 = 5"
        alert.createdAt = app.clock.now()
        try await alert.create(on: app.db)
        return alert
    }

    static func search(_ world: World, app: Application, n: Int) async throws -> ListeningSearchModel {
        let rule = try await listeningRule(world, app: app, n: n)
        let search = ListeningSearchModel()
        search.id = UUID()
        search.tenantID = world.tenantA.id!
        search.ruleID = rule.id!
        search.source = .youtubeSearch
        search.terms = "banjir \(n)"
        search.active = true
        search.createdAt = app.clock.now()
        try await search.create(on: app.db)
        return search
    }

    static func feed(_ world: World, app: Application, url: String, unit: String = "OPD-A") async throws -> ListeningFeedModel {
        let feed = ListeningFeedModel()
        feed.id = UUID()
        feed.tenantID = world.tenantA.id!
        feed.unitID = world.units[unit]!
        feed.name = "Portal Berita"
        feed.url = url
        feed.active = true
        feed.createdAt = app.clock.now()
        try await feed.create(on: app.db)
        return feed
    }

    static func hoaxClaim(_ world: World, app: Application, n: Int) async throws -> HoaxClaimModel {
        let claim = HoaxClaimModel()
        claim.id = UUID()
        claim.tenantID = world.tenantA.id!
        claim.unitID = world.units["OPD-A"]!
        claim.title = "Bendungan jebol \(n)"
        claim.label = .hoaks
        claim.claim = "Bendungan Cisalak jebol malam ini, warga diminta mengungsi"
        claim.variants = JSONText([])
        claim.explanation = "BPBD memastikan bendungan aman."
        claim.sources = JSONText([])
        claim.tags = ""
        claim.active = true
        claim.createdAt = app.clock.now()
        claim.updatedAt = claim.createdAt
        try await claim.create(on: app.db)
        return claim
    }

    static func task(_ item: CaseModel, app: Application) async throws -> CaseTaskModel {
        let task = CaseTaskModel()
        task.id = UUID()
        task.tenantID = item.tenantID
        task.caseID = item.id!
        task.title = "Siapkan data debit air"
        task.createdAt = app.clock.now()
        try await task.create(on: app.db)
        return task
    }
}
