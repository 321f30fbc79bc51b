import Fluent
import Foundation
import SimpulCore
import Vapor

/// /api/v1/compliance: check a text; list and review findings.
enum ComplianceAPI {
    struct CheckBody: Content {
        var text: String?
    }

    struct APISpan: Content {
        let start: Int
        let end: Int
        let text: String
    }

    struct APIFinding: Content {
        let pack: String
        let pack_name: String
        let rule: String
        let title: String
        let severity: String
        let explanation: String
        let matched: String
        let spans: [APISpan]
    }

    struct APIReason: Content {
        let code: String
        let message: String
        let penalty: Int
    }

    struct APIPlainLanguage: Content {
        let score: Int
        let level: String
        let sentences: Int
        let words: Int
        let average_sentence_length: Double
        let long_words: Int
        let passive_verbs: Int
        let reasons: [APIReason]
    }

    struct APICheckResult: Content {
        let blocked: Bool
        let findings: [APIFinding]
        let plain_language: APIPlainLanguage
    }

    struct APIStoredFinding: Content {
        let id: UUID
        let source: FindingSource
        let source_id: UUID
        let account_id: UUID?
        let unit_id: UUID?
        let pack: String
        let rule: String
        let title: String
        let severity: Severity
        let status: FindingStatus
        let explanation: String
        let excerpt: String
        let matched: String
        let spans: [APISpan]
        let review_note: String?
        let reviewed_at: Date?
        let created_at: Date

        init(_ finding: FindingModel) {
            id = finding.id!
            source = finding.source
            source_id = finding.sourceID
            account_id = finding.accountID
            unit_id = finding.unitID
            pack = finding.packID
            rule = finding.ruleID
            title = finding.ruleTitle
            severity = finding.severity
            status = finding.status
            explanation = finding.explanation
            excerpt = finding.excerpt
            matched = finding.matched
            spans = finding.spans.value.map { APISpan(start: $0.start, end: $0.end, text: finding.excerpt.excerpt($0)) }
            review_note = finding.reviewNote
            reviewed_at = finding.reviewedAt
            created_at = finding.createdAt
        }
    }

    struct ReviewBody: Content {
        var status: String?
        var note: String?
    }

    static func register(_ routes: RouteCatalog) {
        routes.add(.apiCheck) { req in
            let principal = try req.requirePrincipal()
            let text = try req.decodeJSON(CheckBody.self).text ?? ""
            if let problem = TextInputProblem.check(text) {
                var errors = FieldErrors()
                switch problem {
                case .empty: errors.add("text", .required)
                case .tooLong(let limit): errors.add("text", .tooLong(max: limit))
                }
                throw AppError.invalid(errors)
            }
            let result = try await ComplianceController.run(text, principal: principal, req: req)
            let report = result.plainLanguage
            return APICheckResult(
                blocked: result.findings.contains { $0.severity == .block },
                findings: result.findings.map { finding in
                    APIFinding(pack: finding.packID, pack_name: finding.packName, rule: finding.ruleID, title: finding.ruleTitle,
                               severity: finding.severity.rawValue, explanation: finding.explanation, matched: finding.matched,
                               spans: finding.spans.map { APISpan(start: $0.start, end: $0.end, text: text.excerpt($0)) })
                },
                plain_language: APIPlainLanguage(
                    score: report.score, level: report.level.rawValue, sentences: report.sentences, words: report.words,
                    average_sentence_length: (report.averageSentenceLength * 10).rounded() / 10, long_words: report.longWords,
                    passive_verbs: report.passiveVerbs, reasons: report.reasons.map { APIReason(code: $0.code, message: $0.message, penalty: $0.penalty) }))
        }
        routes.add(.apiFindings) { req in
            let principal = try req.requirePrincipal()
            let filter = try req.query.decode(FindingFilter.self).parsed(principal)
            let page = try await FindingQueries.page(filter, tenantID: principal.tenantID, request: try PageRequest(req), on: req.db)
            return APIList(data: page.items.map(APIStoredFinding.init), next_cursor: page.next?.token)
        }
        routes.add(SiteRoute.apiFinding) { req in
            APIStoredFinding(try await FindingQueries.load(req, principal: try req.requirePrincipal()))
        }
        routes.add(SiteRoute.apiReviewFinding) { req in
            let principal = try req.requirePrincipal()
            let finding = try await FindingQueries.load(req, principal: principal)
            guard let unitID = finding.unitID, principal.scope.allows(.reviewFindings, on: unitID) else { throw AppError.forbidden }
            let body = try req.decodeJSON(ReviewBody.self)
            let review = try FindingQueries.parseReview(status: body.status, note: body.note).get()
            try await FindingQueries.review(finding, review, principal: principal, req: req)
            return APIStoredFinding(finding)
        }
    }
}
