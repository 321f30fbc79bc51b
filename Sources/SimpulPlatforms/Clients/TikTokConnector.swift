import Foundation
import SimpulCore

public enum TikTokPrivacyLevel: String, CaseIterable, Codable, Sendable {
    case publicToEveryone = "PUBLIC_TO_EVERYONE"
    case mutualFollowFriends = "MUTUAL_FOLLOW_FRIENDS"
    case followerOfCreator = "FOLLOWER_OF_CREATOR"
    case selfOnly = "SELF_ONLY"
}

/// A video TikTok pulls from a URL on a domain verified for the app.
public struct TikTokVideoPost: Sendable, Equatable {
    public var videoURL: String
    /// The caption, hashtags and mentions included.
    public var title: String
    /// Must be one of the creator's `privacyLevelOptions`. Unaudited apps may only post SELF_ONLY.
    public var privacyLevel: TikTokPrivacyLevel
    public var disableComment: Bool
    public var disableDuet: Bool
    public var disableStitch: Bool
    /// Which frame becomes the cover, in milliseconds.
    public var videoCoverTimestampMs: Int?

    public init(videoURL: String, title: String, privacyLevel: TikTokPrivacyLevel, disableComment: Bool = false,
                disableDuet: Bool = false, disableStitch: Bool = false, videoCoverTimestampMs: Int? = nil) {
        self.videoURL = videoURL
        self.title = title
        self.privacyLevel = privacyLevel
        self.disableComment = disableComment
        self.disableDuet = disableDuet
        self.disableStitch = disableStitch
        self.videoCoverTimestampMs = videoCoverTimestampMs
    }
}

/// What the creator allows, to be shown before posting (TikTok requires it).
public struct TikTokCreatorInfo: Sendable, Equatable {
    public var username: String?
    public var nickname: String?
    public var privacyLevelOptions: [String]
    public var commentDisabled: Bool
    public var duetDisabled: Bool
    public var stitchDisabled: Bool
    public var maxVideoPostDurationSec: Int?
}

/// Where a publish stands: PROCESSING_UPLOAD, PROCESSING_DOWNLOAD, SEND_TO_USER_INBOX,
/// PUBLISH_COMPLETE or FAILED (with `failReason`).
public struct TikTokPublishStatus: Sendable, Equatable {
    public var status: String
    public var failReason: String?
    /// Public post ids, once moderation has finished (may stay empty for private posts).
    public var publicPostIDs: [String]
    public var uploadedBytes: Int?

    public var isComplete: Bool { status == "PUBLISH_COMPLETE" }
    public var isFailed: Bool { status == "FAILED" }
    /// No further change is expected.
    public var isFinal: Bool { isComplete || isFailed || status == "SEND_TO_USER_INBOX" }
}

/// TikTok Content Posting API (Direct Post, pulled from a URL). Publishing only: TikTok has no
/// API for reading or answering comments on a creator's own videos for this kind of app.
///
/// Credentials: `accessToken` (user token with video.publish; user.info.basic for the test).
public struct TikTokConnector: PlatformConnector {
    let endpoints: PlatformEndpoints
    let credentials: AccountCredentials
    let http: ConnectorHTTP

    public init(transport: any HTTPTransport, endpoints: PlatformEndpoints, credentials: AccountCredentials,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.endpoints = endpoints
        self.credentials = credentials
        http = ConnectorHTTP(transport: transport, classify: ErrorClassifier.tiktok, now: now,
                             secrets: [credentials.accessToken].compactMap { $0 })
    }

    public var platform: Platform { .tiktok }
    public var capabilities: Set<ConnectorCapability> { [.publish] }

    static let contentJSON = ("Content-Type", "application/json; charset=UTF-8")

    /// TikTok paths end in "/" (`/v2/user/info/`), and it insists on it.
    func request(_ method: String, _ segments: [String], query: [(String, String)] = [],
                         json: JSONValue? = nil) throws(PlatformError) -> HTTPRequestSpec {
        let token = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let url = try ConnectorURL.make(endpoints.tiktokBaseURL, segments, trailingSlash: true, query: query)
        return ConnectorHTTP.bearerRequest(method, url: url, token: token, json: json, contentType: method == "POST" ? Self.contentJSON : nil)
    }

    func data(_ request: HTTPRequestSpec, what: String) async throws(PlatformError) -> JSONValue {
        let json = try await http.json(request)
        guard let data = json["data"], data.isObject else {
            throw http.invalid("\(what) response has no data object")
        }
        return data
    }

    /// `GET /v2/user/info/?fields=open_id,display_name`.
    public func testConnection() async throws(PlatformError) -> ConnectionCheck {
        let data = try await data(try request("GET", ["v2", "user", "info"], query: [("fields", "open_id,display_name")]),
                                  what: "user info")
        guard let openID = data["user"]?["open_id"]?.idString else {
            throw http.invalid("user info response has no data.user.open_id")
        }
        return ConnectionCheck(accountName: data["user"]?["display_name"]?.string ?? openID, accountID: openID)
    }

    /// `POST /v2/post/publish/creator_info/query/`.
    public func creatorInfo() async throws(PlatformError) -> TikTokCreatorInfo {
        let data = try await data(try request("POST", ["v2", "post", "publish", "creator_info", "query"]), what: "creator info")
        return TikTokCreatorInfo(
            username: data["creator_username"]?.string,
            nickname: data["creator_nickname"]?.string,
            privacyLevelOptions: (data["privacy_level_options"]?.array ?? []).compactMap(\.string),
            commentDisabled: data["comment_disabled"]?.bool ?? false,
            duetDisabled: data["duet_disabled"]?.bool ?? false,
            stitchDisabled: data["stitch_disabled"]?.bool ?? false,
            maxVideoPostDurationSec: data["max_video_post_duration_sec"]?.int)
    }

    /// `POST /v2/post/publish/video/init/` with `post_info` and `source_info`
    /// (`PULL_FROM_URL`). Returns the `publish_id`; follow it with `publishStatus`.
    public func publishVideo(_ post: TikTokVideoPost) async throws(PlatformError) -> String {
        var postInfo: JSONObject = [
            "title": .string(post.title),
            "privacy_level": .string(post.privacyLevel.rawValue),
            "disable_comment": .bool(post.disableComment),
            "disable_duet": .bool(post.disableDuet),
            "disable_stitch": .bool(post.disableStitch),
        ]
        if let cover = post.videoCoverTimestampMs { postInfo["video_cover_timestamp_ms"] = .int(Int64(cover)) }
        let body: JSONValue = [
            "post_info": .object(postInfo),
            "source_info": ["source": "PULL_FROM_URL", "video_url": .string(post.videoURL)],
        ]
        let data = try await data(try request("POST", ["v2", "post", "publish", "video", "init"], json: body), what: "video init")
        guard let publishID = data["publish_id"]?.idString else {
            throw http.invalid("video init response has no data.publish_id")
        }
        return publishID
    }

    /// `POST /v2/post/publish/status/fetch/` `{"publish_id":…}`.
    public func publishStatus(publishID: String) async throws(PlatformError) -> TikTokPublishStatus {
        let id = try ConnectorURL.checkedID(publishID, "publish id")
        let data = try await data(try request("POST", ["v2", "post", "publish", "status", "fetch"], json: ["publish_id": .string(id)]),
                                  what: "publish status")
        guard let status = data["status"]?.string else {
            throw http.invalid("publish status response has no data.status")
        }
        let failReason = data["fail_reason"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        // TikTok spells it "publicaly_available_post_id".
        let postIDs = (data["publicaly_available_post_id"] ?? data["publicly_available_post_id"])?.array ?? []
        return TikTokPublishStatus(status: status, failReason: failReason, publicPostIDs: postIDs.compactMap(\.idString),
                                   uploadedBytes: data["uploaded_bytes"]?.int)
    }
}
