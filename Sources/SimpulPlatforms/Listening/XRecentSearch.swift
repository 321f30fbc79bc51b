import Foundation

/// X API v2 recent search (`GET /2/tweets/search/recent`) for a listening rule's terms.
///
/// Every post X returns is billed against the tenant's monthly read budget, so a run is given
/// the reads it may still spend and never asks for more: `max_results` shrinks to what is left
/// (X's floor is 10) and paging stops when the budget is used.
///
/// Credential: an app-only bearer token (recent search needs no user context).
public struct XRecentSearch: Sendable {
    let endpoints: PlatformEndpoints
    let token: String?
    let http: ConnectorHTTP
    public let maxPages: Int

    /// X's limit on a recent-search query for the basic and pro tiers.
    public static let maxQueryLength = 512

    public init(transport: any HTTPTransport, endpoints: PlatformEndpoints, bearerToken: String?, maxPages: Int = 5,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.endpoints = endpoints
        self.token = bearerToken
        self.maxPages = max(1, maxPages)
        http = ConnectorHTTP(transport: transport, classify: ErrorClassifier.x, now: now, secrets: [bearerToken].compactMap { $0 })
    }

    /// Searches for `query` (X's own query syntax) newer than `cursor` (a tweet id), spending at
    /// most `readBudget` reads. With no budget left nothing is sent.
    public func search(query: String, cursor: String?, readBudget: Int) async throws(PlatformError) -> SearchPage {
        let token = try ConnectorHTTP.require(token, "bearerToken")
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= Self.maxQueryLength else {
            throw .rejected(status: 0, code: nil, detail: "search query must be 1–\(Self.maxQueryLength) characters")
        }
        guard readBudget >= 10 else { return SearchPage(items: [], cursor: cursor, reads: 0, calls: 0) }
        let sinceID = cursor.flatMap { XConnector.isTweetID($0) ? $0 : nil }
        var items: [ListenedItem] = []
        var newest = sinceID
        var nextToken: String?
        var calls = 0
        repeat {
            let left = readBudget - items.count
            var query: [(String, String)] = [("query", trimmed), ("max_results", String(min(100, left)))]
            if let sinceID { query.append(("since_id", sinceID)) }
            if let nextToken { query.append(("next_token", nextToken)) }
            query += XConnector.mentionFields
            let url = try ConnectorURL.make(endpoints.xBaseURL, ["2", "tweets", "search", "recent"], query: query)
            let response = try await http.send(ConnectorHTTP.bearerRequest("GET", url: url, token: token, json: nil, contentType: nil))
            calls += 1
            let page: (events: [InboundEvent], newestID: String?, nextToken: String?)
            do {
                page = try PayloadParser.parseXMentions(response.body, accountRef: "search")
            } catch {
                throw http.invalid("recent search response: \(error)")
            }
            // Never more than was asked for, even if X sends extra.
            items += page.events.prefix(left).map(Self.item)
            for id in [page.newestID].compactMap({ $0 }) + page.events.map(\.eventID) where XConnector.isTweetID(id) {
                if newest.map({ XConnector.isNewer(id, than: $0) }) ?? true { newest = id }
            }
            nextToken = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
        } while nextToken != nil && calls < maxPages && readBudget - items.count >= 10
        return SearchPage(items: items, cursor: newest ?? cursor, reads: items.count, calls: calls)
    }

    static func item(_ event: InboundEvent) -> ListenedItem {
        let handle = event.author?.handle
        return ListenedItem(source: .xSearch, externalID: event.eventID,
                            url: handle.map { "https://x.com/\($0)/status/\(event.eventID)" } ?? "https://x.com/i/web/status/\(event.eventID)",
                            text: event.text ?? "", authorName: event.author?.name, authorHandle: handle, publishedAt: event.occurredAt)
    }
}
