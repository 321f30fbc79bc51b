import Fluent
import Foundation
import NIOConcurrencyHelpers
import PostgresKit
import SQLKit
import Vapor

/// A change an open inbox should show without a reload.
struct InboxEvent: Codable, Sendable, Equatable {
    let tenant: UUID
    let message: UUID
    /// The unit of the message's account, so each subscriber sees only what is in its scope.
    let unit: UUID
    /// "new" (a message ready in the inbox) or "updated" (replied, assigned, closed…).
    let change: String
}

/// Fans events out to the inbox pages open in this process.
final class InboxHub: Sendable {
    /// This process, so its listener can skip the notifications it sent itself.
    let origin = UUID()

    private let subscribers = NIOLockedValueBox<[UUID: AsyncStream<InboxEvent?>.Continuation]>([:])

    /// A stream of events; nil elements are heartbeats, to notice a closed connection.
    func subscribe() -> (id: UUID, events: AsyncStream<InboxEvent?>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: InboxEvent?.self, bufferingPolicy: .bufferingNewest(200))
        subscribers.withLockedValue { $0[id] = continuation }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        subscribers.withLockedValue { $0.removeValue(forKey: id) }?.finish()
    }

    func deliver(_ event: InboxEvent?) {
        for continuation in subscribers.withLockedValue({ Array($0.values) }) { continuation.yield(event) }
    }

    var count: Int { subscribers.withLockedValue { $0.count } }
}

enum InboxEvents {
    static let channel = "simpul_inbox"

    /// What travels through NOTIFY: the event and the process that sent it.
    struct Notice: Codable {
        let origin: UUID
        let event: InboxEvent
    }

    /// Tells this process's open inboxes at once, and on PostgreSQL the other processes too,
    /// through NOTIFY (their listeners hand it to their hubs).
    static func publish(_ events: [InboxEvent], app: Application, on db: Database) async throws {
        guard !events.isEmpty else { return }
        events.forEach(app.inboxHub.deliver)
        guard db.isPostgres else { return }
        let sql = try db.sql
        for event in events {
            let payload = String(decoding: try JSONEncoder().encode(Notice(origin: app.inboxHub.origin, event: event)), as: UTF8.self)
            try await sql.raw("SELECT pg_notify(\(bind: channel), \(bind: payload))").run()
        }
    }

    /// On PostgreSQL, a dedicated connection listens for the other processes' events and hands
    /// them to the local hub; it reconnects after a failure. A heartbeat every
    /// `heartbeat` lets open streams notice a client that went away.
    static func start(app: Application, heartbeat: Duration = .seconds(15)) -> [Task<Void, Never>] {
        var tasks = [Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                app.inboxHub.deliver(nil)
            }
        }]
        guard let url = app.settings.databaseURL else { return tasks }
        tasks.append(Task {
            while !Task.isCancelled {
                do {
                    var config = try SQLPostgresConfiguration(url: url)
                    if !url.contains("sslmode=") { config.coreConfiguration.tls = .disable }
                    let connection = try await PostgresConnection.connect(on: app.eventLoopGroup.next(), configuration: config.coreConfiguration,
                                                                          id: 1, logger: app.logger)
                    defer { Task { try? await connection.close() } }
                    try await connection.listen(on: channel) { notifications in
                        for try await notification in notifications {
                            if let notice = try? JSONDecoder().decode(Notice.self, from: Data(notification.payload.utf8)),
                               notice.origin != app.inboxHub.origin {
                                app.inboxHub.deliver(notice.event)
                            }
                        }
                    }
                } catch {
                    if Task.isCancelled { break }
                    app.logger.warning("inbox listener failed; reconnecting", metadata: ["error": "\(String(reflecting: error))"])
                    try? await Task.sleep(for: .seconds(2))
                }
            }
        })
        return tasks
    }

    /// Longest an event stream stays open; the browser's EventSource reconnects by itself.
    static let maxStreamSeconds = 300

    /// `GET /inbox/events`: Server-Sent Events for the messages in the person's scope.
    static func stream(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        var seconds = maxStreamSeconds
        if let text = req.query[String.self, at: "timeout"] {
            guard let value = Int(text), (1...maxStreamSeconds).contains(value) else { throw AppError.badRequest("timeout") }
            seconds = value
        }
        let visible = principal.scope.units(with: .viewInbox)
        let tenantID = principal.tenantID
        let hub = req.application.inboxHub
        let (id, events) = hub.subscribe()
        let deadline = ContinuousClock.now + .seconds(seconds)
        let ender = Task {
            try? await Task.sleep(until: deadline)
            hub.unsubscribe(id)
        }
        // Managed: Vapor ends the stream itself when the closure returns or throws (a browser
        // that went away makes the next write throw).
        let response = Response(status: .ok, body: .init(managedAsyncStream: { writer in
            defer {
                ender.cancel()
                hub.unsubscribe(id)
            }
            try await writer.write(.buffer(ByteBuffer(string: "retry: 5000\n: tersambung\n\n")))
            for await event in events {
                guard let event else {
                    try await writer.write(.buffer(ByteBuffer(string: ": ping\n\n")))
                    continue
                }
                guard event.tenant == tenantID, visible.contains(event.unit) else { continue }
                let data = #"{"message":"\#(event.message.uuidString)","change":"\#(event.change)"}"#
                try await writer.write(.buffer(ByteBuffer(string: "event: \(event.change)\ndata: \(data)\n\n")))
            }
        }))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "event-stream")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        response.headers.replaceOrAdd(name: "X-Accel-Buffering", value: "no")
        return response
    }
}

extension Application {
    private struct HubKey: StorageKey { typealias Value = InboxHub }

    /// Set once in `configure`.
    var inboxHub: InboxHub {
        get { storage[HubKey.self]! }
        set { storage[HubKey.self] = newValue }
    }
}
