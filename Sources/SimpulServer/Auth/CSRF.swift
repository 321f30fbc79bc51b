import Vapor

/// Synchronizer tokens: each session has one random token that every form posts back. The
/// login form, which has no session yet, uses a cookie-bound token instead.
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
}
