import Foundation

/// Finds the addresses a host name stands for. The server asks the system resolver; tests
/// give fixed answers.
public protocol HostResolver: Sendable {
    func addresses(of host: String) async throws -> [IPAddress]
}

/// Checks an address a tenant typed before the server fetches it: its host must resolve, and
/// only to public addresses. Used for every hop of a redirect, since a public page may send the
/// client on to an internal one.
///
/// The check resolves the name a moment before the HTTP client resolves it again, so a name
/// whose DNS answer changes in between could still slip through; an egress firewall is the
/// complete answer to that, and this guard stops the ordinary cases (a typed internal address,
/// a name pointing inside, a redirect inside).
public struct OutboundGuard: Sendable {
    public enum Refusal: Error, Equatable, Sendable {
        /// The name has no address.
        case unresolvable(host: String)
        /// The name (or literal) is an address inside: loopback, private, link-local, reserved.
        case internalAddress(host: String, address: IPAddress)
    }

    public let resolver: any HostResolver
    /// For a self-hosted setup whose feeds live on its own network, and for tests on loopback.
    public let allowsInternalAddresses: Bool

    public init(resolver: any HostResolver, allowsInternalAddresses: Bool = false) {
        self.resolver = resolver
        self.allowsInternalAddresses = allowsInternalAddresses
    }

    public func check(_ url: URL) async throws(Refusal) {
        guard !allowsInternalAddresses, let host = url.host, !host.isEmpty else { return }
        let addresses: [IPAddress]
        if let literal = IPAddress(host) {
            addresses = [literal]
        } else {
            do {
                addresses = try await resolver.addresses(of: host)
            } catch {
                throw .unresolvable(host: host)
            }
        }
        guard !addresses.isEmpty else { throw .unresolvable(host: host) }
        if let inside = addresses.first(where: { !$0.isPublic }) { throw .internalAddress(host: host, address: inside) }
    }
}
