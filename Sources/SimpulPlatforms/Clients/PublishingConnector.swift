import Foundation
import SimpulCore

/// A new post for an account's own timeline.
public struct OutboundPost: Sendable, Equatable {
    /// The caption as the platform should show it (link and hashtags already placed).
    public var text: String
    /// Facebook attaches a link beside the text; elsewhere it is part of `text`.
    public var link: String?
    /// Public addresses of the images, which the platform fetches itself (Instagram).
    public var imageURLs: [String]

    public init(text: String, link: String? = nil, imageURLs: [String] = []) {
        self.text = text
        self.link = link
        self.imageURLs = imageURLs
    }
}

/// A post on the platform, as publishing returns it or as the account's timeline lists it.
public struct PublishedPost: Sendable, Equatable {
    public var id: String
    public var url: String?
    public var text: String?
    public var createdAt: Date?

    public init(id: String, url: String? = nil, text: String? = nil, createdAt: Date? = nil) {
        self.id = id
        self.url = url
        self.text = text
        self.createdAt = createdAt
    }

    /// Whether this post carries `text`: the platforms shorten links (X's t.co) and may trim
    /// white space, so links are left out and white space runs compared as one space.
    public func carries(_ text: String) -> Bool {
        guard let mine = self.text else { return false }
        return Self.comparable(mine) == Self.comparable(text)
    }

    static func comparable(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for span in LinkFinder.links(in: text).reversed() { scalars.removeSubrange(span.start..<span.end) }
        return String(String.UnicodeScalarView(scalars)).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// A platform Simpul publishes to. No platform takes an idempotency key for a new post, so a
/// publisher that lost track of a call (crash, timeout) looks at `recentPosts` before it
/// tries again, and never posts twice.
public protocol PublishingConnector: PlatformConnector {
    func publish(_ post: OutboundPost) async throws(PlatformError) -> PublishedPost
    /// The account's own posts created at or after `since`, newest first (one page).
    func recentPosts(since: Date) async throws(PlatformError) -> [PublishedPost]
}

extension MetaGraphConnector: PublishingConnector {
    /// Facebook: `POST /{page-id}/feed` (text and link). Instagram: one image by its public
    /// URL, container then publish; a post without exactly one image is refused before any call.
    public func publish(_ post: OutboundPost) async throws(PlatformError) -> PublishedPost {
        guard surface == .facebookPage else {
            guard post.imageURLs.count == 1 else {
                throw .rejected(status: 0, code: "media_required", detail: "Instagram posts need an image or a video")
            }
            let id = try await publishInstagramImage(imageURL: post.imageURLs[0], caption: post.text)
            return PublishedPost(id: id, text: post.text)
        }
        guard post.imageURLs.isEmpty else {
            throw .rejected(status: 0, code: "unsupported", detail: "Page photo posts are not published by Simpul yet")
        }
        let id = try await publishPagePost(message: post.text, link: post.link)
        return PublishedPost(id: id, url: "https://www.facebook.com/\(id)", text: post.text)
    }

    /// Facebook: `GET /{page-id}/posts?fields=id,message,created_time,permalink_url&since=…`.
    /// Instagram: `GET /{ig-user-id}/media?fields=id,caption,timestamp,permalink` (no time filter;
    /// the newest page is enough to find a post made minutes ago).
    public func recentPosts(since: Date) async throws(PlatformError) -> [PublishedPost] {
        let id = try accountID()
        let json: JSONValue
        if surface == .facebookPage {
            json = try await graph.call("GET", [id, "posts"], query: [("fields", "id,message,created_time,permalink_url"),
                                                                      ("since", String(Int(since.timeIntervalSince1970))), ("limit", "25")])
        } else {
            json = try await graph.call("GET", [id, "media"], query: [("fields", "id,caption,timestamp,permalink"), ("limit", "25")])
        }
        guard let items = json["data"]?.array else { throw graph.http.invalid("posts response has no data list") }
        return items.compactMap { item -> PublishedPost? in
            guard let postID = item["id"]?.idString else { return nil }
            let created = Timestamp.date(item["created_time"] ?? item["timestamp"])
            if let created, created < since { return nil }
            return PublishedPost(id: postID, url: (item["permalink_url"] ?? item["permalink"])?.string,
                                 text: (item["message"] ?? item["caption"])?.string, createdAt: created)
        }
    }
}

extension XConnector: PublishingConnector {
    /// `POST /2/tweets`.
    public func publish(_ post: OutboundPost) async throws(PlatformError) -> PublishedPost {
        guard post.imageURLs.isEmpty else {
            throw .rejected(status: 0, code: "unsupported", detail: "media on X is not published by Simpul yet")
        }
        let id = try await self.post(text: post.text)
        return PublishedPost(id: id, url: "https://x.com/i/web/status/\(id)", text: post.text)
    }

    /// `GET /2/users/{xUserID}/tweets?start_time=…&tweet.fields=created_at`.
    public func recentPosts(since: Date) async throws(PlatformError) -> [PublishedPost] {
        let userID = try ConnectorHTTP.require(credentials.xUserID, "xUserID")
        let query = [("start_time", Self.timestamp(since)), ("max_results", "20"), ("tweet.fields", "created_at")]
        let json = try await http.json(try request("GET", ["2", "users", userID, "tweets"], query: query))
        // No posts in the window: X leaves `data` out.
        let items = json["data"]?.array ?? []
        return items.compactMap { item -> PublishedPost? in
            guard let id = item["id"]?.idString else { return nil }
            return PublishedPost(id: id, url: "https://x.com/i/web/status/\(id)", text: item["text"]?.string, createdAt: Timestamp.date(item["created_at"]))
        }
    }

    /// X wants RFC 3339 in UTC, whole seconds.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
