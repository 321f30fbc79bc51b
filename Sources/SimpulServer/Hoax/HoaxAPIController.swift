import Fluent
import Foundation
import SimpulCore
import Vapor

/// /api/v1/hoaxes and /api/v1/hoax-matches: the register's claims and the messages that repeat
/// them. Claims are checked and audited by HoaxRegisterController, as on the register's form.
enum HoaxAPIController {
    struct ClaimBody: Content {
        var title: String?
        var label: String?
        var type: String?
        var claim: String?
        var variants: [String]?
        var explanation: String?
        var sources: [String]?
        var tags: String?
        var claim_date: String?
        var clarification: String?
        var unit_id: String?
        var active: Bool?

        /// The form's input with this body laid over `base`: what is left out keeps its value.
        func input(over base: HoaxRegisterController.ClaimInput) -> HoaxRegisterController.ClaimInput {
            var input = base
            if let title { input.title = title }
            if let label { input.label = label }
            if let type { input.type = type }
            if let claim { input.claim = claim }
            // The form takes one variant or source a line.
            if let variants { input.variants = variants.joined(separator: "\n") }
            if let explanation { input.explanation = explanation }
            if let sources { input.sources = sources.joined(separator: "\n") }
            if let tags { input.tags = tags }
            if let claim_date { input.claim_date = claim_date }
            if let clarification { input.clarification = clarification }
            if let unit_id { input.unit_id = unit_id }
            return input
        }
    }

    static let queryMax = 100

    static func register(_ routes: RouteCatalog) {
        routes.add(.apiHoaxes, list)
        routes.add(.apiCreateHoax) { req in
            let principal = try req.requirePrincipal()
            let body = try req.decodeJSON(ClaimBody.self)
            let claim = try HoaxRegisterController.validate(body.input(over: HoaxRegisterController.ClaimInput()), principal: principal).get()
            let row = try await HoaxRegisterController.record(claim, principal: principal, req: req)
            if body.active == false { try await HoaxRegisterController.save(claim, active: false, to: row, principal: principal, req: req) }
            return try await APIHoaxClaim(row).encodeResponse(status: .created, for: req)
        }
        routes.add(SiteRoute.apiHoax) { req in
            APIHoaxClaim(try await HoaxRegisterController.load(req, try req.requirePrincipal()))
        }
        routes.add(SiteRoute.apiUpdateHoax) { req in
            let principal = try req.requirePrincipal()
            let row = try await HoaxRegisterController.load(req, principal)
            guard principal.scope.allows(.manageHoaxRegister, on: row.unitID) else { throw AppError.forbidden }
            let body = try req.decodeJSON(ClaimBody.self)
            let claim = try HoaxRegisterController.validate(body.input(over: HoaxRegisterController.input(of: row)), principal: principal).get()
            try await HoaxRegisterController.save(claim, active: body.active ?? row.active, to: row, principal: principal, req: req)
            return APIHoaxClaim(row)
        }
        routes.add(.apiHoaxMatches, matches)
    }

    /// Newest first; `q` is matched as on the register page (title, narrative and tags, without
    /// regard to case or accents).
    static func list(_ req: Request) async throws -> APIList<APIHoaxClaim> {
        let principal = try req.requirePrincipal()
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        guard q.count <= queryMax else { throw AppError.badRequest("q") }
        var label: HoaxLabel?
        if let typed = req.query[String.self, at: "label"], !typed.isEmpty {
            guard let value = HoaxLabel(rawValue: typed) else { throw AppError.badRequest("label") }
            label = value
        }
        let request = try PageRequest(req)
        var query = HoaxRegisterController.visible(principal, on: req.db)
        if let label { query = query.filter(\.$label == label) }
        guard !q.isEmpty else {
            let page = try await query.pageNewestFirst(by: \.$createdAt, request) { $0.createdAt }
            return APIList(data: page.items.map(APIHoaxClaim.init), next_cursor: page.next?.token)
        }
        // The text filter folds accents, which the databases do not: the claims after the cursor
        // are read and filtered here, as the register page does.
        let rest = try await query.pageNewestFirst(by: \.$createdAt, PageRequest(limit: 100_000, after: request.after)) { $0.createdAt }.items
        let found = HoaxRegisterController.matching(rest, q: q)
        let items = Array(found.prefix(request.limit))
        let next = found.count > request.limit ? items.last.map { PageCursor(time: $0.createdAt, id: $0.id!) } : nil
        return APIList(data: items.map(APIHoaxClaim.init), next_cursor: next?.token)
    }

    /// Messages that repeat a claim the caller can see, newest first.
    static func matches(_ req: Request) async throws -> APIList<APIHoaxMatch> {
        let principal = try req.requirePrincipal()
        let claims = try await HoaxRegisterController.visible(principal, on: req.db).all()
        var claimIDs = claims.map { $0.id! }
        if let claim = try req.queryUUID("claim") {
            guard claimIDs.contains(claim) else { throw AppError.badRequest("claim") }
            claimIDs = [claim]
        }
        let request = try PageRequest(req)
        guard !claimIDs.isEmpty else { return APIList(data: [], next_cursor: nil) }
        let page = try await HoaxMatchModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$claimID ~~ claimIDs)
            .pageNewestFirst(by: \.$createdAt, request) { $0.createdAt }
        let titles = Dictionary(uniqueKeysWithValues: claims.map { ($0.id!, $0.title) })
        return APIList(data: page.items.map { APIHoaxMatch($0, claimTitle: titles[$0.claimID] ?? "") }, next_cursor: page.next?.token)
    }
}

struct APIHoaxClaim: Content {
    let id: UUID
    let unit_id: UUID
    let title: String
    let label: HoaxLabel
    let type: HoaxType?
    let claim: String
    let variants: [String]
    let explanation: String
    let sources: [String]
    let tags: String
    let claim_date: String?
    let clarification: String?
    let active: Bool
    let created_at: Date
    let updated_at: Date

    init(_ row: HoaxClaimModel) {
        id = row.id!
        unit_id = row.unitID
        title = row.title
        label = row.label
        type = row.type
        claim = row.claim
        variants = row.variants.value
        explanation = row.explanation
        sources = row.sources.value
        tags = row.tags
        claim_date = row.claimDate
        clarification = row.clarification
        active = row.active
        created_at = row.createdAt
        updated_at = row.updatedAt
    }
}

struct APIHoaxMatch: Content {
    let id: UUID
    let claim_id: UUID
    let claim_title: String
    let message_id: UUID
    let score: Double
    let method: HoaxMatchMethod
    /// Only texts that pass the claim on are kept: a refutation is never marked.
    let stance: HoaxStance
    let created_at: Date

    init(_ match: HoaxMatchModel, claimTitle: String) {
        id = match.id!
        claim_id = match.claimID
        claim_title = claimTitle
        message_id = match.messageID
        score = match.score
        method = match.method
        stance = .spreads
        created_at = match.createdAt
    }
}
