import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// The inbound path every platform event takes, from the HTTP route and from the Sandbox:
/// verify the signature on the raw bytes, parse, store durably, and only then answer.
enum WebhookReceiver {
    enum Outcome: Equatable {
        case stored(events: Int)
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

    static func receive(format: PayloadFormat, tenantSlug: String, signature256: String?, legacySignature: String?,
                        body: Data, app: Application, db: Database, logger: Logger) async throws -> Outcome {
        let now = app.clock.now()
        guard let entry = try await app.connections.entry(slug: tenantSlug, now: now, db: db) else { return .unknownTenant }
        let verdict = WebhookSignature.verify(body: body, signature256: signature256, legacySignature: legacySignature,
                                              secrets: entry.secrets(for: platforms(for: format)))
        guard case .valid = verdict else { return .signature(verdict) }
        let events: [InboundEvent]
        do {
            events = try PayloadParser.parse(body, as: format)
        } catch {
            let reason = switch error {
            case .notJSON: "not JSON"
            case .unexpectedShape(let what): "unexpected shape: \(what)"
            }
            try await IngestStore.keepUnreadable(tenantID: entry.tenantID, format: format, reason: reason, body: body, at: now, on: db)
            logger.warning("webhook kept unreadable", metadata: ["format": "\(format.rawValue)", "reason": "\(reason)", "bytes": "\(body.count)"])
            return .kept(reason: reason)
        }
        let unknown = events.filter { $0.kind == .unknown }.count
        if unknown > 0 {
            logger.notice("webhook carried unknown event types; stored raw", metadata: ["format": "\(format.rawValue)", "count": "\(unknown)"])
        }
        try await IngestStore.store(events, tenantID: entry.tenantID, receivedAt: now,
                                    accountFor: { entry.account(platform: $0.platform, externalID: $0.accountRef) }, writer: app.ingestWriter)
        return .stored(events: events.count)
    }
}

enum WebhookController {
    static let bodyLimit = 1024 * 1024

    static func register(_ routes: RouteCatalog) {
        routes.add("webhooks.verify", .GET, "/webhooks/:format/:tenant", .system, .none, verify)
        routes.add("webhooks.receive", .POST, "/webhooks/:format/:tenant", .system, .none,
                   body: .collect(maxSize: ByteCount(value: bodyLimit)), receive)
    }

    static func format(_ req: Request) throws -> PayloadFormat {
        // Only the formats platforms push; X and YouTube are polled.
        guard let format = PayloadFormat(rawValue: req.parameters.get("format") ?? ""), [.meta, .instagram, .whatsapp].contains(format) else {
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

    static func receive(_ req: Request) async throws -> Response {
        let format = try format(req)
        guard let buffer = req.body.data else { throw AppError.badRequest("body") }
        guard buffer.readableBytes <= bodyLimit else { throw AppError.payloadTooLarge }
        let outcome = try await WebhookReceiver.receive(
            format: format, tenantSlug: req.parameters.get("tenant") ?? "",
            signature256: req.headers.first(name: WebhookSignature.header), legacySignature: req.headers.first(name: WebhookSignature.legacyHeader),
            body: Data(buffer: buffer), app: req.application, db: req.db, logger: req.logger)
        switch outcome {
        case .stored(let count):
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: #"{"received":\#(count)}"#))
        case .kept:
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: #"{"received":0,"kept":true}"#))
        case .unknownTenant:
            throw AppError.notFound
        case .signature(let verdict):
            req.logger.warning("webhook signature refused", metadata: ["format": "\(format.rawValue)", "verdict": "\(verdict)"])
            throw verdict == .missing ? AppError.unauthenticated : AppError.forbidden
        }
    }
}
