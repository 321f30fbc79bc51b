import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Kepatuhan: the text checker, the findings list and the review of one finding.
enum ComplianceController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.checker) { req in
            CompliancePages.checker(PageContext(req), text: "", result: nil, error: nil)
        }
        routes.add(.check, check)
        routes.add(.findings, list)
        routes.add(.findingsCSV, exportCSV)
        routes.add(SiteRoute.finding) { req in
            let principal = try req.requirePrincipal()
            let finding = try await FindingQueries.load(req, principal: principal)
            return try await detail(req, principal, finding, errors: FieldErrors(), input: (nil, nil))
        }
        routes.add(SiteRoute.reviewFinding, review)
    }

    struct CheckInput: Content {
        var text: String?
    }

    struct CheckResult {
        var findings: [Finding]
        var plainLanguage: PlainLanguageReport
    }

    /// Checks a text with the person's tenant guard, as a draft would be checked.
    static func run(_ text: String, principal: Principal, req: Request) async throws -> CheckResult {
        let tenantGuard = try await ComplianceService.guardFor(tenantID: principal.tenantID, zone: principal.tenant.zone, now: req.now, on: req.db)
        return CheckResult(findings: tenantGuard.check(text),
                           plainLanguage: PlainLanguage.assess(text, analyzer: tenantGuard.engine.analyzer))
    }

    static func check(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let text = try req.content.decode(CheckInput.self).text ?? ""
        if let problem = TextInputProblem.check(text) {
            return CompliancePages.checker(PageContext(req), text: text, result: nil, error: problem.message).response(.unprocessableEntity)
        }
        let result = try await run(text, principal: principal, req: req)
        return CompliancePages.checker(PageContext(req), text: text, result: result, error: nil).response(.ok)
    }

    static func list(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let filter = try req.query.decode(FindingFilter.self)
        let parsed = try filter.parsed(principal)
        let page = try await FindingQueries.page(parsed, tenantID: principal.tenantID, request: try PageRequest(req), on: req.db)
        let total = try await FindingQueries.filtered(parsed, tenantID: principal.tenantID, on: req.db).count()
        let accounts = try await FindingQueries.accountNames(page.items, tenantID: principal.tenantID, on: req.db)
        let packs = try await ComplianceService.packStates(tenantID: principal.tenantID, zone: principal.tenant.zone, now: req.now, on: req.db)
        let next = page.next.map { SiteRoute.findings.path + "?" + query(filter, cursor: $0.token) }
        // Findings name staff accounts (drafts name none), so those are the ones to filter by.
        let staffAccounts = try await AccountModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$kind == .staff)
            .filter(\.$unitID ~~ Array(principal.scope.units(with: .viewFindings))).sort(\.$handle).all()
            .map { ($0.id!, "\($0.platform.displayName) @\($0.handle)") }
        let units = principal.scope.tree.flattened().filter { parsedVisible(principal, $0.unit.id) }
            .map { ($0.unit.id, String(repeating: "  ", count: $0.depth) + $0.unit.name) }
        return CompliancePages.findings(PageContext(req), .init(findings: page.items, total: total, csv: SiteRoute.findingsCSV.path + "?" + query(filter, cursor: nil),
                                                                accounts: accounts, filter: filter, units: units, staffAccounts: staffAccounts,
                                                                packs: packs.map { ($0.id, $0.name) }, next: next))
    }

    /// The filter as a query string, for the next page and the CSV link.
    static func query(_ filter: FindingFilter, cursor: String?) -> String {
        var components = URLComponents()
        components.queryItems = [("unit", filter.unit), ("account", filter.account), ("pack", filter.pack), ("severity", filter.severity),
                                 ("status", filter.status), ("cursor", cursor)]
            .compactMap { name, value in value.nonEmpty.map { URLQueryItem(name: name, value: $0) } }
        return components.percentEncodedQuery ?? ""
    }

    static let csvLimit = 10_000

    /// The filtered findings as CSV, newest first, at most `csvLimit` rows.
    static func exportCSV(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let parsed = try req.query.decode(FindingFilter.self).parsed(principal)
        let findings = try await FindingQueries.filtered(parsed, tenantID: principal.tenantID, on: req.db)
            .sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(csvLimit).all()
        let accounts = try await FindingQueries.accountNames(findings, tenantID: principal.tenantID, on: req.db)
        let l = req.l10n
        var lines = [["waktu", "sumber", "unit", "akun", "paket", "aturan", "tingkat", "status", "cuplikan", "kata_cocok", "catatan"].joined(separator: ",")]
        for finding in findings {
            let cells = [l.dateTime(finding.createdAt), CompliancePages.sourceLabel(finding, l),
                         finding.unitID.flatMap { principal.scope.tree.units[$0]?.name } ?? "",
                         finding.accountID.flatMap { accounts[$0] } ?? "", finding.packID, finding.ruleID, finding.severity.rawValue,
                         finding.status.rawValue, finding.excerpt, finding.matched, finding.reviewNote ?? ""]
            lines.append(cells.map(CSVWriter.escape).joined(separator: ","))
        }
        let response = Response(status: .ok, body: .init(string: lines.joined(separator: "\r\n") + "\r\n"))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "temuan-kepatuhan.csv")
        return response
    }

    private static func parsedVisible(_ principal: Principal, _ unitID: UUID) -> Bool {
        principal.scope.allows(.viewFindings, on: unitID)
    }

    static func detail(_ req: Request, _ principal: Principal, _ finding: FindingModel, errors: FieldErrors,
                       input: (status: String?, note: String?)) async throws -> Response {
        let accounts = try await FindingQueries.accountNames([finding], tenantID: principal.tenantID, on: req.db)
        let unitName = finding.unitID.flatMap { principal.scope.tree.units[$0]?.name }
        let canReview = finding.unitID.map { principal.scope.allows(.reviewFindings, on: $0) } ?? false
        let html = CompliancePages.finding(PageContext(req), .init(finding: finding, account: finding.accountID.flatMap { accounts[$0] }, unit: unitName,
                                                                   canReview: canReview, errors: errors, input: input))
        return html.response(errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct ReviewInput: Content {
        var status: String?
        var note: String?
    }

    static func review(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let finding = try await FindingQueries.load(req, principal: principal)
        guard let unitID = finding.unitID, principal.scope.allows(.reviewFindings, on: unitID) else { throw AppError.forbidden }
        let input = try req.content.decode(ReviewInput.self)
        switch FindingQueries.parseReview(status: input.status, note: input.note) {
        case .failure(let box):
            return try await detail(req, principal, finding, errors: box.errors, input: (input.status, input.note))
        case .success(let review):
            try await FindingQueries.review(finding, review, principal: principal, req: req)
            let l = req.l10n
            let message = review.status == .falsePositive
                ? l.t("Temuan ditandai bukan pelanggaran; kata yang sama tidak lagi memicu aturan ini.",
                      "Marked as a false positive; the same words no longer trigger this rule.")
                : l.t("Tinjauan temuan disimpan.", "Review saved.")
            return .seeOther(SiteRoute.finding(finding.id!).path, flash: message)
        }
    }
}
