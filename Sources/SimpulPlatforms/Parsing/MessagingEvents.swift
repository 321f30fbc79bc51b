import Foundation
import SimpulCore

/// One item of `entry[].messaging[]`, the Messenger Platform shape shared by Facebook Page
/// (Messenger) and Instagram webhooks.
///
/// - `message` → `dm` (`message.mid`); echoes of the account's own messages stay `dm` with
///   details `echo` and `from_account` = "true".
/// - `postback` (a tapped button) → `dm` with the button title as text: a person answered.
/// - `reaction` → `reaction` on the message `reaction.mid`.
/// - `delivery`, `read` → `status`.
/// - anything else (optin, referral, handover, …) → `unknown`.
///
/// Items without an id of their own get one built from sender, target and timestamp.
enum MessagingEvents {
    /// `entryAccount` is the entry's id. `preferRecipient` says the account is the recipient
    /// (Messenger pages) rather than the entry id (Instagram).
    static func event(_ item: JSONValue, platform: Platform, entryAccount: String, preferRecipient: Bool) -> InboundEvent {
        guard let fields = item.object else {
            return .unknown(platform: platform, accountRef: entryAccount, raw: item, label: "messaging")
        }
        let raw = item.serialized
        let senderID = item[path: "sender", "id"]?.idString
        let recipientID = item[path: "recipient", "id"]?.idString
        let isEcho = item[path: "message", "is_echo"]?.bool == true
        // An echo is the account's own message: it is the sender, the person is the recipient.
        let account: String
        if preferRecipient {
            account = (isEcho ? senderID : recipientID) ?? entryAccount
        } else {
            account = entryAccount
        }
        let person = isEcho ? recipientID : senderID
        let timestamp = item["timestamp"]
        let occurredAt = Timestamp.date(timestamp)
        let stamp = timestamp?.idString

        func make(_ kind: MessageKind, _ eventID: String, text: String? = nil, media: [InboundEvent.Media] = [],
                  parentRef: String? = nil, detail: [String: String]) -> InboundEvent {
            InboundEvent(platform: platform, accountRef: account, kind: kind, eventID: eventID,
                         author: senderID.map { InboundEvent.Author(id: $0) }, text: text, media: media,
                         parentRef: parentRef, threadRef: person, occurredAt: occurredAt, detail: detail, raw: raw)
        }

        if let message = fields["message"], message.object != nil {
            var detail: [String: String] = ["type": "message"]
            if isEcho {
                detail["echo"] = "true"
                detail["from_account"] = "true"
            }
            detail.set("quick_reply_payload", message[path: "quick_reply", "payload"]?.text)
            if message["is_deleted"]?.bool == true { detail["deleted"] = "true" }
            if message["is_unsupported"]?.bool == true { detail["unsupported"] = "true" }
            let mid = message["mid"]?.idString
            let eventID = mid ?? SyntheticID.digest(prefix: "message", of: raw)
            return make(.dm, eventID, text: message["text"]?.text, media: attachments(message["attachments"]),
                        parentRef: message[path: "reply_to", "mid"]?.idString, detail: detail)
        }
        if let postback = fields["postback"], postback.object != nil {
            var detail: [String: String] = ["type": "postback"]
            detail.set("payload", postback["payload"]?.text)
            let eventID = postback["mid"]?.idString ?? SyntheticID.join(["postback", senderID, stamp])
            return make(.dm, eventID, text: postback["title"]?.text, detail: detail)
        }
        if let reaction = fields["reaction"], reaction.object != nil {
            var detail: [String: String] = ["type": "reaction"]
            detail.set("reaction", reaction["reaction"]?.text)
            detail.set("emoji", reaction["emoji"]?.text)
            detail.set("action", reaction["action"]?.text)
            let target = reaction["mid"]?.idString
            let eventID = SyntheticID.join(["reaction", target, senderID, reaction["action"]?.text, stamp])
            return make(.reaction, eventID, parentRef: target, detail: detail)
        }
        if let delivery = fields["delivery"], delivery.object != nil {
            var detail: [String: String] = ["type": "delivery", "status": "delivered"]
            detail.set("watermark", delivery["watermark"]?.idString)
            let mids = delivery["mids"]?.elements.compactMap(\.idString) ?? []
            detail.set("mids", mids.joined(separator: ","))
            let eventID = SyntheticID.join(["delivery", senderID, delivery["watermark"]?.idString ?? stamp])
            return make(.status, eventID, parentRef: mids.count == 1 ? mids[0] : nil, detail: detail)
        }
        if let read = fields["read"], read.object != nil {
            var detail: [String: String] = ["type": "read", "status": "read"]
            detail.set("watermark", read["watermark"]?.idString)
            detail.set("mid", read["mid"]?.idString)
            let mark = read["watermark"]?.idString ?? read["mid"]?.idString ?? stamp
            let eventID = SyntheticID.join(["read", senderID, mark])
            return make(.status, eventID, parentRef: read["mid"]?.idString, detail: detail)
        }
        let label = fields.keys.sorted().first { !["sender", "recipient", "timestamp"].contains($0) } ?? "messaging"
        var unknown = InboundEvent.unknown(platform: platform, accountRef: account, raw: item, label: "messaging",
                                           detail: ["type": label])
        unknown.author = senderID.map { InboundEvent.Author(id: $0) }
        unknown.threadRef = person
        unknown.occurredAt = occurredAt
        return unknown
    }

    /// `message.attachments[]`: `{type, payload: {url, sticker_id, title}}`.
    static func attachments(_ value: JSONValue?) -> [InboundEvent.Media] {
        (value?.elements ?? []).compactMap { attachment in
            guard attachment.object != nil else { return nil }
            let type = attachment["type"]?.text ?? "unknown"
            let payload = attachment["payload"]
            let isSticker = payload?["sticker_id"] != nil
            let normalized: String
            switch type {
            case "file": normalized = "document"
            case "fallback": normalized = "link"
            case "image" where isSticker: normalized = "sticker"
            default: normalized = type
            }
            return InboundEvent.Media(type: normalized, id: payload?["sticker_id"]?.idString ?? payload?["id"]?.idString,
                                      url: payload?["url"]?.text, caption: payload?["title"]?.text ?? attachment["title"]?.text)
        }
    }
}
