import Fluent
import Foundation
import NIOConcurrencyHelpers
import SimpulCore
import SimpulPlatforms
import SQLKit
import Testing
import VaporTesting
@testable import SimpulServer

/// Kills the real server process (SIGKILL) in the middle of a stream of signed webhooks and
/// checks, after a restart, that every delivery that was answered 200 is stored exactly once.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func executable() throws -> URL {
        let candidates = [".build/debug/simpul", ".build/release/simpul"].map { repositoryRoot.appendingPathComponent($0) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CrashTestError.noExecutable
        }
        return found
    }

    enum CrashTestError: Error, CustomStringConvertible {
        case noExecutable
        case serverDidNotStart(String)
        var description: String {
            switch self {
            case .noExecutable: "the simpul executable is not built (swift build)"
            case .serverDidNotStart(let log): "the server did not become healthy:\n\(log)"
            }
        }
    }

    // Only kill and wait are called across tasks; Process tolerates that.
    final class Server: @unchecked Sendable {
        let process = Process()
        let log: URL
        let port: Int

        init(executable: URL, environment: [String: String], port: Int, log: URL, arguments: [String] = ["serve"]) throws {
            self.port = port
            self.log = log
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = executable
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func stop() {
            if process.isRunning { process.terminate(); process.waitUntilExit() }
        }
    }

    static func freePort() -> Int { Int.random(in: 20_000...40_000) }

    static func waitHealthy(_ app: Application, port: Int, server: Server) async throws {
        for _ in 0..<300 {
            if let response = try? await app.client.get("http://127.0.0.1:\(port)/readyz"), response.status == .ok { return }
            if !server.process.isRunning { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CrashTestError.serverDidNotStart((try? String(contentsOf: server.log, encoding: .utf8)) ?? "")
    }

    static func body(pageID: String, commentID: String) -> Data {
        Data(#"{"object":"page","entry":[{"id":"\#(pageID)","time":1763700000,"changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"\#(commentID)","post_id":"\#(pageID)_1","parent_id":"\#(pageID)_1","from":{"id":"555","name":"Warga Uji"},"created_time":1763700000,"message":"Komentar nomor \#(commentID)"}}]}]}"#.utf8)
    }

    @Test("every acknowledged webhook survives SIGKILL exactly once")
    func sigkillDuringStream() async throws {
        let executable = try Self.executable()
        try await withTestApp { app in
            // Prepare a tenant whose Facebook page is connected, in the database the child server will use.
            let world = try await World.make(app)
            let pageID = "9\(Int.random(in: 100_000_000...999_999_999))"
            _ = try await WebhookTests.connect(world, app: app, externalID: pageID)
            var environment = ["SIMPUL_ENV": "development", "SIMPUL_LOG_LEVEL": "warning", "SIMPUL_WORKERS": "false", "SIMPUL_HOST": "127.0.0.1"]
            if let url = TestDatabase.postgresURL { environment["DATABASE_URL"] = url } else { environment["SIMPUL_SQLITE_PATH"] = app.settings.sqlitePath }
            let port = Self.freePort()
            environment["SIMPUL_PORT"] = String(port)
            let logs = FileManager.default.temporaryDirectory.appendingPathComponent("simpul-crash-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)

            let first = try Server(executable: executable, environment: environment, port: port, log: logs.appendingPathComponent("first.log"))
            defer { first.stop() }
            try await Self.waitHealthy(app, port: port, server: first)

            let acknowledged = NIOLockedValueBox<[String]>([])
            let url = "http://127.0.0.1:\(port)/webhooks/meta/\(world.tenantA.slug)"
            let total = 400
            // Four senders in parallel; the server is killed once 120 deliveries have been answered.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for lane in 0..<4 {
                    group.addTask {
                        for n in stride(from: lane, to: total, by: 4) {
                            let commentID = "\(pageID)_crash_\(n)"
                            let body = Self.body(pageID: pageID, commentID: commentID)
                            let response = try? await app.client.post(URI(string: url)) { request in
                                request.headers.contentType = .json
                                request.headers.add(name: WebhookSignature.header, value: WebhookSignature.sign(body, secret: WebhookTests.secret))
                                request.body = ByteBuffer(data: body)
                                request.timeout = .seconds(5)
                            }
                            if response?.status == .ok { acknowledged.withLockedValue { $0.append(commentID) } }
                            if response == nil { return }
                        }
                    }
                }
                group.addTask {
                    while acknowledged.withLockedValue({ $0.count }) < 120 { try await Task.sleep(for: .milliseconds(5)) }
                    first.kill()
                }
                try await group.waitForAll()
            }
            let acked = acknowledged.withLockedValue { $0 }
            #expect(acked.count >= 120)
            #expect(acked.count < total, "the kill came after the whole stream; nothing was in flight")

            // Restart on the same database: everything acknowledged is there, exactly once.
            let second = try Server(executable: executable, environment: environment, port: port, log: logs.appendingPathComponent("second.log"))
            defer { second.stop() }
            try await Self.waitHealthy(app, port: port, server: second)
            let stored = try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).all().map(\.externalID)
            #expect(Set(stored).isSuperset(of: acked), "lost: \(Set(acked).subtracting(stored).sorted().prefix(5))")
            #expect(stored.count == Set(stored).count)

            // The platform retries what it never saw answered: afterwards each comment is stored once.
            for n in 0..<total {
                let commentID = "\(pageID)_crash_\(n)"
                let body = Self.body(pageID: pageID, commentID: commentID)
                let response = try await app.client.post(URI(string: url)) { request in
                    request.headers.contentType = .json
                    request.headers.add(name: WebhookSignature.header, value: WebhookSignature.sign(body, secret: WebhookTests.secret))
                    request.body = ByteBuffer(data: body)
                }
                #expect(response.status == .ok)
            }
            let final = try await MessageModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).count()
            #expect(final == total)
            try? FileManager.default.removeItem(at: logs)
        }
    }
}
