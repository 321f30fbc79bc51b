import Foundation
import SimpulCore

/// Instagram webhooks: `{"object": "instagram", "entry": [{id, time, changes: [...], messaging: [...]}]}`.
/// The account is always `entry.id`, the Instagram professional account.
///
/// - field `comments` / `live_comments` → `comment`, or `reply` with `parent_id`; the media is the thread.
///   The account's own comments carry detail `from_account` = "true".
/// - field `mentions` (the account @-mentioned in a caption or comment) → `mention`, id `comment_id`
///   or else `media_id`.
/// - field `messages`, `messaging_postbacks`, `message_reactions`, `messaging_seen` whose value is a
///   messaging item (as sent by the dashboard's test button), and every `messaging[]` item → see
///   `MessagingEvents`.
/// - anything else → `unknown`.
enum InstagramParser {
    static let platform = Platform.instagram

    static func parse(_ data: Data) throws(PayloadError) -> [InboundEvent] {
        let entries = try WebhookEnvelope.entries(of: data, object: "instagram")
        return entries.flatMap(events(in:))
    }

    static func events(in entry: JSONValue) -> [InboundEvent] {
        let accountID = entry["id"]?.idString ?? ""
        guard entry.object != nil else {
            return [.unknown(platform: platform, accountRef: accountID, raw: entry, label: "entry")]
        }
        var events: [InboundEvent] = []
        var understood = false
        if let changes = entry["changes"] {
            understood = true
            if let list = changes.array {
                events += list.map { change($0, accountID: accountID) }
            } else {
                events.append(.unknown(platform: platform, accountRef: accountID, raw: entry, label: "entry"))
            }
        }
        if let messaging = entry["messaging"] {
            understood = true
            if let list = messaging.array {
                events += list.map {
                    MessagingEvents.event($0, platform: platform, entryAccount: accountID, preferRecipient: false)
                }
            } else {
                events.append(.unknown(platform: platform, accountRef: accountID, raw: entry, label: "entry"))
            }
        }
        if !understood {
            events.append(.unknown(platform: platform, accountRef: accountID, raw: entry, label: "entry"))
        }
        return events
    }

    private static let messagingFields: Set<String> = [
        "messages", "messaging_postbacks", "message_reactions", "messaging_seen", "message_edit",
    ]

    static func change(_ change: JSONValue, accountID: String) -> InboundEvent {
        let field = change["field"]?.text ?? "change"
        guard let value = change["value"], value.object != nil else {
            return .unknown(platform: platform, accountRef: accountID, raw: change, label: field)
        }
        switch field {
        case "comments", "live_comments":
            return comment(value, field: field, accountID: accountID, change: change)
        case "mentions":
            return mention(value, accountID: accountID, change: change)
        case _ where messagingFields.contains(field) && value["sender"] != nil:
            return MessagingEvents.event(value, platform: platform, entryAccount: accountID, preferRecipient: false)
        default:
            return .unknown(platform: platform, accountRef: accountID, raw: change, label: field)
        }
    }

    /// `{id, text, from: {id, username}, media: {id, media_product_type}, parent_id}`.
    private static func comment(_ value: JSONValue, field: String, accountID: String, change: JSONValue) -> InboundEvent {
        guard let commentID = value["id"]?.idString else {
            return .unknown(platform: platform, accountRef: accountID, raw: change, label: field)
        }
        let mediaID = value[path: "media", "id"]?.idString
        let parentID = value["parent_id"]?.idString
        var detail: [String: String] = ["field": field]
        detail.set("media_product_type", value[path: "media", "media_product_type"]?.text)
        let fromID = value[path: "from", "id"]?.idString
        let username = value[path: "from", "username"]?.text
        if fromID != nil, fromID == accountID { detail["from_account"] = "true" }
        return InboundEvent(platform: platform, accountRef: accountID, kind: parentID == nil ? .comment : .reply,
                            eventID: commentID,
                            author: fromID == nil && username == nil ? nil : .init(id: fromID, handle: username),
                            text: value["text"]?.text, parentRef: parentID ?? mediaID, threadRef: mediaID,
                            occurredAt: Timestamp.date(value["timestamp"] ?? value["created_time"]),
                            detail: detail, raw: value.serialized)
    }

    /// `{media_id, comment_id}`: the account was mentioned in that comment, or in the media's caption.
    private static func mention(_ value: JSONValue, accountID: String, change: JSONValue) -> InboundEvent {
        let mediaID = value["media_id"]?.idString
        let commentID = value["comment_id"]?.idString
        guard let id = commentID ?? mediaID else {
            return .unknown(platform: platform, accountRef: accountID, raw: change, label: "mentions")
        }
        var detail: [String: String] = ["field": "mentions"]
        detail["mentioned_in"] = commentID != nil ? "comment" : "caption"
        return InboundEvent(platform: platform, accountRef: accountID, kind: .mention, eventID: id,
                            parentRef: commentID != nil && commentID != mediaID ? mediaID : nil, threadRef: mediaID,
                            detail: detail, raw: value.serialized)
    }
}
