import Foundation
import SimpulCore

/// YouTube Data API v3 `commentThreads.list`:
/// `{kind, items: [{id, snippet: {channelId, videoId, topLevelComment, totalReplyCount}, replies: {comments}}], nextPageToken}`.
///
/// The top-level comment → `comment` answering the video; each included reply → `reply` answering
/// `snippet.parentId`. The video is the thread. The handle is the `@name` of the author's channel
/// address when it has one (older addresses are `/channel/UC…` and give none).
///
/// A thread can carry only some of its replies (`totalReplyCount` says how many there are);
/// the rest need `comments.list`.
enum YouTubeCommentThreadsParser {
    static let platform = Platform.youtube

    struct Page {
        var events: [InboundEvent]
        var nextPageToken: String?
    }

    /// `channelID` is the polled channel; nil (or empty) takes the thread's own `channelId`.
    static func parse(_ data: Data, channelID: String?) throws(PayloadError) -> Page {
        let root = try JSONValue.parse(data)
        let shape = "an object with an \"items\" array of comment threads"
        guard let top = root.object else { throw .unexpectedShape(shape) }
        let nextPageToken = top["nextPageToken"]?.text
        guard let items = top["items"] else {
            if top["kind"]?.string == "youtube#commentThreadListResponse" {
                return Page(events: [], nextPageToken: nextPageToken)
            }
            throw .unexpectedShape(shape)
        }
        guard let threads = items.array else { throw .unexpectedShape(shape) }
        let given = channelID.flatMap { $0.isEmpty ? nil : $0 }
        return Page(events: threads.flatMap { events(in: $0, channelID: given) }, nextPageToken: nextPageToken)
    }

    static func events(in thread: JSONValue, channelID: String?) -> [InboundEvent] {
        let snippet = thread["snippet"]
        let topLevel = snippet?["topLevelComment"]
        let account = channelID ?? snippet?["channelId"]?.idString ?? topLevel?[path: "snippet", "channelId"]?.idString ?? ""
        guard thread.object != nil, let topLevel, let topID = topLevel["id"]?.idString else {
            return [.unknown(platform: platform, accountRef: account, raw: thread, label: "commentThread")]
        }
        let videoID = snippet?["videoId"]?.idString ?? topLevel[path: "snippet", "videoId"]?.idString
        var events = [comment(topLevel, kind: .comment, account: account, videoID: videoID, parent: videoID,
                              threadID: thread["id"]?.idString)]
        if let total = snippet?["totalReplyCount"]?.idString { events[0].detail["total_reply_count"] = total }
        for reply in thread[path: "replies", "comments"]?.elements ?? [] {
            guard reply.object != nil, reply["id"]?.idString != nil else {
                events.append(.unknown(platform: platform, accountRef: account, raw: reply, label: "comment"))
                continue
            }
            let parent = reply[path: "snippet", "parentId"]?.idString ?? topID
            events.append(comment(reply, kind: .reply, account: account, videoID: videoID, parent: parent,
                                  threadID: thread["id"]?.idString))
        }
        return events
    }

    private static func comment(_ comment: JSONValue, kind: MessageKind, account: String, videoID: String?,
                                parent: String?, threadID: String?) -> InboundEvent {
        let snippet = comment["snippet"]
        let authorID = snippet?[path: "authorChannelId", "value"]?.idString
        let name = snippet?["authorDisplayName"]?.text
        let handle = handle(from: snippet?["authorChannelUrl"]?.text)
        let author = authorID == nil && name == nil && handle == nil
            ? nil : InboundEvent.Author(id: authorID, name: name, handle: handle)

        var detail: [String: String] = [:]
        detail.set("thread_id", threadID)
        detail.set("like_count", snippet?["likeCount"]?.idString)
        detail.set("moderation_status", snippet?["moderationStatus"]?.text)
        let published = snippet?["publishedAt"]?.text
        let updated = snippet?["updatedAt"]?.text
        if let updated, updated != published { detail["updated_at"] = updated }

        return InboundEvent(platform: platform, accountRef: account, kind: kind, eventID: comment["id"]?.idString ?? "",
                            author: author, text: snippet?["textOriginal"]?.text ?? snippet?["textDisplay"]?.text,
                            parentRef: parent, threadRef: videoID, occurredAt: Timestamp.date(snippet?["publishedAt"]),
                            detail: detail, raw: comment.serialized)
    }

    /// "https://www.youtube.com/@kota.tirtamaya" → "kota.tirtamaya".
    static func handle(from url: String?) -> String? {
        guard let url, let at = url.range(of: "/@") else { return nil }
        let rest = url[at.upperBound...]
        let name = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !name.isEmpty else { return nil }
        return String(name).removingPercentEncoding ?? String(name)
    }
}
