import Foundation
import SimpulCore

/// Publishing a video to YouTube with the resumable upload protocol: a session is opened with
/// the video's metadata, then the file is sent in chunks. The session address is the handle the
/// publisher keeps, so a worker that stops halfway asks YouTube how much arrived and goes on
/// from there; nothing is ever uploaded twice as two videos.
extension YouTubeConnector: PublishingConnector {
    /// Chunks must be multiples of 256 KiB; 8 MiB keeps each request short.
    static let chunkBytes = 32 * 256 * 1024
    /// Sent per run before handing back to the queue, so one long upload does not hold a worker.
    static let bytesPerRun = 8 * chunkBytes

    /// `https://…/upload/youtube/v3` beside the configured `…/youtube/v3`.
    var uploadBaseURL: URL {
        let base = endpoints.youtubeBaseURL
        guard base.path.hasSuffix("/youtube/v3"), var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
            return base.appendingPathComponent("upload")
        }
        components.path = String(base.path.dropLast("/youtube/v3".count)) + "/upload/youtube/v3"
        return components.url ?? base
    }

    /// `POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status` with the title,
    /// description and privacy; YouTube answers with the session's address in `Location`.
    public func publish(_ post: OutboundPost) async throws(PlatformError) -> PublishStep {
        guard post.media.count == 1, let video = post.videos.first else {
            throw .rejected(status: 0, code: "video_required", detail: "a YouTube upload is exactly one video")
        }
        let size = try video.fileSize()
        let token = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let title = post.title.flatMap { $0.isEmpty ? nil : $0 } ?? String(post.text.prefix(100))
        let metadata: JSONValue = [
            "snippet": ["title": .string(title), "description": .string(post.text)],
            "status": ["privacyStatus": "public", "selfDeclaredMadeForKids": .bool(false)],
        ]
        let url = try ConnectorURL.make(uploadBaseURL, ["videos"], query: [("uploadType", "resumable"), ("part", "snippet,status")])
        var request = ConnectorHTTP.bearerRequest("POST", url: url, token: token, json: metadata, contentType: ConnectorHTTP.contentJSON)
        request.headers += [("X-Upload-Content-Length", String(size)), ("X-Upload-Content-Type", video.mimeType ?? "video/mp4")]
        let response = try await http.send(request)
        guard let location = Self.header("Location", in: response), let session = URL(string: location), isUploadSession(session) else {
            throw http.invalid("resumable upload answer has no usable Location")
        }
        return .processing(handle: session.absoluteString)
    }

    /// Asks the session how much has arrived (`Content-Range: bytes */size`), then sends the
    /// rest in chunks, up to `bytesPerRun` per call. YouTube answers 308 while it wants more
    /// and 200 or 201 with the video when the last byte is in.
    public func resume(_ handle: String, post: OutboundPost) async throws(PlatformError) -> PublishStep {
        guard let session = URL(string: handle), isUploadSession(session) else { throw http.invalid("not an upload session: \(handle)") }
        guard let video = post.videos.first else { throw .rejected(status: 0, code: "video_required", detail: "a YouTube upload is exactly one video") }
        let size = try video.fileSize()
        var response = try await put(session, range: "bytes */\(size)", body: nil)
        var sentThisRun = 0
        while response.status == 308 {
            let start = Self.received(response).map { $0 + 1 } ?? 0
            guard sentThisRun < Self.bytesPerRun else { return .processing(handle: handle) }
            let chunk = try video.read(from: start, count: min(Self.chunkBytes, size - start))
            response = try await put(session, range: "bytes \(start)-\(start + chunk.count - 1)/\(size)", body: chunk)
            sentThisRun += chunk.count
        }
        guard let json = JSONValue.parseIfJSON(response.body), let id = json["id"]?.idString else {
            throw http.invalid("finished upload answer has no video id")
        }
        return .done(PublishedPost(id: id, url: "https://www.youtube.com/watch?v=\(id)", text: post.text))
    }

    /// YouTube lists no recent uploads without a search quota cost; a lost session start has
    /// sent no bytes, so no video exists to be found.
    public func recentPosts(since: Date) async throws(PlatformError) -> [PublishedPost] { [] }

    private func put(_ session: URL, range: String, body: Data?) async throws(PlatformError) -> HTTPResponseSpec {
        let token = try ConnectorHTTP.require(credentials.accessToken, "accessToken")
        let request = HTTPRequestSpec(method: "PUT", url: session, headers: [ConnectorHTTP.bearer(token), ("Content-Range", range)], body: body ?? Data())
        do {
            return try await uploadHTTP.send(request)
        } catch {
            if case .rejected(404, _, _) = error {
                throw .rejected(status: 404, code: "upload_session_expired", detail: "the YouTube upload session has expired")
            }
            throw error
        }
    }

    /// The session must be on the configured upload host: the token is never sent elsewhere.
    private func isUploadSession(_ url: URL) -> Bool {
        url.scheme == uploadBaseURL.scheme && url.host == uploadBaseURL.host && url.port == uploadBaseURL.port
    }

    /// 308 is YouTube's "resume incomplete", not an error, on the upload session.
    private var uploadHTTP: ConnectorHTTP {
        ConnectorHTTP(transport: http.transport, classify: { response, now in response.status == 308 ? nil : ErrorClassifier.youtube(response, now: now) },
                      now: http.now, secrets: http.secrets)
    }

    /// The last byte YouTube holds, from `Range: bytes=0-N`; nil when it holds none.
    static func received(_ response: HTTPResponseSpec) -> Int? {
        guard let range = header("Range", in: response), let last = range.split(separator: "-").last else { return nil }
        return Int(last)
    }

    static func header(_ name: String, in response: HTTPResponseSpec) -> String? {
        response.headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}
