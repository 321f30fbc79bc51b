import Foundation

/// What the Sandbox answers when Simpul posts to it: every platform's "created" response in one
/// body (`id` for Graph and YouTube, `message_id` for Messenger, `data.id` for X,
/// `messages[0].id` for WhatsApp), so replies from the demo go through the real connectors and
/// come back with a platform id, without leaving the machine.
public struct SandboxReplyTransport: HTTPTransport {
    public init() {}

    public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseSpec {
        let id = "sandbox_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let body = #"{"id":"\#(id)","message_id":"m_\#(id)","data":{"id":"\#(id)","text":""},"messages":[{"id":"wamid.\#(id)"}],"messaging_product":"whatsapp"}"#
        return HTTPResponseSpec(status: 200, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
    }
}
