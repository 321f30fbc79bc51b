import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 (4 bytes) or IPv6 (16 bytes) address, and whether it belongs to the public
/// internet. Addresses a tenant types (news feeds) must not let the server reach its own
/// machine, the cloud's metadata service or the office network behind it.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// A literal as written in a URL's host: "10.0.0.5", "::1" or "[fe80::1]".
    public init?(_ text: String) {
        let literal = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 {
            self.bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 {
            self.bytes = withUnsafeBytes(of: &v6) { Array($0) }
            return
        }
        return nil
    }

    public var description: String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
    }

    /// True only for globally routable unicast addresses: not loopback, private (RFC 1918,
    /// unique local), link-local (where cloud metadata answers), shared carrier space,
    /// documentation, benchmarking, multicast or reserved ranges. IPv6 forms that carry an
    /// IPv4 address (mapped, NAT64, 6to4) are judged by the address they carry.
    public var isPublic: Bool {
        if bytes.count == 4 { return Self.isPublicV4(bytes) }
        if let carried = carriedV4 { return Self.isPublicV4(carried) }
        return Self.isPublicV6(bytes)
    }

    private var carriedV4: [UInt8]? {
        let b = bytes
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return Array(b[12..<16]) }   // ::ffff:a.b.c.d
        if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..<12].allSatisfy({ $0 == 0 }) { return Array(b[12..<16]) }   // 64:ff9b::/96
        if b[0] == 0x20 && b[1] == 0x02 { return Array(b[2..<6]) }   // 2002::/16
        return nil
    }

    private static func isPublicV4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1], b[2]) {
        case (0, _, _), (10, _, _), (127, _, _): return false
        case (100, 64...127, _): return false          // shared address space (carrier NAT)
        case (169, 254, _): return false               // link-local, cloud metadata
        case (172, 16...31, _): return false
        case (192, 0, 0), (192, 0, 2): return false    // IETF protocol assignments, TEST-NET-1
        case (192, 168, _): return false
        case (198, 18...19, _): return false           // benchmarking
        case (198, 51, 100), (203, 0, 113): return false   // TEST-NET-2 and -3
        case (224...255, _, _): return false           // multicast, reserved, broadcast
        default: return true
        }
    }

    private static func isPublicV6(_ b: [UInt8]) -> Bool {
        if b[0..<15].allSatisfy({ $0 == 0 }) { return false }   // :: and ::1
        if b[0..<12].allSatisfy({ $0 == 0 }) { return false }   // deprecated IPv4-compatible
        if b[0] & 0xFE == 0xFC { return false }                 // unique local fc00::/7
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return false } // link-local fe80::/10
        if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return false } // old site-local fec0::/10
        if b[0] == 0xFF { return false }                        // multicast
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return false }   // documentation
        if b[0] == 0x01 && b[1..<8].allSatisfy({ $0 == 0 }) { return false }               // discard 100::/64
        return b[0] & 0xE0 == 0x20   // global unicast is 2000::/3
    }
}
