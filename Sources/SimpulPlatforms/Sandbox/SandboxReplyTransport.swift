import Foundation

/// What the Sandbox answers when Simpul posts to it (replies, messages, new posts): every platform's "created" response in one
/// body (`id` for Graph and YouTube, `message_id` for Messenger, `data.id` for X,
/// `messages[0].id` for WhatsApp), so replies from the demo go through the real connectors and
/// come back with a platform id, without leaving the machine.
public struct SandboxReplyTransport: HTTPTransport {
    public init() {}

    public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseSpec {
        // A timeline read (what a publisher checks after losing track of a call): the Sandbox
        // keeps no posts, so it is always empty.
        if request.method == "GET" {
            return HTTPResponseSpec(status: 200, headers: [("Content-Type", "application/json")], body: Data(#"{"data":[]}"#.utf8))
        }
        let id = "sandbox_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let body = #"{"id":"\#(id)","message_id":"m_\#(id)","data":{"id":"\#(id)","text":""},"messages":[{"id":"wamid.\#(id)"}],"messaging_product":"whatsapp"}"#
        return HTTPResponseSpec(status: 200, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
    }
}
