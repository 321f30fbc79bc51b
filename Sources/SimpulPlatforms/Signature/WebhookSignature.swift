import Crypto
import Foundation
import SimpulCore

/// Meta (Facebook, Instagram, WhatsApp) signs each webhook body with the app secret:
/// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. The check runs on the bytes
/// as received, before any parsing: re-serialised JSON would not match.
public enum WebhookSignature {
    public enum Verdict: Equatable, Sendable {
        /// Matches the secret at this index of the list given.
        case valid(secretIndex: Int)
        case missing
        /// Only the legacy `X-Hub-Signature` (SHA-1) header, or another algorithm: refused.
        case unsupported
        case malformed
        case mismatch
    }

    public static let header = "X-Hub-Signature-256"
    public static let legacyHeader = "X-Hub-Signature"

    /// Tries each configured app secret (a tenant may use more than one Meta app), comparing
    /// in constant time.
    /// `body` is `Data` rather than any DataProtocol: a generic called from another module runs
    /// unspecialised, and this runs on every delivery.
    public static func verify(body: Data, signature256: String?, legacySignature: String? = nil, secrets: [String]) -> Verdict {
        verify(body: body, signature256: signature256, legacySignature: legacySignature, keys: secrets.map(WebhookKey.init(secret:)))
    }

    /// As `verify(body:signature256:legacySignature:secrets:)`, with the secrets made ready once.
    public static func verify(body: Data, signature256: String?, legacySignature: String? = nil, keys: [WebhookKey]) -> Verdict {
        guard let signature256 = signature256?.trimmingWhitespace, !signature256.isEmpty else {
            return legacySignature == nil ? .missing : .unsupported
        }
        // Read as one buffer of bytes: this runs on every delivery.
        var header = signature256
        let read: (prefixed: Bool, mac: [UInt8]?) = header.withUTF8 { bytes in
            let prefix = "sha256=".utf8
            // The prefix in any case.
            guard bytes.count >= prefix.count,
                  zip(bytes, prefix).allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z") ~= $0 ? $0 | 0x20 : $0) == $1 }) else {
                return (false, nil)
            }
            return (true, hexBytes(bytes[prefix.count...]))
        }
        guard read.prefixed else { return .unsupported }
        guard let expected = read.mac, expected.count == SHA256.byteCount else { return .malformed }
        for (index, key) in keys.enumerated() where key.matches(expected, body: body) {
            return .valid(secretIndex: index)
        }
        return .mismatch
    }

    /// The header value Meta would send for this body: used by the Sandbox and by tests.
    public static func sign(_ body: some DataProtocol, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    static func hexBytes(_ hex: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            guard let h = nibble(hex[index]), let l = nibble(hex[index + 1]) else { return nil }
            bytes.append(h << 4 | l)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// An app secret made ready to check signatures: HMAC-SHA256 (RFC 2104) with the keyed starts
/// of its two hashes, the secret padded and xor-ed with each pad, worked out once rather than
/// for every delivery.
///
/// Built on SHA-256 directly rather than on `HMAC`: `HMAC`'s update and comparison are generic
/// over `DataProtocol`, and unspecialised from this module they cost twice the hashing. Tests
/// hold the result to `HMAC<SHA256>` for short, block-sized and long secrets.
public struct WebhookKey: @unchecked Sendable {
    // @unchecked: a SHA-256 state is a value whose context is copied before it changes, so
    // copies on several threads never share a mutation; it is only not declared Sendable.
    private static let blockSize = 64
    private let inner: SHA256?
    private let outer: SHA256?

    /// An empty secret matches nothing.
    public init(secret: String) {
        guard !secret.isEmpty else { inner = nil; outer = nil; return }
        var key = Array(secret.utf8)
        if key.count > Self.blockSize { key = Array(SHA256.hash(data: key)) }
        key += repeatElement(0, count: Self.blockSize - key.count)
        var inner = SHA256(), outer = SHA256()
        inner.update(data: key.map { $0 ^ 0x36 })
        outer.update(data: key.map { $0 ^ 0x5C })
        self.inner = inner
        self.outer = outer
    }

    func matches(_ expected: [UInt8], body: Data) -> Bool {
        guard var inner, var outer, expected.count == SHA256.byteCount else { return false }
        body.withUnsafeBytes { inner.update(bufferPointer: $0) }
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        // Constant time: every byte is compared, whatever the first difference.
        return outer.finalize().withUnsafeBytes { mac in
            var difference: UInt8 = 0
            for index in 0..<SHA256.byteCount { difference |= mac[index] ^ expected[index] }
            return difference == 0
        }
    }
}

/// The GET handshake Meta performs when a webhook is registered.
public enum WebhookHandshake {
    public enum Outcome: Equatable, Sendable {
        case accept(challenge: String)
        case reject
    }

    public static func answer(mode: String?, verifyToken: String?, challenge: String?, expectedTokens: [String]) -> Outcome {
        guard mode == "subscribe", let verifyToken, let challenge, !challenge.isEmpty, challenge.count <= 512 else { return .reject }
        let given = Array(verifyToken.utf8)
        for expected in expectedTokens where !expected.isEmpty {
            let wanted = Array(expected.utf8)
            guard wanted.count == given.count else { continue }
            var difference: UInt8 = 0
            for i in wanted.indices { difference |= wanted[i] ^ given[i] }
            if difference == 0 { return .accept(challenge: challenge) }
        }
        return .reject
    }
}
