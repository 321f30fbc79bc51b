import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

enum AuthController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.loginForm, loginForm)
        routes.add(.login, login)
        routes.add(.logout, logout)
        routes.add(SiteRoute.language, language)
        routes.add(.profile) { req in try await profile(req) }
        routes.add(.changePassword, changePassword)
        routes.add(.createToken, createToken)
        routes.add(SiteRoute.revokeToken, revokeToken)
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var tenant: String?
        var next: String?
    }

    /// With one tenant (the usual self-hosted case) nobody types a tenant code.
    static func singleTenant(on db: Database) async throws -> Tenant? {
        let tenants = try await Tenant.query(on: db).limit(2).all()
        return tenants.count == 1 ? tenants[0] : nil
    }

    static func loginPage(_ req: Request, email: String?, next: String, error: String?, tenant: String?, status: HTTPResponseStatus) async throws -> Response {
        let signer = LoginToken(key: req.application.settings.secretKey)
        // The token already given stays while it is young, so that two open login tabs both work.
        let token: String
        if let kept = req.cookies[CSRF.loginCookie]?.string, signer.isValid(kept, now: req.now, within: LoginToken.lifetime / 2) {
            token = kept
        } else {
            token = signer.issue(now: req.now)
        }
        let askTenant = try await singleTenant(on: req.db) == nil
        let response = AuthPages.login(PageContext(req), .init(csrf: token, email: email, next: next, error: error, askTenant: askTenant, tenant: tenant)).response(status)
        response.cookies[CSRF.loginCookie] = HTTPCookies.Value(string: token, maxAge: 3600, path: "/", isSecure: req.application.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    static func loginForm(_ req: Request) async throws -> Response {
        let next = LocalPath.safeLocal(req.query[String.self, at: "next"])
        if req.principal != nil { return .seeOther(next) }
        let expired = req.query[String.self, at: "expired"] != nil
        return try await loginPage(req, email: nil, next: next, error: expired ? req.l10n.t("Sesi Anda telah berakhir. Silakan masuk lagi.", "Your session has ended. Please sign in again.") : nil,
                                   tenant: nil, status: .ok)
    }

    static func login(_ req: Request) async throws -> Response {
        try CSRF.verifyLogin(req)
        let form = try req.content.decode(LoginForm.self)
        let l = req.l10n
        let next = LocalPath.safeLocal(form.next)
        let email = Validators.trimmed(form.email).lowercased()
        let password = form.password ?? ""
        let wrong = l.t("Email atau kata sandi salah.", "Wrong e-mail or password.")
        guard !email.isEmpty, !password.isEmpty, email.count <= Validators.emailMax, password.utf8.count <= 1024 else {
            return try await loginPage(req, email: String(email.prefix(254)), next: next, error: l.t("Isi email dan kata sandi.", "Enter your e-mail and password."), tenant: form.tenant, status: .unprocessableEntity)
        }
        var tenant = try await singleTenant(on: req.db)
        if tenant == nil, let code = form.tenant?.trimmingCharacters(in: .whitespaces).lowercased(), !code.isEmpty, code.count <= 60 {
            tenant = try await Tenant.query(on: req.db).filter(\.$slug == code).first()
        }
        guard let tenant else {
            return try await loginPage(req, email: email, next: next, error: l.t("Kode instansi tidak dikenal.", "Unknown tenant code."), tenant: form.tenant, status: .unprocessableEntity)
        }
        let ip = ClientAddress.of(req)
        let reservation: LoginRateLimiter.Reservation
        switch try await LoginRateLimiter.reserve(tenantID: tenant.id!, email: email, ip: ip, now: req.now, on: req.db) {
        case .locked(let minutes):
            return try await loginPage(req, email: email, next: next,
                                       error: l.t("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam \(minutes) menit.", "Too many failed sign-in attempts. Try again in \(minutes) minutes."),
                                       tenant: form.tenant, status: .tooManyRequests)
        case .allowed(let allowed):
            reservation = allowed
        }
        let user = try await UserModel.query(on: req.db).filter(\.$tenantID == tenant.id!).filter(\.$email == email).first()
        // Verify against a fixed hash when the person does not exist, so timing does not reveal who has an account.
        let verified = try await req.password.async.verify(password, created: user?.passwordHash ?? req.application.dummyPasswordHash)
        guard let user, verified, user.active else {
            return try await loginPage(req, email: email, next: next, error: wrong, tenant: form.tenant, status: .unauthorized)
        }
        try await LoginRateLimiter.succeeded(reservation, on: req.db)
        let (_, cookie) = try await SessionAuthenticator.start(for: user, tenant: tenant, req: req)
        try await Auditor.record(Auditor.Actor(tenantID: tenant.id!, userID: user.id, name: user.name, ip: ip, at: req.now), on: req.db,
                                 action: .sessionLogin, targetType: .user, targetID: user.id, label: user.name)
        let response = Response.seeOther(next)
        response.cookies[SessionAuthenticator.cookieName] = cookie
        response.cookies[CSRF.loginCookie] = .expired
        return response
    }


    static func logout(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        if let session = principal.session {
            try await session.delete(on: req.db)
        }
        try await Auditor.record(req.auditActor(principal), on: req.db, action: .sessionLogout, targetType: .user, targetID: principal.userID, label: principal.user.name)
        let response = Response.seeOther(SiteRoute.loginForm.path)
        response.cookies[SessionAuthenticator.cookieName] = .expired
        return response
    }

    static func language(_ req: Request) async throws -> Response {
        guard let language = Language(rawValue: req.parameters.get("code") ?? "") else { throw AppError.notFound }
        let response = Response.seeOther(LocalPath.safeLocal(req.query[String.self, at: "next"]))
        response.cookies[Language.cookieName] = HTTPCookies.Value(string: language.rawValue, maxAge: 60 * 60 * 24 * 365, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    static func tokens(_ principal: Principal, on db: Database) async throws -> [APITokenModel] {
        try await APITokenModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$userID == principal.userID)
            .sort(\.$createdAt, .descending).all()
    }

    static func profile(_ req: Request, newToken: String? = nil, passwordErrors: FieldErrors = FieldErrors(), tokenError: FieldIssue? = nil) async throws -> Response {
        let principal = try req.requirePrincipal()
        let l = req.l10n
        let labels = ["current": l.t("Kata sandi saat ini", "Current password"), "password": l.t("Kata sandi baru", "New password"), "confirm": l.t("Ulangi kata sandi", "Repeated password")]
        let html = AuthPages.profile(PageContext(req), tokens: try await tokens(principal, on: req.db), newToken: newToken,
                                     passwordErrors: FormErrors(passwordErrors, labels: labels, l),
                                     tokenError: tokenError.map { l.issue($0, label: l.t("Nama token", "Token name")) })
        let failed = !passwordErrors.isEmpty || tokenError != nil
        let response = html.response(failed ? .unprocessableEntity : (newToken != nil ? .created : .ok))
        // A freshly shown token must not linger in any cache.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct PasswordForm: Content {
        var current: String?
        var password: String?
        var confirm: String?
    }

    static func changePassword(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(PasswordForm.self)
        var errors = FieldErrors()
        let current = form.current ?? ""
        if current.isEmpty {
            errors.add("current", .required)
        } else {
            let matches = current.utf8.count <= 1024 ? try await req.password.async.verify(current, created: principal.user.passwordHash) : false
            if !matches { errors.add("current", .wrongPassword) }
        }
        let password = Validators.password(form.password, into: &errors)
        if errors["password"] == nil, form.confirm != password { errors.add("confirm", .mismatch) }
        guard errors.isEmpty else { return try await profile(req, passwordErrors: errors) }
        try await UserService.setPassword(principal.user, to: password, principal: principal, req: req, action: .userChangePassword, keepSession: principal.session?.id)
        return .seeOther(SiteRoute.profile.path, flash: req.l10n.t("Kata sandi diganti. Sesi lain dan token API telah diakhiri.", "Password changed. Other sessions and API tokens were ended."))
    }

    static func createToken(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        var errors = FieldErrors()
        let name = Validators.text(try? req.content.get(String.self, at: "name"), max: 80, field: "name", into: &errors)
        if let issue = errors["name"] { return try await profile(req, tokenError: issue) }
        let secret = TokenAuthenticator.make(tenantID: principal.tenantID)
        let token = APITokenModel()
        token.tenantID = principal.tenantID
        token.userID = principal.userID
        token.name = name
        token.tokenHash = Secrets.fingerprint(secret)
        token.createdAt = req.now
        try await req.db.transaction { db in
            try await token.create(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .tokenCreate, targetType: .token, targetID: token.id, label: name)
        }
        return try await profile(req, newToken: secret)
    }

    static func revokeToken(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("tokenID", as: UUID.self),
              let token = try await APITokenModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
                .filter(\.$userID == principal.userID).filter(\.$id == id).first() else { throw AppError.notFound }
        if token.revokedAt == nil {
            token.revokedAt = req.now
            try await req.db.transaction { db in
                try await token.save(on: db)
                try await Auditor.record(req.auditActor(principal), on: db, action: .tokenRevoke, targetType: .token, targetID: token.id, label: token.name)
            }
        }
        return .seeOther(SiteRoute.profile.path, flash: req.l10n.t("Token dicabut.", "Token revoked."))
    }
}
