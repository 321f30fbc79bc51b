import Foundation

/// YouTube Data API v3 `search.list` for a listening rule's terms, limited to videos published
/// in the tenant's region and language since the last run.
///
/// Each call costs 100 quota units of the project's daily 10,000, so a run pages at most
/// `maxPages` times. Credential: an API key (`key=`), since public search needs no user.
public struct YouTubeSearch: Sendable {
    let endpoints: PlatformEndpoints
    let apiKey: String?
    let http: ConnectorHTTP
    public let maxPages: Int

    public static let quotaPerCall = 100
    public static let maxQueryLength = 500

    public init(transport: any HTTPTransport, endpoints: PlatformEndpoints, apiKey: String?, maxPages: Int = 2,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.endpoints = endpoints
        self.apiKey = apiKey
        self.maxPages = max(1, maxPages)
        http = ConnectorHTTP(transport: transport, classify: ErrorClassifier.youtube, now: now, secrets: [apiKey].compactMap { $0 })
    }

    /// Videos matching `query` published after `cursor` (an RFC 3339 time written by an earlier
    /// run), newest first. The new cursor is the newest publish time seen.
    public func search(query: String, cursor: String?, regionCode: String = "ID", language: String = "id") async throws(PlatformError) -> SearchPage {
        let key = try ConnectorHTTP.require(apiKey, "apiKey")
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= Self.maxQueryLength else {
            throw .rejected(status: 0, code: nil, detail: "search query must be 1–\(Self.maxQueryLength) characters")
        }
        let after = cursor.flatMap(RFC3339.parse)
        var items: [ListenedItem] = []
        var newest = after
        var pageToken: String?
        var calls = 0
        repeat {
            var query: [(String, String)] = [("part", "snippet"), ("type", "video"), ("order", "date"), ("maxResults", "50"),
                                              ("q", trimmed), ("regionCode", regionCode), ("relevanceLanguage", language)]
            if let after { query.append(("publishedAfter", RFC3339.format(after))) }
            if let pageToken { query.append(("pageToken", pageToken)) }
            query.append(("key", key))
            let url = try ConnectorURL.make(endpoints.youtubeBaseURL, ["search"], query: query)
            let json = try await http.json(HTTPRequestSpec(method: "GET", url: url, headers: [ConnectorHTTP.acceptJSON]))
            calls += 1
            guard let results = json["items"]?.array else { throw http.invalid("search response has no items array") }
            for result in results {
                guard let videoID = result["id"]?["videoId"]?.string, !videoID.isEmpty, let snippet = result["snippet"] else { continue }
                let published = snippet["publishedAt"]?.string.flatMap(RFC3339.parse)
                // publishedAfter is inclusive at the second: the newest video of the last run comes back.
                if let after, let published, published <= after { continue }
                let title = snippet["title"]?.string ?? ""
                let description = snippet["description"]?.string ?? ""
                items.append(ListenedItem(source: .youtubeSearch, externalID: videoID, url: "https://www.youtube.com/watch?v=\(videoID)",
                                          title: title, text: description.isEmpty ? title : title + "\n" + description,
                                          authorName: snippet["channelTitle"]?.string, authorHandle: snippet["channelId"]?.string,
                                          publishedAt: published))
                if let published, newest.map({ published > $0 }) ?? true { newest = published }
            }
            pageToken = json["nextPageToken"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        } while pageToken != nil && calls < maxPages
        return SearchPage(items: items, cursor: newest.map(RFC3339.format) ?? cursor, reads: items.count, calls: calls)
    }
}

/// RFC 3339 times as Google's APIs and Atom feeds write them, with or without fractions.
enum RFC3339 {
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
