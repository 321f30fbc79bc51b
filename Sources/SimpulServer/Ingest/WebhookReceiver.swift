import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// The inbound path every platform event takes, from the HTTP route and from the Sandbox:
/// verify the signature on the raw bytes, parse, store durably, and only then answer.
enum WebhookReceiver {
    enum Outcome: Equatable {
        /// `dropped`: signed correctly, but naming accounts the signing secret does not cover.
        case stored(events: Int, dropped: Int)
        /// Signed correctly but not readable: kept verbatim in webhook_deliveries.
        case kept(reason: String)
        case unknownTenant
        case signature(WebhookSignature.Verdict)
    }

    /// Which accounts' app secrets sign a format's deliveries.
    static func platforms(for format: PayloadFormat) -> Set<Platform> {
        switch format {
        case .meta: [.facebook]
        case .instagram: [.instagram, .facebook]
        case .whatsapp: [.whatsapp]
        case .x: [.x]
        case .youtube: [.youtube]
        }
    }

    /// What the signature and the payload say, decided without the database.
    enum Checked {
        case refused(WebhookSignature.Verdict)
        case unreadable(reason: String)
        /// The events the signing secret covers, each with its account; `dropped` counts the rest.
        case events([(event: InboundEvent, account: UUID)], dropped: Int)
        /// Signed, but every event names an account the secret does not cover.
        case uncovered(dropped: Int)
    }

    static func check(format: PayloadFormat, entry: ConnectionDirectory.TenantEntry, signature256: String?, legacySignature: String?,
                      body: Data, logger: Logger) -> Checked {
        let verdict = WebhookSignature.verify(body: body, signature256: signature256, legacySignature: legacySignature,
                                              keys: entry.keys(for: format))
        guard case .valid(let index) = verdict else { return .refused(verdict) }
        let events: [InboundEvent]
        do {
            events = try PayloadParser.parse(body, as: format)
        } catch {
            let reason = switch error {
            case .notJSON: "not JSON"
            case .unexpectedShape(let what): "unexpected shape: \(what)"
            }
            return .unreadable(reason: reason)
        }
        let unknown = events.filter { $0.kind == .unknown }.count
        if unknown > 0 {
            logger.notice("webhook carried unknown event types; stored raw", metadata: ["format": "\(format.rawValue)", "count": "\(unknown)"])
        }
        let covered = entry.covered(by: index, format: format)
        let accepted = events.compactMap { event in covered.account(for: event).map { (event: event, account: $0) } }
        let dropped = events.count - accepted.count
        if dropped > 0 {
            logger.warning("webhook named accounts its signing secret does not cover; dropped",
                           metadata: ["format": "\(format.rawValue)", "dropped": "\(dropped)", "accepted": "\(accepted.count)"])
        }
        if accepted.isEmpty && dropped > 0 { return .uncovered(dropped: dropped) }
        return .events(accepted, dropped: dropped)
    }

    static func receive(format: PayloadFormat, tenantSlug: String, signature256: String?, legacySignature: String?,
                        body: Data, app: Application, db: Database, logger: Logger) async throws -> Outcome {
        let now = app.clock.now()
        guard let entry = try await app.connections.entry(slug: tenantSlug, now: now, db: db) else { return .unknownTenant }
        switch check(format: format, entry: entry, signature256: signature256, legacySignature: legacySignature, body: body, logger: logger) {
        case .refused(let verdict):
            return .signature(verdict)
        case .unreadable(let reason):
            try await IngestStore.keepUnreadable(tenantID: entry.tenantID, format: format, reason: reason, body: body, at: now, on: db)
            logger.warning("webhook kept unreadable", metadata: ["format": "\(format.rawValue)", "reason": "\(reason)", "bytes": "\(body.count)"])
            return .kept(reason: reason)
        case .uncovered:
            return .signature(.mismatch)
        case .events(let accepted, let dropped):
            try await app.ingestWriter.write(IngestStore.rows(accepted, tenantID: entry.tenantID, receivedAt: now))
            return .stored(events: accepted.count, dropped: dropped)
        }
    }

    /// The common case without leaving the event loop: a tenant whose connections are cached
    /// and a signed, readable delivery. The rows go to the group-commit writer and the answer
    /// waits for their commit, as on the async path. Nil for everything else, which the async
    /// path handles (a cache miss, an unreadable body to keep).
    static func receiveOnEventLoop(format: PayloadFormat, tenantSlug: String, signature256: String?, legacySignature: String?,
                                   body: Data, intake: Intake, eventLoop: any EventLoop, logger: Logger) -> EventLoopFuture<Outcome>? {
        let now = intake.clock.now()
        guard let entry = intake.connections.cached(slug: tenantSlug, now: now) else { return nil }
        switch check(format: format, entry: entry, signature256: signature256, legacySignature: legacySignature, body: body, logger: logger) {
        case .refused(let verdict):
            return eventLoop.makeSucceededFuture(.signature(verdict))
        case .unreadable:
            return nil
        case .uncovered:
            return eventLoop.makeSucceededFuture(.signature(.mismatch))
        case .events(let accepted, let dropped):
            return intake.writer.write(IngestStore.rows(accepted, tenantID: entry.tenantID, receivedAt: now), on: eventLoop)
                .map { .stored(events: accepted.count, dropped: dropped) }
        }
    }

    /// The services a delivery needs, taken from the application once: reading each from its
    /// storage on every delivery cost more than checking the signature.
    struct Intake: Sendable {
        let clock: AppClock
        let connections: ConnectionDirectory
        let writer: IngestWriter

        init(_ app: Application) {
            clock = app.clock
            connections = app.connections
            writer = app.ingestWriter
        }
    }
}

enum WebhookController {
    static let bodyLimit = 1024 * 1024

    /// Only the formats platforms push; X and YouTube are polled.
    static let pushed: [PayloadFormat] = [.meta, .instagram, .whatsapp]

    static func register(_ routes: RouteCatalog) {
        routes.add(SiteRoute.webhookVerify, verify)
        let intake = WebhookReceiver.Intake(routes.app)
        for format in pushed {
            routes.addOnEventLoop(.webhookReceive(format, tenant: .standIn),
                                  body: .collect(maxSize: ByteCount(value: bodyLimit))) { req in
                receive(req, format: format, intake: intake)
            }
        }
    }

    static func format(_ req: Request) throws -> PayloadFormat {
        guard let format = PayloadFormat(rawValue: req.parameters.get("format") ?? ""), pushed.contains(format) else {
            throw AppError.notFound
        }
        return format
    }

    static func verify(_ req: Request) async throws -> Response {
        let format = try format(req)
        let slug = req.parameters.get("tenant") ?? ""
        guard let entry = try await req.application.connections.entry(slug: slug, now: req.now, db: req.db) else { throw AppError.notFound }
        let outcome = WebhookHandshake.answer(mode: req.query[String.self, at: "hub.mode"], verifyToken: req.query[String.self, at: "hub.verify_token"],
                                              challenge: req.query[String.self, at: "hub.challenge"],
                                              expectedTokens: entry.verifyTokens(for: WebhookReceiver.platforms(for: format)))
        switch outcome {
        case .accept(let challenge):
            return Response(status: .ok, headers: ["Content-Type": "text/plain"], body: .init(string: challenge))
        case .reject:
            throw AppError.forbidden
        }
    }

    /// Platforms retry a slow answer, so the usual delivery is answered without a hop off the
    /// event loop; the rest takes the async path.
    static func receive(_ req: Request, format: PayloadFormat, intake: WebhookReceiver.Intake) -> EventLoopFuture<Response> {
        guard let buffer = req.body.data else { return req.eventLoop.makeFailedFuture(AppError.badRequest("body")) }
        guard buffer.readableBytes <= bodyLimit else { return req.eventLoop.makeFailedFuture(AppError.payloadTooLarge) }
        let slug = req.parameters.get("tenant") ?? ""
        let signature256 = req.headers.first(name: WebhookSignature.header), legacy = req.headers.first(name: WebhookSignature.legacyHeader)
        let body = Data(buffer: buffer)
        let app = req.application, logger = req.logger
        let outcome = WebhookReceiver.receiveOnEventLoop(format: format, tenantSlug: slug, signature256: signature256, legacySignature: legacy,
                                                         body: body, intake: intake, eventLoop: req.eventLoop, logger: logger)
            ?? req.eventLoop.makeFutureWithTask {
                try await WebhookReceiver.receive(format: format, tenantSlug: slug, signature256: signature256, legacySignature: legacy,
                                                  body: body, app: app, db: app.db, logger: logger)
            }
        return outcome.flatMapThrowing { outcome in
            switch outcome {
            case .stored(let count, let dropped):
                let body = dropped == 0 ? #"{"received":\#(count)}"# : #"{"received":\#(count),"dropped":\#(dropped)}"#
                return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: body))
            case .kept:
                return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: #"{"received":0,"kept":true}"#))
            case .unknownTenant:
                throw AppError.notFound
            case .signature(let verdict):
                logger.warning("webhook signature refused", metadata: ["format": "\(format.rawValue)", "verdict": "\(verdict)"])
                throw verdict == .missing ? AppError.unauthenticated : AppError.forbidden
            }
        }
    }
}
