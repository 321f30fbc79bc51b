import Foundation
import SimpulCore

/// YouTube Data API v3 for one channel: comments are polled and answered.
///
/// Credentials: `accessToken` (OAuth 2.0, sent as a bearer token) and `channelID`.
public struct YouTubeConnector: PollingConnector, ReplyingConnector, MetricsConnector {
    let endpoints: PlatformEndpoints
    let credentials: AccountCredentials
    let http: ConnectorHTTP
    /// Pages of up to 100 comment threads read per poll.
    public let maxPages: Int

    public init(transport: any HTTPTransport, endpoints: PlatformEndpoints, credentials: AccountCredentials,
                maxPages: Int = 5, now: @escaping @Sendable () -> Date = { Date() }) {
        self.endpoints = endpoints
        self.credentials = credentials
        self.maxPages = max(1, maxPages)
        http = ConnectorHTTP(transport: transport, classify: ErrorClassifier.youtube, now: now,
                             secrets: [credentials.accessToken].compactMap { $0 })
    }

    public var platform: Platform { .youtube }
    public var capabilities: Set<ConnectorCapability> { [.poll, .reply, .fetchMetrics, .publish] }

    private func request(_ method: String, _ resource: String, query: [(String, String)],
                         json: JSONValue? = nil) throws(PlatformError) -> HTTPRequestSpec {
        let token = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let url = try ConnectorURL.make(endpoints.youtubeBaseURL, [resource], query: query)
        return ConnectorHTTP.bearerRequest(method, url: url, token: token, json: json, contentType: json == nil ? nil : ConnectorHTTP.contentJSON)
    }

    /// The channel to read: `id={channelID}`, or `mine=true` when no channel id is stored.
    private func channelSelector() -> (String, String) {
        if let id = credentials.channelID?.trimmingCharacters(in: .whitespaces), !id.isEmpty { return ("id", id) }
        return ("mine", "true")
    }

    /// `GET channels?part=snippet&id={channelID}` (or `mine=true`). Name: the channel title;
    /// handle: its custom URL (e.g. "@pemkot").
    public func testConnection() async throws(PlatformError) -> ConnectionCheck {
        let json = try await http.json(try request("GET", "channels", query: [("part", "snippet"), channelSelector()]))
        guard let channel = json["items"]?[0], let id = channel["id"]?.idString else {
            throw .rejected(status: 404, code: "channelNotFound", detail: "YouTube returned no channel for these credentials")
        }
        let snippet = channel["snippet"]
        return ConnectionCheck(accountName: snippet?["title"]?.string ?? id, accountID: id, handle: snippet?["customUrl"]?.string)
    }

    /// `GET commentThreads?part=snippet,replies&allThreadsRelatedToChannelId=…&maxResults=100&order=time`,
    /// newest first, following `nextPageToken` until a page reaches comments older than the
    /// cursor, or `maxPages` pages.
    ///
    /// The cursor is the newest `publishedAt` seen (ISO 8601, UTC, milliseconds). Events older
    /// than the cursor are dropped; events at the cursor's second are kept, since two comments
    /// can share it (the server ignores the repeat). Replies come with their thread, so a new
    /// reply in an old thread is found only while that thread is within the pages read.
    public func poll(cursor: String?) async throws(PlatformError) -> PollPage {
        let channelID = try ConnectorHTTP.require(credentials.channelID, "channelID")
        _ = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let since = cursor.flatMap(Self.parseTimestamp)
        var events: [InboundEvent] = []
        var newest = since
        var pageToken: String?
        var pages = 0
        var reachedCursor = false
        repeat {
            var query: [(String, String)] = [
                ("part", "snippet,replies"),
                ("allThreadsRelatedToChannelId", channelID),
                ("maxResults", "100"),
                ("order", "time"),
            ]
            if let pageToken { query.append(("pageToken", pageToken)) }
            let response = try await http.send(try request("GET", "commentThreads", query: query))
            let page: (events: [InboundEvent], nextPageToken: String?)
            do {
                page = try PayloadParser.parseYouTubeThreads(response.body, channelID: channelID)
            } catch {
                throw http.invalid("commentThreads response: \(error)")
            }
            for event in page.events {
                if let since, let at = event.occurredAt, at < since {
                    reachedCursor = true
                    continue
                }
                events.append(event)
                if let at = event.occurredAt, newest.map({ at > $0 }) ?? true { newest = at }
            }
            pageToken = page.nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
            pages += 1
        } while pageToken != nil && !reachedCursor && pages < maxPages
        if let newest, newest != since {
            return PollPage(events: events, cursor: Self.formatTimestamp(newest))
        }
        return PollPage(events: events, cursor: cursor)
    }

    /// `POST comments?part=snippet` `{"snippet":{"parentId":…,"textOriginal":…}}`: answers a
    /// top-level comment (`parentId` is its id, which is also its thread's id). YouTube threads
    /// are one level deep, so a reply's id ("{top-level id}.{suffix}") is answered in its
    /// thread. Returns the new comment id. YouTube takes no idempotency key; `idempotencyKey` is
    /// not sent.
    public func reply(to targetID: String, text: String, idempotencyKey: String) async throws(PlatformError) -> String {
        let target = try ConnectorURL.checkedID(targetID, "comment id")
        let parent = target.split(separator: ".", maxSplits: 1).first.map(String.init) ?? target
        let body: JSONValue = ["snippet": ["parentId": .string(parent), "textOriginal": .string(text)]]
        let json = try await http.json(try request("POST", "comments", query: [("part", "snippet")], json: body))
        guard let id = json["id"]?.idString else {
            throw http.invalid("comments.insert response has no id")
        }
        return id
    }

    /// `GET channels?part=statistics&id=…`: the subscriber count (YouTube rounds it).
    public func fetchFollowerCount() async throws(PlatformError) -> Int {
        let json = try await http.json(try request("GET", "channels", query: [("part", "statistics"), channelSelector()]))
        guard let channel = json["items"]?[0] else {
            throw .rejected(status: 404, code: "channelNotFound", detail: "YouTube returned no channel for these credentials")
        }
        guard let count = channel["statistics"]?["subscriberCount"]?.int else {
            throw http.invalid("channel statistics have no subscriberCount (hidden?)")
        }
        return count
    }

    static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    static func formatTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
