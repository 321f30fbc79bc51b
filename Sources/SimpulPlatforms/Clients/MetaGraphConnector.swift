import Crypto
import Foundation
import SimpulCore

/// Calls to the Graph API at `endpoints.graphBaseURL/{graphVersion}/…`, shared by the
/// Facebook/Instagram and WhatsApp connectors.
///
/// The access token goes in `Authorization: Bearer`, never in the URL. When the account has an
/// app secret, every call carries `appsecret_proof` (hex HMAC-SHA256 of the token keyed with
/// the secret) as a query parameter. POST parameters are sent form-encoded, except the
/// messaging APIs, which take JSON.
struct GraphCaller: Sendable {
    let endpoints: PlatformEndpoints
    let credentials: AccountCredentials
    let http: ConnectorHTTP

    init(transport: any HTTPTransport, endpoints: PlatformEndpoints, credentials: AccountCredentials,
         now: @escaping @Sendable () -> Date) {
        self.endpoints = endpoints
        self.credentials = credentials
        var secrets = [credentials.accessToken, credentials.appSecret].compactMap { $0 }
        if let token = credentials.accessToken, let secret = credentials.appSecret, !secret.isEmpty {
            secrets.append(Self.appSecretProof(token: token, appSecret: secret))
        }
        http = ConnectorHTTP(transport: transport, classify: ErrorClassifier.meta, now: now, secrets: secrets)
    }

    /// Hex HMAC-SHA256 of the access token, keyed with the app secret.
    static func appSecretProof(token: String, appSecret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(token.utf8), using: SymmetricKey(data: Data(appSecret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    func call(_ method: String, _ segments: [String], query: [(String, String)] = [],
              form: [(String, String)]? = nil, json: JSONValue? = nil) async throws(PlatformError) -> JSONValue {
        let token = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        var query = query
        if let secret = credentials.appSecret, !secret.isEmpty {
            query.append(("appsecret_proof", Self.appSecretProof(token: token, appSecret: secret)))
        }
        let version = endpoints.graphVersion.isEmpty ? [] : [endpoints.graphVersion]
        let url = try ConnectorURL.make(endpoints.graphBaseURL, version + segments, query: query)
        var headers = [ConnectorHTTP.bearer(token), ConnectorHTTP.acceptJSON]
        var body: Data?
        if let form {
            headers.append(ConnectorHTTP.contentForm)
            body = ConnectorURL.formBody(form)
        } else if let json {
            headers.append(ConnectorHTTP.contentJSON)
            body = json.encoded()
        }
        return try await http.json(HTTPRequestSpec(method: method, url: url, headers: headers, body: body))
    }

    /// The `id` of a Graph response, as a string whether it came as a string or a number.
    func id(_ json: JSONValue, _ key: String = "id", what: String) throws(PlatformError) -> String {
        guard let id = json[key]?.idString else {
            throw http.invalid("Graph response to \(what) has no \(key)")
        }
        return id
    }
}

/// A Facebook Page or an Instagram professional account, through the Graph API.
///
/// Credentials: `accessToken` (a Page access token; for Instagram the token of the linked
/// Page), `pageID` (Facebook; for Instagram only needed for direct messages),
/// `instagramUserID` (Instagram), `appSecret` (optional, adds appsecret_proof).
public struct MetaGraphConnector: ReplyingConnector, MetricsConnector {
    public enum Surface: String, Sendable, CaseIterable {
        case facebookPage
        case instagram
    }

    public let surface: Surface
    let graph: GraphCaller

    public init(surface: Surface, transport: any HTTPTransport, endpoints: PlatformEndpoints, credentials: AccountCredentials,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.surface = surface
        graph = GraphCaller(transport: transport, endpoints: endpoints, credentials: credentials, now: now)
    }

    public var platform: Platform { surface == .facebookPage ? .facebook : .instagram }
    public var capabilities: Set<ConnectorCapability> { [.receiveWebhooks, .reply, .publish, .sendMessage, .fetchMetrics] }

    var credentials: AccountCredentials { graph.credentials }

    /// The Page id or Instagram user id this account is.
    func accountID() throws(PlatformError) -> String {
        switch surface {
        case .facebookPage: try ConnectorHTTP.require(credentials.pageID, "pageID")
        case .instagram: try ConnectorHTTP.require(credentials.instagramUserID, "instagramUserID")
        }
    }

    /// Facebook: `GET /{page-id}?fields=id,name`. Instagram: `GET /{ig-user-id}?fields=id,username,name`
    /// (the handle is the username).
    public func testConnection() async throws(PlatformError) -> ConnectionCheck {
        let id = try accountID()
        _ = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        switch surface {
        case .facebookPage:
            let json = try await graph.call("GET", [id], query: [("fields", "id,name")])
            let pageID = json["id"]?.idString ?? id
            return ConnectionCheck(accountName: json["name"]?.string ?? pageID, accountID: pageID)
        case .instagram:
            let json = try await graph.call("GET", [id], query: [("fields", "id,username,name")])
            let userID = json["id"]?.idString ?? id
            let username = json["username"]?.string
            let name = json["name"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            return ConnectionCheck(accountName: name ?? username ?? userID, accountID: userID, handle: username)
        }
    }

    /// Answers a comment (or comments on a post). Facebook: `POST /{object-id}/comments`;
    /// Instagram: `POST /{ig-comment-id}/replies`; form field `message`. Returns the new
    /// comment id. The Graph API has no idempotency key; `idempotencyKey` is not sent.
    public func reply(to targetID: String, text: String, idempotencyKey: String) async throws(PlatformError) -> String {
        _ = try accountID()
        _ = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let target = try ConnectorURL.checkedID(targetID, "comment id")
        let edge = surface == .facebookPage ? "comments" : "replies"
        let json = try await graph.call("POST", [target, edge], form: [("message", text)])
        return try graph.id(json, what: "reply")
    }

    /// Sends a Messenger or Instagram direct message: `POST /{page-id}/messages` with
    /// `{"recipient":{"id":…},"messaging_type":"RESPONSE","message":{"text":…}}`.
    /// Outside the 24-hour window pass a message tag (e.g. "HUMAN_AGENT"): the type becomes
    /// MESSAGE_TAG. Returns the `message_id`.
    public func sendMessage(to recipientID: String, text: String, tag: String? = nil) async throws(PlatformError) -> String {
        let pageID = try ConnectorHTTP.require(credentials.pageID, "pageID")
        _ = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let recipient = try ConnectorURL.checkedID(recipientID, "recipient id")
        var body: JSONObject = [
            "recipient": ["id": .string(recipient)],
            "messaging_type": "RESPONSE",
            "message": ["text": .string(text)],
        ]
        if let tag, !tag.isEmpty {
            body["messaging_type"] = "MESSAGE_TAG"
            body["tag"] = .string(tag)
        }
        let json = try await graph.call("POST", [pageID, "messages"], json: .object(body))
        return try graph.id(json, "message_id", what: "send message")
    }

    /// Facebook only: `POST /{page-id}/feed` with `message` and optional `link`. Returns the
    /// post id ("{page-id}_{post-id}").
    public func publishPagePost(message: String, link: String? = nil) async throws(PlatformError) -> String {
        guard surface == .facebookPage else {
            throw .rejected(status: 0, code: "unsupported", detail: "Page posts are for Facebook accounts; use publishInstagramImage")
        }
        let pageID = try accountID()
        _ = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        var form = [("message", message)]
        if let link, !link.isEmpty { form.append(("link", link)) }
        let json = try await graph.call("POST", [pageID, "feed"], form: form)
        return try graph.id(json, what: "page post")
    }

    /// Instagram step 1: `POST /{ig-user-id}/media` with `image_url` and `caption`. Returns the
    /// container (creation) id.
    public func createInstagramImageContainer(imageURL: String, caption: String?) async throws(PlatformError) -> String {
        let userID = try instagramUserID()
        var form = [("image_url", imageURL)]
        if let caption, !caption.isEmpty { form.append(("caption", caption)) }
        let json = try await graph.call("POST", [userID, "media"], form: form)
        return try graph.id(json, what: "media container")
    }

    /// A container's `status_code`: IN_PROGRESS, FINISHED, ERROR, EXPIRED or PUBLISHED.
    public func instagramContainerStatus(containerID: String) async throws(PlatformError) -> String {
        _ = try instagramUserID()
        let container = try ConnectorURL.checkedID(containerID, "container id")
        let json = try await graph.call("GET", [container], query: [("fields", "id,status_code")])
        guard let status = json["status_code"]?.string else {
            throw graph.http.invalid("container status response has no status_code")
        }
        return status
    }

    /// Instagram step 2: `POST /{ig-user-id}/media_publish` with `creation_id`. Returns the
    /// media id.
    public func publishInstagramContainer(creationID: String) async throws(PlatformError) -> String {
        let userID = try instagramUserID()
        let creation = try ConnectorURL.checkedID(creationID, "creation id")
        let json = try await graph.call("POST", [userID, "media_publish"], form: [("creation_id", creation)])
        return try graph.id(json, what: "media publish")
    }

    /// Both Instagram steps for a single image (image containers are normally ready at once;
    /// for video, poll `instagramContainerStatus` until FINISHED before publishing).
    public func publishInstagramImage(imageURL: String, caption: String?) async throws(PlatformError) -> String {
        let creationID = try await createInstagramImageContainer(imageURL: imageURL, caption: caption)
        return try await publishInstagramContainer(creationID: creationID)
    }

    /// Facebook: `fields=followers_count,fan_count` (followers, else likes). Instagram:
    /// `fields=followers_count`.
    public func fetchFollowerCount() async throws(PlatformError) -> Int {
        let id = try accountID()
        _ = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let fields = surface == .facebookPage ? "followers_count,fan_count" : "followers_count"
        let json = try await graph.call("GET", [id], query: [("fields", fields)])
        guard let count = json["followers_count"]?.int ?? json["fan_count"]?.int else {
            throw graph.http.invalid("follower count response has no followers_count")
        }
        return count
    }

    func instagramUserID() throws(PlatformError) -> String {
        guard surface == .instagram else {
            throw .rejected(status: 0, code: "unsupported", detail: "Instagram publishing needs an Instagram account")
        }
        let id = try ConnectorHTTP.require(credentials.instagramUserID, "instagramUserID")
        _ = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        return id
    }
}
