import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Saved replies: texts the team reuses, with {nama}, {unit} and {akun} filled in per message.
/// A unit's replies serve that unit and the units below it; tenant-wide ones serve everyone.
enum SavedRepliesController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.savedReplies) { req in
            try await list(req, input: Input(), problems: [], status: .ok)
        }
        routes.add(.createSavedReply, create)
        routes.add(SiteRoute.deleteSavedReply, delete)
    }

    struct Input: Content {
        var title: String?
        var body: String?
        var unit_id: String?
    }

    /// The saved replies that serve a unit: tenant-wide ones and those of the unit or above it.
    static func applicable(to unitID: UUID, principal: Principal, on db: Database) async throws -> [SavedReplyModel] {
        let lineage = Set(principal.scope.tree.lineage(of: unitID))
        return try await SavedReplyModel.query(on: db).filter(\.$tenantID == principal.tenantID).sort(\.$title).all()
            .filter { $0.unitID.map(lineage.contains) ?? true }
    }

    static func list(_ req: Request, input: Input, problems: [String], status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.requirePrincipal()
        let visible = principal.scope.units(with: .viewInbox)
        let replies = try await SavedReplyModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).sort(\.$title).all()
            .filter { $0.unitID.map(visible.contains) ?? true }
        let manageable = principal.scope.tree.flattened().filter { principal.scope.allows(.manageSavedReplies, on: $0.unit.id) && $0.unit.active }
            .map { ($0.unit.id, String(repeating: "  ", count: $0.depth) + $0.unit.name) }
        let html = SavedReplyPages.list(PageContext(req), .init(replies: replies, tree: principal.scope.tree, input: input, problems: problems,
                                                                units: manageable, canManage: { canManage($0, principal) }))
        return html.response(status)
    }

    /// Tenant-wide replies belong to whoever manages the top unit.
    static func canManage(_ reply: SavedReplyModel, _ principal: Principal) -> Bool {
        guard let unitID = reply.unitID else { return managesWholeTenant(principal) }
        return principal.scope.allows(.manageSavedReplies, on: unitID)
    }

    static func managesWholeTenant(_ principal: Principal) -> Bool {
        let roots = principal.scope.tree.roots
        return !roots.isEmpty && roots.allSatisfy { principal.scope.allows(.manageSavedReplies, on: $0.id) }
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(Input.self)
        var problems: [String] = []
        let title = input.title.nonEmpty ?? ""
        let body = input.body?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if title.isEmpty { problems.append("Judul balasan belum diisi.") } else if title.count > 120 { problems.append("Judul paling banyak 120 karakter.") }
        if body.isEmpty { problems.append("Isi balasan belum diisi.") } else if body.count > ReplyService.maxText { problems.append("Isi paling banyak 2.000 karakter.") }
        let unknown = SavedReplyTemplate.unknownVariables(in: body)
        if !unknown.isEmpty {
            problems.append("Variabel tidak dikenal: " + unknown.map { "{\($0)}" }.joined(separator: ", ") + ". Gunakan {nama}, {unit} atau {akun}.")
        }
        var unitID: UUID?
        if let unit = input.unit_id.nonEmpty {
            guard let id = UUID(uuidString: unit), principal.scope.allows(.manageSavedReplies, on: id) else {
                problems.append("Unit tidak dikenal atau di luar cakupan Anda.")
                return try await list(req, input: input, problems: problems, status: .unprocessableEntity)
            }
            unitID = id
        } else if !managesWholeTenant(principal) {
            problems.append("Balasan untuk seluruh instansi hanya dapat dibuat koordinator; pilih unit Anda.")
        }
        guard problems.isEmpty else { return try await list(req, input: input, problems: problems, status: .unprocessableEntity) }
        let reply = SavedReplyModel()
        reply.id = UUID()
        reply.tenantID = principal.tenantID
        reply.unitID = unitID
        reply.title = title
        reply.body = body
        reply.createdBy = principal.userID
        reply.updatedAt = req.now
        try await reply.create(on: req.db)
        return .seeOther(SiteRoute.savedReplies.path, flash: req.l10n.t("Balasan tersimpan “\(title)” ditambahkan.", "Saved reply “\(title)” added."))
    }

    static func delete(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("savedReplyID", as: UUID.self),
              let reply = try await SavedReplyModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              reply.unitID.map({ principal.scope.allows(.viewInbox, on: $0) }) ?? true else { throw AppError.notFound }
        guard canManage(reply, principal) else { throw AppError.forbidden }
        try await reply.delete(on: req.db)
        return .seeOther(SiteRoute.savedReplies.path, flash: req.l10n.t("Balasan tersimpan dihapus.", "Saved reply deleted."))
    }
}

enum SavedReplyPages {
    struct Model {
        var replies: [SavedReplyModel]
        var tree: UnitTree
        /// The new-reply form as typed, and why it was refused.
        var input: SavedRepliesController.Input
        var problems: [String]
        /// The units the person may add replies for, indented by depth.
        var units: [(UUID, String)]
        var canManage: (SavedReplyModel) -> Bool
    }

    static func list(_ ctx: PageContext, _ model: Model) -> HTML {
        let (replies, tree, input, problems, units, canManage) = (model.replies, model.tree, model.input, model.problems, model.units, model.canManage)
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Balasan tersimpan", "Saved replies"),
            .p(.a(.href(SiteRoute.inbox.path), .text(l.t("← Kotak Masuk", "← Inbox")))),
            replies.isEmpty
                ? UI.empty(l.t("Belum ada balasan tersimpan. Simpan jawaban yang sering dipakai agar tim menjawab cepat dan seragam.",
                               "No saved replies yet."))
                : .table(.class("list"), .id("saved-replies"),
                    .thead(.tr(.th(.text(l.t("Judul", "Title"))), .th(.text(l.t("Untuk", "For"))), .th(.text(l.t("Isi", "Text"))), .th(.text("")))),
                    .tbody(.forEach(replies) { reply in
                        .tr(.td(.text(reply.title)),
                            .td(.text(reply.unitID.flatMap { tree.units[$0]?.name } ?? l.t("Seluruh instansi", "Whole tenant"))),
                            .td(.text(reply.body)),
                            .td(.if(canManage(reply), UI.actionButton(l.t("Hapus", "Delete"), action: SiteRoute.deleteSavedReply(reply.id!).path, csrf: ctx.csrf,
                                                                      confirm: l.t("Hapus balasan “\(reply.title)”?", "Delete “\(reply.title)”?"), danger: true))))
                    })),
            .if(!units.isEmpty, .group(
                .h2(.text(l.t("Tambah balasan tersimpan", "Add a saved reply"))),
                UI.formErrorSummary(problems, l),
                .form(.method(.post), .action(SiteRoute.createSavedReply.path), .class("stack"), .id("saved-reply-form"),
                    UI.csrf(ctx.csrf),
                    UI.field(l.t("Judul", "Title"), name: "title", value: input.title, error: nil, required: true, maxLength: 120),
                    UI.select(l.t("Untuk unit", "For unit"), name: "unit_id", options: units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                              selected: input.unit_id, error: nil, includeBlank: l.t("Seluruh instansi", "Whole tenant")),
                    .div(.class("field"), .label(.for("body"), .text(l.t("Isi", "Text"))),
                         .textarea(.id("body"), .name("body"), .attribute(named: "rows", value: "4"), .attribute(named: "maxlength", value: "2000"),
                                   .text(input.body ?? "")),
                         .p(.class("hint"), .text(l.t("Variabel: ", "Variables: ") + SavedReplyTemplate.variables.map { "{\($0.name)} = \($0.meaning)" }.joined(separator: "; ")))),
                    .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan", "Save"))))
                )))
        )
    }
}
