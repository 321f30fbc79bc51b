import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import SimpulPlatforms
import Vapor
#if canImport(Glibc)
import Glibc
#endif

/// How news feeds are fetched. Feed addresses are typed by tenants, so the server reads them
/// with a client of its own that follows no redirect (the feed reader checks each hop with the
/// guard) and reads at most `maxBody` bytes, and the guard keeps them off internal networks.
struct FeedFetching: Sendable {
    var transport: any HTTPTransport
    var outbound: OutboundGuard
}

/// Vapor's client follows redirects on its own; this one hands them back so that every hop of a
/// feed's redirect is checked.
struct FeedHTTPTransport: HTTPTransport {
    static let maxBody = 8 << 20
    let client: HTTPClient
    var timeout: TimeAmount = .seconds(20)

    func send(_ spec: HTTPRequestSpec) async throws -> HTTPResponseSpec {
        var request = HTTPClientRequest(url: spec.url.absoluteString)
        request.method = HTTPMethod(rawValue: spec.method)
        for (name, value) in spec.headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: timeout)
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: Self.maxBody)
        } catch is NIOTooManyBytesError {
            throw PlatformError.invalidResponse(detail: "feed lebih dari \(Self.maxBody >> 20) MB")
        }
        return HTTPResponseSpec(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: Data(buffer: body))
    }
}

/// The system's resolver (getaddrinfo, which reads /etc/hosts and DNS), run on the thread pool
/// because it blocks.
struct SystemHostResolver: HostResolver {
    struct Failed: Error {}
    let pool: NIOThreadPool

    func addresses(of host: String) async throws -> [IPAddress] {
        try await pool.runIfActive {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, nil, &hints, &list) == 0 else { throw Failed() }
            defer { freeaddrinfo(list) }
            var found: [IPAddress] = []
            var cursor = list
            while let entry = cursor?.pointee {
                if entry.ai_family == AF_INET, let raw = entry.ai_addr {
                    var address = raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                    if let ip = IPAddress(bytes: withUnsafeBytes(of: &address) { Array($0) }) { found.append(ip) }
                } else if entry.ai_family == AF_INET6, let raw = entry.ai_addr {
                    var address = raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                    if let ip = IPAddress(bytes: withUnsafeBytes(of: &address) { Array($0) }) { found.append(ip) }
                }
                cursor = entry.ai_next
            }
            return found
        }
    }
}

extension Application {
    private struct FeedFetchingKey: StorageKey { typealias Value = FeedFetching }
    private struct FeedClientKey: StorageKey { typealias Value = HTTPClient }

    var feedFetching: FeedFetching {
        get {
            guard let fetching = storage[FeedFetchingKey.self] else { fatalError("feed fetching is set up in configure") }
            return fetching
        }
        set { storage[FeedFetchingKey.self] = newValue }
    }

    /// A client of its own for feeds, shut down with the application.
    func useFeedFetching(allowsInternalAddresses: Bool) {
        let client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: .init(redirectConfiguration: .disallow))
        storage.set(FeedClientKey.self, to: client, onShutdown: { try $0.syncShutdown() })
        feedFetching = FeedFetching(transport: FeedHTTPTransport(client: client),
                                    outbound: OutboundGuard(resolver: SystemHostResolver(pool: threadPool), allowsInternalAddresses: allowsInternalAddresses))
    }
}
