import Foundation
import SimpulCore

/// A photo or video the platform fetches itself from a public address.
public struct OutboundMedia: Sendable, Equatable {
    public enum Kind: String, Sendable { case image, video }

    public var url: String
    public var kind: Kind
    /// The same file on this machine, for platforms that take the bytes instead of fetching (X).
    public var localFile: URL?
    public var mimeType: String?

    public init(url: String, kind: Kind, localFile: URL? = nil, mimeType: String? = nil) {
        self.url = url
        self.kind = kind
        self.localFile = localFile
        self.mimeType = mimeType
    }

    public static func image(_ url: String) -> OutboundMedia { OutboundMedia(url: url, kind: .image) }
    public static func video(_ url: String) -> OutboundMedia { OutboundMedia(url: url, kind: .video) }

    /// The local file's size, for platforms that take the bytes in pieces.
    func fileSize() throws(PlatformError) -> Int {
        guard let file = localFile, let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
              let size = (attributes[.size] as? NSNumber)?.intValue, size > 0 else {
            throw .rejected(status: 0, code: "media_missing", detail: "the \(kind.rawValue) file is not on this machine")
        }
        return size
    }

    /// `count` bytes of the local file from `offset`.
    func read(from offset: Int, count: Int) throws(PlatformError) -> Data {
        guard let file = localFile, let handle = try? FileHandle(forReadingFrom: file) else {
            throw .rejected(status: 0, code: "media_missing", detail: "the \(kind.rawValue) file is not on this machine")
        }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset))) != nil, let data = try? handle.read(upToCount: count), data.count == count else {
            throw .rejected(status: 0, code: "media_changed", detail: "the \(kind.rawValue) file is shorter than when the upload began")
        }
        return data
    }
}

/// A new post for an account's own timeline.
public struct OutboundPost: Sendable, Equatable {
    /// The caption as the platform should show it (link and hashtags already placed).
    public var text: String
    /// Facebook attaches a link beside the text; elsewhere it is part of `text`.
    public var link: String?
    public var media: [OutboundMedia]
    /// YouTube's video title.
    public var title: String?

    public init(text: String, link: String? = nil, media: [OutboundMedia] = [], title: String? = nil) {
        self.text = text
        self.link = link
        self.media = media
        self.title = title
    }

    var images: [OutboundMedia] { media.filter { $0.kind == .image } }
    var videos: [OutboundMedia] { media.filter { $0.kind == .video } }
}

/// A post on the platform, as publishing returns it or as the account's timeline lists it.
public struct PublishedPost: Sendable, Equatable {
    public var id: String
    public var url: String?
    public var text: String?
    public var createdAt: Date?

    public init(id: String, url: String? = nil, text: String? = nil, createdAt: Date? = nil) {
        self.id = id
        self.url = url
        self.text = text
        self.createdAt = createdAt
    }

    /// Whether this post carries `text`: the platforms shorten links (X's t.co) and may trim
    /// white space, so links are left out and white space runs compared as one space.
    public func carries(_ text: String) -> Bool {
        guard let mine = self.text else { return false }
        return Self.comparable(mine) == Self.comparable(text)
    }

    static func comparable(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for span in LinkFinder.links(in: text).reversed() { scalars.removeSubrange(span.start..<span.end) }
        return String(String.UnicodeScalarView(scalars)).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Where a publish stands after a call.
public enum PublishStep: Sendable, Equatable {
    case done(PublishedPost)
    /// The platform is still preparing the post (an Instagram container, a TikTok upload): ask
    /// again later with `handle`, which names the work on the platform's side.
    case processing(handle: String)
}

/// A platform Simpul publishes to. No platform takes an idempotency key for a new post, so a
/// publisher that lost track of a call (crash, timeout) looks at `recentPosts` before it
/// tries again, and never posts twice. Platforms that process media first hand back a handle;
/// the publisher keeps it and carries on with `resume` rather than starting over.
public protocol PublishingConnector: PlatformConnector {
    func publish(_ post: OutboundPost) async throws(PlatformError) -> PublishStep
    /// Carries on with a post `publish` left processing.
    func resume(_ handle: String, post: OutboundPost) async throws(PlatformError) -> PublishStep
    /// The account's own posts created at or after `since`, newest first (one page).
    func recentPosts(since: Date) async throws(PlatformError) -> [PublishedPost]
    /// How long after a lost call a post it started may still be missing from `recentPosts`
    /// (the platform finishes it later); until then, not finding it proves nothing.
    var settlingTime: TimeInterval { get }
}

extension PublishingConnector {
    public var settlingTime: TimeInterval { 0 }
}

extension MetaGraphConnector: PublishingConnector {
    /// Facebook: text (and link) to `/feed`; one photo to `/photos`; several photos uploaded
    /// unpublished, then one `/feed` post carrying them; one video to `/videos`.
    /// Instagram: a container (an image, a reel, or a carousel of its items) that is published
    /// once Instagram has finished preparing it.
    public func publish(_ post: OutboundPost) async throws(PlatformError) -> PublishStep {
        switch surface {
        case .facebookPage: .done(try await publishToPage(post))
        case .instagram: .processing(handle: try await instagramContainer(for: post))
        }
    }

    public func resume(_ handle: String, post: OutboundPost) async throws(PlatformError) -> PublishStep {
        guard surface == .instagram else { throw graph.http.invalid("Facebook posts are never left processing") }
        switch try await instagramContainerStatus(containerID: handle) {
        case "FINISHED":
            return .done(PublishedPost(id: try await publishInstagramContainer(creationID: handle), text: post.text))
        case "IN_PROGRESS":
            return .processing(handle: handle)
        case "PUBLISHED":
            // Published by a call whose answer was lost: the post is on the timeline.
            guard let found = try await recentPosts(since: .distantPast).first(where: { $0.carries(post.text) }) else {
                throw graph.http.invalid("container \(handle) is published but its post is not on the timeline")
            }
            return .done(found)
        case let status:
            throw .rejected(status: 0, code: status.lowercased(), detail: "Instagram could not prepare the media (\(status))")
        }
    }

    private func publishToPage(_ post: OutboundPost) async throws(PlatformError) -> PublishedPost {
        let pageID = try accountID()
        let photos = post.images, videos = post.videos
        if videos.count == 1, photos.isEmpty {
            var form = [("file_url", videos[0].url)]
            if !post.text.isEmpty { form.append(("description", post.text)) }
            let id = try graph.id(try await graph.call("POST", [pageID, "videos"], form: form), what: "page video")
            return PublishedPost(id: id, url: "https://www.facebook.com/\(pageID)/videos/\(id)", text: post.text)
        }
        guard videos.isEmpty, photos.count <= 10 else {
            throw .rejected(status: 0, code: "unsupported", detail: "a Page post carries one video, or up to ten photos")
        }
        let id: String
        if photos.count == 1 {
            var form = [("url", photos[0].url)]
            if !post.text.isEmpty { form.append(("caption", post.text)) }
            let json = try await graph.call("POST", [pageID, "photos"], form: form)
            id = try graph.id(json, "post_id", what: "page photo")
        } else if photos.count > 1 {
            var form = [("message", post.text)]
            for (index, photo) in photos.enumerated() {
                let json = try await graph.call("POST", [pageID, "photos"], form: [("url", photo.url), ("published", "false")])
                let photoID = try graph.id(json, what: "unpublished photo")
                form.append(("attached_media[\(index)]", #"{"media_fbid":"\#(photoID)"}"#))
            }
            id = try graph.id(try await graph.call("POST", [pageID, "feed"], form: form), what: "multi-photo post")
        } else {
            id = try await publishPagePost(message: post.text, link: post.link)
        }
        return PublishedPost(id: id, url: "https://www.facebook.com/\(id)", text: post.text)
    }

    /// One container for the whole post: `image_url`; `media_type=REELS` with `video_url`; or
    /// a `CAROUSEL` whose children are made first with `is_carousel_item=true`.
    private func instagramContainer(for post: OutboundPost) async throws(PlatformError) -> String {
        let userID = try instagramUserID()
        func fields(_ media: OutboundMedia, inCarousel: Bool) -> [(String, String)] {
            switch (media.kind, inCarousel) {
            case (.image, _): [("image_url", media.url)]
            case (.video, false): [("media_type", "REELS"), ("video_url", media.url)]
            case (.video, true): [("media_type", "VIDEO"), ("video_url", media.url)]
            }
        }
        switch post.media.count {
        case 0:
            throw .rejected(status: 0, code: "media_required", detail: "Instagram posts need an image or a video")
        case 1:
            var form = fields(post.media[0], inCarousel: false)
            if !post.text.isEmpty { form.append(("caption", post.text)) }
            return try graph.id(try await graph.call("POST", [userID, "media"], form: form), what: "media container")
        case 2...10:
            var children: [String] = []
            for item in post.media {
                let json = try await graph.call("POST", [userID, "media"], form: fields(item, inCarousel: true) + [("is_carousel_item", "true")])
                children.append(try graph.id(json, what: "carousel item"))
            }
            var form = [("media_type", "CAROUSEL"), ("children", children.joined(separator: ","))]
            if !post.text.isEmpty { form.append(("caption", post.text)) }
            return try graph.id(try await graph.call("POST", [userID, "media"], form: form), what: "carousel container")
        default:
            throw .rejected(status: 0, code: "unsupported", detail: "an Instagram carousel holds at most ten items")
        }
    }

    /// Facebook: `GET /{page-id}/posts?fields=id,message,created_time,permalink_url&since=…`.
    /// Instagram: `GET /{ig-user-id}/media?fields=id,caption,timestamp,permalink` (no time filter;
    /// the newest page is enough to find a post made minutes ago).
    public func recentPosts(since: Date) async throws(PlatformError) -> [PublishedPost] {
        let id = try accountID()
        let json: JSONValue
        if surface == .facebookPage {
            json = try await graph.call("GET", [id, "posts"], query: [("fields", "id,message,created_time,permalink_url"),
                                                                      ("since", String(Int(since.timeIntervalSince1970))), ("limit", "25")])
        } else {
            json = try await graph.call("GET", [id, "media"], query: [("fields", "id,caption,timestamp,permalink"), ("limit", "25")])
        }
        guard let items = json["data"]?.array else { throw graph.http.invalid("posts response has no data list") }
        return items.compactMap { item -> PublishedPost? in
            guard let postID = item["id"]?.idString else { return nil }
            let created = Timestamp.date(item["created_time"] ?? item["timestamp"])
            if let created, created < since { return nil }
            return PublishedPost(id: postID, url: (item["permalink_url"] ?? item["permalink"])?.string,
                                 text: (item["message"] ?? item["caption"])?.string, createdAt: created)
        }
    }
}

extension XConnector: PublishingConnector {
    /// `POST /2/tweets`; images are uploaded first (`POST /2/media/upload`) and attached by id. A
    /// video goes up in chunks and X processes it before the post can carry it.
    public func publish(_ post: OutboundPost) async throws(PlatformError) -> PublishStep {
        if let video = post.videos.first {
            guard post.media.count == 1 else {
                throw .rejected(status: 0, code: "unsupported", detail: "an X post carries one video alone, or up to four images")
            }
            let mediaID = try await uploadVideo(video)
            guard try await videoState(mediaID) == .ready else { return .processing(handle: Self.videoHandle + mediaID) }
            return .done(try await postWith(post, mediaIDs: [mediaID]))
        }
        guard post.images.count <= 4 else {
            throw .rejected(status: 0, code: "unsupported", detail: "an X post carries one video alone, or up to four images")
        }
        var mediaIDs: [String] = []
        for image in post.images { mediaIDs.append(try await uploadImage(image)) }
        return .done(try await postWith(post, mediaIDs: mediaIDs))
    }

    /// A video X was still processing. Before posting, the timeline is read: the post may have
    /// been made by a try whose answer was lost after the video was ready.
    public func resume(_ handle: String, post: OutboundPost) async throws(PlatformError) -> PublishStep {
        guard handle.hasPrefix(Self.videoHandle) else { throw http.invalid("X posts are never left processing") }
        let mediaID = String(handle.dropFirst(Self.videoHandle.count))
        guard try await videoState(mediaID) == .ready else { return .processing(handle: handle) }
        if let made = try await recentPosts(since: http.now().addingTimeInterval(-6 * 3600)).first(where: { $0.carries(post.text) }) {
            return .done(made)
        }
        return .done(try await postWith(post, mediaIDs: [mediaID]))
    }

    static let videoHandle = "x-video:"
    /// Appended pieces stay under X's 5 MB per request.
    static let videoChunkBytes = 4 * 1024 * 1024

    private func postWith(_ post: OutboundPost, mediaIDs: [String]) async throws(PlatformError) -> PublishedPost {
        let id = try await self.post(text: post.text, mediaIDs: mediaIDs)
        return PublishedPost(id: id, url: "https://x.com/i/web/status/\(id)", text: post.text)
    }

    /// `POST /2/media/upload` with the image base64-encoded in a JSON body and
    /// `media_category=tweet_image`; returns the media id. An upload posts nothing: a lost one
    /// only leaves an unused file on X, which expires.
    func uploadImage(_ image: OutboundMedia) async throws(PlatformError) -> String {
        guard let file = image.localFile, let bytes = try? Data(contentsOf: file) else {
            throw .rejected(status: 0, code: "media_missing", detail: "the image file is not on this machine")
        }
        var body: JSONObject = ["media": .string(bytes.base64EncodedString()), "media_category": "tweet_image"]
        if let type = image.mimeType { body["media_type"] = .string(type) }
        let json = try await http.json(try request("POST", ["2", "media", "upload"], json: .object(body)))
        guard let id = json["data"]?["id"]?.idString else { throw http.invalid("media upload response has no data.id") }
        return id
    }

    /// `POST /2/media/upload/initialize`, then `/{id}/append` per 4 MiB piece (multipart, with
    /// its `segment_index`), then `/{id}/finalize`.
    func uploadVideo(_ video: OutboundMedia) async throws(PlatformError) -> String {
        let size = try video.fileSize()
        let start: JSONValue = ["media_type": .string(video.mimeType ?? "video/mp4"), "total_bytes": .int(Int64(size)),
                                "media_category": "tweet_video"]
        let initialized = try await http.json(try request("POST", ["2", "media", "upload", "initialize"], json: start))
        guard let mediaID = initialized["data"]?["id"]?.idString, Self.isTweetID(mediaID) else {
            throw http.invalid("media initialize response has no data.id")
        }
        for (segment, offset) in stride(from: 0, to: size, by: Self.videoChunkBytes).enumerated() {
            let chunk = try video.read(from: offset, count: min(Self.videoChunkBytes, size - offset))
            var append = try request("POST", ["2", "media", "upload", mediaID, "append"])
            let boundary = "simpul-" + UUID().uuidString
            append.headers.append(("Content-Type", "multipart/form-data; boundary=\(boundary)"))
            var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"segment_index\"\r\n\r\n\(segment)\r\n".utf8)
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"media\"; filename=\"chunk\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(chunk)
            body.append(Data("\r\n--\(boundary)--\r\n".utf8))
            append.body = body
            _ = try await http.send(append)
        }
        _ = try await http.json(try request("POST", ["2", "media", "upload", mediaID, "finalize"]))
        return mediaID
    }

    enum VideoState: Equatable { case ready, processing }

    /// `GET /2/media/upload?command=STATUS&media_id=…`: `processing_info.state` pending or
    /// in_progress, succeeded, or failed (with its error). No processing_info: ready.
    func videoState(_ mediaID: String) async throws(PlatformError) -> VideoState {
        let json = try await http.json(try request("GET", ["2", "media", "upload"], query: [("command", "STATUS"), ("media_id", mediaID)]))
        guard let info = json["data"]?["processing_info"] else { return .ready }
        switch info["state"]?.string {
        case "succeeded": return .ready
        case "pending", "in_progress": return .processing
        default:
            let reason = info["error"]?["message"]?.string ?? info["error"]?["name"]?.string ?? "no reason given"
            throw .rejected(status: 0, code: "media_failed", detail: "X could not process the video: \(reason)")
        }
    }

    /// `GET /2/users/{xUserID}/tweets?start_time=…&tweet.fields=created_at`.
    public func recentPosts(since: Date) async throws(PlatformError) -> [PublishedPost] {
        let userID = try ConnectorHTTP.require(credentials.xUserID, "xUserID")
        let query = [("start_time", Self.timestamp(since)), ("max_results", "20"), ("tweet.fields", "created_at")]
        let json = try await http.json(try request("GET", ["2", "users", userID, "tweets"], query: query))
        // No posts in the window: X leaves `data` out.
        let items = json["data"]?.array ?? []
        return items.compactMap { item -> PublishedPost? in
            guard let id = item["id"]?.idString else { return nil }
            return PublishedPost(id: id, url: "https://x.com/i/web/status/\(id)", text: item["text"]?.string, createdAt: Timestamp.date(item["created_at"]))
        }
    }

    /// X wants RFC 3339 in UTC, whole seconds.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

extension TikTokConnector: PublishingConnector {
    /// TikTok downloads and processes a video after the call that starts it; only then is it listed.
    public var settlingTime: TimeInterval { 15 * 60 }

    /// Asks what the creator allows (TikTok requires it before each post), then starts a Direct
    /// Post pulled from the video's URL; TikTok downloads and processes it afterwards.
    public func publish(_ post: OutboundPost) async throws(PlatformError) -> PublishStep {
        guard post.media.count == 1, let video = post.videos.first else {
            throw .rejected(status: 0, code: "video_required", detail: "a TikTok post is exactly one video")
        }
        let creator = try await creatorInfo()
        // Public when the creator may post publicly; an unaudited app may only post privately.
        let privacy = creator.privacyLevelOptions.contains(TikTokPrivacyLevel.publicToEveryone.rawValue) ? TikTokPrivacyLevel.publicToEveryone
            : creator.privacyLevelOptions.compactMap(TikTokPrivacyLevel.init(rawValue:)).first ?? .selfOnly
        let publishID = try await publishVideo(TikTokVideoPost(videoURL: video.url, title: post.text, privacyLevel: privacy,
                                                               disableComment: creator.commentDisabled, disableDuet: creator.duetDisabled,
                                                               disableStitch: creator.stitchDisabled))
        return .processing(handle: publishID)
    }

    public func resume(_ handle: String, post: OutboundPost) async throws(PlatformError) -> PublishStep {
        let status = try await publishStatus(publishID: handle)
        if status.isFailed {
            throw .rejected(status: 0, code: "publish_failed", detail: "TikTok could not publish the video: \(status.failReason ?? "no reason given")")
        }
        guard status.isComplete else { return .processing(handle: handle) }
        // A private post gets no public id; the publish id still names it.
        let id = status.publicPostIDs.first ?? handle
        return .done(PublishedPost(id: id, url: status.publicPostIDs.first.map { "https://www.tiktok.com/video/\($0)" }, text: post.text))
    }

    /// `POST /v2/video/list/?fields=id,title,create_time,share_url` (scope video.list): the
    /// creator's newest videos, for finding a post whose start was never recorded.
    public func recentPosts(since: Date) async throws(PlatformError) -> [PublishedPost] {
        let data = try await data(try request("POST", ["v2", "video", "list"], query: [("fields", "id,title,create_time,share_url")],
                                              json: ["max_count": .int(20)]), what: "video list")
        return (data["videos"]?.array ?? []).compactMap { item -> PublishedPost? in
            guard let id = item["id"]?.idString else { return nil }
            let created = item["create_time"]?.int.map { Date(timeIntervalSince1970: TimeInterval($0)) }
            if let created, created < since { return nil }
            return PublishedPost(id: id, url: item["share_url"]?.string, text: item["title"]?.string, createdAt: created)
        }
    }
}
