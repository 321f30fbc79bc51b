import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// How close a text must be to a registered claim before the inbox marks it "mirip hoaks
/// terdaftar" and the compliance guard warns: one pair of thresholds per tenant, set by the
/// koordinator on the register page.
enum HoaxThresholdsController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.saveHoaxThresholds, save)
    }

    struct Input: Content {
        var near_copy: String?
        var paraphrase: String?
    }

    /// Below 0.3 nearly everything on a topic would match; above 0.95 only exact copies.
    static let range = 0.3...0.95

    /// "0,56" as people write it here, or "0.56".
    static func parse(_ text: String?) -> Double? {
        let cleaned = (text ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard cleaned.count <= 6, let value = Double(cleaned), range.contains(value) else { return nil }
        return (value * 100).rounded() / 100
    }

    static func save(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(Input.self)
        let l = req.l10n
        guard let nearCopy = parse(input.near_copy), let paraphrase = parse(input.paraphrase) else {
            let message = l.t("Ambang diisi angka 0,30 sampai 0,95, misalnya 0,56.", "Thresholds are numbers from 0.30 to 0.95, e.g. 0.56.")
            return try await HoaxRegisterController.list(req, thresholds: input, thresholdError: message).response(.unprocessableEntity)
        }
        let settings = try await ListeningSettingsModel.current(tenantID: principal.tenantID, at: req.now, on: req.db)
        let before = ["near_copy": String(settings.hoaxNearCopyThreshold), "paraphrase": String(settings.hoaxParaphraseThreshold)]
        if settings.id == nil { settings.id = UUID() }
        settings.hoaxNearCopyThreshold = nearCopy
        settings.hoaxParaphraseThreshold = paraphrase
        settings.updatedAt = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await settings.save(on: db)
            try await Auditor.record(actor, on: db, action: .hoaxThresholdsUpdate, targetType: .listeningSearch, targetID: settings.id,
                                     label: l.t("Ambang pencocokan hoaks", "Hoax matching thresholds"), before: before,
                                     after: ["near_copy": String(nearCopy), "paraphrase": String(paraphrase)])
        }
        return .seeOther(SiteRoute.hoaxes.path, flash: l.t("Ambang pencocokan disimpan; berlaku untuk pesan dan draf berikutnya.",
                                                         "Matching thresholds saved; they apply to the next messages and drafts."))
    }
}
