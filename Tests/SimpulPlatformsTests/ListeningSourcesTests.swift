import Foundation
import Testing
@testable import SimpulPlatforms

/// X recent search, YouTube search and news feeds, each answered in its documented wire format.
@Suite("Listening sources")
struct ListeningSourcesTests {
    static func own(_ name: String, status: Int = 200, headers: [(String, String)] = []) throws -> HTTPResponseSpec {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/own/listening/\(name)")
        return HTTPResponseSpec(status: status, headers: headers, body: try Data(contentsOf: url))
    }

    // MARK: X recent search

    @Test("X recent search pages with next_token, starts after the cursor and returns the newest id as the next cursor")
    func xPaging() async throws {
        let transport = ClientsFakeTransport([try Self.own("x-search-page1.json"), try Self.own("x-search-page2.json")])
        let search = XRecentSearch(transport: transport, endpoints: ClientsKit.endpoints, bearerToken: "app-bearer-123")
        let page = try await search.search(query: "(banjir OR bendungan) lang:id", cursor: "1865300000000000000", readBudget: 1_000)
        #expect(page.items.map(\.externalID) == ["1865400000000000003", "1865400000000000002", "1865400000000000001"])
        #expect(page.cursor == "1865400000000000003")
        #expect(page.reads == 3 && page.calls == 2)
        let first = try #require(page.items.first)
        #expect(first.authorHandle == "dewi_cmy" && first.authorName == "Dewi Lestari")
        #expect(first.url == "https://x.com/dewi_cmy/status/1865400000000000003")
        #expect(first.source == .xSearch && first.publishedAt == ISO8601DateFormatter().date(from: "2026-12-07T01:10:00Z"))
        let requests = transport.requests
        #expect(ClientsKit.path(requests[0]) == "/2/tweets/search/recent")
        let q1 = ClientsKit.query(requests[0]), q2 = ClientsKit.query(requests[1])
        #expect(q1["query"] == "(banjir OR bendungan) lang:id" && q1["since_id"] == "1865300000000000000" && q1["max_results"] == "100")
        #expect(q1["next_token"] == nil && q2["next_token"] == "b26v89c19zqg8o3fr5")
        #expect(ClientsKit.header(requests[0], "Authorization") == "Bearer app-bearer-123")
    }

    @Test("X reads stay within the budget: max_results shrinks, paging stops, and under 10 reads nothing is sent")
    func xBudget() async throws {
        let transport = ClientsFakeTransport([try Self.own("x-search-page1.json"), try Self.own("x-search-page2.json")])
        let search = XRecentSearch(transport: transport, endpoints: ClientsKit.endpoints, bearerToken: "app-bearer-123")
        let page = try await search.search(query: "banjir", cursor: nil, readBudget: 11)
        #expect(ClientsKit.query(transport.requests[0])["max_results"] == "11")
        #expect(page.reads == 2 && transport.requests.count == 1, "9 reads left is below X's minimum page; no second call")
        let none = ClientsFakeTransport([])
        let empty = try await XRecentSearch(transport: none, endpoints: ClientsKit.endpoints, bearerToken: "t0ken").search(query: "banjir", cursor: "77", readBudget: 9)
        #expect(empty.items.isEmpty && empty.cursor == "77" && none.requests.isEmpty)
    }

    @Test("X 429 is a rate limit until x-rate-limit-reset; a missing token or an overlong query is refused before sending")
    func xFailures() async throws {
        let reset = ClientsKit.now.addingTimeInterval(900)
        let transport = ClientsFakeTransport([ClientsKit.response(429, #"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#,
                                                                  headers: [("x-rate-limit-reset", String(Int(reset.timeIntervalSince1970)))])])
        let search = XRecentSearch(transport: transport, endpoints: ClientsKit.endpoints, bearerToken: "app-bearer-123", now: { ClientsKit.now })
        let error = await ClientsKit.error { try await search.search(query: "banjir", cursor: nil, readBudget: 100) }
        guard case .rateLimited(let until, _) = error else { Issue.record("expected rate limit, got \(String(describing: error))"); return }
        #expect(until == Date(timeIntervalSince1970: reset.timeIntervalSince1970.rounded(.down)))
        let unsent = ClientsFakeTransport([])
        #expect(ClientsKit.isAuthInvalid(await ClientsKit.error {
            try await XRecentSearch(transport: unsent, endpoints: ClientsKit.endpoints, bearerToken: nil).search(query: "banjir", cursor: nil, readBudget: 100)
        }))
        let long = await ClientsKit.error {
            try await XRecentSearch(transport: unsent, endpoints: ClientsKit.endpoints, bearerToken: "t0ken")
                .search(query: String(repeating: "a", count: 513), cursor: nil, readBudget: 100)
        }
        guard case .rejected(0, _, _) = long else { Issue.record("expected refusal, got \(String(describing: long))"); return }
        #expect(unsent.requests.isEmpty)
    }

    @Test("an X answer that is not the documented shape is an invalid response, with the token redacted")
    func xMalformed() async {
        let transport = ClientsFakeTransport([ClientsKit.response(#"{"data":"app-bearer-123"}"#)])
        let error = await ClientsKit.error {
            try await XRecentSearch(transport: transport, endpoints: ClientsKit.endpoints, bearerToken: "app-bearer-123").search(query: "banjir", cursor: nil, readBudget: 50)
        }
        guard case .invalidResponse(let detail) = error else { Issue.record("expected invalid response, got \(String(describing: error))"); return }
        #expect(!detail.contains("app-bearer-123"))
    }

    // MARK: YouTube search

    @Test("YouTube search: videos only, region and language set, newest publish time is the cursor, the last run's newest is not repeated")
    func youtube() async throws {
        let transport = ClientsFakeTransport([try Self.own("youtube-search.json"), ClientsKit.response(#"{"kind":"youtube#searchListResponse","items":[]}"#)])
        let search = YouTubeSearch(transport: transport, endpoints: ClientsKit.endpoints, apiKey: "AIzaKey-777")
        let page = try await search.search(query: "banjir tirtamaya", cursor: "2026-12-06T23:30:00Z")
        #expect(page.items.map(\.externalID) == ["Vd3kq9ZxA1c"], "the channel result and the video at the cursor's second are left out")
        #expect(page.cursor == "2026-12-07T02:00:00Z" && page.calls == 2)
        let video = try #require(page.items.first)
        #expect(video.url == "https://www.youtube.com/watch?v=Vd3kq9ZxA1c" && video.authorName == "Tirtamaya News")
        #expect(video.text.hasPrefix("Banjir di Tirtamaya: warga mengungsi\nLiputan banjir"))
        let q = ClientsKit.query(transport.requests[0])
        #expect(ClientsKit.path(transport.requests[0]) == "/youtube/v3/search")
        #expect(q["q"] == "banjir tirtamaya" && q["type"] == "video" && q["regionCode"] == "ID" && q["relevanceLanguage"] == "id")
        #expect(q["publishedAfter"] == "2026-12-06T23:30:00Z" && q["key"] == "AIzaKey-777" && q["pageToken"] == nil)
        #expect(ClientsKit.query(transport.requests[1])["pageToken"] == "CDIQAA")
    }

    @Test("YouTube quota exhausted is a rate limit; a body without items is an invalid response")
    func youtubeFailures() async {
        let quota = ClientsFakeTransport([ClientsKit.response(403, #"{"error":{"code":403,"message":"quota","errors":[{"domain":"youtube.quota","reason":"quotaExceeded"}]}}"#)])
        let error = await ClientsKit.error { try await YouTubeSearch(transport: quota, endpoints: ClientsKit.endpoints, apiKey: "AIzaKey-777").search(query: "banjir", cursor: nil) }
        guard case .rateLimited = error else { Issue.record("expected rate limit, got \(String(describing: error))"); return }
        let odd = ClientsFakeTransport([ClientsKit.response(#"{"kind":"youtube#searchListResponse"}"#)])
        let invalid = await ClientsKit.error { try await YouTubeSearch(transport: odd, endpoints: ClientsKit.endpoints, apiKey: "AIzaKey-777").search(query: "banjir", cursor: nil) }
        guard case .invalidResponse = invalid else { Issue.record("expected invalid response, got \(String(describing: invalid))"); return }
    }

    // MARK: News feeds

    @Test("RSS 2.0: guid, link, plain text from CDATA HTML, WIB dates, author")
    func rss() throws {
        let feed = try FeedParser.parse(try Self.own("feed-rss.xml").body)
        #expect(feed.title == "Kabar Tirtamaya" && feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.externalID == "kabar-88121" && first.url == "https://kabar.tirtamaya.test/2026/12/07/bendungan-cisalak")
        #expect(first.text == "Pemkot Tirtamaya Bantah Kabar Bendungan Cisalak Jebol\nKepala BPBD memastikan bendungan aman. Warga diminta tidak panik.")
        #expect(first.authorName == "Redaksi")
        #expect(first.publishedAt == ISO8601DateFormatter().date(from: "2026-12-07T02:15:00Z"))
        let second = feed.items[1]
        #expect(second.externalID == "https://kabar.tirtamaya.test/2026/12/06/harga-beras", "no guid: the link is the id")
        #expect(second.text.hasSuffix("Rp12.500 per kilogram & stok cukup."))
        #expect(second.publishedAt == ISO8601DateFormatter().date(from: "2026-12-06T08:00:00Z"))
    }

    @Test("Atom 1.0: id, the alternate link, HTML title as text, published time, author name")
    func atom() throws {
        let feed = try FeedParser.parse(try Self.own("feed-atom.xml").body)
        let entry = try #require(feed.items.first)
        #expect(feed.title == "Portal Berita Jawa Barat Tengah")
        #expect(entry.externalID == "tag:portal.test,2026:berita-551" && entry.url == "https://portal.test/vaksinasi-campak")
        #expect(entry.title == "Vaksinasi campak dibuka di 12 puskesmas")
        #expect(entry.authorName == "Sinta Rahma")
        #expect(entry.publishedAt == ISO8601DateFormatter().date(from: "2026-12-06T19:30:00Z"))
    }

    @Test("malformed and foreign XML are clear errors naming the place; an oversized body is refused unread")
    func feedErrors() throws {
        let broken = try Self.own("feed-malformed.xml").body
        do {
            _ = try FeedParser.parse(broken)
            Issue.record("a malformed feed was read")
        } catch {
            guard case .malformed(let line, _, _) = error else { Issue.record("expected malformed, got \(error)"); return }
            #expect(line == 3)
            #expect(error.description.contains("line 3"))
        }
        #expect(throws: FeedError.notAFeed(root: "html")) { try FeedParser.parse(Data("<html><body>Bukan feed</body></html>".utf8)) }
        #expect(throws: FeedError.tooLarge(bytes: FeedParser.maxBytes + 1)) { try FeedParser.parse(Data(count: FeedParser.maxBytes + 1)) }
    }

    @Test("RFC 822 dates in the shapes portals write")
    func dates() {
        let utc = { (text: String) in ISO8601DateFormatter().date(from: text) }
        #expect(FeedDate.parse("Mon, 07 Dec 2026 09:15:00 WIB") == utc("2026-12-07T02:15:00Z"))
        #expect(FeedDate.parse("7 Dec 2026 09:15 GMT") == utc("2026-12-07T09:15:00Z"))
        #expect(FeedDate.parse("Mon, 07 Dec 26 09:15:00 -0500") == utc("2026-12-07T14:15:00Z"))
        #expect(FeedDate.parse("2026-12-07T09:15:00.250Z") != nil)
        #expect(FeedDate.parse("Senin, 7 Desember 2026") == nil)
        #expect(FeedDate.parse("Mon, 32 Dec 2026 09:15:00 GMT") == nil)
    }

    @Test("conditional GET: validators are sent back, 304 reads nothing, new validators come with a changed feed")
    func conditional() async throws {
        let changed = try Self.own("feed-rss.xml", headers: [("ETag", "\"v2\""), ("Last-Modified", "Mon, 07 Dec 2026 02:20:00 GMT")])
        let transport = ClientsFakeTransport([HTTPResponseSpec(status: 304), changed])
        let reader = FeedReader(transport: transport)
        let url = try #require(FeedReader.feedURL("https://kabar.tirtamaya.test/rss"))
        let old = FeedValidators(etag: "\"v1\"", lastModified: "Sun, 06 Dec 2026 00:00:00 GMT")
        #expect(try await reader.fetch(url, validators: old) == .notModified)
        #expect(ClientsKit.header(transport.requests[0], "If-None-Match") == "\"v1\"")
        #expect(ClientsKit.header(transport.requests[0], "If-Modified-Since") == "Sun, 06 Dec 2026 00:00:00 GMT")
        guard case .updated(let feed, let validators) = try await reader.fetch(url, validators: old) else { Issue.record("expected a feed"); return }
        #expect(feed.items.count == 2 && validators == FeedValidators(etag: "\"v2\"", lastModified: "Mon, 07 Dec 2026 02:20:00 GMT"))
    }

    @Test("feed failures: 429 is a rate limit with Retry-After, a broken body is an invalid response, only http(s) addresses")
    func feedFailures() async throws {
        let transport = ClientsFakeTransport([HTTPResponseSpec(status: 429, headers: [("Retry-After", "120")]), try Self.own("feed-malformed.xml")])
        let reader = FeedReader(transport: transport, now: { ClientsKit.now })
        let url = try #require(FeedReader.feedURL("http://kabar.tirtamaya.test/rss"))
        let limited = await ClientsKit.error { try await reader.fetch(url, validators: nil) }
        #expect(limited == .rateLimited(until: ClientsKit.now.addingTimeInterval(120), detail: "feed HTTP 429"))
        let broken = await ClientsKit.error { try await reader.fetch(url, validators: nil) }
        guard case .invalidResponse(let detail) = broken else { Issue.record("expected invalid response, got \(String(describing: broken))"); return }
        #expect(detail.contains("line 3"))
        #expect(FeedReader.feedURL("file:///etc/passwd") == nil && FeedReader.feedURL("javascript:alert(1)") == nil && FeedReader.feedURL("kabar") == nil)
    }
}
