import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Isu & Hoaks → Piket WhatsApp: the tenant's on-call list and its sender. One list serves
/// the whole tenant, so only the koordinator (`manageListeningSettings`) keeps it.
enum OnCallController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.onCall) { req in try await page(req, settingsInput: nil, personInput: PersonInput(), problems: [:]) }
        routes.add(.saveOnCallSettings, saveSettings)
        routes.add(.addOnCallPerson, addPerson)
        routes.add(SiteRoute.removeOnCallPerson, removePerson)
    }

    struct SettingsInput: Content {
        var account_id: String?
        var template_id: String?
    }

    struct PersonInput: Content {
        var name: String?
        var phone: String?
    }

    static let maxName = 100
    /// Enough for every shift of a command centre; a longer list is a broadcast, not on-call.
    static let maxPeople = 50

    static func requireEditor(_ req: Request) throws -> Principal {
        let principal = try req.requirePrincipal()
        guard principal.scope.allowsSomewhere(.manageListeningSettings) else { throw AppError.forbidden }
        return principal
    }

    static func whatsappAccounts(tenantID: UUID, on db: Database) async throws -> [AccountModel] {
        try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$platform == .whatsapp).filter(\.$active == true)
            .sort(\.$displayName).all()
    }

    /// Approved templates whose variables the alert can fill.
    static func usableTemplates(tenantID: UUID, on db: Database) async throws -> [WhatsAppTemplateModel] {
        try await WhatsAppTemplateModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$approved == true).sort(\.$name).all()
            .filter { ((try? WhatsAppTemplateText.parameterCount($0.body)) ?? .max) <= AlertDeliveryJob.maxTemplateParameters }
    }

    static func page(_ req: Request, settingsInput: SettingsInput?, personInput: PersonInput, problems: [String: String]) async throws -> Response {
        let principal = try requireEditor(req)
        let db = req.db
        let settings = try await OnCallSettingsModel.current(tenantID: principal.tenantID, on: db)
        let accounts = try await whatsappAccounts(tenantID: principal.tenantID, on: db)
        let templates = try await usableTemplates(tenantID: principal.tenantID, on: db)
        let people = try await OnCallPersonModel.query(on: db).filter(\.$tenantID == principal.tenantID).sort(\.$name).all()
        let chosenTemplate = settings?.templateID.flatMap { id in templates.first { $0.id == id } }
        let preview = chosenTemplate.map { template in
            WhatsAppTemplateText.render(template.body, parameters: AlertDeliveryJob.parameters(for: sample, baseURL: req.application.settings.baseURL,
                                                                                                count: AlertDeliveryJob.maxTemplateParameters))
        }
        let html = OnCallPages.page(PageContext(req), .init(
            people: people,
            accounts: accounts.map { UI.Option(value: $0.id!.uuidString, label: "\($0.displayName) (\($0.handle))") },
            templates: templates.map { UI.Option(value: $0.id!.uuidString, label: "\($0.name) (\($0.language))") },
            accountID: settingsInput?.account_id ?? settings?.accountID?.uuidString,
            templateID: settingsInput?.template_id ?? settings?.templateID?.uuidString,
            preview: preview, personInput: personInput, problems: problems))
        return html.response(problems.isEmpty ? .ok : .unprocessableEntity)
    }

    /// What the preview fills the template with.
    static var sample: RaisedAlert {
        RaisedAlert(kind: .rule, id: UUID(), tenantID: UUID(), unitID: UUID(), ruleID: nil, title: "Lonjakan pada pemantauan \"Banjir\"",
                    explanation: "24 pesan dalam 15 menit; median 3, MAD 1, ambang 8", bucketStart: Date(), bucketEnd: Date(), count: 24, createdAt: Date())
    }

    static func saveSettings(_ req: Request) async throws -> Response {
        let principal = try requireEditor(req)
        let input = try req.content.decode(SettingsInput.self)
        let l = req.l10n
        let db = req.db
        let accountText = (input.account_id ?? "").trimmingCharacters(in: .whitespaces)
        let templateText = (input.template_id ?? "").trimmingCharacters(in: .whitespaces)
        var problems: [String: String] = [:]
        var accountID: UUID?, templateID: UUID?
        if !accountText.isEmpty {
            let accounts = try await whatsappAccounts(tenantID: principal.tenantID, on: db)
            accountID = accounts.first { $0.id?.uuidString == accountText.uppercased() }?.id
            if accountID == nil { problems["account_id"] = l.t("Pilih salah satu akun WhatsApp aktif.", "Choose one of the active WhatsApp accounts.") }
        }
        if !templateText.isEmpty {
            let templates = try await usableTemplates(tenantID: principal.tenantID, on: db)
            templateID = templates.first { $0.id?.uuidString == templateText.uppercased() }?.id
            if templateID == nil {
                problems["template_id"] = l.t("Pilih templat yang disetujui dengan paling banyak tiga variabel.", "Choose an approved template with at most three variables.")
            }
        }
        if problems.isEmpty, accountText.isEmpty != templateText.isEmpty {
            problems[accountText.isEmpty ? "account_id" : "template_id"] = l.t("Pilih akun dan templat, atau kosongkan keduanya untuk berhenti mengirim.",
                                                                               "Choose both an account and a template, or clear both to stop sending.")
        }
        guard problems.isEmpty else { return try await page(req, settingsInput: input, personInput: PersonInput(), problems: problems) }
        let settings = try await OnCallSettingsModel.current(tenantID: principal.tenantID, on: db) ?? {
            let row = OnCallSettingsModel()
            row.id = UUID()
            row.tenantID = principal.tenantID
            return row
        }()
        let before = settings.$updatedAt.value == nil ? nil : audited(settings)
        settings.accountID = accountID
        settings.templateID = templateID
        settings.updatedAt = req.now
        let actor = req.auditActor(principal), after = audited(settings)
        try await db.transaction { db in
            try await settings.save(on: db)
            try await Auditor.record(actor, on: db, action: .onCallSettingsUpdate, targetType: .onCall, targetID: settings.id,
                                     label: "Pengirim piket WhatsApp", before: before, after: after)
        }
        return .seeOther(SiteRoute.onCall.path, flash: accountID == nil
            ? l.t("Piket WhatsApp dimatikan: peringatan tidak dikirim ke WhatsApp.", "WhatsApp on-call switched off: alerts are not sent to WhatsApp.")
            : l.t("Pengirim piket WhatsApp disimpan.", "WhatsApp on-call sender saved."))
    }

    static func audited(_ settings: OnCallSettingsModel) -> [String: String] {
        ["account_id": settings.accountID?.uuidString ?? "kosong", "template_id": settings.templateID?.uuidString ?? "kosong"]
    }

    static func addPerson(_ req: Request) async throws -> Response {
        let principal = try requireEditor(req)
        let input = try req.content.decode(PersonInput.self)
        let l = req.l10n
        let db = req.db
        var problems: [String: String] = [:]
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems["name"] = l.t("Nama belum diisi.", "Name is required.") }
        else if name.count > maxName || name.contains(where: \.isNewline) {
            problems["name"] = l.t("Nama satu baris, paling banyak \(maxName) karakter.", "A name on one line, at most \(maxName) characters.")
        }
        var errors = FieldErrors()
        let phone = Validators.phone(input.phone, required: true, into: &errors)
        if !errors.isEmpty { problems["phone"] = l.t("Nomor WhatsApp tidak dikenali (contoh: 0812 3456 7890).", "WhatsApp number not recognised (e.g. 0812 3456 7890).") }
        let people = try await OnCallPersonModel.query(on: db).filter(\.$tenantID == principal.tenantID).all()
        if problems["phone"] == nil, let phone, people.contains(where: { $0.phone == phone }) {
            problems["phone"] = l.t("Nomor ini sudah ada di daftar piket.", "This number is already on the on-call list.")
        }
        if problems.isEmpty, people.count >= maxPeople {
            problems["name"] = l.t("Daftar piket paling banyak \(maxPeople) orang.", "The on-call list holds at most \(maxPeople) people.")
        }
        guard problems.isEmpty, let phone else { return try await page(req, settingsInput: nil, personInput: input, problems: problems) }
        let person = OnCallPersonModel()
        person.id = UUID()
        person.tenantID = principal.tenantID
        person.name = name
        person.phone = phone
        person.createdAt = req.now
        let actor = req.auditActor(principal)
        try await db.transaction { db in
            try await person.create(on: db)
            try await Auditor.record(actor, on: db, action: .onCallPersonAdd, targetType: .onCall, targetID: person.id, label: name,
                                     after: ["name": name, "phone": phone])
        }
        return .seeOther(SiteRoute.onCall.path, flash: l.t("\(name) masuk daftar piket.", "\(name) is on the on-call list."))
    }

    static func removePerson(_ req: Request) async throws -> Response {
        let principal = try requireEditor(req)
        guard let id = req.parameters.get("personID", as: UUID.self),
              let person = try await OnCallPersonModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        let actor = req.auditActor(principal), name = person.name, phone = person.phone
        try await req.db.transaction { db in
            try await person.delete(on: db)
            try await Auditor.record(actor, on: db, action: .onCallPersonRemove, targetType: .onCall, targetID: id, label: name,
                                     before: ["name": name, "phone": phone])
        }
        return .seeOther(SiteRoute.onCall.path, flash: req.l10n.t("\(name) dihapus dari daftar piket.", "\(name) removed from the on-call list."))
    }
}
