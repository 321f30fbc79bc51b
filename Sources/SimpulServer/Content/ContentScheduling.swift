import Foundation
import SimpulCore
import Vapor

/// Scheduling an approved item: when it goes out (now, or a local date and time in the
/// tenant's zone), whether every variant is ready for its platform, and the transition itself.
/// The controller turns the outcome into a page.
enum ContentScheduling {
    enum When {
        case now
        case local(date: String, time: String)
    }

    enum Refusal: Error, Equatable {
        case unreadableTime
        case noVariants
        case variantsBreakRules
        case denied(WorkflowDenial)

        func message(_ l: L10n) -> String {
            switch self {
            case .unreadableTime: l.t("Tanggal atau jam terbit tidak dikenali (contoh: 2026-11-25 dan 09.00).", "Date or time not recognised (e.g. 2026-11-25 and 09:00).")
            case .noVariants: l.t("Tambahkan minimal satu akun tujuan sebelum menjadwalkan.", "Add at least one target account before scheduling.")
            case .variantsBreakRules: l.t("Ada varian yang belum memenuhi aturan platformnya; perbaiki yang ditandai di bawah.",
                                          "Some variants break their platform's rules; fix those marked below.")
            case .denied(let denial): l.denial(denial)
            }
        }

        /// A denial by the workflow other than a time in the past is a conflict with the
        /// item's state, not bad input.
        var status: HTTPResponseStatus {
            if case .denied(let denial) = self, denial != .inThePast { return .conflict }
            return .unprocessableEntity
        }
    }

    static func schedule(_ item: ContentItemModel, _ when: When, principal: Principal, req: Request) async throws -> Result<WorkflowTransition, Refusal> {
        let at: Date
        switch when {
        case .now: at = req.now
        case .local(let date, let time):
            guard let parsed = LocalTime.instant(date: date, time: time, zone: principal.tenant.zone) else { return .failure(.unreadableTime) }
            at = parsed
        }
        let check = try await ContentTransitions.problems(of: item, at: at, on: req.db)
        if check.noVariants { return .failure(.noVariants) }
        if !check.problems.isEmpty { return .failure(.variantsBreakRules) }
        return try await ContentTransitions.apply(.schedule(at: at), to: item, principal: principal, req: req).mapError { .denied($0) }
    }
}
