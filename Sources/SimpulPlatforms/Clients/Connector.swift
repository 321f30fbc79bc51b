import Foundation
import SimpulCore

/// What a connector can do for an account. The server offers only the actions an account's
/// connector lists.
public enum ConnectorCapability: String, CaseIterable, Codable, Sendable {
    /// The platform pushes events to Simpul's webhook (Meta, WhatsApp).
    case receiveWebhooks
    /// Simpul has to fetch new events itself (X mentions, YouTube comments).
    case poll
    /// Answer a comment, mention or conversation.
    case reply
    /// Put a new post on the account.
    case publish
    /// Send a direct message.
    case sendMessage
    /// Read a follower or subscriber count.
    case fetchMetrics
}

/// What "test connection" learned about the account behind the credentials.
public struct ConnectionCheck: Sendable, Equatable {
    /// The name the platform shows: Page name, channel title, verified WhatsApp name, …
    public var accountName: String
    /// The platform's id for the account (Page id, Instagram user id, phone-number id, X user
    /// id, channel id, TikTok open_id).
    public var accountID: String
    /// The handle, where the platform has one: Instagram and X username (no "@"), YouTube
    /// custom URL, WhatsApp display phone number.
    public var handle: String?

    public init(accountName: String, accountID: String, handle: String? = nil) {
        self.accountName = accountName
        self.accountID = accountID
        self.handle = handle
    }
}

/// One poll's result: the events found and the cursor to pass to the next poll.
public struct PollPage: Sendable {
    public var events: [InboundEvent]
    /// Store this and give it back to the next `poll(cursor:)`. Opaque to the caller:
    /// X: the newest tweet id seen (the next poll's `since_id`);
    /// YouTube: the newest comment's `publishedAt`, ISO 8601 with fractional seconds.
    /// When a poll finds nothing new it is the cursor that was passed in.
    public var cursor: String?

    public init(events: [InboundEvent], cursor: String?) {
        self.events = events
        self.cursor = cursor
    }
}

/// A client for one account on one platform. Every call goes through the `HTTPTransport` it
/// was made with and throws only `PlatformError`.
public protocol PlatformConnector: Sendable {
    var platform: Platform { get }
    var capabilities: Set<ConnectorCapability> { get }
    /// Reads the account the credentials belong to; succeeds only if they work.
    func testConnection() async throws(PlatformError) -> ConnectionCheck
}

/// A platform that does not push events: the server polls it on a schedule.
public protocol PollingConnector: PlatformConnector {
    /// Fetches everything newer than `cursor` (everything recent when nil), following the
    /// platform's page tokens up to the connector's page limit. Events may repeat ones seen
    /// before; the server stores them idempotently on (platform, eventID).
    func poll(cursor: String?) async throws(PlatformError) -> PollPage
}

/// A platform Simpul can answer on.
public protocol ReplyingConnector: PlatformConnector {
    /// Posts `text` as an answer to `targetID` and returns the new item's platform id.
    ///
    /// `targetID` is a comment or post id (Facebook, Instagram, YouTube), a tweet id (X) or
    /// the recipient's WhatsApp id. None of these APIs accepts an idempotency key, so a call
    /// that fails with `.transient` may or may not have been posted: the caller's outbox keeps
    /// `idempotencyKey` and decides. WhatsApp echoes it back in status webhooks
    /// (`biz_opaque_callback_data`).
    func reply(to targetID: String, text: String, idempotencyKey: String) async throws(PlatformError) -> String
}

/// A platform whose audience size Simpul can read.
public protocol MetricsConnector: PlatformConnector {
    /// Followers (Facebook Page, Instagram) or subscribers (YouTube).
    func fetchFollowerCount() async throws(PlatformError) -> Int
}

/// Makes the connector for an account.
public enum Connectors {
    public static func make(platform: Platform, transport: any HTTPTransport, endpoints: PlatformEndpoints,
                            credentials: AccountCredentials) -> any PlatformConnector {
        switch platform {
        case .facebook:
            MetaGraphConnector(surface: .facebookPage, transport: transport, endpoints: endpoints, credentials: credentials)
        case .instagram:
            MetaGraphConnector(surface: .instagram, transport: transport, endpoints: endpoints, credentials: credentials)
        case .whatsapp:
            WhatsAppConnector(transport: transport, endpoints: endpoints, credentials: credentials)
        case .x:
            XConnector(transport: transport, endpoints: endpoints, credentials: credentials)
        case .youtube:
            YouTubeConnector(transport: transport, endpoints: endpoints, credentials: credentials)
        case .tiktok:
            TikTokConnector(transport: transport, endpoints: endpoints, credentials: credentials)
        }
    }
}
