import Fluent
import Foundation
import SimpulCore
import Vapor

/// Approval, scheduling and the variants of a content item: which accounts it goes to, and
/// what each one posts.
enum ContentWorkflowController {
    static func register(_ routes: RouteCatalog) {
        routes.add(SiteRoute.addVariant, addVariant)
        routes.add(SiteRoute.updateVariant, updateVariant)
        routes.add(SiteRoute.deleteVariant, deleteVariant)
        routes.add(SiteRoute.approveContent) { req in
            try await move(req, need: .approveContent) { _ in .approve }
        }
        routes.add(SiteRoute.rejectContent) { req in
            try await move(req, need: .approveContent) { req in .reject(comment: try req.content.decode(CommentInput.self).comment ?? "") }
        }
        routes.add(SiteRoute.scheduleContent, schedule)
        routes.add(SiteRoute.unscheduleContent) { req in
            try await move(req, need: .manageContent) { _ in .unschedule }
        }
        routes.add(SiteRoute.retryContent) { req in
            try await move(req, need: .manageContent) { _ in .retry }
        }
    }

    struct CommentInput: Content { var comment: String? }

    struct VariantInput: Content {
        var account_id: String?
        var text: String?
        var link: String?
        var hashtags: String?
        var first_comment: String?
        var title: String?
        var override_reason: String?
        var media_ids: [String]?
    }

    struct ScheduleInput: Content {
        var date: String?
        var time: String?
        var now: String?
    }

    /// Platforms Simpul publishes to today (Instagram: one image from the media library).
    /// YouTube and TikTok need video publishing; WhatsApp broadcasts need templates.
    static let publishable: Set<Platform> = [.facebook, .x, .instagram, .tiktok, .youtube]

    static func move(_ req: Request, need: Permission, _ action: (Request) throws -> WorkflowAction) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await ContentController.load(req, principal, need: need)
        let l = req.l10n
        let wanted = try action(req)
        switch try await ContentTransitions.apply(wanted, to: item, principal: principal, req: req) {
        case .failure(let denial):
            let status: HTTPResponseStatus = if case .commentRequired = denial { .unprocessableEntity } else { .conflict }
            return try await ContentController.show(req, principal, item, status: status, notice: l.denial(denial))
        case .success(let transition):
            let flash = switch (wanted, transition.item.status) {
            case (.approve, .approved): l.t("Konten disetujui. Jadwalkan terbitnya.", "Approved. Schedule it now.")
            case (.approve, _): l.t("Langkah persetujuan Anda tercatat; konten menunggu langkah berikutnya.", "Your approval step is recorded; the next step is waiting.")
            case (.reject, _): l.t("Konten ditolak; penulis melihat alasan Anda.", "Rejected; the writer sees your reason.")
            case (.unschedule, _): l.t("Jadwal dibatalkan.", "Schedule cancelled.")
            case (.retry, _): l.t("Konten dijadwalkan ulang untuk terbit sekarang.", "Rescheduled to publish now.")
            default: l.t("Tersimpan.", "Saved.")
            }
            return .seeOther(SiteRoute.contentItem(item.id!).path, flash: flash)
        }
    }

    static func schedule(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await ContentController.load(req, principal, need: .manageContent)
        let l = req.l10n
        let input = try req.content.decode(ScheduleInput.self)
        let when: ContentScheduling.When = input.now != nil ? .now : .local(date: input.date ?? "", time: input.time ?? "")
        switch try await ContentScheduling.schedule(item, when, principal: principal, req: req) {
        case .failure(let refusal):
            return try await ContentController.show(req, principal, item, status: refusal.status, schedule: input, notice: refusal.message(l))
        case .success(let transition):
            let when = transition.item.scheduledAt.map(l.dateTime) ?? ""
            return .seeOther(SiteRoute.contentItem(item.id!).path, flash: l.t("Dijadwalkan terbit \(when).", "Scheduled for \(when)."))
        }
    }

    /// The accounts a person may target from content: active, on a platform Simpul publishes
    /// to, in units where they manage content.
    static func targetAccounts(_ principal: Principal, on db: Database) async throws -> [AccountModel] {
        let units = principal.scope.units(with: .manageContent)
        return try await AccountModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$active == true)
            .filter(\.$unitID ~~ Array(units)).filter(\.$platform ~~ Array(publishable)).sort(\.$handle).all()
    }

    static func addVariant(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await ContentController.load(req, principal, need: .manageContent)
        let input = try req.content.decode(VariantInput.self)
        let l = req.l10n
        var errors = FieldErrors()
        let accounts = try await targetAccounts(principal, on: req.db)
        let account = UUID(uuidString: input.account_id ?? "").flatMap { id in accounts.first { $0.id == id } }
        if (input.account_id ?? "").isEmpty { errors.add("account_id", .required) } else if account == nil { errors.add("account_id", .invalidChoice) }
        let existing = try await VariantQueries.variants(of: item, on: req.db)
        if let account, existing.contains(where: { $0.accountID == account.id }) { errors.add("account_id", .duplicate) }
        let fields = VariantFields.check(text: input.text, link: input.link, hashtags: input.hashtags, firstComment: input.first_comment, title: input.title)
        if case .failure(let box) = fields { errors.merge(box.errors) }
        let media = try await chosenMedia(input, principal: principal, on: req.db, errors: &errors)
        guard errors.isEmpty, let account, case .success(let valid) = fields else {
            return try await ContentController.show(req, principal, item, status: .unprocessableEntity, variantInput: input, variantErrors: errors)
        }
        let variant = ContentVariantModel()
        variant.id = UUID()
        variant.tenantID = principal.tenantID
        variant.itemID = item.id!
        variant.accountID = account.id!
        variant.status = .pending
        variant.createdAt = req.now
        apply(valid, to: variant, now: req.now)
        variant.mediaIDs = media
        let actor = req.auditActor(principal)
        return try await ContentController.change(item, principal: principal, req: req, overrideReason: input.override_reason,
                                                  done: l.t("Akun tujuan ditambahkan.", "Target account added."), variants: existing + [variant]) { db in
            try await variant.create(on: db)
            try await Auditor.record(actor, on: db, action: .contentVariantAdd, targetType: .content, targetID: item.id, label: item.title,
                                     after: ["account": account.handle, "platform": account.platform.rawValue])
        }
    }

    static func updateVariant(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await ContentController.load(req, principal, need: .manageContent)
        let variants = try await VariantQueries.variants(of: item, on: req.db)
        guard let variantID = req.parameters.get("variantID", as: UUID.self), let variant = variants.first(where: { $0.id == variantID }) else {
            throw AppError.notFound
        }
        let input = try req.content.decode(VariantInput.self)
        var mediaErrors = FieldErrors()
        let media = try await chosenMedia(input, principal: principal, on: req.db, errors: &mediaErrors)
        switch VariantFields.check(text: input.text, link: input.link, hashtags: input.hashtags, firstComment: input.first_comment, title: input.title) {
        case .failure(let box):
            box.errors.items.forEach { mediaErrors.add($0.field, $0.issue) }
            return try await ContentController.show(req, principal, item, status: .unprocessableEntity, variantInput: input, variantErrors: mediaErrors,
                                                    editingVariant: variantID)
        case .success where !mediaErrors.isEmpty:
            return try await ContentController.show(req, principal, item, status: .unprocessableEntity, variantInput: input, variantErrors: mediaErrors,
                                                    editingVariant: variantID)
        case .success(let valid):
            guard variant.status != .published else {
                return try await ContentController.show(req, principal, item, status: .conflict,
                                                        notice: req.l10n.t("Varian yang sudah terbit tidak dapat diubah.", "A published variant cannot be changed."))
            }
            apply(valid, to: variant, now: req.now)
            variant.mediaIDs = media
            let actor = req.auditActor(principal)
            return try await ContentController.change(item, principal: principal, req: req, overrideReason: input.override_reason,
                                                      done: req.l10n.t("Varian disimpan.", "Variant saved."), variants: variants) { db in
                try await variant.save(on: db)
                try await Auditor.record(actor, on: db, action: .contentVariantUpdate, targetType: .content, targetID: item.id, label: item.title,
                                         after: ["variant": variant.id!.uuidString])
            }
        }
    }

    static func deleteVariant(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await ContentController.load(req, principal, need: .manageContent)
        let variants = try await VariantQueries.variants(of: item, on: req.db)
        guard let variantID = req.parameters.get("variantID", as: UUID.self), let variant = variants.first(where: { $0.id == variantID }) else {
            throw AppError.notFound
        }
        guard variant.status != .published else {
            return try await ContentController.show(req, principal, item, status: .conflict,
                                                    notice: req.l10n.t("Varian yang sudah terbit tidak dapat dihapus.", "A published variant cannot be removed."))
        }
        let actor = req.auditActor(principal)
        let attempts = try await PublishAttemptModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$variantID == variantID).count()
        guard attempts == 0 else {
            return try await ContentController.show(req, principal, item, status: .conflict,
                                                    notice: req.l10n.t("Varian ini sudah pernah dicoba terbitkan; riwayatnya disimpan, jadi tidak dapat dihapus.",
                                                                       "This variant was already tried; its history is kept, so it cannot be removed."))
        }
        return try await ContentController.change(item, principal: principal, req: req, overrideReason: nil,
                                                  done: req.l10n.t("Akun tujuan dihapus.", "Target account removed."),
                                                  variants: variants.filter { $0.id != variantID }) { db in
            try await variant.delete(on: db)
            try await Auditor.record(actor, on: db, action: .contentVariantDelete, targetType: .content, targetID: item.id, label: item.title,
                                     after: ["variant": variantID.uuidString])
        }
    }

    /// The library files ticked for a variant, in the order shown; each must be one the person can see.
    static func chosenMedia(_ input: VariantInput, principal: Principal, on db: Database, errors: inout FieldErrors) async throws -> [UUID] {
        let typed = (input.media_ids ?? []).filter { !$0.isEmpty }
        guard !typed.isEmpty else { return [] }
        let ids = typed.compactMap(UUID.init(uuidString:))
        let visible = Set(try await MediaLibrary.visible(principal, on: db).compactMap(\.id))
        guard ids.count == typed.count, ids.allSatisfy(visible.contains), ids.count <= 10 else {
            errors.add("media_ids", .invalidChoice)
            return []
        }
        var seen = Set<UUID>()
        return ids.filter { seen.insert($0).inserted }
    }

    static func apply(_ fields: VariantFields, to variant: ContentVariantModel, now: Date) {
        variant.text = fields.text
        variant.link = fields.link
        variant.hashtags = fields.hashtags.joined(separator: " ")
        variant.firstComment = fields.firstComment
        variant.title = fields.title
        variant.updatedAt = now
    }
}
