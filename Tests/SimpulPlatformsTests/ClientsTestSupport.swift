import Foundation
import Testing
@testable import SimpulPlatforms

/// A fake `HTTPTransport` for the connector tests: records every request and answers with the
/// canned responses in order (status 599 once they run out), or throws `failure`.
final class ClientsFakeTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [HTTPResponseSpec]
    private var recorded: [HTTPRequestSpec] = []
    private let failure: (any Error)?

    init(_ responses: [HTTPResponseSpec] = [], failure: (any Error)? = nil) {
        queue = responses
        self.failure = failure
    }

    var requests: [HTTPRequestSpec] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseSpec {
        try answer(request)
    }

    private func answer(_ request: HTTPRequestSpec) throws -> HTTPResponseSpec {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(request)
        if let failure { throw failure }
        guard !queue.isEmpty else { return HTTPResponseSpec(status: 599, body: Data("no canned response left".utf8)) }
        return queue.removeFirst()
    }
}

/// A transport error whose description leaks what it was given (as some clients' do).
struct ClientsLeakyTransportError: Error, CustomStringConvertible {
    var text: String
    var description: String { "connection reset while sending \(text)" }
}

enum ClientsKit {
    static let token = "EAAtoken-abc123"
    static let appSecret = "app-secret-xyz"
    /// hex HMAC-SHA256(key: appSecret, message: token), computed independently.
    static let appSecretProof = "6c7a6fc983766b2c3ebb0045b9962a831254b74029637955c0f2dd772cbfefed"

    static let endpoints = PlatformEndpoints(
        graphBaseURL: URL(string: "https://graph.example.test")!, graphVersion: "v21.0",
        xBaseURL: URL(string: "https://x.example.test")!,
        youtubeBaseURL: URL(string: "https://yt.example.test/youtube/v3")!,
        tiktokBaseURL: URL(string: "https://tiktok.example.test")!)

    static let now = Date(timeIntervalSince1970: 1_717_243_200) // 2024-06-01T12:00:00Z

    static func response(_ status: Int, _ body: String, headers: [(String, String)] = []) -> HTTPResponseSpec {
        HTTPResponseSpec(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(body.utf8))
    }

    static func response(_ body: String, headers: [(String, String)] = []) -> HTTPResponseSpec {
        response(200, body, headers: headers)
    }

    static func fixture(_ path: String) throws -> HTTPResponseSpec {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/upstream/\(path)")
        return HTTPResponseSpec(status: 200, headers: [("Content-Type", "application/json")], body: try Data(contentsOf: url))
    }

    static func path(_ request: HTTPRequestSpec) -> String {
        URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
    }

    static func host(_ request: HTTPRequestSpec) -> String? {
        request.url.host
    }

    /// Query items, decoded; fails the comparison on duplicates by keeping both.
    static func query(_ request: HTTPRequestSpec) -> [String: String] {
        var items: [String: String] = [:]
        for item in URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? [] {
            items[item.name] = items[item.name].map { $0 + "|" + (item.value ?? "") } ?? (item.value ?? "")
        }
        return items
    }

    static func header(_ request: HTTPRequestSpec, _ name: String) -> String? {
        request.headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// Decoded `application/x-www-form-urlencoded` body.
    static func form(_ request: HTTPRequestSpec) -> [String: String] {
        let text = String(decoding: request.body ?? Data(), as: UTF8.self)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    /// The JSON body equals `expected` as JSON (key order and spacing ignored).
    static func body(_ request: HTTPRequestSpec, equals expected: String) -> Bool {
        guard let body = request.body, let actual = JSONValue.parseIfJSON(body),
              let wanted = JSONValue.parseIfJSON(Data(expected.utf8)) else { return false }
        return actual == wanted
    }

    static func credentials(_ build: (inout AccountCredentials) -> Void = { _ in }) -> AccountCredentials {
        var credentials = AccountCredentials(accessToken: token)
        build(&credentials)
        return credentials
    }

    /// Runs a throwing connector call and returns its `PlatformError` (nil when it succeeded).
    static func error<T>(_ call: () async throws -> T) async -> PlatformError? {
        do {
            _ = try await call()
            return nil
        } catch let error as PlatformError {
            return error
        } catch {
            Issue.record("not a PlatformError: \(error)")
            return nil
        }
    }

    static func isAuthInvalid(_ error: PlatformError?) -> Bool {
        if case .authInvalid = error { return true }
        return false
    }
}

/// Collects what `withRetries` asked to sleep.
final class ClientsSleepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var durations: [Duration] = []
    var all: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return durations
    }
    func record(_ duration: Duration) {
        lock.lock()
        defer { lock.unlock() }
        durations.append(duration)
    }
}
