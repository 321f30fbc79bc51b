import Foundation
import SimpulCore

/// What an inbound platform event is, once normalised.
public enum MessageKind: String, CaseIterable, Codable, Sendable {
    case comment
    case mention
    case dm
    case reply
    case status
    case reaction
    case share
    /// A change the parser does not know. Stored raw, never dropped.
    case unknown
}

/// One event from a platform, in the same shape whichever platform sent it. Produced by the
/// webhook parsers and by the polling connectors; the server stores it idempotently on
/// (platform, eventID).
public struct InboundEvent: Codable, Equatable, Sendable {
    public struct Author: Codable, Equatable, Sendable {
        public var id: String?
        public var name: String?
        public var handle: String?
        public init(id: String? = nil, name: String? = nil, handle: String? = nil) {
            self.id = id
            self.name = name
            self.handle = handle
        }
    }

    public struct Media: Codable, Equatable, Sendable {
        /// image, video, audio, document, sticker, link, …
        public var type: String
        public var id: String?
        public var url: String?
        public var mimeType: String?
        public var caption: String?
        public init(type: String, id: String? = nil, url: String? = nil, mimeType: String? = nil, caption: String? = nil) {
            self.type = type
            self.id = id
            self.url = url
            self.mimeType = mimeType
            self.caption = caption
        }
    }

    public var platform: Platform
    /// The receiving account as the platform names it: Page id, Instagram user id, WhatsApp
    /// phone_number_id, X user id, YouTube channel id.
    public var accountRef: String
    public var kind: MessageKind
    /// The platform's own id for this event; with `platform` it makes redelivery harmless.
    public var eventID: String
    public var author: Author?
    public var text: String?
    public var media: [Media]
    /// What this answers: the parent comment, post or tweet.
    public var parentRef: String?
    /// The conversation it belongs to: the post, video, DM thread or WhatsApp chat.
    public var threadRef: String?
    public var occurredAt: Date?
    /// Kind-specific facts, e.g. "status": "delivered", "error_code": "131047", "reaction": "like", "verb": "add".
    public var detail: [String: String]
    /// The JSON this event was read from (one change or message), kept verbatim.
    public var raw: String

    public init(platform: Platform, accountRef: String, kind: MessageKind, eventID: String, author: Author? = nil, text: String? = nil,
                media: [Media] = [], parentRef: String? = nil, threadRef: String? = nil, occurredAt: Date? = nil,
                detail: [String: String] = [:], raw: String) {
        self.platform = platform
        self.accountRef = accountRef
        self.kind = kind
        self.eventID = eventID
        self.author = author
        self.text = text
        self.media = media
        self.parentRef = parentRef
        self.threadRef = threadRef
        self.occurredAt = occurredAt
        self.detail = detail
        self.raw = raw
    }
}

/// The payload formats Simpul reads: webhook bodies and the responses of polled APIs.
public enum PayloadFormat: String, CaseIterable, Codable, Sendable {
    /// Facebook Page webhooks (object "page"): feed changes, mentions, Messenger messaging.
    case meta
    /// Instagram webhooks (object "instagram"): comments, mentions, messaging.
    case instagram
    /// WhatsApp Cloud API webhooks (object "whatsapp_business_account"): messages and statuses.
    case whatsapp
    /// X API v2 mentions timeline response (GET /2/users/:id/mentions).
    case x
    /// YouTube Data API v3 commentThreads.list response.
    case youtube

    public var platform: Platform {
        switch self {
        case .meta: .facebook
        case .instagram: .instagram
        case .whatsapp: .whatsapp
        case .x: .x
        case .youtube: .youtube
        }
    }
}

public enum PayloadError: Error, Equatable, Sendable {
    /// Not JSON at all, or not UTF-8.
    case notJSON
    /// JSON, but not the envelope this format has (e.g. no "entry" array); says what was expected.
    case unexpectedShape(String)
}
