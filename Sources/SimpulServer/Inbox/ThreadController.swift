import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// One message in the inbox with its context: the post it answers, the conversation, what the
/// same person wrote before, the team's internal notes, and the replies sent from Simpul.
enum ThreadController {
    static func register(_ routes: RouteCatalog) {
        routes.add(SiteRoute.thread) { req in
            let principal = try req.requirePrincipal()
            let (message, account) = try await load(req, principal, need: .viewInbox)
            // "?template=<id>" starts the reply from a saved reply, its variables filled in.
            var draft: String?
            if let id = req.query[UUID.self, at: "template"],
               let saved = try await SavedRepliesController.applicable(to: account.unitID, principal: principal, on: req.db).first(where: { $0.id == id }) {
                draft = SavedReplyTemplate.render(saved.body, values: [
                    "nama": message.authorName ?? message.authorHandle ?? "Bapak/Ibu",
                    "unit": principal.scope.tree.units[account.unitID]?.name ?? "",
                    "akun": account.displayName,
                ])
            }
            // "?clarify=<claim>" starts the reply from a matched claim's approved clarification;
            // it is checked by the compliance guard when sent, like any reply.
            if let id = req.query[UUID.self, at: "clarify"],
               let found = try await HoaxWatch.claims(for: message.id!, tenantID: principal.tenantID, on: req.db).first(where: { $0.claim.id == id }) {
                draft = found.claim.clarification
            }
            return try await show(req, principal, message, account, status: .ok, draft: draft)
        }
        routes.add(SiteRoute.addNote, addNote)
        routes.add(SiteRoute.reply, reply)
        routes.add(SiteRoute.retryReply, retry)
    }

    /// A message on an account the person may see (404 otherwise), and 403 without `need` there.
    static func load(_ req: Request, _ principal: Principal, need: Permission) async throws -> (MessageModel, AccountModel) {
        try await load(req.parameters.get("messageID", as: UUID.self), principal, need: need, on: req.db)
    }

    static func load(_ id: UUID?, _ principal: Principal, need: Permission, on db: Database) async throws -> (MessageModel, AccountModel) {
        guard let id,
              let message = try await MessageModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              let accountID = message.accountID,
              let account = try await AccountModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id == accountID).first() else {
            throw AppError.notFound
        }
        // A war-room case lends sight of its linked messages to the units it involves.
        if need == .viewInbox, !principal.scope.allows(.viewInbox, on: account.unitID),
           try await CaseQueries.lendsSight(of: message.id!, to: principal, on: db) {
            return (message, account)
        }
        try principal.require(need, on: account.unitID, visibleWith: .viewInbox)
        return (message, account)
    }

    struct Context {
        var parent: MessageModel?
        var conversation: [MessageModel]
        var earlier: [MessageModel]
        var notes: [MessageNoteModel]
        var replies: [MessageReplyModel]
        var tags: [String]
    }

    /// The message's surroundings as far as `principal` may see them: the parent post, the
    /// conversation and the sender's earlier messages only on accounts of the viewer's inbox
    /// units. A WhatsApp number or a Facebook user links messages across units: a resident's
    /// chat with one unit must not appear on the page of the unit it complains about.
    static func context(of message: MessageModel, for principal: Principal, on db: Database) async throws -> Context {
        let tenantID = message.tenantID
        let visible = try await AccountQueries.facts(tenantID: tenantID, units: principal.scope.units(with: .viewInbox), on: db).map(\.id)
        func mine() -> QueryBuilder<MessageModel> {
            MessageModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$accountID ~~ visible).filter(\.$platform == message.platform)
        }
        var parent: MessageModel?
        if let ref = message.parentRef {
            parent = try await mine().filter(\.$externalID == ref).first()
        }
        var conversation: [MessageModel] = []
        if let thread = message.threadRef {
            conversation = try await mine().filter(\.$threadRef == thread).filter(\.$kind ~~ Array(Inbox.kinds)).sort(\.$receivedAt).limit(50).all()
        }
        var earlier: [MessageModel] = []
        if let author = message.authorID {
            earlier = try await mine().filter(\.$authorID == author).filter(\.$id != message.id!).filter(\.$kind ~~ Array(Inbox.kinds))
                .sort(\.$receivedAt, .descending).limit(10).all()
        }
        let notes = try await MessageNoteModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$messageID == message.id!).sort(\.$createdAt).all()
        let replies = try await MessageReplyModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$messageID == message.id!).sort(\.$createdAt).all()
        let tags = try await TagController.tags(of: [message.id!], tenantID: tenantID, on: db)[message.id!] ?? []
        return Context(parent: parent, conversation: conversation, earlier: earlier, notes: notes, replies: replies, tags: tags)
    }

    static func show(_ req: Request, _ principal: Principal, _ message: MessageModel, _ account: AccountModel, status: HTTPResponseStatus,
                     draft: String? = nil, notice: String? = nil, findings: [Finding] = [], overrideReason: String? = nil,
                     unconfirmedReply: MessageReplyModel? = nil) async throws -> Response {
        let context = try await context(of: message, for: principal, on: req.db)
        let viewers = try await ThreadPresence.touch(message, principal: principal, now: req.now, on: req.db)
        let canReply = principal.scope.allows(.replyInbox, on: account.unitID)
        var assignees: [(String, String)] = []
        if canReply {
            let l = req.l10n
            assignees = try await TriageController.assignablePeople(for: account, principal: principal, on: req.db).map { ("user:\($0.0)", $0.1) }
            assignees += principal.scope.tree.flattened().filter { principal.scope.allows(.viewInbox, on: $0.unit.id) && $0.unit.active }
                .map { ("unit:\($0.unit.id)", l.t("Unit: ", "Unit: ") + $0.unit.name) }
        }
        let saved = canReply ? try await SavedRepliesController.applicable(to: account.unitID, principal: principal, on: req.db) : []
        let knownTags = canReply ? try await TagController.known(tenantID: principal.tenantID, on: req.db) : []
        // WhatsApp chats past the 24-hour window are answered with an approved template only.
        let whatsappChat = message.platform == .whatsapp && message.kind == .dm
        let windowOpen = try await ReplyService.windowOpen(message, now: req.now, on: req.db)
        let templates = canReply && whatsappChat
            ? try await WhatsAppTemplateModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$approved == true).sort(\.$name).all()
            : []
        let html = ThreadPages.thread(PageContext(req), ThreadPages.Model(
            message: message, account: account, context: context, draft: draft, notice: notice,
            assignees: assignees, savedReplies: saved, knownTags: knownTags,
            templates: whatsappChat ? templates : nil, windowOpen: windowOpen,
            findings: findings, overrideReason: overrideReason, viewers: viewers, unconfirmedReply: unconfirmedReply,
            canReply: canReply, canOverride: principal.scope.allows(.overrideCompliance, on: account.unitID), now: req.now,
            cases: try await caseChoices(message, principal: principal, on: req.db),
            hoaxes: try await HoaxWatch.claims(for: message.id!, tenantID: principal.tenantID, on: req.db).map(\.claim)))
        return html.response(status)
    }

    static func caseChoices(_ message: MessageModel, principal: Principal, on db: Database) async throws -> ThreadPages.CaseChoices {
        let linkedIDs = try await CaseLinkModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$kind == .message)
            .filter(\.$targetID == message.id!).all(\.$caseID)
        let visible = try await CaseQueries.visible(principal, status: nil, on: db)
        let workable = principal.scope.allowsSomewhere(.workCases) ? try await CaseQueries.workable(principal, among: visible, on: db) : []
        return ThreadPages.CaseChoices(linked: visible.filter { linkedIDs.contains($0.id!) },
                                       joinable: workable.filter { !linkedIDs.contains($0.id!) },
                                       canOpen: principal.scope.allowsSomewhere(.manageCases))
    }

    struct NoteInput: Content { var body: String? }

    static let maxNote = 2_000

    static func addNote(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (message, account) = try await load(req, principal, need: .replyInbox)
        let body = try req.content.decode(NoteInput.self).body?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let l = req.l10n
        guard !body.isEmpty, body.count <= maxNote else {
            return try await show(req, principal, message, account, status: .unprocessableEntity,
                                  notice: body.isEmpty ? l.t("Catatan internal belum diisi.", "The note is empty.")
                                                       : l.t("Catatan terlalu panjang (maksimal 2.000 karakter).", "The note is too long (2,000 characters at most)."))
        }
        let note = MessageNoteModel()
        note.id = UUID()
        note.tenantID = principal.tenantID
        note.messageID = message.id!
        note.userID = principal.userID
        note.authorName = principal.user.name
        note.body = body
        note.createdAt = req.now
        try await note.create(on: req.db)
        return .seeOther(SiteRoute.thread(message.id!).path, flash: l.t("Catatan internal disimpan.", "Note saved."))
    }

    struct ReplyInput: Content {
        var text: String?
        var override_reason: String?
        /// "1" once the person has seen that someone else replied a moment ago and still sends.
        var confirm_recent: String?
        /// A WhatsApp template instead of free text, with its values one per line.
        var template_id: String?
        var parameters: String?
    }

    static func reply(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (message, account) = try await load(req, principal, need: .replyInbox)
        let input = try req.content.decode(ReplyInput.self)
        let draft = ReplyWorkflow.Draft(text: input.text, overrideReason: input.override_reason, confirmedRecent: input.confirm_recent == "1",
                                        templateID: input.template_id, parameters: input.parameters)
        let l = req.l10n
        switch try await ReplyWorkflow.send(draft, to: message, on: account, by: principal, req: req) {
        case .refused(let refusal, let findings, let recent):
            return try await show(req, principal, message, account, status: .unprocessableEntity, draft: input.text, notice: refusal.message(l),
                                  findings: findings, overrideReason: input.override_reason, unconfirmedReply: recent)
        case .attempted(let reply):
            return .seeOther(SiteRoute.thread(message.id!).path, flash: reply.status == .sent
                             ? l.t("Balasan terkirim ke \(account.platform.displayName).", "Reply sent to \(account.platform.displayName).")
                             : l.t("Balasan gagal terkirim: \(reply.error ?? ""). Anda bisa mengirim ulang.", "The reply failed: \(reply.error ?? ""). You can retry."))
        }
    }

    static func retry(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (message, account) = try await load(req, principal, need: .replyInbox)
        guard let replyID = req.parameters.get("replyID", as: UUID.self),
              let reply = try await MessageReplyModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$messageID == message.id!)
                .filter(\.$id == replyID).first() else { throw AppError.notFound }
        let l = req.l10n
        guard reply.status == .failed else {
            return .seeOther(SiteRoute.thread(message.id!).path, flash: l.t("Balasan ini sudah terkirim.", "This reply was already sent."))
        }
        let route: ReplyService.Route
        do {
            route = try ReplyService.route(for: message)
        } catch let refusal {
            return try await show(req, principal, message, account, status: .unprocessableEntity, notice: refusal.message(l))
        }
        try await ReplyService.deliver(reply, message: message, account: account, route: route, app: req.application, l: l, now: req.now, on: req.db)
        return .seeOther(SiteRoute.thread(message.id!).path, flash: reply.status == .sent
                         ? l.t("Balasan terkirim.", "Reply sent.")
                         : l.t("Masih gagal: \(reply.error ?? "").", "Still failing: \(reply.error ?? "")."))
    }
}
