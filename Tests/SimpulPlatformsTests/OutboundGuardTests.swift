import Foundation
import Testing
@testable import SimpulPlatforms

/// Feed addresses are typed by tenants: the guard lets the server read the public internet only,
/// for the typed address and for every redirect hop.
@Suite("Outbound guard")
struct OutboundGuardTests {
    struct FixedResolver: HostResolver {
        struct Unknown: Error {}
        let answers: [String: [String]]
        func addresses(of host: String) async throws -> [IPAddress] {
            guard let texts = answers[host] else { throw Unknown() }
            return texts.compactMap(IPAddress.init)
        }
    }

    static let resolver = FixedResolver(answers: [
        "portal.example": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
        "dalam.example": ["93.184.216.34", "10.1.2.3"],
        "metadata.example": ["169.254.169.254"],
        "kosong.example": [],
    ])

    @Test("loopback, private, link-local, carrier, documentation, multicast and reserved ranges are inside; the rest is public")
    func ranges() throws {
        let inside = ["127.0.0.1", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                      "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "255.255.255.255",
                      "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "2001:db8::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
                      "64:ff9b::a00:1", "2002:c0a8:101::1", "[::1]"]
        for text in inside {
            let address = try #require(IPAddress(text), "\(text) parses")
            #expect(!address.isPublic, "\(text) is inside")
        }
        let public_ = ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1"]
        for text in public_ {
            let address = try #require(IPAddress(text), "\(text) parses")
            #expect(address.isPublic, "\(text) is public")
        }
        #expect(IPAddress("portal.example") == nil && IPAddress("300.1.1.1") == nil && IPAddress(bytes: [1, 2, 3]) == nil)
        #expect(IPAddress("10.1.2.3")?.description == "10.1.2.3")
    }

    @Test("a name is admitted only when every address it resolves to is public; literals are judged as they are")
    func names() async throws {
        let check = OutboundGuard(resolver: Self.resolver)
        try await check.check(URL(string: "https://portal.example/rss")!)
        try await check.check(URL(string: "http://93.184.216.34:8080/feed")!)
        await #expect(throws: OutboundGuard.Refusal.internalAddress(host: "dalam.example", address: IPAddress("10.1.2.3")!)) {
            try await check.check(URL(string: "https://dalam.example/rss")!)
        }
        await #expect(throws: OutboundGuard.Refusal.internalAddress(host: "metadata.example", address: IPAddress("169.254.169.254")!)) {
            try await check.check(URL(string: "http://metadata.example/latest/meta-data/")!)
        }
        await #expect(throws: OutboundGuard.Refusal.internalAddress(host: "127.0.0.1", address: IPAddress("127.0.0.1")!)) {
            try await check.check(URL(string: "http://127.0.0.1:5432/")!)
        }
        await #expect(throws: OutboundGuard.Refusal.self) { try await check.check(URL(string: "http://[::1]:8080/")!) }
        await #expect(throws: OutboundGuard.Refusal.unresolvable(host: "tidak-ada.example")) {
            try await check.check(URL(string: "https://tidak-ada.example/rss")!)
        }
        await #expect(throws: OutboundGuard.Refusal.unresolvable(host: "kosong.example")) { try await check.check(URL(string: "https://kosong.example/")!) }
        // The setting for feeds on the government's own network lets everything through.
        try await OutboundGuard(resolver: Self.resolver, allowsInternalAddresses: true).check(URL(string: "http://127.0.0.1:5432/")!)
    }

    static let rss = #"<?xml version="1.0"?><rss version="2.0"><channel><title>P</title><item><title>Satu</title><guid>1</guid></item></channel></rss>"#

    @Test("the feed reader follows redirects itself and checks every hop; a hop inside is refused before it is sent")
    func redirects() async throws {
        let followed = ClientsFakeTransport([
            HTTPResponseSpec(status: 301, headers: [("Location", "https://portal.example/baru/rss")]),
            HTTPResponseSpec(status: 302, headers: [("Location", "/terbaru.xml")]),
            HTTPResponseSpec(status: 200, headers: [("ETag", "\"e1\"")], body: Data(Self.rss.utf8)),
        ])
        let reader = FeedReader(transport: followed, guard: OutboundGuard(resolver: Self.resolver), now: { ClientsKit.now })
        guard case .updated(let feed, let validators) = try await reader.fetch(URL(string: "http://portal.example/rss")!, validators: nil) else {
            Issue.record("the feed is read after two redirects")
            return
        }
        #expect(feed.items.map(\.externalID) == ["1"] && validators.etag == "\"e1\"")
        #expect(followed.requests.map(\.url.absoluteString) == ["http://portal.example/rss", "https://portal.example/baru/rss", "https://portal.example/terbaru.xml"])

        let inward = ClientsFakeTransport([HTTPResponseSpec(status: 302, headers: [("Location", "http://169.254.169.254/latest/meta-data/")])])
        let guarded = FeedReader(transport: inward, guard: OutboundGuard(resolver: Self.resolver), now: { ClientsKit.now })
        await #expect(throws: PlatformError.rejected(status: 0, code: FeedReader.RefusalCode.internalAddress, detail: "169.254.169.254")) {
            _ = try await guarded.fetch(URL(string: "https://portal.example/rss")!, validators: nil)
        }
        #expect(inward.requests.count == 1, "the internal hop is never requested")

        let loop = ClientsFakeTransport(Array(repeating: HTTPResponseSpec(status: 307, headers: [("Location", "https://portal.example/lagi")]), count: 10))
        await #expect(throws: PlatformError.rejected(status: 0, code: FeedReader.RefusalCode.tooManyRedirects, detail: "more than 5 redirects")) {
            _ = try await FeedReader(transport: loop, guard: OutboundGuard(resolver: Self.resolver), now: { ClientsKit.now }).fetch(URL(string: "https://portal.example/rss")!, validators: nil)
        }
        #expect(loop.requests.count == 6)
        let nowhere = ClientsFakeTransport([HTTPResponseSpec(status: 302)])
        await #expect(throws: PlatformError.invalidResponse(detail: "HTTP 302 without a Location")) {
            _ = try await FeedReader(transport: nowhere, now: { ClientsKit.now }).fetch(URL(string: "https://portal.example/rss")!, validators: nil)
        }
    }
}

/// The Sandbox's news portals answer like a real portal's RSS.
@Suite("Sandbox news")
struct SandboxNewsTests {
    @Test("an hour's articles are repeatable, the ETag turns a repeat within the hour into a 304, and the next hour brings new ones")
    func portal() async throws {
        let start = Date(timeIntervalSince1970: 1_796_600_000)
        let url = try #require(URL(string: SandboxNews.feedURL(portal: "kabar-kota")))
        #expect(SandboxNews.serves(url) && !SandboxNews.serves(URL(string: "https://kabar.example/rss")!))
        let first = try await FeedReader(transport: SandboxNews(now: { start }), now: { start }).fetch(url, validators: nil)
        guard case .updated(let feed, let validators) = first else {
            Issue.record("the first read returns the feed")
            return
        }
        #expect(feed.items.count >= 24 && feed.items.allSatisfy { $0.title?.isEmpty == false && $0.publishedAt != nil && $0.publishedAt! <= start.addingTimeInterval(3_600) })
        #expect(Set(feed.items.map(\.externalID)).count == feed.items.count)
        let again = try await FeedReader(transport: SandboxNews(now: { start }), now: { start }).fetch(url, validators: nil)
        #expect(again == first, "the same hour gives the same articles")
        #expect(try await FeedReader(transport: SandboxNews(now: { start }), now: { start }).fetch(url, validators: validators) == .notModified)
        let later = start.addingTimeInterval(3_600)
        guard case .updated(let next, _) = try await FeedReader(transport: SandboxNews(now: { later }), now: { later }).fetch(url, validators: validators) else {
            Issue.record("the next hour is new")
            return
        }
        #expect(!Set(next.items.map(\.externalID)).subtracting(feed.items.map(\.externalID)).isEmpty)
        let unknown = try await SandboxNews(now: { start }).send(HTTPRequestSpec(method: "GET", url: URL(string: "https://\(SandboxNews.host)/lain/rss")!))
        #expect(unknown.status == 404)
    }
}
