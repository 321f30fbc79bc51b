import Fluent
import Vapor

/// Browser sessions: a random secret in an HttpOnly cookie, looked up by its hash, with an
/// idle timeout and an absolute lifetime.
enum SessionAuthenticator {
    static let cookieName = "simpul_session"
    /// last_seen_at is written at most this often, so reading pages does not mean writing rows.
    static let touchInterval: TimeInterval = 60

    /// Cookie value "<tenant id>.<secret>": the tenant id lets the lookup use the tenant-first key.
    static func authenticate(_ req: Request) async throws {
        guard req.principal == nil, let value = req.cookies[cookieName]?.string else { return }
        let parts = value.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let tenantID = UUID(uuidString: String(parts[0])) else { return }
        let hash = Secrets.fingerprint(String(parts[1]))
        guard let session = try await SessionModel.query(on: req.db)
            .filter(\.$tenantID == tenantID).filter(\.$tokenHash == hash).first() else { return }
        let now = req.now
        let settings = req.application.settings
        let idleLimit = session.lastSeenAt.addingTimeInterval(TimeInterval(settings.sessionIdleMinutes * 60))
        if now >= session.expiresAt || now >= idleLimit {
            try await session.delete(on: req.db)
            return
        }
        guard let tenant = try await Tenant.find(tenantID, on: req.db),
              let user = try await UserModel.query(on: req.db).filter(\.$tenantID == tenantID).filter(\.$id == session.userID).first(),
              user.active else { return }
        if now.timeIntervalSince(session.lastSeenAt) >= touchInterval {
            session.lastSeenAt = now
            try await session.save(on: req.db)
        }
        req.principal = try await ScopeLoader.load(tenant: tenant, user: user, session: session, on: req.db)
    }

    static func start(for user: UserModel, tenant: Tenant, req: Request) async throws -> (SessionModel, HTTPCookies.Value) {
        let secret = Secrets.random()
        let now = req.now
        let session = SessionModel()
        session.tenantID = tenant.id!
        session.userID = user.id!
        session.tokenHash = Secrets.fingerprint(secret)
        session.csrfToken = Secrets.random()
        session.createdAt = now
        session.lastSeenAt = now
        session.expiresAt = now.addingTimeInterval(TimeInterval(req.application.settings.sessionMaxHours * 3600))
        session.ip = ClientAddress.of(req)
        session.userAgent = req.headers.first(name: .userAgent).map { String($0.prefix(250)) }
        try await session.create(on: req.db)
        let cookie = HTTPCookies.Value(
            string: "\(tenant.id!.uuidString).\(secret)",
            maxAge: req.application.settings.sessionMaxHours * 3600,
            path: "/", isSecure: req.application.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return (session, cookie)
    }

    static func endAll(userID: UUID, tenantID: UUID, except keep: UUID? = nil, on db: Database) async throws {
        var query = SessionModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$userID == userID)
        if let keep { query = query.filter(\.$id != keep) }
        try await query.delete()
    }
}

/// Bearer tokens for /api/v1: "spl_<tenant id hex>_<secret>".
enum TokenAuthenticator {
    static let prefix = "spl_"

    static func make(tenantID: UUID) -> String {
        prefix + tenantID.uuidString.replacingOccurrences(of: "-", with: "").lowercased() + "_" + Secrets.random()
    }

    static func parse(_ token: String) -> (tenantID: UUID, hash: String)? {
        guard token.hasPrefix(prefix) else { return nil }
        let body = token.dropFirst(prefix.count)
        let parts = body.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 32 else { return nil }
        let hex = Array(parts[0])
        let dashed = String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-" + String(hex[12..<16]) + "-" + String(hex[16..<20]) + "-" + String(hex[20..<32])
        guard let tenantID = UUID(uuidString: dashed) else { return nil }
        return (tenantID, Secrets.fingerprint(token))
    }

    static func authenticate(_ req: Request) async throws {
        guard req.principal == nil, let bearer = req.headers.bearerAuthorization,
              let (tenantID, hash) = parse(bearer.token) else { return }
        guard let token = try await APITokenModel.query(on: req.db)
            .filter(\.$tenantID == tenantID).filter(\.$tokenHash == hash).first(),
              token.revokedAt == nil,
              let tenant = try await Tenant.find(tenantID, on: req.db),
              let user = try await UserModel.query(on: req.db).filter(\.$tenantID == tenantID).filter(\.$id == token.userID).first(),
              user.active else { return }
        let now = req.now
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= SessionAuthenticator.touchInterval }) ?? true {
            token.lastUsedAt = now
            try await token.save(on: req.db)
        }
        req.principal = try await ScopeLoader.load(tenant: tenant, user: user, session: nil, on: req.db)
    }
}

enum ClientAddress {
    /// The client's IP; X-Forwarded-For is believed only when the operator says a proxy sets it.
    static func of(_ req: Request) -> String {
        if req.application.settings.trustForwardedFor,
           let forwarded = req.headers.first(name: .xForwardedFor)?.split(separator: ",").first {
            return String(forwarded.trimmingCharacters(in: .whitespaces).prefix(64))
        }
        return req.remoteAddress?.ipAddress ?? "unknown"
    }
}
