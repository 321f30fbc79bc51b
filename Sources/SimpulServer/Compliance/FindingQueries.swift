import Fluent
import SQLKit
import Foundation
import SimpulCore
import Vapor

/// The findings list's filters, as typed in the page's query string or the API's.
struct FindingFilter: Content {
    var unit: String?
    var account: String?
    var pack: String?
    var severity: String?
    var status: String?

    struct Parsed {
        var unitIDs: Set<UUID>
        var accountID: UUID?
        var pack: String?
        var severity: Severity?
        var status: FindingStatus?
    }

    /// The filter within what the person may see; a value that is not one of the choices is a 400.
    func parsed(_ principal: Principal) throws -> Parsed {
        let visible = principal.scope.units(with: .viewFindings)
        var units = visible
        if let unit = unit.nonEmpty {
            guard let id = UUID(uuidString: unit), visible.contains(id) else { throw AppError.badRequest("unit") }
            units = principal.scope.tree.subtree(of: id).intersection(visible)
        }
        var accountID: UUID?
        if let account = account.nonEmpty {
            guard let id = UUID(uuidString: account) else { throw AppError.badRequest("account") }
            accountID = id
        }
        var severityValue: Severity?
        if let severity = severity.nonEmpty {
            guard let value = Severity(rawValue: severity) else { throw AppError.badRequest("severity") }
            severityValue = value
        }
        var statusValue: FindingStatus?
        if let status = status.nonEmpty {
            guard let value = FindingStatus(rawValue: status) else { throw AppError.badRequest("status") }
            statusValue = value
        }
        if let pack = pack.nonEmpty, pack.count > 80 { throw AppError.badRequest("pack") }
        return Parsed(unitIDs: units, accountID: accountID, pack: pack.nonEmpty, severity: severityValue, status: statusValue)
    }
}

extension Optional where Wrapped == String {
    /// The trimmed value, nil when absent or blank.
    var nonEmpty: String? {
        guard let value = self?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}

enum FindingQueries {
    static func filtered(_ filter: FindingFilter.Parsed, tenantID: UUID, on db: Database) -> QueryBuilder<FindingModel> {
        var query = FindingModel.query(on: db)
            .filter(\.$tenantID == tenantID)
            .filter(\.$unitID ~~ Array(filter.unitIDs))
        if let account = filter.accountID { query = query.filter(\.$accountID == account) }
        if let pack = filter.pack { query = query.filter(\.$packID == pack) }
        if let severity = filter.severity { query = query.filter(\.$severity == severity) }
        if let status = filter.status { query = query.filter(\.$status == status) }
        return query
    }

    /// Newest first, keyset-paged on (created_at, id).
    static func page(_ filter: FindingFilter.Parsed, tenantID: UUID, request: PageRequest, on db: Database) async throws -> Page<FindingModel> {
        var query = filtered(filter, tenantID: tenantID, on: db)
        if let after = request.after {
            let (lower, upper) = try after.timeWindow()
            query = query.group(.or) { group in
                group.filter(\.$createdAt < lower)
                group.group(.and) { same in
                    same.filter(\.$createdAt <= upper)
                    same.filter(\.$id < after.id)
                }
            }
        }
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(request.limit + 1).all()
        let items = Array(rows.prefix(request.limit))
        let next = rows.count > request.limit
            ? items.last.map { PageCursor(time: $0.createdAt, id: $0.id!) } : nil
        return Page(items: items, next: next)
    }

    /// A finding the person may see; 404 otherwise.
    static func load(_ req: Request, principal: Principal) async throws -> FindingModel {
        guard let id = req.parameters.get("findingID", as: UUID.self),
              let finding = try await FindingModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              let unitID = finding.unitID, principal.scope.allows(.viewFindings, on: unitID) else {
            throw AppError.notFound
        }
        return finding
    }

    static func accountNames(_ findings: [FindingModel], tenantID: UUID, on db: Database) async throws -> [UUID: String] {
        let ids = Set(findings.compactMap(\.accountID))
        guard !ids.isEmpty else { return [:] }
        let accounts = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: accounts.map { ($0.id!, "\($0.platform.displayName) @\($0.handle)") })
    }

    struct Review {
        var status: FindingStatus
        var note: String?
    }

    static let maxNote = 2_000

    /// Records a review; a false positive also joins the tenant's allow-list, so the same words
    /// no longer trip that rule.
    static func review(_ finding: FindingModel, _ review: Review, principal: Principal, req: Request) async throws {
        let before = finding.status
        try await req.db.transaction { db in
            finding.status = review.status
            finding.reviewNote = review.note
            finding.reviewedBy = principal.userID
            finding.reviewedAt = req.now
            try await finding.save(on: db)
            if review.status == .falsePositive {
                try await (try db.sql).insert(into: AllowListModel.schema)
                    .columns("tenant_id", "id", "rule_id", "matched", "finding_id", "created_by", "created_at")
                    .values(SQLBind(principal.tenantID), SQLBind(UUID()), SQLBind(finding.ruleID), SQLBind(finding.matched),
                            SQLBind(finding.id!), SQLBind(principal.userID), SQLBind(req.now))
                    .ignoringConflicts(with: ["tenant_id", "rule_id", "matched"])
                    .run()
            }
            try await Auditor.record(req.auditActor(principal), on: db, action: .findingReview, targetType: .finding, targetID: finding.id,
                                     label: finding.ruleTitle, before: ["status": before.rawValue],
                                     after: ["status": review.status.rawValue, "note": review.note ?? ""])
        }
    }

    static func parseReview(status: String?, note: String?) -> Result<Review, FieldErrorsBox> {
        var errors = FieldErrors()
        let parsed = status.nonEmpty.flatMap(FindingStatus.init(rawValue:))
        if parsed == nil { errors.add("status", status.nonEmpty == nil ? .required : .invalidChoice) }
        let trimmed = note.nonEmpty
        if let trimmed, trimmed.count > maxNote { errors.add("note", .tooLong(max: maxNote)) }
        if parsed == .falsePositive || parsed == .escalated, trimmed == nil { errors.add("note", .required) }
        guard let parsed, errors.isEmpty else { return .failure(FieldErrorsBox(errors)) }
        return .success(Review(status: parsed, note: trimmed))
    }
}
