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

/// Bodies an API client can get wrong, each with the answer it must get: never a 5xx, always
/// the structured error body.
enum APIBadInput {
    static func sweep(_ app: Application, token: String, _ method: HTTPMethod, _ path: String, wrongType: String,
                      sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let cases: [(String, HTTPMediaType?, String?, UInt)] = [
            ("not JSON", .json, "{title:", 400),
            ("a JSON array", .json, "[]", 400),
            ("a field of the wrong type", .json, wrongType, 400),
            ("no body", .json, nil, 400),
            ("a form instead of JSON", .urlEncodedForm, "title=x", 400),
            ("too large", .json, #"{"title":""# + String(repeating: "a", count: 300 * 1024) + #""}"#, 413),
        ]
        for (what, type, body, status) in cases {
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            if let type { headers.contentType = type }
            let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
            #expect(response.status.code == status, "\(method) \(path) with \(what): \(response.status.code)", sourceLocation: sourceLocation)
            #expect(try response.errorCode() != nil, "\(method) \(path) with \(what): \(response.body.string.prefix(200))", sourceLocation: sourceLocation)
        }
    }
}
