import Foundation
import SimpulCore

/// WhatsApp Cloud API webhooks:
/// `{"object": "whatsapp_business_account", "entry": [{id, changes: [{field, value}]}]}`.
/// The account is `value.metadata.phone_number_id` (the entry id, the business account, when missing).
///
/// Field `messages`:
/// - `messages[]` of every type → `dm` (a `reaction` → `reaction`), id `message.id`, the chat
///   (`from`) as thread, the author's profile name from `contacts[]`, and what text there is:
///   `text.body`, a media caption, the tapped button or list row, a location's name and address,
///   shared contacts, an order's note, a system notice.
/// - `statuses[]` → `status`, id `message id:status`, so sent, delivered, read and failed of one
///   message are four events; the message is `parentRef`, failures carry the first error.
/// - `errors[]` next to them (problems not tied to one message) → `unknown` with the error details.
/// Every other field (`account_update`, `message_template_status_update`, …) → `unknown`.
enum WhatsAppParser {
    static let platform = Platform.whatsapp

    static func parse(_ data: Data) throws(PayloadError) -> [InboundEvent] {
        let entries = try WebhookEnvelope.entries(of: data, object: "whatsapp_business_account")
        return entries.flatMap(events(in:))
    }

    static func events(in entry: JSONValue) -> [InboundEvent] {
        let businessAccountID = entry["id"]?.idString ?? ""
        guard entry.object != nil, let changes = entry["changes"]?.array else {
            return [.unknown(platform: platform, accountRef: businessAccountID, raw: entry, label: "entry")]
        }
        return changes.flatMap { change($0, businessAccountID: businessAccountID) }
    }

    static func change(_ change: JSONValue, businessAccountID: String) -> [InboundEvent] {
        let field = change["field"]?.text ?? "change"
        guard let value = change["value"], value.object != nil else {
            return [.unknown(platform: platform, accountRef: businessAccountID, raw: change, label: field)]
        }
        let account = value[path: "metadata", "phone_number_id"]?.idString ?? businessAccountID
        guard field == "messages" else {
            return [.unknown(platform: platform, accountRef: account, raw: change, label: field)]
        }

        var names: [String: String] = [:]
        for contact in value["contacts"]?.elements ?? [] {
            if let waID = contact["wa_id"]?.idString, let name = contact[path: "profile", "name"]?.text {
                names[waID] = name
            }
        }

        var events: [InboundEvent] = []
        var understood = false
        if let messages = value["messages"]?.array {
            understood = true
            events += messages.map { message($0, account: account, names: names) }
        }
        if let statuses = value["statuses"]?.array {
            understood = true
            events += statuses.map { status($0, account: account) }
        }
        if let errors = value["errors"]?.array {
            understood = true
            events += errors.map { error in
                var detail: [String: String] = [:]
                addError(error, to: &detail)
                return .unknown(platform: platform, accountRef: account, raw: error, label: "errors", detail: detail)
            }
        }
        if !understood {
            events.append(.unknown(platform: platform, accountRef: account, raw: change, label: field))
        }
        return events
    }

    // MARK: Messages

    private static let mediaTypes: Set<String> = ["image", "video", "audio", "document", "sticker"]

    static func message(_ message: JSONValue, account: String, names: [String: String]) -> InboundEvent {
        guard message.object != nil else {
            return .unknown(platform: platform, accountRef: account, raw: message, label: "message")
        }
        let raw = message.serialized
        let type = message["type"]?.text ?? "unknown"
        let from = message["from"]?.idString
        var detail: [String: String] = ["type": type]
        var kind = MessageKind.dm
        var text: String?
        var media: [InboundEvent.Media] = []
        var parentRef = message[path: "context", "id"]?.idString

        let body = message[type]
        switch type {
        case "text":
            text = body?["body"]?.text
        case _ where mediaTypes.contains(type):
            text = body?["caption"]?.text
            if let body, body.object != nil {
                media.append(InboundEvent.Media(type: type, id: body["id"]?.idString, url: body["url"]?.text,
                                                mimeType: body["mime_type"]?.text, caption: body["caption"]?.text))
            }
            detail.set("filename", body?["filename"]?.text)
            if body?["voice"]?.bool == true { detail["voice"] = "true" }
            if body?["animated"]?.bool == true { detail["animated"] = "true" }
        case "location":
            let lines = [body?["name"]?.text, body?["address"]?.text].compactMap { $0 }
            text = lines.isEmpty ? nil : lines.joined(separator: "\n")
            detail.set("latitude", body?["latitude"]?.text)
            detail.set("longitude", body?["longitude"]?.text)
            detail.set("location_url", body?["url"]?.text)
        case "contacts":
            let cards = message["contacts"]?.elements ?? []
            let lines = cards.compactMap(contactLine)
            text = lines.isEmpty ? nil : lines.joined(separator: "\n")
            detail["contacts"] = String(cards.count)
        case "interactive":
            let replyType = body?["type"]?.text
            detail.set("interactive_type", replyType)
            let reply = replyType.flatMap { body?[$0] }
            switch replyType {
            case "nfm_reply":
                text = reply?["body"]?.text
                detail.set("flow_name", reply?["name"]?.text)
                detail.set("response_json", reply?["response_json"]?.text)
            default:
                text = reply?["title"]?.text
                detail.set("reply_id", reply?["id"]?.idString)
                detail.set("reply_description", reply?["description"]?.text)
            }
        case "button":
            text = body?["text"]?.text
            detail.set("payload", body?["payload"]?.text)
        case "reaction":
            kind = .reaction
            parentRef = body?["message_id"]?.idString ?? parentRef
            let emoji = body?["emoji"]?.text
            detail.set("reaction", emoji)
            detail["action"] = emoji == nil ? "unreact" : "react"
        case "order":
            text = body?["text"]?.text
            detail.set("catalog_id", body?["catalog_id"]?.idString)
            if let items = body?["product_items"]?.array { detail["product_items"] = String(items.count) }
        case "system":
            text = body?["body"]?.text
            detail.set("system_type", body?["type"]?.text)
            detail.set("new_wa_id", (body?["new_wa_id"] ?? body?["wa_id"])?.idString)
        default:
            // "unsupported", "unknown", and types newer than this parser: still a message from a person.
            text = body?["body"]?.text ?? body?["text"]?.text
        }

        if let error = message["errors"]?.elements.first { addError(error, to: &detail) }
        if let context = message["context"], context.object != nil {
            detail.set("context_from", context["from"]?.idString)
            if context["forwarded"]?.bool == true { detail["forwarded"] = "true" }
            if context["frequently_forwarded"]?.bool == true { detail["frequently_forwarded"] = "true" }
        }
        if let referral = message["referral"], referral.object != nil {
            detail.set("referral_source_url", referral["source_url"]?.text)
            detail.set("referral_source_id", referral["source_id"]?.idString)
            detail.set("referral_source_type", referral["source_type"]?.text)
        }

        let author = from.map { InboundEvent.Author(id: $0, name: names[$0]) }
        let eventID = message["id"]?.idString ?? SyntheticID.digest(prefix: "message", of: raw)
        return InboundEvent(platform: platform, accountRef: account, kind: kind, eventID: eventID, author: author,
                            text: text, media: media, parentRef: parentRef, threadRef: from,
                            occurredAt: Timestamp.date(message["timestamp"]), detail: detail, raw: raw)
    }

    /// One shared contact card as "Name (+62 812…, +62 813…)".
    private static func contactLine(_ card: JSONValue) -> String? {
        let name = card[path: "name", "formatted_name"]?.text
            ?? [card[path: "name", "first_name"]?.text, card[path: "name", "last_name"]?.text]
                .compactMap { $0 }.joined(separator: " ")
        let phones = (card["phones"]?.elements ?? []).compactMap { $0["phone"]?.text ?? $0["wa_id"]?.idString }
        let label = name.isEmpty ? nil : name
        switch (label, phones.isEmpty) {
        case (nil, true): return nil
        case (let label?, true): return label
        case (nil, false): return phones.joined(separator: ", ")
        case (let label?, false): return "\(label) (\(phones.joined(separator: ", ")))"
        }
    }

    // MARK: Statuses

    static func status(_ status: JSONValue, account: String) -> InboundEvent {
        guard status.object != nil else {
            return .unknown(platform: platform, accountRef: account, raw: status, label: "status")
        }
        let raw = status.serialized
        let messageID = status["id"]?.idString
        let state = status["status"]?.text
        var detail: [String: String] = [:]
        detail.set("status", state)
        detail.set("recipient_id", status["recipient_id"]?.idString)
        detail.set("recipient_type", status["recipient_type"]?.text)
        detail.set("conversation_id", status[path: "conversation", "id"]?.idString)
        detail.set("conversation_category", status[path: "conversation", "origin", "type"]?.text)
        detail.set("conversation_expires", status[path: "conversation", "expiration_timestamp"]?.idString)
        detail.set("pricing_category", status[path: "pricing", "category"]?.text)
        detail.set("pricing_model", status[path: "pricing", "pricing_model"]?.text)
        detail.set("pricing_type", status[path: "pricing", "type"]?.text)
        detail.set("billable", status[path: "pricing", "billable"]?.text)
        detail.set("biz_opaque_callback_data", status["biz_opaque_callback_data"]?.text)
        if let error = status["errors"]?.elements.first { addError(error, to: &detail) }

        let eventID = messageID.map { "\($0):\(state ?? "unknown")" } ?? SyntheticID.digest(prefix: "status", of: raw)
        return InboundEvent(platform: platform, accountRef: account, kind: .status, eventID: eventID,
                            parentRef: messageID, threadRef: status["recipient_id"]?.idString,
                            occurredAt: Timestamp.date(status["timestamp"]), detail: detail, raw: raw)
    }

    /// `{code, title, message, error_data: {details}, href}` as `error_*` details.
    private static func addError(_ error: JSONValue, to detail: inout [String: String]) {
        detail.set("error_code", error["code"]?.idString)
        detail.set("error_title", error["title"]?.text)
        detail.set("error_message", error["message"]?.text)
        detail.set("error_details", error[path: "error_data", "details"]?.text)
    }
}
