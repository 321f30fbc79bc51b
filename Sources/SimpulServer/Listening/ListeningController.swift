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
        routes.add(SiteRoute.caseFromAccountAlert, caseFromAccountAlert)
    }

    static func alerts(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let rules = try await visibleRules(principal, on: req.db)
        let alerts = rules.isEmpty ? [] : try await ListeningAlertModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$ruleID ~~ rules.map { $0.id! }).sort(\.$bucketStart, .descending).limit(200).all()
        let byID = Dictionary(uniqueKeysWithValues: rules.map { ($0.id!, $0) })
        let accounts = try await AccountModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$unitID ~~ Array(principal.scope.units(with: .viewCases))).all()
        let accountByID = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id!, $0) })
        let accountAlerts = accounts.isEmpty ? [] : try await AccountAlertModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$accountID ~~ accounts.map { $0.id! }).sort(\.$bucketStart, .descending).limit(100).all()
        let accountCases = try await ListeningRuleService.accountAlertCases(accountAlerts.map { $0.id! }, tenantID: principal.tenantID, on: req.db)
        return ListeningPages.alerts(PageContext(req), .init(alerts: alerts.compactMap { alert in byID[alert.ruleID].map { (alert, $0) } },
                                                             canOpen: { principal.scope.allows(.manageCases, on: $0.unitID) },
                                                             accountAlerts: accountAlerts.compactMap { alert in accountByID[alert.accountID].map { (alert, $0) } },
                                                             accountCases: accountCases,
                                                             canOpenForAccount: { principal.scope.allows(.manageCases, on: $0.unitID) }))
    }

    /// The surge becomes a war-room case led by the rule's unit, with the bucket's messages linked.
    static func caseFromAlert(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (alert, rule) = try await ListeningRuleService.loadAlert(req.parameters.get("alertID", as: UUID.self), principal: principal, on: req.db)
        guard principal.scope.allows(.manageCases, on: rule.unitID) else { throw AppError.forbidden }
        if let existing = alert.caseID { return .seeOther(SiteRoute.issueCase(existing).path) }
        let item = try await ListeningRuleService.openCase(from: alert, rule: rule, principal: principal, req: req)
        return .seeOther(SiteRoute.issueCase(item.id!).path, flash: req.l10n.t("\(item.label) dibuka dari peringatan.", "\(item.label) opened from the alert."))
    }

    /// The account's surge becomes a case led by the account's unit, with the bucket's messages.
    static func caseFromAccountAlert(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("accountAlertID", as: UUID.self),
              let alert = try await AccountAlertModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              let account = try await AccountModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == alert.accountID).first(),
              principal.scope.allows(.viewCases, on: account.unitID) else { throw AppError.notFound }
        guard principal.scope.allows(.manageCases, on: account.unitID) else { throw AppError.forbidden }
        if let existing = try await ListeningRuleService.accountAlertCases([id], tenantID: principal.tenantID, on: req.db)[id] {
            return .seeOther(SiteRoute.issueCase(existing).path)
        }
        let item = try await ListeningRuleService.openCase(from: alert, account: account, principal: principal, req: req)
        return .seeOther(SiteRoute.issueCase(item.id!).path, flash: req.l10n.t("\(item.label) dibuka dari lonjakan akun.", "\(item.label) opened from the account surge."))
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
    struct RuleError: Error {
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
        switch ListeningRuleService.validate(name: input.name, unitID: input.unit_id, query: input.query, principal: principal, l) {
        case .failure(let error):
            // The form keeps what was typed.
            return try await list(req, input: input, error: error)
        case .success(let valid):
            let rule = try await ListeningRuleService.create(valid, principal: principal, req: req)
            return .seeOther(SiteRoute.listeningRule(rule.id!).path,
                             flash: l.t("Aturan \"\(valid.name)\" aktif: pesan baru dicocokkan mulai sekarang.", "Rule \"\(valid.name)\" is on: new messages are matched from now."))
        }
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
        var sandboxPortal = false
        if SandboxNews.serves(url) { sandboxPortal = try await ListeningSettingsModel.current(tenantID: principal.tenantID, at: req.now, on: req.db).sandbox }
        if !sandboxPortal {
            do {
                try await req.application.feedFetching.outbound.check(url)
            } catch .internalAddress(_, let address) {
                return try await refuse("feed_url", l.t("Alamat feed menunjuk ke jaringan internal (\(address)); Simpul hanya membaca alamat internet publik.",
                                                        "The feed address points into an internal network (\(address)); Simpul reads public internet addresses only."))
            } catch .unresolvable(let host) {
                return try await refuse("feed_url", l.t("Nama server \(host) tidak ditemukan; periksa alamat feed.", "No server named \(host) was found; check the feed address."))
            }
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
        let rows = try await ListeningRuleService.hitRows(hits, principal: principal, on: req.db)
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
        try await ListeningRuleService.setActive(rule, !rule.active, principal: principal, req: req)
        return .seeOther(SiteRoute.listeningRule(rule.id!).path)
    }
}
