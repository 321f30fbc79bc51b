import Foundation
import SimpulCore

/// X API v2 for one account: mentions are polled, replies and posts are created.
///
/// Credentials: `accessToken` (an OAuth 2.0 user-context token, sent as a bearer token) and
/// `xUserID` (for polling mentions).
public struct XConnector: PollingConnector, ReplyingConnector {
    let endpoints: PlatformEndpoints
    let credentials: AccountCredentials
    let http: ConnectorHTTP
    /// Pages of up to 100 mentions read per poll.
    public let maxPages: Int

    public init(transport: any HTTPTransport, endpoints: PlatformEndpoints, credentials: AccountCredentials,
                maxPages: Int = 5, now: @escaping @Sendable () -> Date = { Date() }) {
        self.endpoints = endpoints
        self.credentials = credentials
        self.maxPages = max(1, maxPages)
        http = ConnectorHTTP(transport: transport, classify: ErrorClassifier.x, now: now,
                             secrets: [credentials.accessToken].compactMap { $0 })
    }

    public var platform: Platform { .x }
    public var capabilities: Set<ConnectorCapability> { [.poll, .reply, .publish] }

    static let mentionFields: [(String, String)] = [
        ("tweet.fields", "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,attachments"),
        ("expansions", "author_id,attachments.media_keys"),
        ("user.fields", "username,name"),
        ("media.fields", "type,url,preview_image_url"),
    ]

    func request(_ method: String, _ segments: [String], query: [(String, String)] = [],
                         json: JSONValue? = nil) throws(PlatformError) -> HTTPRequestSpec {
        let token = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let url = try ConnectorURL.make(endpoints.xBaseURL, segments, query: query)
        return ConnectorHTTP.bearerRequest(method, url: url, token: token, json: json, contentType: json == nil ? nil : ConnectorHTTP.contentJSON)
    }

    /// `GET /2/users/me`: name, id and username of the token's user.
    public func testConnection() async throws(PlatformError) -> ConnectionCheck {
        let json = try await http.json(try request("GET", ["2", "users", "me"]))
        guard let user = json["data"], let id = user["id"]?.idString else {
            throw http.invalid("users/me response has no data.id")
        }
        let username = user["username"]?.string
        return ConnectionCheck(accountName: user["name"]?.string ?? username ?? id, accountID: id, handle: username)
    }

    /// `GET /2/users/{xUserID}/mentions` with `since_id` = cursor, 100 per page, following
    /// `meta.next_token` for at most `maxPages` pages. The new cursor is the newest tweet id
    /// seen, or the old cursor when nothing is new. A cursor that is not a tweet id is ignored.
    /// When more than `maxPages` pages are waiting, the oldest of them are skipped.
    public func poll(cursor: String?) async throws(PlatformError) -> PollPage {
        let userID = try ConnectorHTTP.require(credentials.xUserID, "xUserID")
        _ = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let sinceID = cursor.flatMap { Self.isTweetID($0) ? $0 : nil }
        var events: [InboundEvent] = []
        var newest = sinceID
        var nextToken: String?
        var pages = 0
        repeat {
            var query: [(String, String)] = []
            if let sinceID { query.append(("since_id", sinceID)) }
            query.append(("max_results", "100"))
            if let nextToken { query.append(("pagination_token", nextToken)) }
            query += Self.mentionFields
            let response = try await http.send(try request("GET", ["2", "users", userID, "mentions"], query: query))
            let page: (events: [InboundEvent], newestID: String?, nextToken: String?)
            do {
                page = try PayloadParser.parseXMentions(response.body, accountRef: userID)
            } catch {
                throw http.invalid("mentions response: \(error)")
            }
            events += page.events
            for id in [page.newestID].compactMap({ $0 }) + page.events.map(\.eventID) where Self.isTweetID(id) {
                if newest.map({ Self.isNewer(id, than: $0) }) ?? true { newest = id }
            }
            nextToken = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
            pages += 1
        } while nextToken != nil && pages < maxPages
        return PollPage(events: events, cursor: newest ?? cursor)
    }

    /// `POST /2/tweets` `{"text":…,"reply":{"in_reply_to_tweet_id":…}}`. Returns the new
    /// tweet id. X takes no idempotency key; `idempotencyKey` is not sent.
    public func reply(to targetID: String, text: String, idempotencyKey: String) async throws(PlatformError) -> String {
        let target = try ConnectorURL.checkedID(targetID, "tweet id")
        return try await createTweet(["text": .string(text), "reply": ["in_reply_to_tweet_id": .string(target)]])
    }

    /// `POST /2/tweets` `{"text":…,"media":{"media_ids":[…]}}`. Returns the new tweet id.
    public func post(text: String, mediaIDs: [String] = []) async throws(PlatformError) -> String {
        var body: JSONObject = ["text": .string(text)]
        if !mediaIDs.isEmpty { body["media"] = ["media_ids": .array(mediaIDs.map { .string($0) })] }
        return try await createTweet(.object(body))
    }

    private func createTweet(_ body: JSONValue) async throws(PlatformError) -> String {
        let json = try await http.json(try request("POST", ["2", "tweets"], json: body))
        guard let id = json["data"]?["id"]?.idString else {
            throw http.invalid("create tweet response has no data.id")
        }
        return id
    }

    static func isTweetID(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 25 && value.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Snowflake ids compare as numbers: longer is newer, then digit by digit.
    static func isNewer(_ id: String, than other: String) -> Bool {
        let a = id.drop { $0 == "0" }, b = other.drop { $0 == "0" }
        return a.count != b.count ? a.count > b.count : a > b
    }
}
