import Fluent
import SQLKit
import Vapor

enum HealthController {
    static func register(_ routes: RouteCatalog) {
        // Liveness only, answered on the event loop: load balancers ask often, and it is the
        // bare route the ingest benchmark measures against.
        routes.addOnEventLoop(.healthz, body: .collect(maxSize: ByteCount(value: RouteCatalog.defaultBodyLimit))) { req in
            req.eventLoop.makeSucceededFuture(Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: #"{"status":"ok"}"#)))
        }
        routes.add(.readyz, ready)
        routes.add(.metrics) { req in
            Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(string: req.application.metricsRegistry.emitToString()))
        }
    }

    /// Ready means: the database answers and every migration this build knows has been applied.
    static func ready(_ req: Request) async throws -> Response {
        var problems: [String] = []
        do {
            let rows = try await (try req.db.sql).raw("SELECT name FROM _fluent_migrations").all()
            let applied = Set(rows.compactMap { try? $0.decode(column: "name", as: String.self) })
            let pending = SimpulMigrations.all.map(\.name).filter { !applied.contains($0) }
            if !pending.isEmpty { problems.append("pending migrations: \(pending.count)") }
        } catch {
            problems.append("database unreachable")
        }
        let body = problems.isEmpty ? #"{"status":"ready"}"# : #"{"status":"not_ready","problems":[\#(problems.map { "\"\($0)\"" }.joined(separator: ","))]}"#
        return Response(status: problems.isEmpty ? .ok : .serviceUnavailable, headers: ["Content-Type": "application/json"], body: .init(string: body))
    }
}
