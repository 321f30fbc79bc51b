import Foundation
import Logging
import Prometheus
import Vapor

/// Counts and times every request for /metrics and writes one log line per request. Labels use
/// the route pattern ("/accounts/:accountID"), never the raw path, so ids do not explode the
/// number of series; the log line carries no query string, so tokens and form values stay out.
/// Every request's metrics and one log line. A plain (future) middleware, like the others in
/// front of every route: an async one starts a task per request and per layer, which costs more
/// than a webhook's whole answer.
struct RequestObserver: Middleware {
    let registry: PrometheusCollectorRegistry

    static let buckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let start = ContinuousClock.now
        return next.respond(to: req).map { response in
            observe(req, response, elapsed: ContinuousClock.now - start)
            return response
        }
    }

    private func observe(_ req: Request, _ response: Response, elapsed: Duration) {
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let labels = [("method", req.method.rawValue), ("route", route), ("status", String(response.status.code))]
        registry.makeCounter(descriptor: .init(metricName: "http_requests", unitName: "total", helpText: "HTTP requests served"), labels: labels).increment()
        registry.makeDurationHistogram(descriptor: .init(metricName: "http_request_duration", unitName: "seconds", helpText: "HTTP request latency"),
                                       labels: [("method", req.method.rawValue), ("route", route)], buckets: Self.buckets).record(elapsed)
        // The line's fields cost more than the metrics; nothing is built when it is not written.
        guard req.logger.logLevel <= .info else { return }
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "method": .string(req.method.rawValue), "path": .string(req.url.path), "route": .string(route),
            "status": .stringConvertible(response.status.code), "ms": .string(String(format: "%.1f", ms)),
        ]
        if let principal = req.principal { metadata["user"] = .string(principal.userID.uuidString) }
        req.logger.info("request", metadata: metadata)
    }
}

extension Application {
    private struct RegistryKey: StorageKey { typealias Value = PrometheusCollectorRegistry }

    var metricsRegistry: PrometheusCollectorRegistry {
        if let registry = storage[RegistryKey.self] { return registry }
        let registry = PrometheusCollectorRegistry()
        storage[RegistryKey.self] = registry
        return registry
    }
}
