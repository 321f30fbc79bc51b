import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
import VaporTesting
import SimpulPlatforms
@testable import SimpulServer

/// Every database test runs against the database the environment names: SQLite files by
/// default, PostgreSQL when SIMPUL_TEST_DATABASE_URL is set (CI runs both). Each test owns
/// fresh tenants, so tests can share one PostgreSQL database without seeing each other.
enum TestDatabase {
    static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["SIMPUL_TEST_DATABASE_URL"]
        return (value?.isEmpty ?? true) ? nil : value
    }

    /// PostgreSQL is migrated once per test process; parallel tests must not race the DDL.
    static let migrationLock = MigrationGate()
}

/// Holds the one migration task: an actor alone would let a second caller in while the first
/// awaits, and two migrators would race each other's DDL.
actor MigrationGate {
    private var task: Task<Void, Error>?
    func migrateOnce(_ app: Application) async throws {
        if task == nil {
            task = Task { try await prepareDatabase(app, migrate: true) }
        }
        try await task!.value
    }
}

/// Collects log lines so tests can prove secrets never reach the log.
final class LogCapture: @unchecked Sendable {
    static let shared = LogCapture()
    private let lock = NIOLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }

    static let bootstrapped: Bool = {
        LoggingSystem.bootstrap { label in CapturingHandler(label: label) }
        return true
    }()
}

struct CapturingHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        LogCapture.shared.append("\(event.level) \(event.message) \(merged)")
    }
}

/// `environment` adds to or overrides the test settings (for example SIMPUL_BASE_URL).
func withTestApp<T>(clock: ManualClock? = nil, environment: [String: String] = [:], _ body: (Application) async throws -> T) async throws -> T {
    _ = LogCapture.bootstrapped
    let app = try await Application.make(.testing)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simpul-test-\(UUID().uuidString)")
    var env: [String: String] = ["SIMPUL_ENV": "testing", "SIMPUL_BCRYPT_COST": "4", "SIMPUL_SQLITE_PATH": directory.appendingPathComponent("test.sqlite").path,
                                 "SIMPUL_MEDIA_DIR": directory.appendingPathComponent("media").path]
    if let url = TestDatabase.postgresURL { env["DATABASE_URL"] = url }
    env.merge(environment) { $1 }
    let settings = try Settings.fromEnvironment(env)
    do {
        try await configure(app, settings: settings, clock: clock?.clock ?? .system)
        // No test reaches a real platform: every outbound call meets a closed door unless the
        // test points the connectors at its own fake server.
        app.platformTransport = OfflineTransport()
        app.feedFetching = FeedFetching(transport: OfflineTransport(), outbound: OutboundGuard(resolver: TestHostResolver()))
        if settings.usesPostgres {
            try await TestDatabase.migrationLock.migrateOnce(app)
        } else {
            try await prepareDatabase(app, migrate: true)
        }
        let result = try await body(app)
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(at: directory)
        return result
    } catch {
        // PostgreSQL errors hide their details unless asked; a failing test should show them.
        Issue.record("\(String(reflecting: error))")
        try? await app.asyncShutdown()
        try? FileManager.default.removeItem(at: directory)
        throw error
    }
}

/// Names resolve without the network: a `.invalid` name (as the Sandbox's portals) has no
/// address, `*.internal.test` points into a private network, and every other name is public.
struct TestHostResolver: HostResolver {
    struct Unknown: Error {}
    func addresses(of host: String) async throws -> [IPAddress] {
        if host.hasSuffix(".invalid") { throw Unknown() }
        return [IPAddress(host.hasSuffix(".internal.test") ? "10.20.30.40" : "93.184.216.34")!]
    }
}

struct OfflineTransport: HTTPTransport {
    func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseSpec {
        HTTPResponseSpec(status: 503, headers: [("Content-Type", "application/json")], body: Data(#"{"error":{"message":"offline in tests","code":2,"is_transient":true}}"#.utf8))
    }
}
