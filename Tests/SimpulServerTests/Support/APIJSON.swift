import Foundation
import Testing
import VaporTesting

/// Reading /api/v1 answers in tests: the body as JSON, a list's rows and cursor, and the
/// per-field messages of a 422.
extension TestingHTTPResponse {
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any], "not a JSON object: \(body.string)")
    }

    func rows() throws -> [[String: Any]] {
        try #require(try object()["data"] as? [[String: Any]], "no data array: \(body.string)")
    }

    func nextCursor() throws -> String? {
        try object()["next_cursor"] as? String
    }

    /// field → message of a validation failure.
    func fieldMessages() throws -> [String: String] {
        let error = try #require(try object()["error"] as? [String: Any])
        let fields = (error["fields"] as? [[String: Any]]) ?? []
        return Dictionary(fields.compactMap { entry in (entry["field"] as? String).map { ($0, entry["message"] as? String ?? "") } }, uniquingKeysWith: { a, _ in a })
    }

    func errorCode() throws -> String? {
        (try object()["error"] as? [String: Any])?["code"] as? String
    }
}
