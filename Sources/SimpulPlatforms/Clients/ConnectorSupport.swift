import Foundation

// Shared plumbing for the connectors: URL and form encoding, and the send → classify → redact
// step every call goes through. JSON, read and written, is the parsers' `JSONValue`.

/// URL, query and form encoding shared by the connectors.
enum ConnectorURL {
    /// RFC 3986 unreserved characters: everything else in a path segment, query or form
    /// value is percent-encoded (so "+" never turns into a space on the server).
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    /// Query values may keep "," so field lists stay readable (`tweet.fields=a,b`).
    private static let queryValue = unreserved.union(CharacterSet(charactersIn: ","))

    static func encode(_ value: String, allowing set: CharacterSet = unreserved) -> String {
        value.addingPercentEncoding(withAllowedCharacters: set) ?? ""
    }

    /// An id that goes into a path. Refused locally (no HTTP call) when it could change the
    /// path's meaning.
    static func checkedID(_ id: String, _ what: String) throws(PlatformError) -> String {
        let trimmed = id.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed != ".", trimmed != ".." else {
            throw .rejected(status: 0, code: "invalid_id", detail: "\(what) is empty or not an id")
        }
        return trimmed
    }

    /// `base` + "/" + each segment percent-encoded, then the query in the order given.
    static func make(_ base: URL, _ segments: [String], trailingSlash: Bool = false,
                     query: [(String, String)] = []) throws(PlatformError) -> URL {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
            throw .rejected(status: 0, code: "invalid_url", detail: "endpoint base URL is not usable")
        }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        for segment in segments {
            path += "/" + encode(segment)
        }
        if trailingSlash { path += "/" }
        components.percentEncodedPath = path
        components.percentEncodedQuery = query.isEmpty ? nil : formString(query, allowing: queryValue)
        guard let url = components.url else {
            throw .rejected(status: 0, code: "invalid_url", detail: "could not build a request URL")
        }
        return url
    }

    static func formString(_ pairs: [(String, String)], allowing set: CharacterSet = unreserved) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1, allowing: set) }.joined(separator: "&")
    }

    static func formBody(_ pairs: [(String, String)]) -> Data {
        Data(formString(pairs).utf8)
    }
}

/// One connector's way to the platform: sends a request, turns every failure into a
/// `PlatformError`, and removes the account's secrets from any text it passes on.
struct ConnectorHTTP: Sendable {
    let transport: any HTTPTransport
    let classify: @Sendable (HTTPResponseSpec, Date) -> PlatformError?
    let now: @Sendable () -> Date
    /// Values that must never appear in an error: the access token, the app secret, the
    /// appsecret_proof.
    let secrets: [String]

    func send(_ request: HTTPRequestSpec) async throws(PlatformError) -> HTTPResponseSpec {
        let response: HTTPResponseSpec
        do {
            response = try await transport.send(request)
        } catch is CancellationError {
            throw .transient(status: 0, detail: "request cancelled")
        } catch let refused as PlatformError {
            // A transport that refuses on its own (a body over its size limit) says why itself.
            throw refused.redacting(secrets)
        } catch {
            throw PlatformError.transient(status: 0, detail: "transport failure: \(String(describing: error))").redacting(secrets)
        }
        if let failure = classify(response, now()) {
            throw failure.redacting(secrets)
        }
        return response
    }

    /// Sends and reads the body as JSON; a 2xx that is not JSON is `.invalidResponse`.
    func json(_ request: HTTPRequestSpec) async throws(PlatformError) -> JSONValue {
        let response = try await send(request)
        guard let json = JSONValue.parseIfJSON(response.body) else {
            throw PlatformError.invalidResponse(detail: "HTTP \(response.status) body is not JSON (\(response.body.count) bytes)")
        }
        return json
    }

    func invalid(_ detail: String) -> PlatformError {
        PlatformError.invalidResponse(detail: detail).redacting(secrets)
    }

    static func bearer(_ token: String) -> (String, String) { ("Authorization", "Bearer \(token)") }

    /// A bearer-authorised request with an optional JSON body, as X, YouTube and TikTok take them.
    static func bearerRequest(_ method: String, url: URL, token: String, json: JSONValue?, contentType: (String, String)?) -> HTTPRequestSpec {
        var headers = [bearer(token), acceptJSON]
        if let contentType { headers.append(contentType) }
        return HTTPRequestSpec(method: method, url: url, headers: headers, body: json?.encoded())
    }
    static let acceptJSON = ("Accept", "application/json")
    static let contentJSON = ("Content-Type", "application/json")
    static let contentForm = ("Content-Type", "application/x-www-form-urlencoded")

    /// Throws `authInvalid` naming the missing credential; called before any request is made.
    static func require(_ value: String?, _ name: String) throws(PlatformError) -> String {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .authInvalid(detail: "credential missing: \(name)")
        }
        return value
    }
}
