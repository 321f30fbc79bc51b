import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Turns every error into the answer its caller can use: JSON under /api, a page in the
/// reader's language elsewhere, a redirect to the login page for a browser without a session.
/// Anything unexpected is a 500, logged with context, and never shows internals.
struct AppErrorMiddleware: Middleware {
    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: req).flatMapErrorThrowing { error in render(error, for: req) }
    }

    struct Described {
        var status: HTTPResponseStatus
        var code: String
        var message: String
        var fields: FieldErrors?
    }

    func describe(_ error: Error, _ req: Request) -> Described {
        let l = req.l10n
        switch error {
        case let app as AppError:
            let message: String = switch app {
            case .unauthenticated: l.t("Anda perlu masuk terlebih dahulu.", "You need to sign in first.")
            case .forbidden: l.t("Anda tidak berwenang melakukan ini.", "You are not allowed to do this.")
            case .notFound: l.t("Halaman atau data tidak ditemukan.", "Page or record not found.")
            case .csrfRejected: l.t("Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.", "The form expired or is not valid. Reload the page and try again.")
            case .tooManyAttempts(let minutes): l.t("Terlalu banyak percobaan. Coba lagi dalam \(minutes) menit.", "Too many attempts. Try again in \(minutes) minutes.")
            case .invalid: l.t("Data yang dikirim belum benar.", "The data sent is not valid.")
            case .badRequest(let field): l.t("Nilai \(field) tidak valid.", "Invalid value for \(field).")
            case .payloadTooLarge: l.t("Kiriman terlalu besar.", "The request is too large.")
            }
            if case .invalid(let fields) = app { return Described(status: app.status, code: app.code, message: message, fields: fields) }
            return Described(status: app.status, code: app.code, message: message)
        case let box as FieldErrorsBox:
            return Described(status: .unprocessableEntity, code: "validation_failed", message: l.t("Data yang dikirim belum benar.", "The data sent is not valid."), fields: box.errors)
        case let decoding as APIDecodingFailure:
            let field = decoding.field.isEmpty ? l.t("isi permintaan", "the request body") : decoding.field
            let message: String = switch decoding.problem {
            case .wrongType(let type): l.t("Kolom \(field) harus bertipe \(jsonType(type)).", "\(field) must be of type \(jsonType(type)).")
            case .missing: l.t("Kolom \(field) wajib ada.", "Field \(field) is required.")
            case .malformed: l.t("Isi permintaan bukan JSON yang sah.", "The request body is not valid JSON.")
            }
            return Described(status: .badRequest, code: "bad_request", message: message)
        case let database as any DatabaseError where database.isConstraintFailure:
            // Two people saving the same handle or code at the same instant: the checks before
            // the write passed for both, the database's unique key stopped the second.
            return Described(status: .conflict, code: "conflict", message: l.t("Data ini baru saja diubah atau dipakai orang lain. Muat ulang lalu coba lagi.", "Someone else just changed or used this. Reload and try again."))
        case let contention where contention.isWriteContention:
            // Another write held the database for longer than this one could wait; nothing of
            // this request was kept.
            return Described(status: .serviceUnavailable, code: "busy", message: l.t("Server sedang sibuk menyimpan data lain. Coba lagi sebentar lagi.", "The server is busy saving other data. Try again in a moment."))
        case is DecodingError:
            return Described(status: .badRequest, code: "bad_request", message: l.t("Isi permintaan tidak dapat dibaca.", "The request could not be read."))
        case let abort as AbortError:
            let message: String = switch abort.status {
            case .notFound: l.t("Halaman atau data tidak ditemukan.", "Page or record not found.")
            case .payloadTooLarge: l.t("Kiriman terlalu besar.", "The request is too large.")
            case .methodNotAllowed: l.t("Metode tidak diizinkan untuk alamat ini.", "Method not allowed here.")
            case .unsupportedMediaType: l.t("Jenis isi kiriman tidak didukung.", "Unsupported content type.")
            default: abort.status.code < 500 ? l.t("Permintaan tidak valid.", "Invalid request.") : l.t("Terjadi kesalahan di server.", "Server error.")
            }
            let code = switch abort.status {
            case .notFound: "not_found"
            case .payloadTooLarge: "payload_too_large"
            case .methodNotAllowed: "method_not_allowed"
            case .unsupportedMediaType: "unsupported_media_type"
            default: abort.status.code < 500 ? "bad_request" : "server_error"
            }
            return Described(status: abort.status, code: code, message: message)
        default:
            return Described(status: .internalServerError, code: "server_error", message: l.t("Terjadi kesalahan di server. Tim teknis sudah dicatat.", "A server error occurred and was logged."))
        }
    }

    /// The JSON name of the type a decoder expected; containers first, since
    /// "Dictionary<String, Any>" also mentions String.
    func jsonType(_ swiftType: String) -> String {
        if swiftType.hasPrefix("Dictionary") { return "object" }
        if swiftType.hasPrefix("Array") { return "array" }
        if swiftType.contains("String") { return "string" }
        if swiftType.contains("Int") || swiftType.contains("Double") { return "number" }
        if swiftType.contains("Bool") { return "boolean" }
        return "object"
    }

    func render(_ error: Error, for req: Request) -> Response {
        var described = describe(error, req)
        if described.status.code >= 500 {
            req.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(req.url.path)", "method": "\(req.method.rawValue)"])
        }
        // Machines call the API and the webhooks: they get JSON errors, never a login redirect.
        let isAPI = req.url.path.hasPrefix("/api/") || req.url.path.hasPrefix("/webhooks/")
        if isAPI {
            if described.status == .unauthorized {
                described.message = req.l10n.t("Token API tidak ada, salah, atau sudah dicabut.", "API token missing, wrong or revoked.")
            }
            return json(described, req)
        }
        if case AppError.unauthenticated = error {
            let next = req.method == .GET ? req.url.string : SiteRoute.home.path
            return .seeOther(SiteRoute.loginForm.path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        let ctx = PageContext(req)
        let l = ctx.l
        var items: [String] = []
        if let fields = described.fields { items = fields.items.map { l.issue($0.issue, label: $0.field) } }
        let html = Layout.page(ctx, title: title(described.status, l),
            .p(.class("lead"), .text(described.message)),
            .if(!items.isEmpty, .ul(.forEach(items) { .li(.text($0)) })),
            .p(.a(.href(SiteRoute.home.path), .text(l.t("Kembali ke Beranda", "Back to Home")))))
        return html.response(described.status)
    }

    func title(_ status: HTTPResponseStatus, _ l: L10n) -> String {
        switch status.code {
        case 400: l.t("Permintaan tidak valid", "Bad request")
        case 403: l.t("Akses ditolak", "Access denied")
        case 404: l.t("Tidak ditemukan", "Not found")
        case 409: l.t("Terjadi bentrokan data", "Conflict")
        case 413: l.t("Kiriman terlalu besar", "Too large")
        case 422: l.t("Data belum benar", "Invalid data")
        case 429: l.t("Terlalu banyak percobaan", "Too many attempts")
        case 500...: l.t("Kesalahan server", "Server error")
        default: l.t("Permintaan gagal", "Request failed")
        }
    }

    func json(_ d: Described, _ req: Request) -> Response {
        let l = req.l10n
        let fields = d.fields.map { errors in
            errors.items.map { APIErrorBody.FieldMessage(field: $0.field, message: l.issue($0.issue, label: $0.field)) }
        }
        let body = APIErrorBody(error: .init(code: d.code, message: d.message, fields: fields))
        let response = Response(status: d.status)
        try? response.content.encode(body, as: .json)
        if d.status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        return response
    }
}
