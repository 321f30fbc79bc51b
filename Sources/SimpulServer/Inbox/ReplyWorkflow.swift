import Fluent
import Foundation
import SimpulCore
import Vapor

/// Everything a reply goes through between the form and the platform: the route, a WhatsApp
/// template or the free text and its 24-hour window, the collision guard, the compliance gate,
/// the reply row with its findings and audit event, delivery, and the live update. The outcome
/// says what happened; the controller turns it into a page.
enum ReplyWorkflow {
    struct Draft {
        var text: String?
        var overrideReason: String?
        /// The person has seen that someone else replied a moment ago and still sends.
        var confirmedRecent: Bool
        /// A WhatsApp template instead of free text, with its values one per line.
        var templateID: String?
        var parameters: String?
    }

    enum Refusal: Error, Equatable {
        case route(ReplyService.Refusal)
        case templateOutsideWhatsApp
        case unknownTemplate
        case templateParameters(WhatsAppTemplateText.Problem)
        case empty
        case tooLong
        /// Someone (`byViewer`: the person themselves) answered this message `minutes` ago.
        case recentReply(author: String, byViewer: Bool, minutes: Int)
        case gate(SubmissionGate.Problem)
        case blocked

        func message(_ l: L10n) -> String {
            switch self {
            case .route(let refusal): refusal.message(l)
            case .templateOutsideWhatsApp: l.t("Templat hanya untuk pesan WhatsApp.", "Templates are for WhatsApp messages only.")
            case .unknownTemplate: l.t("Templat tidak dikenal atau belum disetujui Meta.", "Unknown template, or not approved by Meta.")
            case .templateParameters(let problem): TemplatesController.problem(problem, l)
            case .empty: l.t("Balasan belum diisi.", "The reply is empty.")
            case .tooLong: l.t("Balasan terlalu panjang (maksimal 2.000 karakter).", "The reply is too long.")
            case .recentReply(let author, let byViewer, let minutes):
                l.t("\(byViewer ? "Anda" : author) sudah membalas pesan ini \(minutes) menit lalu. Baca balasan itu di atas; bila tetap perlu membalas, centang konfirmasi lalu kirim lagi.",
                    "\(byViewer ? "You" : author) replied to this message \(minutes) minutes ago. Read that reply above; if another is still needed, tick the confirmation and send again.")
            case .gate(let problem): problem.message
            case .blocked: l.t("Balasan belum dikirim: ada temuan tingkat blokir. Perbaiki teksnya, atau penyetuju dapat mengirimnya dengan alasan tertulis.",
                               "Not sent: the reply has blocking findings. Fix it, or an approver may send it with a written reason.")
            }
        }
    }

    /// The text to send and, for a template, what the platform is sent instead of the text.
    struct Composed {
        var text: String
        var template: TemplateUse?
    }

    struct TemplateUse {
        var name: String
        var language: String
        var parameters: [String]
    }

    enum Outcome {
        /// Nothing was stored. `findings` are the compliance guard's, when it had its say;
        /// `recent` is the other reply the person should read first.
        case refused(Refusal, findings: [Finding] = [], recent: MessageReplyModel? = nil)
        /// Stored and handed to the platform; the reply's status says whether it went out.
        case attempted(MessageReplyModel)
    }

    static func send(_ draft: Draft, to message: MessageModel, on account: AccountModel, by principal: Principal, req: Request) async throws -> Outcome {
        let route: ReplyService.Route
        do {
            route = try ReplyService.route(for: message)
        } catch let refusal {
            return .refused(.route(refusal))
        }
        let composed: Composed
        switch try await compose(draft, route: route, message: message, tenantID: principal.tenantID, now: req.now, on: req.db) {
        case .failure(let refusal): return .refused(refusal)
        case .success(let value): composed = value
        }
        let text = composed.text
        // Two people answering the same resident at once: the second is asked before sending.
        if !draft.confirmedRecent, let recent = try await ThreadPresence.recentReply(to: message, now: req.now, on: req.db) {
            let minutes = max(1, Int(req.now.timeIntervalSince(recent.createdAt) / 60))
            return .refused(.recentReply(author: recent.authorName, byViewer: recent.userID == principal.userID, minutes: minutes), recent: recent)
        }
        // Replies pass the compliance guard as drafts do: a blocking finding needs an approver's reason.
        let tenantGuard = try await ComplianceService.guardFor(tenantID: principal.tenantID, zone: principal.tenant.zone, now: req.now, on: req.db)
        let findings = tenantGuard.check(text)
        let decision: SubmissionGate.Decision
        do {
            decision = try SubmissionGate.decide(findings: findings, overrideReason: draft.overrideReason,
                                                 mayOverride: principal.scope.allows(.overrideCompliance, on: account.unitID))
        } catch let problem {
            return .refused(.gate(problem), findings: findings)
        }
        if case .blocked = decision { return .refused(.blocked, findings: findings) }
        let overrideReason: String? = if case .overridden(_, let reason) = decision { reason } else { nil }

        let reply = MessageReplyModel()
        reply.id = UUID()
        reply.tenantID = principal.tenantID
        reply.messageID = message.id!
        reply.userID = principal.userID
        reply.authorName = principal.user.name
        reply.text = text
        reply.status = .failed
        reply.attempts = 0
        reply.overrideReason = overrideReason
        reply.createdAt = req.now
        if let template = composed.template {
            reply.templateName = template.name
            reply.templateLanguage = template.language
            reply.templateParameters = JSONText(template.parameters)
        }
        // The reply row exists before the platform is called, so a send that dies half-way is
        // still visible and can be retried.
        try await req.db.transaction { db in
            try await reply.create(on: db)
            try await ComplianceService.record(findings, source: .reply, sourceID: reply.id!, tenantID: principal.tenantID, accountID: account.id,
                                               unitID: account.unitID, excerpt: text, at: req.now, on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: overrideReason == nil ? .inboxReply : .inboxReplyOverride,
                                     targetType: .message, targetID: message.id, label: String(text.prefix(120)),
                                     after: overrideReason.map { ["reason": $0] })
        }
        try await ReplyService.deliver(reply, message: message, account: account, route: route, app: req.application, l: req.l10n, now: req.now, on: req.db)
        try await InboxEvents.publish([InboxEvent(tenant: principal.tenantID, message: message.id!, unit: account.unitID, change: "updated")],
                                      app: req.application, on: req.db)
        return .attempted(reply)
    }

    /// The text to send: a filled-in approved WhatsApp template (allowed inside the 24-hour
    /// window too), or free text within its length and, for direct messages, its window.
    static func compose(_ draft: Draft, route: ReplyService.Route, message: MessageModel, tenantID: UUID, now: Date,
                        on db: Database) async throws -> Result<Composed, Refusal> {
        guard let templateID = draft.templateID.nonEmpty else {
            let text = draft.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !text.isEmpty else { return .failure(.empty) }
            guard text.count <= ReplyService.maxText else { return .failure(.tooLong) }
            guard try await ReplyService.windowOpen(message, now: now, on: db) else { return .failure(.route(.windowClosed)) }
            return .success(Composed(text: text, template: nil))
        }
        guard case .whatsapp = route else { return .failure(.templateOutsideWhatsApp) }
        guard let id = UUID(uuidString: templateID),
              let chosen = try await WhatsAppTemplateModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == id).first(),
              chosen.approved else {
            return .failure(.unknownTemplate)
        }
        // "\r\n" is one Character in Swift, so lines are split on line breaks of any kind.
        var values = (draft.parameters ?? "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while values.last?.trimmingWhitespace.isEmpty == true { values.removeLast() }
        do {
            try WhatsAppTemplateText.validate(parameters: values, for: chosen.body)
        } catch let problem {
            return .failure(.templateParameters(problem))
        }
        return .success(Composed(text: WhatsAppTemplateText.render(chosen.body, parameters: values),
                                 template: TemplateUse(name: chosen.name, language: chosen.language, parameters: values)))
    }
}
