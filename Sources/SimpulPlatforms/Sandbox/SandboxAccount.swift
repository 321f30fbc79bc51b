import Foundation
import SimpulCore

/// One demo account the Sandbox speaks for: the platform would deliver events addressed to it.
public struct SandboxAccount: Sendable, Equatable {
    public var platform: Platform
    /// The platform-side id the server maps back to the account: Page id, Instagram user id,
    /// WhatsApp phone_number_id, X user id or YouTube channel id.
    public var externalID: String
    public var handle: String
    public var displayName: String
    public var kind: AccountKind

    public init(platform: Platform, externalID: String, handle: String, displayName: String, kind: AccountKind) {
        self.platform = platform
        self.externalID = externalID
        self.handle = handle
        self.displayName = displayName
        self.kind = kind
    }

    /// An account whose external id is the stable fake one from `SandboxIDs`.
    public init(platform: Platform, handle: String, displayName: String, kind: AccountKind) {
        self.init(platform: platform, externalID: SandboxIDs.externalID(for: platform, handle: handle),
                  handle: handle, displayName: displayName, kind: kind)
    }

    /// Every account of the demo city, with Sandbox external ids. TikTok accounts are included
    /// but the generator sends nothing for them (no comment webhooks there).
    public static func demoAccounts() -> [SandboxAccount] {
        DemoCatalog.accounts.map {
            SandboxAccount(platform: $0.platform, handle: $0.handle, displayName: $0.displayName, kind: $0.kind)
        }
    }
}

/// Stable fake platform ids for demo accounts, in the shape each platform uses. The same handle
/// always gives the same id, so the server can store it once and recognise every later delivery.
public enum SandboxIDs {
    public static func externalID(for platform: Platform, handle: String) -> String {
        let key = handle.lowercased()
        let h = SandboxHash.of("sandbox-account", platform.rawValue, key)
        switch platform {
        case .facebook:
            // Page ids: 15 digits, newer pages start with 1.
            return "10" + SandboxIDShape.digits(h, count: 13)
        case .instagram:
            // Instagram professional account ids: 17 digits starting 17841.
            return "17841" + SandboxIDShape.digits(h, count: 12)
        case .whatsapp:
            // phone_number_id: 15 digits.
            return "1" + SandboxIDShape.digits(h, count: 14)
        case .x:
            // X user ids: 19-digit snowflakes for accounts made since 2013.
            return "1" + SandboxIDShape.digits(h, count: 18)
        case .youtube:
            return youtubeChannelID(seed: h)
        case .tiktok:
            // open_id: a UUID.
            let hex = SandboxIDShape.characters(32, from: SandboxIDShape.hexDigits, seed: h)
            let chars = Array(hex)
            return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
        }
    }

    /// WhatsApp Business Account id (the `entry.id` of WhatsApp webhooks) for a number.
    static func whatsappBusinessAccountID(handle: String) -> String {
        "1" + SandboxIDShape.digits(SandboxHash.of("sandbox-waba", handle.lowercased()), count: 14)
    }

    /// The number as WhatsApp writes `display_phone_number`: digits only, country code first.
    static func displayPhoneNumber(handle: String) -> String {
        let digits = handle.filter(\.isASCII).filter(\.isNumber)
        if digits.count >= 8 {
            return digits.hasPrefix("0") ? "62" + digits.dropFirst() : String(digits)
        }
        return "62811" + SandboxIDShape.digits(SandboxHash.of("sandbox-phone", handle.lowercased()), count: 7)
    }

    /// "UC" and 22 base64url characters; the last carries only two bits, so it is one of A, Q, g, w.
    static func youtubeChannelID(seed: UInt64) -> String {
        let body = SandboxIDShape.characters(21, from: SandboxIDShape.base64URL, seed: seed)
        let last: [Character] = ["A", "Q", "g", "w"]
        return "UC" + body + String(last[Int(SandboxHash.mix(seed ^ 0x5A5A) & 3)])
    }
}
