import Crypto
import Foundation
import Vapor

/// Synchronizer tokens: each session has one random token that every form posts back. The
/// login form, which has no session yet, uses a token that the cookie and the form field both
/// carry, signed by this server (see `LoginToken`).
enum CSRF {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"
    static let loginCookie = "simpul_login_csrf"

    static func submitted(_ req: Request) -> String? {
        if let header = req.headers.first(name: header) { return header }
        return try? req.content.get(String.self, at: field)
    }

    static func verify(_ req: Request, expected: String?) throws {
        guard let expected, !expected.isEmpty, let submitted = submitted(req),
              Secrets.constantTimeEquals(expected, submitted) else {
            throw AppError.csrfRejected
        }
    }

    /// The login form's check: the cookie's token was issued here and is fresh, the form sent it
    /// back, and the browser says the post did not come from another site.
    static func verifyLogin(_ req: Request) throws {
        // Sec-Fetch-Site "same-site" is a sibling subdomain: exactly who could plant a cookie.
        if let site = req.headers.first(name: "Sec-Fetch-Site"), site == "cross-site" || site == "same-site" { throw AppError.csrfRejected }
        let cookie = req.cookies[loginCookie]?.string
        guard let cookie, LoginToken(key: req.application.settings.secretKey).isValid(cookie, now: req.now) else { throw AppError.csrfRejected }
        try verify(req, expected: cookie)
    }
}

/// A login form token: random bytes and the time of issue, with an HMAC under a key derived
/// from the server's secret. A double-submit cookie alone believes whatever value an attacker
/// managed to set; this one believes only values this server issued in the last hour.
struct LoginToken {
    static let lifetime: TimeInterval = 3600
    private let key: SymmetricKey

    init(key secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data(("simpul-login-csrf\u{0}" + secret).utf8)))
    }

    func issue(now: Date) -> String {
        let body = Secrets.random(bytes: 18) + "." + String(Int(now.timeIntervalSince1970))
        return body + "." + signature(body)
    }

    /// `within`: how old it may be; the login page hands out a new token before the old one
    /// could expire while the person types.
    func isValid(_ token: String, now: Date, within: TimeInterval = Self.lifetime) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let issued = Int(parts[1]) else { return false }
        let age = now.timeIntervalSince1970 - Double(issued)
        guard age >= -60, age <= within else { return false }
        return Secrets.constantTimeEquals(signature(parts[0] + "." + parts[1]), String(parts[2]))
    }

    private func signature(_ body: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: key).map { String(format: "%02x", $0) }.joined()
    }
}
