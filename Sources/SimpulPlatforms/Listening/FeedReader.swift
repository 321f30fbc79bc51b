import Foundation

/// The validators a feed's server gave last time, sent back so that an unchanged feed costs a
/// 304 and no parsing.
public struct FeedValidators: Codable, Equatable, Sendable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

public enum FeedFetch: Equatable, Sendable {
    case notModified
    case updated(Feed, FeedValidators)
}

/// Fetches a news feed the tenant listed, with a conditional GET (If-None-Match,
/// If-Modified-Since). A 304 reads nothing; a feed that cannot be parsed is an
/// `invalidResponse` and the caller keeps its old validators, so nothing is lost.
public struct FeedReader: Sendable {
    let http: ConnectorHTTP

    public init(transport: any HTTPTransport, now: @escaping @Sendable () -> Date = { Date() }) {
        http = ConnectorHTTP(transport: transport, classify: { response, now in
            response.status == 304 || (200..<300).contains(response.status) ? nil : ErrorClassifier.byStatus(response, now: now, service: "feed")
        }, now: now, secrets: [])
    }

    /// Only http and https feeds: a tenant's typed address must not reach files or other schemes.
    public static func feedURL(_ text: String) -> URL? {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false else { return nil }
        return url
    }

    public func fetch(_ url: URL, validators: FeedValidators?) async throws(PlatformError) -> FeedFetch {
        guard Self.feedURL(url.absoluteString) != nil else { throw .rejected(status: 0, code: nil, detail: "feed address must be http or https") }
        var headers = [("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1")]
        if let etag = validators?.etag { headers.append(("If-None-Match", etag)) }
        if let lastModified = validators?.lastModified { headers.append(("If-Modified-Since", lastModified)) }
        let response = try await http.send(HTTPRequestSpec(method: "GET", url: url, headers: headers))
        if response.status == 304 { return .notModified }
        let feed: Feed
        do {
            feed = try FeedParser.parse(response.body)
        } catch {
            throw http.invalid(error.description)
        }
        return .updated(feed, FeedValidators(etag: response.header("ETag"), lastModified: response.header("Last-Modified")))
    }
}
