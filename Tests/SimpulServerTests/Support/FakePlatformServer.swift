import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A stand-in for the platforms' APIs, served over real HTTP on loopback. Each test scripts the
/// answers per path (status, headers, JSON body, in order) and reads back what was requested,
/// so connectors are exercised end to end: URL building, headers, paging, error bodies.
final class FakePlatformServer: @unchecked Sendable {
    struct Answer: Sendable {
        var status: HTTPResponseStatus = .ok
        var headers: [(String, String)] = []
        var body: String
    }

    struct Seen: Sendable {
        let method: String
        let path: String
        let query: String?
        let authorization: String?
        let body: String
        /// YouTube's resumable upload says which bytes a PUT carries here.
        var contentRange: String? = nil
        /// A conditional GET's validator.
        var ifNoneMatch: String? = nil
    }

    private let app: Application
    private let lock = NIOLock()
    private var script: [String: [Answer]] = [:]
    private var responders: [String: @Sendable (Seen) -> Answer] = [:]
    private var seen: [Seen] = []
    private(set) var port = 0

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    init() async throws {
        app = try await Application.make(.testing)
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        app.middleware = Middlewares()
        app.on(.GET, "**") { [unowned self] req in self.answer(req) }
        app.on(.POST, "**", body: .collect(maxSize: "1mb")) { [unowned self] req in self.answer(req) }
        app.on(.PUT, "**", body: .collect(maxSize: "16mb")) { [unowned self] req in self.answer(req) }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        port = app.http.server.shared.localAddress?.port ?? 0
    }

    func shutdown() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }

    /// Queue answers for a path ("/2/users/42/mentions"); the last one repeats.
    func script(_ path: String, _ answers: Answer...) {
        lock.withLock { script[path, default: []].append(contentsOf: answers) }
    }

    /// Answer a path by code instead of a script: for a fake that keeps state (posts made).
    func respond(_ path: String, _ responder: @escaping @Sendable (Seen) -> Answer) {
        lock.withLock { responders[path] = responder }
    }

    var requests: [Seen] { lock.withLock { seen } }

    private func answer(_ req: Request) -> Response {
        let path = req.url.path
        let request = Seen(method: req.method.rawValue, path: path, query: req.url.query, authorization: req.headers.first(name: .authorization),
                           body: req.body.string ?? "", contentRange: req.headers.first(name: "Content-Range"),
                           ifNoneMatch: req.headers.first(name: .ifNoneMatch))
        let responder = lock.withLock { responders[path] }
        let answer: Answer? = lock.withLock {
            seen.append(request)
            if responder != nil { return nil }
            guard var queue = script[path], !queue.isEmpty else { return nil }
            let next = queue.count > 1 ? queue.removeFirst() : queue[0]
            script[path] = queue
            return next
        }
        guard let answer = responder.map({ $0(request) }) ?? answer else {
            return Response(status: .notFound, headers: ["Content-Type": "application/json"], body: .init(string: #"{"error":{"message":"no such path in the fake","code":100}}"#))
        }
        var headers = HTTPHeaders([("Content-Type", "application/json")])
        for (name, value) in answer.headers { headers.replaceOrAdd(name: name, value: value) }
        return Response(status: answer.status, headers: headers, body: .init(string: answer.body))
    }
}
