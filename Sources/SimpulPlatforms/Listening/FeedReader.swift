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
///
/// Redirects are followed here, not by the HTTP client, so that the guard checks every hop:
/// the transport must hand 3xx answers back as they are.
public struct FeedReader: Sendable {
    let http: ConnectorHTTP
    let outbound: OutboundGuard?
    static let redirects: Set<Int> = [301, 302, 303, 307, 308]
    static let maxRedirects = 5

    /// Codes of the refusals made before anything was sent.
    public enum RefusalCode {
        public static let internalAddress = "internal_address"
        public static let unknownHost = "unknown_host"
        public static let tooManyRedirects = "too_many_redirects"
    }

    public init(transport: any HTTPTransport, guard outbound: OutboundGuard? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        http = ConnectorHTTP(transport: transport, classify: { response, now in
            response.status == 304 || (200..<300).contains(response.status) || Self.redirects.contains(response.status)
                ? nil : ErrorClassifier.byStatus(response, now: now, service: "feed")
        }, now: now, secrets: [])
        self.outbound = outbound
    }

    /// Only http and https feeds: a tenant's typed address must not reach files or other schemes.
    public static func feedURL(_ text: String) -> URL? {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false else { return nil }
        return url
    }

    /// The guard's verdict on one address, as the refusal the poller reports.
    public static func refusal(_ refusal: OutboundGuard.Refusal) -> PlatformError {
        switch refusal {
        case .unresolvable(let host): .rejected(status: 0, code: RefusalCode.unknownHost, detail: host)
        case .internalAddress(let host, let address):
            .rejected(status: 0, code: RefusalCode.internalAddress, detail: host == address.description ? host : "\(host) → \(address)")
        }
    }

    public func fetch(_ url: URL, validators: FeedValidators?) async throws(PlatformError) -> FeedFetch {
        var headers = [("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1")]
        if let etag = validators?.etag { headers.append(("If-None-Match", etag)) }
        if let lastModified = validators?.lastModified { headers.append(("If-Modified-Since", lastModified)) }
        var target = url
        for _ in 0...Self.maxRedirects {
            guard Self.feedURL(target.absoluteString) != nil else { throw .rejected(status: 0, code: nil, detail: "feed address must be http or https") }
            do {
                try await outbound?.check(target)
            } catch {
                throw Self.refusal(error)
            }
            let response = try await http.send(HTTPRequestSpec(method: "GET", url: target, headers: headers))
            if Self.redirects.contains(response.status) {
                guard let location = response.header("Location"), let next = URL(string: location, relativeTo: target)?.absoluteURL else {
                    throw .invalidResponse(detail: "HTTP \(response.status) without a Location")
                }
                target = next
                continue
            }
            if response.status == 304 { return .notModified }
            let feed: Feed
            do {
                feed = try FeedParser.parse(response.body)
            } catch {
                throw http.invalid(error.description)
            }
            return .updated(feed, FeedValidators(etag: response.header("ETag"), lastModified: response.header("Last-Modified")))
        }
        throw .rejected(status: 0, code: RefusalCode.tooManyRedirects, detail: "more than \(Self.maxRedirects) redirects")
    }
}
