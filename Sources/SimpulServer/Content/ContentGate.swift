import Fluent
import Foundation
import SimpulCore
import Vapor

/// The compliance guard in front of review: on submission and on every later change to what
/// will be published (the item's text and each variant's own text), run over all of it.
enum ContentGate {
    enum Outcome {
        case go(findings: [Finding], overrideReason: String?)
        case refused(String)
    }

    /// Everything the item will publish, in one text: what the guard reads.
    static func text(of item: ContentItemModel, variants: [ContentVariantModel]) -> String {
        ([item.title, item.body] + variants.flatMap { [$0.text, $0.firstComment, $0.title].compactMap { $0 } }).joined(separator: "\n")
    }

    static func check(_ item: ContentItemModel, variants: [ContentVariantModel], principal: Principal, req: Request,
                      overrideReason: String?) async throws -> Outcome {
        let l = req.l10n
        let checked = try await ComplianceController.run(text(of: item, variants: variants), principal: principal, req: req)
        do {
            switch try SubmissionGate.decide(findings: checked.findings, overrideReason: overrideReason,
                                             mayOverride: principal.scope.allows(.overrideCompliance, on: item.unitID)) {
            case .clear: return .go(findings: checked.findings, overrideReason: nil)
            case .overridden(_, let reason): return .go(findings: checked.findings, overrideReason: reason)
            case .blocked:
                return .refused(l.t("Konten belum dapat diajukan: ada temuan tingkat blokir. Perbaiki teksnya, atau penyetuju dapat mengajukan dengan alasan tertulis.",
                                    "The content cannot go to review: it has blocking findings. Fix the text, or an approver may submit it with a written reason."))
            }
        } catch {
            return .refused(error.message)
        }
    }

    /// Keeps the findings and, for an override, who gave which reason.
    static func record(_ findings: [Finding], overrideReason: String?, item: ContentItemModel, variants: [ContentVariantModel],
                       principal: Principal, req: Request, on db: Database) async throws {
        try await ComplianceService.record(findings, source: .draft, sourceID: item.id!, tenantID: principal.tenantID, accountID: nil,
                                           unitID: item.unitID, excerpt: text(of: item, variants: variants), at: req.now, on: db)
        guard let overrideReason else { return }
        item.overrideReason = overrideReason
        item.overrideBy = principal.userID
        try await item.save(on: db)
        try await Auditor.record(req.auditActor(principal), on: db, action: .contentOverride, targetType: .content, targetID: item.id,
                                 label: item.title, after: ["reason": overrideReason,
                                                            "rules": findings.filter { $0.severity == .block }.map(\.ruleID).joined(separator: ", ")])
    }
}
