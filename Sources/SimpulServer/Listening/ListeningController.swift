import Fluent
import Foundation
import Plot
import SimpulCore
import SimpulPlatforms
import Vapor

/// Isu & Hoaks → Pemantauan: listening rules per unit, checked when saved, matched on every new
/// message by the enrichment worker, with their hits listed and counted.
enum ListeningController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.listening) { req in try await list(req, input: RuleInput(), error: nil) }
        routes.add(.createListeningRule, create)
        routes.add(SiteRoute.listeningRule, show)
        routes.add(SiteRoute.toggleListeningRule, toggle)
        routes.add(.listeningAlerts, alerts)
        routes.add(.createFeed, createFeed)
        routes.add(SiteRoute.toggleFeed, toggleFeed)
        routes.add(SiteRoute.caseFromAlert, caseFromAlert)
    }

    static func alerts(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let rules = try await visibleRules(principal, on: req.db)
        let alerts = rules.isEmpty ? [] : try await ListeningAlertModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$ruleID ~~ rules.map { $0.id! }).sort(\.$bucketStart, .descending).limit(200).all()
        let byID = Dictionary(uniqueKeysWithValues: rules.map { ($0.id!, $0) })
        return ListeningPages.alerts(PageContext(req), .init(alerts: alerts.compactMap { alert in byID[alert.ruleID].map { (alert, $0) } },
                                                             canOpen: { principal.scope.allows(.manageCases, on: $0.unitID) }))
    }

    /// The surge becomes a war-room case led by the rule's unit, with the bucket's messages linked.
    static func caseFromAlert(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("alertID", as: UUID.self),
              let alert = try await ListeningAlertModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              let rule = try await ListeningRuleModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == alert.ruleID).first(),
              principal.scope.allows(.viewCases, on: rule.unitID) else { throw AppError.notFound }
        guard principal.scope.allows(.manageCases, on: rule.unitID) else { throw AppError.forbidden }
        if let existing = alert.caseID { return .seeOther(SiteRoute.issueCase(existing).path) }
        let hits = try await ListeningHitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID == rule.id!)
            .filter(\.$matchedAt >= alert.bucketStart).filter(\.$matchedAt < alert.bucketEnd).limit(50).all()
        let item = try await CaseService.open(.init(title: String("Lonjakan: \(rule.name)".prefix(CaseService.titleMax)), summary: alert.explanation,
                                                    leadUnitID: rule.unitID, origin: .alert, originRef: alert.id!.uuidString, messageID: nil),
                                              principal: principal, req: req)
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            for hit in hits { try await CaseService.link(.message, hit.messageID, to: item, actor: actor, on: db) }
            if !hits.isEmpty { try await CaseService.event(item, .messageLinked, "\(hits.count) pesan dari lonjakan ditautkan.", actor: actor, on: db) }
            alert.caseID = item.id
            try await alert.save(on: db)
        }
        return .seeOther(SiteRoute.issueCase(item.id!).path, flash: req.l10n.t("\(item.label) dibuka dari peringatan.", "\(item.label) opened from the alert."))
    }

    struct FeedInput: Content {
        var name: String?
        var url: String?
        var unit_id: String?
    }

    struct RuleInput: Content {
        var name: String?
        var unit_id: String?
        var query: String?
    }

    /// Which field of the form is wrong, and how it is said.
    struct RuleError {
        var field: String
        var message: String
    }

    static let nameMax = 120

    static func visibleRules(_ principal: Principal, on db: Database) async throws -> [ListeningRuleModel] {
        try await ListeningRuleModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$unitID ~~ Array(principal.scope.units(with: .viewCases))).sort(\.$name).all()
    }

    static func list(_ req: Request, input: RuleInput, error: RuleError?, feedInput: FeedInput = FeedInput(), feedError: RuleError? = nil) async throws -> Response {
        let principal = try req.requirePrincipal()
        let rules = try await visibleRules(principal, on: req.db)
        let since = req.now.addingTimeInterval(-7 * 86_400), day = req.now.addingTimeInterval(-86_400)
        let hits = rules.isEmpty ? [] : try await ListeningHitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$ruleID ~~ rules.map { $0.id! }).filter(\.$matchedAt >= since).field(\.$ruleID).field(\.$matchedAt).all()
        var counts: [UUID: (day: Int, week: Int)] = [:]
        for hit in hits {
            var count = counts[hit.ruleID] ?? (0, 0)
            count.week += 1
            if hit.matchedAt >= day { count.day += 1 }
            counts[hit.ruleID] = count
        }
        var kept = input
        if kept.unit_id == nil { kept.unit_id = principal.unitChoices(with: .manageListening).first?.0.uuidString }
        let feeds = try await ListeningFeedModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$unitID ~~ Array(principal.scope.units(with: .viewCases))).sort(\.$name).all()
        // A count per feed: a tenant lists a handful of feeds, each of which may hold thousands of articles.
        var itemCounts: [UUID: Int] = [:]
        for feed in feeds {
            itemCounts[feed.id!] = try await ListenedItemModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$feedID == feed.id!).count()
        }
        let html = ListeningPages.list(PageContext(req), .init(rules: rules, counts: counts, tree: principal.scope.tree,
                                                               units: principal.unitChoices(with: .manageListening), input: kept, error: error,
                                                               feeds: feeds, itemCounts: itemCounts, feedInput: feedInput, feedError: feedError,
                                                               canManageFeed: { principal.scope.allows(.manageListening, on: $0.unitID) }))
        return html.response(error == nil && feedError == nil ? .ok : .unprocessableEntity)
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(RuleInput.self)
        let l = req.l10n
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let query = (input.query ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return try await list(req, input: input, error: RuleError(field: "name", message: l.t("Nama aturan belum diisi.", "The rule needs a name."))) }
        guard name.count <= nameMax else {
            return try await list(req, input: input, error: RuleError(field: "name", message: l.t("Nama paling banyak \(nameMax) karakter.", "At most \(nameMax) characters.")))
        }
        guard let unitID = input.unit_id.flatMap(UUID.init(uuidString:)), principal.scope.allows(.manageListening, on: unitID),
              principal.scope.tree[unitID]?.active == true else {
            return try await list(req, input: input, error: RuleError(field: "unit_id", message: l.t("Pilih unit tempat Anda boleh mengatur pemantauan.", "Choose a unit where you may manage listening.")))
        }
        do {
            _ = try ListeningQuery(query, analyzer: TextAnalyzer())
        } catch {
            // The parser speaks Indonesian and names the column; the form keeps what was typed.
            return try await list(req, input: input, error: RuleError(field: "query", message: error.message))
        }
        let rule = ListeningRuleModel()
        rule.id = UUID()
        rule.tenantID = principal.tenantID
        rule.unitID = unitID
        rule.name = name
        rule.query = query
        rule.active = true
        rule.createdBy = principal.userID
        rule.createdAt = req.now
        rule.updatedAt = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await rule.create(on: db)
            try await Auditor.record(actor, on: db, action: .listeningRuleCreate, targetType: .listeningRule, targetID: rule.id, label: name,
                                     after: ["name": name, "query": query, "unit_id": unitID.uuidString])
        }
        return .seeOther(SiteRoute.listeningRule(rule.id!).path,
                         flash: l.t("Aturan \"\(name)\" aktif: pesan baru dicocokkan mulai sekarang.", "Rule \"\(name)\" is on: new messages are matched from now."))
    }

    static func createFeed(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(FeedInput.self)
        let l = req.l10n
        func refuse(_ field: String, _ message: String) async throws -> Response {
            try await list(req, input: RuleInput(), error: nil, feedInput: input, feedError: RuleError(field: field, message: message))
        }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= nameMax else { return try await refuse("feed_name", l.t("Nama sumber belum diisi (paling banyak \(nameMax) karakter).", "The source needs a name (at most \(nameMax) characters).")) }
        guard let url = FeedReader.feedURL(input.url ?? ""), url.absoluteString.count <= 1000 else {
            return try await refuse("feed_url", l.t("Alamat feed harus diawali http:// atau https://.", "The feed address must start with http:// or https://."))
        }
        guard let unitID = input.unit_id.flatMap(UUID.init(uuidString:)), principal.scope.allows(.manageListening, on: unitID),
              principal.scope.tree[unitID]?.active == true else {
            return try await refuse("feed_unit", l.t("Pilih unit tempat Anda boleh mengatur pemantauan.", "Choose a unit where you may manage listening."))
        }
        guard try await ListeningFeedModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$url == url.absoluteString).count() == 0 else {
            return try await refuse("feed_url", l.t("Feed ini sudah terdaftar.", "This feed is already listed."))
        }
        let feed = ListeningFeedModel()
        feed.id = UUID()
        feed.tenantID = principal.tenantID
        feed.unitID = unitID
        feed.name = name
        feed.url = url.absoluteString
        feed.active = true
        feed.createdAt = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await feed.create(on: db)
            try await Auditor.record(actor, on: db, action: .listeningFeedCreate, targetType: .listeningFeed, targetID: feed.id, label: name,
                                     after: ["name": name, "url": feed.url, "unit_id": unitID.uuidString])
        }
        return .seeOther(SiteRoute.listening.path, flash: l.t("Feed \"\(name)\" ditambahkan; dibaca setiap 15 menit.", "Feed \"\(name)\" added; read every 15 minutes."))
    }

    static func toggleFeed(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("feedID", as: UUID.self),
              let feed = try await ListeningFeedModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              principal.scope.allows(.viewCases, on: feed.unitID) else { throw AppError.notFound }
        guard principal.scope.allows(.manageListening, on: feed.unitID) else { throw AppError.forbidden }
        feed.active.toggle()
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await feed.save(on: db)
            try await Auditor.record(actor, on: db, action: feed.active ? .listeningFeedActivate : .listeningFeedDeactivate,
                                     targetType: .listeningFeed, targetID: feed.id, label: feed.name)
        }
        return .seeOther(SiteRoute.listening.path)
    }

    static func load(_ req: Request, _ principal: Principal) async throws -> ListeningRuleModel {
        guard let id = req.parameters.get("ruleID", as: UUID.self),
              let rule = try await ListeningRuleModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              principal.scope.allows(.viewCases, on: rule.unitID) else { throw AppError.notFound }
        return rule
    }

    static func show(_ req: Request) async throws -> Response {
        try await show(req, searchInput: SearchController.SearchInput(), searchError: nil)
    }

    static func show(_ req: Request, searchInput: SearchController.SearchInput, searchError: String?) async throws -> Response {
        let principal = try req.requirePrincipal()
        let rule = try await load(req, principal)
        let hits = try await ListeningHitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID == rule.id!)
            .sort(\.$matchedAt, .descending).limit(100).all()
        let total = try await ListeningHitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID == rule.id!).count()
        let messages = hits.isEmpty ? [] : try await MessageModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$id ~~ hits.map(\.messageID)).all()
        let byID = Dictionary(uniqueKeysWithValues: messages.map { ($0.id!, $0) })
        let accounts = Dictionary(uniqueKeysWithValues: try await AccountModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$id ~~ Array(Set(messages.compactMap(\.accountID)))).all().map { ($0.id!, $0) })
        let rows = hits.compactMap { hit -> ListeningPages.HitRow? in
            guard let message = byID[hit.messageID] else { return nil }
            let readable = message.accountID.flatMap { accounts[$0] }.map { principal.scope.allows(.viewInbox, on: $0.unitID) } ?? false
            return ListeningPages.HitRow(message: message, matchedAt: hit.matchedAt, readable: readable)
        }
        let itemHits = try await ListeningItemHitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID == rule.id!)
            .sort(\.$matchedAt, .descending).limit(100).all()
        let news = itemHits.isEmpty ? [] : try await ListenedItemModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$id ~~ itemHits.map(\.itemID)).sort(\.$fetchedAt, .descending).all()
        let searches = try await ListeningSearchModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID == rule.id!)
            .sort(\.$source).all()
        return ListeningPages.show(PageContext(req), .init(rule: rule, total: total, hits: rows, unitPath: principal.scope.tree.pathName(of: rule.unitID),
                                                           canManage: principal.scope.allows(.manageListening, on: rule.unitID), news: news,
                                                           searches: searches, searchInput: searchInput, searchError: searchError))
            .response(searchError == nil ? .ok : .unprocessableEntity)
    }

    static func toggle(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let rule = try await load(req, principal)
        guard principal.scope.allows(.manageListening, on: rule.unitID) else { throw AppError.forbidden }
        rule.active.toggle()
        rule.updatedAt = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await rule.save(on: db)
            try await Auditor.record(actor, on: db, action: rule.active ? .listeningRuleActivate : .listeningRuleDeactivate,
                                     targetType: .listeningRule, targetID: rule.id, label: rule.name)
        }
        return .seeOther(SiteRoute.listeningRule(rule.id!).path)
    }
}
