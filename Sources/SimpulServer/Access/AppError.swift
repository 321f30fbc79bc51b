import SimpulCore
import Vapor

/// The errors a user can cause. Each carries its HTTP status and a message key; the error
/// middleware renders it as a page or as JSON depending on where the request came in.
enum AppError: Error, AbortError {
    case unauthenticated
    case forbidden
    case notFound
    case csrfRejected
    case tooManyAttempts(minutes: Int)
    case invalid(FieldErrors)
    case badRequest(String)
    case payloadTooLarge

    var status: HTTPResponseStatus {
        switch self {
        case .unauthenticated: .unauthorized
        case .forbidden, .csrfRejected: .forbidden
        case .notFound: .notFound
        case .tooManyAttempts: .tooManyRequests
        case .invalid: .unprocessableEntity
        case .badRequest: .badRequest
        case .payloadTooLarge: .payloadTooLarge
        }
    }

    var reason: String { code }

    var code: String {
        switch self {
        case .unauthenticated: "unauthenticated"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .csrfRejected: "csrf_rejected"
        case .tooManyAttempts: "too_many_attempts"
        case .invalid: "validation_failed"
        case .badRequest: "bad_request"
        case .payloadTooLarge: "payload_too_large"
        }
    }
}
