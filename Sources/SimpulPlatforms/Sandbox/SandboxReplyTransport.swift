import Foundation
import SimpulCore

/// What the Sandbox answers when Simpul posts to it (replies, messages, new posts): every platform's "created" response in one
/// body (`id` for Graph and YouTube, `message_id` for Messenger, `data.id` for X,
/// `messages[0].id` for WhatsApp), so replies from the demo go through the real connectors and
/// come back with a platform id, without leaving the machine.
public struct SandboxReplyTransport: HTTPTransport {
    public init() {}

    public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseSpec {
        let parts = request.url.pathComponents
        // A timeline read (what a publisher checks after losing track of a call): the Sandbox
        // keeps no posts, so it is always empty.
        if request.method == "GET" {
            // One post by its id (a staff member's share sent as proof): the Sandbox keeps no
            // posts of anyone's, so it answers as Graph does for an object it does not have.
            let postLookup = (request.url.query ?? "").contains("parent_id") || (parts.count >= 3 && parts[parts.count - 3] == "2" && parts[parts.count - 2] == "tweets")
            if postLookup, let last = parts.last {
                let body = #"{"error":{"message":"Unsupported get request. Object with ID '\#(last)' does not exist","type":"GraphMethodException","code":100}}"#
                return HTTPResponseSpec(status: 400, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
            }
            // An Instagram container the Sandbox "prepared": ready at once.
            if (request.url.query ?? "").contains("status_code"), let last = parts.last {
                return HTTPResponseSpec(status: 200, headers: [("Content-Type", "application/json")],
                                        body: Data(#"{"id":"\#(last)","status_code":"FINISHED"}"#.utf8))
            }
            return HTTPResponseSpec(status: 200, headers: [("Content-Type", "application/json")], body: Data(#"{"data":[]}"#.utf8))
        }
        // A YouTube resumable upload: the session opens on the same host, and every chunk is
        // taken whole, so the first one finishes the video.
        if request.method == "POST", request.url.path.hasSuffix("/upload/youtube/v3/videos"),
           var session = URLComponents(url: request.url, resolvingAgainstBaseURL: false) {
            session.query = "uploadType=resumable&upload_id=sandbox-\(UUID().uuidString.lowercased())"
            return HTTPResponseSpec(status: 200, headers: [("Location", session.url?.absoluteString ?? "")], body: Data())
        }
        if request.method == "PUT" {
            let video = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(11))
            return HTTPResponseSpec(status: 200, headers: [("Content-Type", "application/json")],
                                    body: Data(#"{"kind":"youtube#video","id":"\#(video)","status":{"uploadStatus":"uploaded"}}"#.utf8))
        }
        let id = if parts.last == "feed", parts.count >= 2 {
            Self.postID(platform: .facebook, accountExternalID: parts[parts.count - 2])
        } else if parts.suffix(2) == ["2", "tweets"] || request.url.path.contains("/2/media/upload") {
            Self.postID(platform: .x, accountExternalID: "")
        } else {
            "sandbox_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        }
        // TikTok: what the creator allows, a publish id, a finished publish and an empty video
        // list all come from this one body too, in `data`.
        let tiktok = #""publish_id":"v_pub_\#(id)","status":"PUBLISH_COMPLETE","publicaly_available_post_id":[],"privacy_level_options":["PUBLIC_TO_EVERYONE","SELF_ONLY"],"videos":[]"#
        let body = #"{"id":"\#(id)","post_id":"\#(id)","message_id":"m_\#(id)","data":{"id":"\#(id)","text":"",\#(tiktok)},"messages":[{"id":"wamid.\#(id)"}],"messaging_product":"whatsapp"}"#
        return HTTPResponseSpec(status: 200, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
    }

    /// A new post's id in its platform's shape, so that links to Sandbox posts look and parse
    /// like real ones: "<page id>_<post number>" on Facebook, a 19-digit number on X.
    public static func postID(platform: Platform, accountExternalID: String) -> String {
        func digits(_ count: Int) -> String { "1" + String((1..<count).map { _ in Character(String(Int.random(in: 0...9))) }) }
        return switch platform {
        case .facebook: accountExternalID + "_" + digits(15)
        case .x: digits(19)
        default: "sandbox_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        }
    }
}
