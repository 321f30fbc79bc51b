import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// /api/v1/listening: rules, their hits among messages and news, and the spike alerts. Checks,
/// storage and audit are ListeningRuleService's, as on the Pemantauan page.
enum ListeningAPIController {
    struct RuleBody: Content {
        var name: String?
        var unit_id: String?
        var query: String?
        var active: Bool?
    }

    static func register(_ routes: RouteCatalog) {
        routes.add(.apiListeningRules, listRules)
        routes.add(.apiCreateListeningRule, createRule)
        routes.add(SiteRoute.apiListeningRule) { req in
            APIListeningRule(try await ListeningController.load(req, try req.requirePrincipal()))
        }
        routes.add(SiteRoute.apiUpdateListeningRule, updateRule)
        routes.add(SiteRoute.apiListeningHits, hits)
        routes.add(SiteRoute.apiListeningNews, news)
        routes.add(.apiListeningAlerts, alerts)
    }

    static func invalid(_ error: ListeningRuleService.RuleError) -> AppError {
        var errors = FieldErrors()
        errors.add(error.field, .explained(error.message))
        return .invalid(errors)
    }

    static func listRules(_ req: Request) async throws -> APIList<APIListeningRule> {
        let principal = try req.requirePrincipal()
        var units = principal.scope.units(with: .viewCases)
        if let unit = try req.queryUUID("unit") {
            guard units.contains(unit) else { throw AppError.badRequest("unit") }
            units = units.intersection(principal.scope.tree.subtree(of: unit))
        }
        let active = try req.queryFlag("active")
        let request = try PageRequest(req)
        var query = ListeningRuleModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$unitID ~~ Array(units))
        if let active { query = query.filter(\.$active == active) }
        let page = try await query.page(by: \.$name, request) { $0.name }
        return APIList(data: page.items.map(APIListeningRule.init), next_cursor: page.next?.token)
    }

    static func createRule(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let body = try req.decodeJSON(RuleBody.self)
        let valid = try ListeningRuleService.validate(name: body.name, unitID: body.unit_id, query: body.query, principal: principal, req.l10n)
            .mapError(invalid).get()
        let rule = try await ListeningRuleService.create(valid, principal: principal, req: req)
        if body.active == false { try await ListeningRuleService.setActive(rule, false, principal: principal, req: req) }
        return try await APIListeningRule(rule).encodeResponse(status: .created, for: req)
    }

    /// Fields left out keep their value; a rule stays with the unit it was made for.
    static func updateRule(_ req: Request) async throws -> APIListeningRule {
        let principal = try req.requirePrincipal()
        let rule = try await ListeningController.load(req, principal)
        guard principal.scope.allows(.manageListening, on: rule.unitID) else { throw AppError.forbidden }
        let body = try req.decodeJSON(RuleBody.self)
        let l = req.l10n
        var errors = FieldErrors()
        var name = rule.name, query = rule.query
        if let typed = body.name {
            switch ListeningRuleService.validName(typed, l) {
            case .success(let value): name = value
            case .failure(let error): errors.add(error.field, .explained(error.message))
            }
        }
        if let typed = body.query {
            switch ListeningRuleService.validQuery(typed) {
            case .success(let value): query = value
            case .failure(let error): errors.add(error.field, .explained(error.message))
            }
        }
        if let unit = body.unit_id, UUID(uuidString: unit) != rule.unitID {
            errors.add("unit_id", .explained(l.t("Unit aturan tidak bisa dipindah; buat aturan baru di unit lain.",
                                                 "A rule stays with its unit; make a new rule in the other unit.")))
        }
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        try await ListeningRuleService.rename(rule, name: name, query: query, principal: principal, req: req)
        if let active = body.active { try await ListeningRuleService.setActive(rule, active, principal: principal, req: req) }
        return APIListeningRule(rule)
    }

    /// Messages the rule matched, newest first.
    static func hits(_ req: Request) async throws -> APIList<APIListeningHit> {
        let principal = try req.requirePrincipal()
        let rule = try await ListeningController.load(req, principal)
        let page = try await ListeningHitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID == rule.id!)
            .pageNewestFirst(by: \.$matchedAt, try PageRequest(req)) { $0.matchedAt }
        let rows = try await ListeningRuleService.hitRows(page.items, principal: principal, on: req.db)
        return APIList(data: rows.map { APIListeningHit($0, ruleID: rule.id!) }, next_cursor: page.next?.token)
    }

    /// News articles and public posts from the listened feeds the rule matched, newest first.
    static func news(_ req: Request) async throws -> APIList<APIListenedItem> {
        let principal = try req.requirePrincipal()
        let rule = try await ListeningController.load(req, principal)
        let page = try await ListeningItemHitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID == rule.id!)
            .pageNewestFirst(by: \.$matchedAt, try PageRequest(req)) { $0.matchedAt }
        let ids = page.items.map(\.itemID)
        let items = ids.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await ListenedItemModel.query(on: req.db)
            .filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
        return APIList(data: page.items.compactMap { hit in items[hit.itemID].map { APIListenedItem($0, hit: hit) } }, next_cursor: page.next?.token)
    }

    static func alerts(_ req: Request) async throws -> APIList<APIListeningAlert> {
        let principal = try req.requirePrincipal()
        let rules = try await ListeningController.visibleRules(principal, on: req.db)
        var ruleIDs = rules.map { $0.id! }
        if let rule = try req.queryUUID("rule") {
            guard ruleIDs.contains(rule) else { throw AppError.badRequest("rule") }
            ruleIDs = [rule]
        }
        let since = try req.queryInstant("since")
        let request = try PageRequest(req)
        guard !ruleIDs.isEmpty else { return APIList(data: [], next_cursor: nil) }
        var query = ListeningAlertModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID ~~ ruleIDs)
        if let since { query = query.filter(\.$bucketStart >= since) }
        let page = try await query.pageNewestFirst(by: \.$bucketStart, request) { $0.bucketStart }
        let names = Dictionary(uniqueKeysWithValues: rules.map { ($0.id!, $0.name) })
        return APIList(data: page.items.map { APIListeningAlert($0, ruleName: names[$0.ruleID] ?? "") }, next_cursor: page.next?.token)
    }
}

extension Request {
    /// An ISO 8601 date-time query value ("2026-11-21T21:00:05Z", fractions and offsets allowed).
    func queryInstant(_ name: String) throws -> Date? {
        guard let text = query[String.self, at: name], !text.isEmpty else { return nil }
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard text.count <= 64, let date = plain.date(from: text) ?? fractional.date(from: text) else { throw AppError.badRequest(name) }
        return date
    }
}

struct APIListeningRule: Content {
    let id: UUID
    let unit_id: UUID
    let name: String
    let query: String
    let active: Bool
    let created_at: Date
    let updated_at: Date

    init(_ rule: ListeningRuleModel) {
        id = rule.id!
        unit_id = rule.unitID
        name = rule.name
        query = rule.query
        active = rule.active
        created_at = rule.createdAt
        updated_at = rule.updatedAt
    }
}

struct APIListeningHit: Content {
    let rule_id: UUID
    let message_id: UUID
    let matched_at: Date
    let platform: Platform
    let kind: MessageKind
    let account_id: UUID?
    let author_name: String?
    let author_handle: String?
    let text: String?
    /// False when the message's inbox is outside the caller's scope: it is shown, not opened.
    let readable: Bool

    init(_ row: ListeningPages.HitRow, ruleID: UUID) {
        let m = row.message
        rule_id = ruleID
        message_id = m.id!
        matched_at = row.matchedAt
        platform = m.platform
        kind = m.kind
        account_id = m.accountID
        author_name = m.authorName
        author_handle = m.authorHandle
        text = m.text
        readable = row.readable
    }
}

struct APIListenedItem: Content {
    let id: UUID
    let rule_id: UUID
    let source: ListeningSource
    let feed_id: UUID?
    let url: String?
    let title: String?
    let text: String
    let author_name: String?
    let published_at: Date?
    let fetched_at: Date
    let matched_at: Date

    init(_ item: ListenedItemModel, hit: ListeningItemHitModel) {
        id = item.id!
        rule_id = hit.ruleID
        source = item.source
        feed_id = item.feedID
        url = item.url
        title = item.title
        text = item.text
        author_name = item.authorName
        published_at = item.publishedAt
        fetched_at = item.fetchedAt
        matched_at = hit.matchedAt
    }
}

struct APIListeningAlert: Content {
    let id: UUID
    let rule_id: UUID
    let rule_name: String
    let bucket_start: Date
    let bucket_end: Date
    let count: Int
    let median: Double
    let mad: Double
    let threshold: Double
    /// The formula with its numbers, in Indonesian.
    let explanation: String
    let case_id: UUID?
    let created_at: Date

    init(_ alert: ListeningAlertModel, ruleName: String) {
        id = alert.id!
        rule_id = alert.ruleID
        rule_name = ruleName
        bucket_start = alert.bucketStart
        bucket_end = alert.bucketEnd
        count = alert.count
        median = alert.median
        mad = alert.mad
        threshold = alert.threshold
        explanation = alert.explanation
        case_id = alert.caseID
        created_at = alert.createdAt
    }
}
