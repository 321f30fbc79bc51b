import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Templat WhatsApp: the tenant's copy of the templates Meta approved for its WhatsApp number,
/// which the thread view offers once the 24-hour window has closed. Kept by the koordinator
/// (a tenant-wide setting); everyone in the inbox can read them.
enum TemplatesController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.templates) { req in
            try await list(req, input: Input(), problems: [], status: .ok)
        }
        routes.add(.createTemplate, create)
        routes.add(SiteRoute.deleteTemplate, delete)
    }

    struct Input: Content {
        var name: String?
        var language: String?
        var body: String?
        var approved: String?
    }

    static func problem(_ problem: WhatsAppTemplateText.Problem, _ l: L10n) -> String {
        switch problem {
        case .badName: l.t("Nama templat hanya huruf kecil, angka dan garis bawah, persis seperti di WhatsApp Manager.",
                           "Template names are lower-case letters, digits and underscores, exactly as in WhatsApp Manager.")
        case .badLanguage: l.t("Kode bahasa seperti id atau en_US.", "A language code such as id or en_US.")
        case .emptyBody: l.t("Isi templat belum diisi.", "The template body is empty.")
        case .bodyTooLong: l.t("Isi templat paling banyak 1.024 karakter.", "The body is 1,024 characters at most.")
        case .variablesOutOfOrder: l.t("Variabel harus berurutan {{1}}, {{2}}, … tanpa ada yang terlewat.", "Variables must run {{1}}, {{2}}, … without gaps.")
        case .wrongParameterCount(let expected): l.t("Templat ini butuh \(expected) isian, satu per baris.", "This template needs \(expected) values, one per line.")
        case .badParameter(let index): l.t("Isian ke-\(index) kosong, terlalu panjang, atau berisi tab atau lebih dari empat spasi berturut-turut.",
                                           "Value \(index) is empty, too long, or holds a tab or more than four spaces in a row.")
        }
    }

    static func list(_ req: Request, input: Input, problems: [String], status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.requirePrincipal()
        let templates = try await WhatsAppTemplateModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).sort(\.$name).sort(\.$language).all()
        return TemplatePages.list(PageContext(req), templates: templates, input: input, problems: problems,
                                  canManage: !principal.scope.units(with: .manageTemplates).isEmpty).response(status)
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(Input.self)
        let l = req.l10n
        let name = input.name.nonEmpty ?? ""
        let language = input.language.nonEmpty ?? "id"
        let body = input.body?.trimmingWhitespace ?? ""
        var problems: [String] = []
        do { try WhatsAppTemplateText.validateName(name) } catch { problems.append(problem(error, l)) }
        do { try WhatsAppTemplateText.validateLanguage(language) } catch { problems.append(problem(error, l)) }
        do { _ = try WhatsAppTemplateText.parameterCount(body) } catch { problems.append(problem(error, l)) }
        if problems.isEmpty, try await WhatsAppTemplateModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$name == name).filter(\.$language == language).first() != nil {
            problems.append(l.t("Templat \(name) (\(language)) sudah ada.", "Template \(name) (\(language)) already exists."))
        }
        guard problems.isEmpty else { return try await list(req, input: input, problems: problems, status: .unprocessableEntity) }
        let template = WhatsAppTemplateModel()
        template.id = UUID()
        template.tenantID = principal.tenantID
        template.name = name
        template.language = language
        template.body = body
        template.approved = input.approved == "1"
        template.updatedAt = req.now
        try await req.db.transaction { db in
            try await template.create(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .templateCreate, targetType: .template, targetID: template.id,
                                     label: "\(name) (\(language))", after: ["approved": template.approved ? "ya" : "tidak"])
        }
        return .seeOther(SiteRoute.templates.path, flash: l.t("Templat \(name) ditambahkan.", "Template \(name) added."))
    }

    static func delete(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("templateID", as: UUID.self),
              let template = try await WhatsAppTemplateModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        try await req.db.transaction { db in
            try await template.delete(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .templateDelete, targetType: .template, targetID: id,
                                     label: "\(template.name) (\(template.language))")
        }
        return .seeOther(SiteRoute.templates.path, flash: req.l10n.t("Templat dihapus.", "Template deleted."))
    }
}

enum TemplatePages {
    static func form(_ ctx: PageContext, input: TemplatesController.Input, problems: [String]) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let checked = Attribute<HTML.InputContext>(name: "checked", value: input.approved == "1" ? "checked" : nil)
        let approved: Node<HTML.FormContext> = .div(.class("field checkbox"),
            .label(.input(.type(.checkbox), .name("approved"), .value("1"), checked), .text(" " + l.t("Sudah disetujui Meta", "Approved by Meta"))))
        return .group(
                .h2(.text(l.t("Tambah templat", "Add a template"))),
                UI.formErrorSummary(problems, l),
                .form(.method(.post), .action(SiteRoute.createTemplate.path), .class("stack"), .id("template-form"),
                    UI.csrf(ctx.csrf),
                    UI.field(l.t("Nama (seperti di WhatsApp Manager)", "Name (as in WhatsApp Manager)"), name: "name", value: input.name, error: nil,
                             required: true, maxLength: 512, placeholder: "tindak_lanjut_laporan"),
                    UI.field(l.t("Bahasa", "Language"), name: "language", value: input.language ?? "id", error: nil, required: true, maxLength: 6),
                    .div(.class("field"), .label(.for("body"), .text(l.t("Isi", "Body"))),
                         .textarea(.id("body"), .name("body"), .attribute(named: "rows", value: "4"), .attribute(named: "maxlength", value: String(WhatsAppTemplateText.maxBody)),
                                   .text(input.body ?? "")),
                         .p(.class("hint"), .text(l.t("Variabel ditulis {{1}}, {{2}}, … dan diisi saat mengirim.", "Variables are written {{1}}, {{2}}, … and filled in when sending.")))),
                    approved,
                    .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan", "Save"))))
                ))
    }

    static func row(_ ctx: PageContext, _ template: WhatsAppTemplateModel, canManage: Bool) -> Node<HTML.TableContext> {
        let l = ctx.l
        let status: Node<HTML.BodyContext> = template.approved ? UI.badge(l.t("Disetujui", "Approved"), tone: .ok)
                                                                : UI.badge(l.t("Belum disetujui", "Not approved"), tone: .muted)
        let delete: Node<HTML.BodyContext> = UI.actionButton(l.t("Hapus", "Delete"), action: SiteRoute.deleteTemplate(template.id!).path, csrf: ctx.csrf,
                                                             confirm: l.t("Hapus templat \(template.name)?", "Delete \(template.name)?"), danger: true)
        return .tr(.td(.code(.text(template.name))), .td(.text(template.language)), .td(.text(template.body)), .td(status), .td(.if(canManage, delete)))
    }

    static func list(_ ctx: PageContext, templates: [WhatsAppTemplateModel], input: TemplatesController.Input, problems: [String], canManage: Bool) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Templat WhatsApp", "WhatsApp templates"),
            .p(.a(.href(SiteRoute.inbox.path), .text(l.t("← Kotak Masuk", "← Inbox")))),
            .p(.class("hint"), .text(l.t("Lebih dari 24 jam sejak pesan terakhir warga, WhatsApp hanya menerima templat yang sudah disetujui Meta. Daftarkan di sini templat yang sama persis dengan di WhatsApp Manager.",
                                         "More than 24 hours after a resident's last message, WhatsApp accepts only templates Meta approved. List here the same templates as in WhatsApp Manager."))),
            templates.isEmpty
                ? UI.empty(l.t("Belum ada templat.", "No templates yet."))
                : .table(.class("list"), .id("templates"),
                    .thead(.tr(.th(.text(l.t("Nama", "Name"))), .th(.text(l.t("Bahasa", "Language"))), .th(.text(l.t("Isi", "Body"))),
                               .th(.text(l.t("Status", "Status"))), .th(.text("")))),
                    .tbody(.forEach(templates) { row(ctx, $0, canManage: canManage) })),
            .if(canManage, form(ctx, input: input, problems: problems))
        )
    }
}
