import Foundation
import SimpulCore

/// Facebook Page webhooks: `{"object": "page", "entry": [{id, time, changes: [...], messaging: [...]}]}`.
///
/// `changes[]` with field `feed` (value.item):
/// - `comment` → `comment`, or `reply` when `parent_id` is another comment (not the post).
/// - `reaction`, `like` → `reaction`; these have no id, so the id is built from the target
///   (comment or post, or the Page for a Page like), the person, the reaction, the verb and the time (`created_time`, else the entry's `time`).
/// - `share` → `share`.
/// - anything else is a post on the Page's feed (`post`, `status`, `photo`, `video`, `album`,
///   `link`, `event`, …). A post by someone other than the Page is a person addressing the Page on
///   its own wall, so it is a `mention`. A post by the Page itself is not inbound conversation;
///   with no `MessageKind` for it, it is kept as `unknown`.
///   A post that does not say who wrote it is treated as a visitor's, so nobody misses it.
///
/// Every feed event written by the Page itself carries detail `from_account` = "true".
///
/// Field `mention` (the Page tagged in a post or comment elsewhere) → `mention`.
/// Any other field, or a value of the wrong type → `unknown`, kept whole.
///
/// Event ids: the platform's id (comment id, post id) for `add`. Other verbs (`edited`, `remove`,
/// `hide`, …) reuse that id on the same object, so they get `id:verb:time`, keeping an edit from
/// being mistaken for a redelivery of the original.
///
/// `messaging[]` is Messenger, see `MessagingEvents`. The account is the Page: `entry.id`, or
/// the message's recipient.
enum MetaPageParser {
    static let platform = Platform.facebook

    static func parse(_ data: Data) throws(PayloadError) -> [InboundEvent] {
        let entries = try WebhookEnvelope.entries(of: data, object: "page")
        return entries.flatMap(events(in:))
    }

    static func events(in entry: JSONValue) -> [InboundEvent] {
        let pageID = entry["id"]?.idString ?? ""
        guard entry.object != nil else {
            return [.unknown(platform: platform, accountRef: pageID, raw: entry, label: "entry")]
        }
        var events: [InboundEvent] = []
        var understood = false
        if let changes = entry["changes"] {
            understood = true
            if let list = changes.array {
                events += list.map { change(entry: entry, pageID: pageID, $0) }
            } else {
                events.append(.unknown(platform: platform, accountRef: pageID, raw: entry, label: "entry"))
            }
        }
        if let messaging = entry["messaging"] {
            understood = true
            if let list = messaging.array {
                events += list.map {
                    MessagingEvents.event($0, platform: platform, entryAccount: pageID, preferRecipient: true)
                }
            } else {
                events.append(.unknown(platform: platform, accountRef: pageID, raw: entry, label: "entry"))
            }
        }
        if !understood {
            events.append(.unknown(platform: platform, accountRef: pageID, raw: entry, label: "entry"))
        }
        return events
    }

    static func change(entry: JSONValue, pageID: String, _ change: JSONValue) -> InboundEvent {
        let field = change["field"]?.text ?? "change"
        guard let value = change["value"], value.object != nil else {
            return .unknown(platform: platform, accountRef: pageID, raw: change, label: field)
        }
        let entryTime = entry["time"]?.idString
        switch field {
        case "feed":
            return feed(value, pageID: pageID, entryTime: entryTime, change: change)
        case "mention":
            return mention(value, pageID: pageID, entryTime: entryTime, change: change)
        default:
            return .unknown(platform: platform, accountRef: pageID, raw: change, label: field)
        }
    }

    private static func author(_ value: JSONValue) -> InboundEvent.Author? {
        let id = value[path: "from", "id"]?.idString ?? value["sender_id"]?.idString ?? value["user_id"]?.idString
        let name = value[path: "from", "name"]?.text ?? value["sender_name"]?.text
        if id == nil, name == nil { return nil }
        return InboundEvent.Author(id: id, name: name)
    }

    /// The platform's id for `add`; `id:verb:time` for later changes to the same object, the time
    /// being the value's `created_time`, or the entry's `time` without one.
    private static func eventID(_ id: String, verb: String?, value: JSONValue, entryTime: String?) -> String {
        guard let verb, verb != "add" else { return id }
        return SyntheticID.join([id, verb, value["created_time"]?.idString ?? entryTime])
    }

    private static func baseDetail(_ value: JSONValue) -> [String: String] {
        var detail: [String: String] = [:]
        detail.set("verb", value["verb"]?.text)
        detail.set("item", value["item"]?.text)
        if value["is_hidden"]?.bool == true { detail["hidden"] = "true" }
        return detail
    }

    private static func feed(_ value: JSONValue, pageID: String, entryTime: String?, change: JSONValue) -> InboundEvent {
        let item = value["item"]?.text ?? ""
        let verb = value["verb"]?.text
        let raw = value.serialized
        let postID = value["post_id"]?.idString
        let occurredAt = Timestamp.date(value["created_time"])
        var detail = baseDetail(value)
        let who = author(value)
        let byPage = who?.id != nil && who?.id == pageID
        if byPage { detail["from_account"] = "true" }

        switch item {
        case "comment":
            guard let commentID = value["comment_id"]?.idString else {
                return .unknown(platform: platform, accountRef: pageID, raw: change, label: "feed", detail: detail)
            }
            let parentID = value["parent_id"]?.idString
            let isReply = parentID != nil && postID != nil && parentID != postID
            return InboundEvent(platform: platform, accountRef: pageID, kind: isReply ? .reply : .comment,
                                eventID: eventID(commentID, verb: verb, value: value, entryTime: entryTime), author: who,
                                text: value["message"]?.text, media: postMedia(value), parentRef: parentID ?? postID,
                                threadRef: postID, occurredAt: occurredAt, detail: detail, raw: raw)

        case "reaction", "like":
            let reaction = value["reaction_type"]?.text ?? (item == "like" ? "like" : nil)
            detail.set("reaction", reaction)
            let target = value["comment_id"]?.idString ?? postID ?? pageID
            let time = value["created_time"]?.idString ?? entryTime
            let id = SyntheticID.join(["reaction", target, who?.id, reaction, verb ?? "add", time])
            return InboundEvent(platform: platform, accountRef: pageID, kind: .reaction, eventID: id, author: who,
                                parentRef: target, threadRef: postID, occurredAt: occurredAt, detail: detail, raw: raw)

        case "share":
            let shareID = value["share_id"]?.idString ?? postID
            guard let shareID else {
                return .unknown(platform: platform, accountRef: pageID, raw: change, label: "feed", detail: detail)
            }
            return InboundEvent(platform: platform, accountRef: pageID, kind: .share,
                                eventID: eventID(shareID, verb: verb, value: value, entryTime: entryTime), author: who,
                                text: value["message"]?.text, media: postMedia(value), threadRef: postID,
                                occurredAt: occurredAt, detail: detail, raw: raw)

        default:
            guard let postID else {
                return .unknown(platform: platform, accountRef: pageID, raw: change, label: "feed", detail: detail)
            }
            return InboundEvent(platform: platform, accountRef: pageID, kind: byPage ? .unknown : .mention,
                                eventID: eventID(postID, verb: verb, value: value, entryTime: entryTime), author: who,
                                text: value["message"]?.text, media: postMedia(value), threadRef: postID,
                                occurredAt: occurredAt, detail: detail, raw: raw)
        }
    }

    /// Photos, videos and links attached to a feed post or comment.
    private static func postMedia(_ value: JSONValue) -> [InboundEvent.Media] {
        var media: [InboundEvent.Media] = []
        if let photo = value["photo"]?.text { media.append(.init(type: "image", url: photo)) }
        for photo in value["photos"]?.elements ?? [] {
            if let url = photo.text { media.append(.init(type: "image", url: url)) }
        }
        if let video = value["video"]?.text { media.append(.init(type: "video", url: video)) }
        if media.isEmpty, let link = value["link"]?.text { media.append(.init(type: "link", url: link)) }
        return media
    }

    /// Field `mention`: `{item: post|comment, verb, post_id, comment_id, sender_id, sender_name, message, created_time}`.
    private static func mention(_ value: JSONValue, pageID: String, entryTime: String?, change: JSONValue) -> InboundEvent {
        let postID = value["post_id"]?.idString
        let commentID = value["comment_id"]?.idString
        var detail = baseDetail(value)
        detail["field"] = "mention"
        guard let id = commentID ?? postID else {
            return .unknown(platform: platform, accountRef: pageID, raw: change, label: "mention", detail: detail)
        }
        return InboundEvent(platform: platform, accountRef: pageID, kind: .mention,
                            eventID: eventID(id, verb: value["verb"]?.text, value: value, entryTime: entryTime), author: author(value),
                            text: value["message"]?.text, media: postMedia(value),
                            parentRef: commentID != nil ? postID : nil, threadRef: postID,
                            occurredAt: Timestamp.date(value["created_time"]), detail: detail, raw: value.serialized)
    }
}
