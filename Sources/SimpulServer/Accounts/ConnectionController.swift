import Fluent
import Foundation
import Plot
import SimpulCore
import SimpulPlatforms
import Vapor

enum ConnectionController {
    static func register(_ routes: RouteCatalog) {
        routes.add(SiteRoute.connection) { req in
            let principal = try req.requirePrincipal()
            let account = try await AccountService.load(req, principal: principal, need: .manageAccounts)
            return try await page(req, principal, account, errors: FieldErrors(), values: nil, check: nil)
        }
        routes.add(SiteRoute.saveConnection, save)
        routes.add(SiteRoute.testConnection, test)
    }

    static func webhookURL(_ req: Request, _ account: AccountModel, _ principal: Principal) -> String? {
        let format: PayloadFormat? = switch account.platform {
        case .facebook: .meta
        case .instagram: .instagram
        case .whatsapp: .whatsapp
        default: nil
        }
        return format.map { req.application.settings.baseURL + SiteRoute.webhookReceive($0, tenant: principal.tenant.slug).path }
    }

    static func page(_ req: Request, _ principal: Principal, _ account: AccountModel, errors: FieldErrors, values: [String: String]?, check: String?,
                     status: HTTPResponseStatus? = nil) async throws -> Response {
        let l = req.l10n
        let stored = CredentialVault(box: req.application.secretBox).open(account.credentials)
        var shown = values ?? [:]
        if values == nil, let stored {
            for field in ConnectionPages.fields(for: account.platform, l) where !field.secret {
                shown[field.key] = ConnectionPages.value(stored, field.key)
            }
        }
        let labels = Dictionary(uniqueKeysWithValues: ConnectionPages.fields(for: account.platform, l).map { ($0.key, $0.label) })
        let lastEventAt = try await AccountQueries.lastEventAt(account.id!, tenantID: principal.tenantID, on: req.db)
        let html = ConnectionPages.page(PageContext(req), .init(account: account, lastEventAt: lastEventAt, stored: stored, webhookURL: webhookURL(req, account, principal),
                                                                errors: FormErrors(errors, labels: labels, l), values: shown, check: check))
        return html.response(status ?? (errors.isEmpty ? .ok : .unprocessableEntity))
    }

    /// Platform ids are digits (Meta, WhatsApp, X) or "UC" + 22 characters (YouTube channels).
    static func validID(_ key: String, _ value: String) -> Bool {
        if key == "channel_id" {
            return value.count == 24 && value.hasPrefix("UC") && value.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
        }
        return (1...30).contains(value.count) && value.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func save(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let account = try await AccountService.load(req, principal: principal, need: .manageAccounts)
        let l = req.l10n
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let vault = CredentialVault(box: req.application.secretBox)
        var credentials = vault.open(account.credentials) ?? AccountCredentials()
        var errors = FieldErrors()
        var changed: [String] = []
        var typed: [String: String] = [:]
        for field in ConnectionPages.fields(for: account.platform, l) {
            let value = (form[field.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !field.secret { typed[field.key] = value }
            if value.isEmpty {
                if !ConnectionPages.has(credentials, field.key), field.key != "verify_token", field.key != "app_secret" { errors.add(field.key, .required) }
                continue
            }
            if value.count > 2048 { errors.add(field.key, .tooLong(max: 2048)); continue }
            if Validators.hasControlCharacters(value) || value.contains(" ") { errors.add(field.key, .invalidCharacters); continue }
            if !field.secret, !validID(field.key, value) { errors.add(field.key, .invalidHandle); continue }
            if ConnectionPages.value(credentials, field.key) != value {
                ConnectionPages.set(&credentials, field.key, value)
                changed.append(field.key)
            }
        }
        let externalID = credentials.pageID ?? credentials.instagramUserID ?? credentials.phoneNumberID ?? credentials.xUserID ?? credentials.channelID
        if errors.isEmpty, let externalID, externalID != account.externalID,
           try await AccountModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$platform == account.platform)
            .filter(\.$externalID == externalID).filter(\.$id != account.id!).count() > 0 {
            let key = ConnectionPages.fields(for: account.platform, l).first { !$0.secret }?.key ?? "access_token"
            errors.add(key, .duplicate)
        }
        guard errors.isEmpty else { return try await page(req, principal, account, errors: errors, values: typed, check: nil) }
        if changed.isEmpty, !account.sandbox {
            return .seeOther(SiteRoute.connection(account.id!).path, flash: l.t("Tidak ada yang berubah.", "Nothing changed."))
        }
        let before = AccountService.fields(account)
        let replaced = changed.sorted().joined(separator: ", ")
        account.credentials = try vault.seal(credentials)
        account.externalID = externalID
        account.sandbox = false
        account.status = .disconnected
        account.lastError = nil
        account.pausedUntil = nil
        account.updatedAt = req.now
        try await req.db.transaction { db in
            try await account.save(on: db)
            // Which fields were replaced, never their values.
            var after = AccountService.fields(account)
            after["credentials"] = replaced
            try await Auditor.record(req.auditActor(principal), on: db, action: .accountConnection, targetType: .account, targetID: account.id,
                                     label: AccountService.label(account), before: before, after: after)
        }
        req.application.connections.invalidate()
        return .seeOther(SiteRoute.connection(account.id!).path, flash: l.t("Kredensial tersimpan. Uji sambungan untuk memastikan.", "Credentials saved. Test the connection to be sure."))
    }

    static func test(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let account = try await AccountService.load(req, principal: principal, need: .manageAccounts)
        let l = req.l10n
        if account.sandbox {
            return try await page(req, principal, account, errors: FieldErrors(), values: nil,
                                  check: l.t("Sandbox menjawab: akun tersambung ke platform tiruan.", "Sandbox answered: the account is connected to the simulated platform."))
        }
        guard let credentials = CredentialVault(box: req.application.secretBox).open(account.credentials) else {
            return try await page(req, principal, account, errors: FieldErrors(), values: nil,
                                  check: l.t("Belum ada kredensial tersimpan.", "No credentials saved yet."), status: .unprocessableEntity)
        }
        let connector = Connectors.make(platform: account.platform, transport: req.application.platformTransport,
                                        endpoints: req.application.platformEndpoints, credentials: credentials)
        let message: String
        do {
            let check = try await connector.testConnection()
            account.status = .connected
            account.lastError = nil
            message = l.t("Tersambung sebagai \(check.accountName) (\(check.accountID)).", "Connected as \(check.accountName) (\(check.accountID)).")
        } catch {
            // Connectors throw only PlatformError; an unreachable network arrives as `.transient`.
            PlatformErrorEffects.apply(error, to: account, now: req.now)
            message = l.t("Sambungan gagal: ", "Connection failed: ") + PlatformErrorEffects.describe(error, l)
        }
        account.updatedAt = req.now
        try await account.save(on: req.db)
        req.application.connections.invalidate()
        return try await page(req, principal, account, errors: FieldErrors(), values: nil, check: message)
    }
}

/// What a platform error means for the account: a rate limit pauses it until the reset, a
/// rejected token asks for reconnection, anything else is recorded for the admin to see.
enum PlatformErrorEffects {
    static func apply(_ error: PlatformError, to account: AccountModel, now: Date) {
        switch error {
        case .rateLimited(let until, let detail):
            account.pausedUntil = until ?? now.addingTimeInterval(15 * 60)
            account.lastError = String(detail.prefix(500))
        case .authInvalid(let detail):
            account.status = .needsReconnect
            account.lastError = String(detail.prefix(500))
        case .transient(_, let detail), .rejected(_, _, let detail), .invalidResponse(let detail):
            account.lastError = String(detail.prefix(500))
        }
    }

    static func describe(_ error: PlatformError, _ l: L10n) -> String {
        switch error {
        case .rateLimited(let until, _): l.t("batas panggilan platform tercapai; dijeda sampai ", "platform rate limit reached; paused until ") + (until.map(l.dateTime) ?? l.t("15 menit lagi", "15 minutes from now"))
        case .authInvalid: l.t("token ditolak atau kedaluwarsa; masukkan token baru (sambungkan ulang).", "token rejected or expired; enter a new token (reconnect).")
        case .transient(let status, _): l.t("platform sedang bermasalah (HTTP \(status)); coba lagi nanti.", "the platform is having trouble (HTTP \(status)); try again later.")
        case .rejected(let status, let code, let detail): l.t("ditolak platform (HTTP \(status)\(code.map { ", kode \($0)" } ?? "")): \(detail)", "rejected by the platform (HTTP \(status)\(code.map { ", code \($0)" } ?? "")): \(detail)")
        case .invalidResponse: l.t("jawaban platform tidak terbaca.", "the platform's answer could not be read.")
        }
    }
}
