import Foundation
import SimpulCore

public enum WhatsAppMediaKind: String, CaseIterable, Codable, Sendable {
    case image
    case video
    case audio
    case document
    case sticker

    /// Audio and stickers take no caption.
    var takesCaption: Bool { self == .image || self == .video || self == .document }
}

public struct WhatsAppReplyButton: Sendable, Equatable {
    public var id: String
    /// At most 20 characters (WhatsApp refuses longer).
    public var title: String
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

public struct WhatsAppListRow: Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public init(id: String, title: String, description: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
    }
}

public struct WhatsAppListSection: Sendable, Equatable {
    public var title: String?
    public var rows: [WhatsAppListRow]
    public init(title: String? = nil, rows: [WhatsAppListRow]) {
        self.title = title
        self.rows = rows
    }
}

/// One outgoing WhatsApp message.
public enum WhatsAppOutbound: Sendable, Equatable {
    /// Free text; `previewURL` asks WhatsApp to render a link preview.
    case text(String, previewURL: Bool)
    /// An uploaded media id, or an http(s) link WhatsApp fetches. `filename` applies to
    /// documents; `caption` to images, videos and documents.
    case media(kind: WhatsAppMediaKind, idOrLink: String, caption: String?, filename: String?)
    /// An approved template; `parameters` fill the body's {{1}}, {{2}}, … in order.
    case template(name: String, language: String, parameters: [String])
    /// Interactive reply buttons (up to 3).
    case buttons(body: String, buttons: [WhatsAppReplyButton])
    /// Interactive list: `buttonText` opens the list of sections.
    case list(body: String, buttonText: String, sections: [WhatsAppListSection])
}

/// The WhatsApp Cloud API for one business phone number.
///
/// Credentials: `accessToken` (system-user token), `phoneNumberID`, `appSecret` (optional,
/// adds appsecret_proof).
public struct WhatsAppConnector: ReplyingConnector {
    let graph: GraphCaller

    public init(transport: any HTTPTransport, endpoints: PlatformEndpoints, credentials: AccountCredentials,
                now: @escaping @Sendable () -> Date = { Date() }) {
        graph = GraphCaller(transport: transport, endpoints: endpoints, credentials: credentials, now: now)
    }

    public var platform: Platform { .whatsapp }
    public var capabilities: Set<ConnectorCapability> { [.receiveWebhooks, .sendMessage, .reply] }

    private func phoneNumberID() throws(PlatformError) -> String {
        let id = try ConnectorHTTP.require(graph.credentials.phoneNumberID, "phoneNumberID")
        _ = try ConnectorHTTP.require(graph.credentials.accessToken, "accessToken")
        return id
    }

    /// `GET /{phone-number-id}?fields=display_phone_number,verified_name`. The name is the
    /// verified name (else the number); the handle is the display number.
    public func testConnection() async throws(PlatformError) -> ConnectionCheck {
        let id = try phoneNumberID()
        let json = try await graph.call("GET", [id], query: [("fields", "display_phone_number,verified_name")])
        let number = json["display_phone_number"]?.string
        let name = json["verified_name"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        return ConnectionCheck(accountName: name ?? number ?? id, accountID: json["id"]?.idString ?? id, handle: number)
    }

    /// `POST /{phone-number-id}/messages`. `to` is the recipient's WhatsApp id or phone number;
    /// `replyingTo` quotes an earlier message (its wamid); `idempotencyKey` is sent as
    /// `biz_opaque_callback_data` and comes back in the status webhooks. Returns the new
    /// message's wamid (`messages[0].id`).
    public func send(_ message: WhatsAppOutbound, to recipient: String, replyingTo contextMessageID: String? = nil,
                     idempotencyKey: String? = nil) async throws(PlatformError) -> String {
        let id = try phoneNumberID()
        let to = recipient.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !to.isEmpty else { throw .rejected(status: 0, code: "invalid_id", detail: "recipient is empty") }
        var body = Self.body(for: message)
        body["messaging_product"] = "whatsapp"
        body["recipient_type"] = "individual"
        body["to"] = .string(to)
        if let contextMessageID, !contextMessageID.isEmpty {
            body["context"] = ["message_id": .string(contextMessageID)]
        }
        if let idempotencyKey, !idempotencyKey.isEmpty {
            body["biz_opaque_callback_data"] = .string(String(idempotencyKey.prefix(512)))
        }
        let json = try await graph.call("POST", [id, "messages"], json: .object(body))
        guard let wamid = json["messages"]?[0]?["id"]?.idString else {
            throw graph.http.invalid("WhatsApp send response has no messages[0].id")
        }
        return wamid
    }

    /// A text message to `targetID` (the customer's WhatsApp id, i.e. the chat).
    public func reply(to targetID: String, text: String, idempotencyKey: String) async throws(PlatformError) -> String {
        try await send(.text(text, previewURL: false), to: targetID, idempotencyKey: idempotencyKey)
    }

    /// The type-specific part of a message body.
    static func body(for message: WhatsAppOutbound) -> JSONObject {
        switch message {
        case .text(let text, let previewURL):
            return ["type": "text", "text": ["preview_url": .bool(previewURL), "body": .string(text)]]
        case .media(let kind, let idOrLink, let caption, let filename):
            let lowered = idOrLink.lowercased()
            let isLink = lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
            var media: JSONObject = [isLink ? "link" : "id": .string(idOrLink)]
            if let caption, !caption.isEmpty, kind.takesCaption { media["caption"] = .string(caption) }
            if let filename, !filename.isEmpty, kind == .document { media["filename"] = .string(filename) }
            return ["type": .string(kind.rawValue), kind.rawValue: .object(media)]
        case .template(let name, let language, let parameters):
            var template: JSONObject = ["name": .string(name), "language": ["code": .string(language)]]
            if !parameters.isEmpty {
                template["components"] = [[
                    "type": "body",
                    "parameters": .array(parameters.map { ["type": "text", "text": .string($0)] }),
                ]]
            }
            return ["type": "template", "template": .object(template)]
        case .buttons(let text, let buttons):
            let replies: [JSONValue] = buttons.map { ["type": "reply", "reply": ["id": .string($0.id), "title": .string($0.title)]] }
            return ["type": "interactive", "interactive": [
                "type": "button",
                "body": ["text": .string(text)],
                "action": ["buttons": .array(replies)],
            ]]
        case .list(let text, let buttonText, let sections):
            let sectionValues: [JSONValue] = sections.map { section in
                var value: JSONObject = ["rows": .array(section.rows.map { row in
                    var rowValue: JSONObject = ["id": .string(row.id), "title": .string(row.title)]
                    if let description = row.description, !description.isEmpty { rowValue["description"] = .string(description) }
                    return .object(rowValue)
                })]
                if let title = section.title, !title.isEmpty { value["title"] = .string(title) }
                return .object(value)
            }
            return ["type": "interactive", "interactive": [
                "type": "list",
                "body": ["text": .string(text)],
                "action": ["button": .string(buttonText), "sections": .array(sectionValues)],
            ]]
        }
    }
}
