import Foundation
import Testing
@testable import SimpulPlatforms

@Suite("Webhook signatures")
struct SignatureTests {
    let body = Data(#"{"object":"page","entry":[{"id":"1","time":1,"changes":[]}]}"#.utf8)
    let secret = "rahasia-aplikasi-meta"

    @Test func validSignature() {
        let header = WebhookSignature.sign(body, secret: secret)
        #expect(header.hasPrefix("sha256=") && header.count == 71)
        #expect(WebhookSignature.verify(body: body, signature256: header, secrets: ["lain", secret]) == .valid(secretIndex: 1))
        #expect(WebhookSignature.verify(body: body, signature256: header.uppercased().replacingOccurrences(of: "SHA256=", with: "sha256="), secrets: [secret]) == .valid(secretIndex: 0))
        #expect(WebhookSignature.verify(body: body, signature256: header.uppercased(), secrets: [secret]) == .valid(secretIndex: 0))
        // A look-alike of the prefix is not the prefix.
        #expect(WebhookSignature.verify(body: body, signature256: header.replacingOccurrences(of: "=", with: "\u{1D}"), secrets: [secret]) == .unsupported)
    }

    @Test func wrongSecret() {
        let header = WebhookSignature.sign(body, secret: "bukan-rahasianya")
        #expect(WebhookSignature.verify(body: body, signature256: header, secrets: [secret]) == .mismatch)
        #expect(WebhookSignature.verify(body: body, signature256: header, secrets: []) == .mismatch)
    }

    @Test func bodyAlteredByOneByte() {
        let header = WebhookSignature.sign(body, secret: secret)
        var altered = body
        altered[altered.startIndex + 12] ^= 0x01
        #expect(WebhookSignature.verify(body: altered, signature256: header, secrets: [secret]) == .mismatch)
    }

    @Test func missingAndLegacyHeaders() {
        #expect(WebhookSignature.verify(body: body, signature256: nil, secrets: [secret]) == .missing)
        #expect(WebhookSignature.verify(body: body, signature256: "", secrets: [secret]) == .missing)
        #expect(WebhookSignature.verify(body: body, signature256: nil, legacySignature: "sha1=abcdef", secrets: [secret]) == .unsupported)
        #expect(WebhookSignature.verify(body: body, signature256: "sha1=abcdef", secrets: [secret]) == .unsupported)
        #expect(WebhookSignature.verify(body: body, signature256: "sha256=xyz", secrets: [secret]) == .malformed)
        #expect(WebhookSignature.verify(body: body, signature256: "sha256=abcd", secrets: [secret]) == .malformed)
    }

    /// A key made once checks delivery after delivery, from several threads at once: each check
    /// hashes a copy of its keyed start and leaves the key as it was.
    @Test func preparedKeyIsReusable() async {
        let keys = [WebhookKey(secret: ""), WebhookKey(secret: "lain"), WebhookKey(secret: secret)]
        let bodies = (0..<64).map { Data(#"{"object":"page","entry":[{"id":"\#($0)"}]}"#.utf8) }
        let verdicts = await withTaskGroup(of: [WebhookSignature.Verdict].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    bodies.flatMap { body in
                        [WebhookSignature.verify(body: body, signature256: WebhookSignature.sign(body, secret: secret), keys: keys),
                         WebhookSignature.verify(body: body, signature256: WebhookSignature.sign(body, secret: "bukan"), keys: keys)]
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(verdicts.count == 4 * 64 * 2)
        #expect(verdicts.filter { $0 == .valid(secretIndex: 2) }.count == 4 * 64)
        #expect(verdicts.filter { $0 == .mismatch }.count == 4 * 64)
        // An empty secret signs nothing, not even an empty-keyed MAC.
        #expect(WebhookSignature.verify(body: body, signature256: WebhookSignature.sign(body, secret: ""), keys: [WebhookKey(secret: "")]) == .mismatch)
    }

    /// The prepared key computes HMAC-SHA256 itself: it must agree with `HMAC<SHA256>` (which
    /// `sign` uses) for secrets shorter than, as long as and longer than SHA-256's block, and
    /// with the published vectors.
    @Test func preparedKeyAgreesWithHMAC() {
        let secrets = ["k", String(repeating: "a", count: 63), String(repeating: "b", count: 64), String(repeating: "c", count: 65),
                       String(repeating: "rahasia-ü-", count: 20)]
        let bodies = [Data(), Data("x".utf8), Data(repeating: 0x7B, count: 64), Data((0..<1000).map { UInt8($0 % 251) })]
        for secret in secrets {
            for body in bodies {
                let key = WebhookKey(secret: secret)
                #expect(WebhookSignature.verify(body: body, signature256: WebhookSignature.sign(body, secret: secret), keys: [key]) == .valid(secretIndex: 0))
                #expect(WebhookSignature.verify(body: body, signature256: WebhookSignature.sign(body, secret: secret + "!"), keys: [key]) == .mismatch)
            }
        }
        // RFC 4231, test case 2.
        let rfc = WebhookSignature.verify(body: Data("what do ya want for nothing?".utf8),
                                          signature256: "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                                          keys: [WebhookKey(secret: "Jefe")])
        #expect(rfc == .valid(secretIndex: 0))
    }

    @Test func handshake() {
        #expect(WebhookHandshake.answer(mode: "subscribe", verifyToken: "token-uji", challenge: "1158201444", expectedTokens: ["token-uji"]) == .accept(challenge: "1158201444"))
        #expect(WebhookHandshake.answer(mode: "subscribe", verifyToken: "token-salah", challenge: "1158201444", expectedTokens: ["token-uji"]) == .reject)
        #expect(WebhookHandshake.answer(mode: "unsubscribe", verifyToken: "token-uji", challenge: "1", expectedTokens: ["token-uji"]) == .reject)
        #expect(WebhookHandshake.answer(mode: "subscribe", verifyToken: nil, challenge: "1", expectedTokens: ["token-uji"]) == .reject)
        #expect(WebhookHandshake.answer(mode: "subscribe", verifyToken: "", challenge: "1", expectedTokens: [""]) == .reject)
    }
}
