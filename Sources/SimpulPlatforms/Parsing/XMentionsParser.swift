import Foundation
import SimpulCore

/// X API v2 mentions timeline, `GET /2/users/:id/mentions`:
/// `{data: [tweet], includes: {users, media}, meta: {newest_id, oldest_id, result_count, next_token}, errors}`.
///
/// Each tweet → `mention`, or `reply` when it answers another tweet (`referenced_tweets` of type
/// `replied_to`, which becomes `parentRef`). The conversation id is the thread. The author and media
/// come from `includes`, matched by `author_id` and `attachments.media_keys`.
///
/// Long posts carry their full text in `note_tweet.text`, which wins over the shortened `text`.
/// A body with no `data` but with `meta` or `errors` (nothing new, or only errors) has no events.
enum XMentionsParser {
    static let platform = Platform.x

    struct Page {
        var events: [InboundEvent]
        var newestID: String?
        var nextToken: String?
    }

    /// `accountRef` is the user whose mentions these are; nil takes each tweet's
    /// `in_reply_to_user_id` (or "" without one), the best the response itself says.
    static func parse(_ data: Data, accountRef: String?) throws(PayloadError) -> Page {
        let root = try JSONValue.parse(data)
        let shape = "an object with a \"data\" array of tweets, or \"meta\" or \"errors\""
        guard let top = root.object else { throw .unexpectedShape(shape) }
        let meta = top["meta"]
        let page = Page(events: [], newestID: meta?["newest_id"]?.idString, nextToken: meta?["next_token"]?.text)
        guard let data = top["data"] else {
            if top["meta"] != nil || top["errors"] != nil { return page }
            throw .unexpectedShape(shape)
        }
        if data == .null { return page }
        guard let tweets = data.array else { throw .unexpectedShape(shape) }

        var users: [String: JSONValue] = [:]
        for user in root[path: "includes", "users"]?.elements ?? [] {
            if let id = user["id"]?.idString { users[id] = user }
        }
        var mediaByKey: [String: JSONValue] = [:]
        for item in root[path: "includes", "media"]?.elements ?? [] {
            if let key = item["media_key"]?.idString { mediaByKey[key] = item }
        }

        var result = page
        result.events = tweets.map { tweet in
            event(tweet, accountRef: accountRef, users: users, media: mediaByKey)
        }
        return result
    }

    static func event(_ tweet: JSONValue, accountRef: String?, users: [String: JSONValue],
                      media mediaByKey: [String: JSONValue]) -> InboundEvent {
        let inReplyTo = tweet["in_reply_to_user_id"]?.idString
        let account = accountRef ?? inReplyTo ?? ""
        guard tweet.object != nil, let id = tweet["id"]?.idString else {
            return .unknown(platform: platform, accountRef: account, raw: tweet, label: "tweet")
        }

        var repliedTo: String?
        var detail: [String: String] = [:]
        for reference in tweet["referenced_tweets"]?.elements ?? [] {
            guard let type = reference["type"]?.text, let referenced = reference["id"]?.idString else { continue }
            switch type {
            case "replied_to": repliedTo = repliedTo ?? referenced
            case "quoted": detail["quoted_id"] = referenced
            case "retweeted": detail["retweeted_id"] = referenced
            default: break
            }
        }
        detail.set("in_reply_to_user_id", inReplyTo)
        detail.set("lang", tweet["lang"]?.text)

        var author: InboundEvent.Author?
        if let authorID = tweet["author_id"]?.idString {
            let user = users[authorID]
            author = InboundEvent.Author(id: authorID, name: user?["name"]?.text, handle: user?["username"]?.text)
        }

        let media: [InboundEvent.Media] = (tweet[path: "attachments", "media_keys"]?.elements ?? []).compactMap { key in
            guard let key = key.idString else { return nil }
            guard let item = mediaByKey[key] else { return InboundEvent.Media(type: "unknown", id: key) }
            let type = item["type"]?.text ?? "unknown"
            return InboundEvent.Media(type: type == "photo" ? "image" : type, id: key,
                                      url: item["url"]?.text ?? item["preview_image_url"]?.text,
                                      caption: item["alt_text"]?.text)
        }

        return InboundEvent(platform: platform, accountRef: account, kind: repliedTo == nil ? .mention : .reply,
                            eventID: id, author: author, text: tweet[path: "note_tweet", "text"]?.text ?? tweet["text"]?.text, media: media,
                            parentRef: repliedTo, threadRef: tweet["conversation_id"]?.idString,
                            occurredAt: Timestamp.date(tweet["created_at"]), detail: detail, raw: tweet.serialized)
    }
}
