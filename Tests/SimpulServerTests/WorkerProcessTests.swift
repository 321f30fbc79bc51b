import Fluent
import Foundation
import NIOPosix
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// The split deployment as processes: `simpul serve --no-workers` answers the web and leaves due
/// jobs alone; `simpul worker` runs them and stops cleanly on SIGTERM.
@Suite("Worker processes", .serialized)
struct WorkerProcessTests {
    static func dueItem(_ world: World, app: Application, n: Int) async throws -> ContentVariantModel {
        let (item, variant) = try await PublishingFixtures.item(world, app: app, n: n, status: .scheduled)
        item.scheduledAt = app.clock.now().addingTimeInterval(-1)
        try await item.save(on: app.db)
        try await PublishVariantJob.enqueue(variant, at: item.scheduledAt!, on: app.db, now: app.clock.now())
        return variant
    }

    @Test("serve on a port another process holds says so and exits 1, without a crash")
    func portTaken() async throws {
        // The same on either database; the shared PostgreSQL test database is left to the tests beside it.
        guard TestDatabase.postgresURL == nil else { return }
        let executable = try CrashSafetyTests.executable()
        try await withTestApp { app in
            let port = CrashSafetyTests.freePort()
            // Something else already listens there.
            let holder = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "127.0.0.1", port: port).get()
            defer { holder.close(promise: nil) }
            // Workers on: they must be stopped before the application shuts its pools.
            var environment = ["SIMPUL_ENV": "development", "SIMPUL_LOG_LEVEL": "warning", "SIMPUL_HOST": "127.0.0.1", "SIMPUL_PORT": String(port)]
            if let url = TestDatabase.postgresURL { environment["DATABASE_URL"] = url } else { environment["SIMPUL_SQLITE_PATH"] = app.settings.sqlitePath }
            let process = Process()
            process.executableURL = executable
            process.arguments = ["serve"]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(output)")
            #expect(output.contains("127.0.0.1:\(port) sudah dipakai proses lain"), "\(output)")
            #expect(!output.contains("Fatal error") && !output.contains("Backtrac"), "\(output)")
        }
    }

    @Test("serve --no-workers leaves a due post alone; simpul worker publishes it and stops on SIGTERM")
    func splitProcesses() async throws {
        // On the shared PostgreSQL test database a worker process would also take the jobs of
        // tests running beside it; several workers on PostgreSQL are covered by the job queue's tests.
        guard TestDatabase.postgresURL == nil else { return }
        let executable = try CrashSafetyTests.executable()
        try await withTestApp { app in
            let world = try await World.make(app)
            let variant = try await Self.dueItem(world, app: app, n: 1)
            var environment = ["SIMPUL_ENV": "development", "SIMPUL_LOG_LEVEL": "warning", "SIMPUL_HOST": "127.0.0.1"]
            if let url = TestDatabase.postgresURL { environment["DATABASE_URL"] = url } else { environment["SIMPUL_SQLITE_PATH"] = app.settings.sqlitePath }
            let port = CrashSafetyTests.freePort()
            environment["SIMPUL_PORT"] = String(port)
            let logs = FileManager.default.temporaryDirectory.appendingPathComponent("simpul-workers-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: logs) }

            let web = try CrashSafetyTests.Server(executable: executable, environment: environment, port: port, log: logs.appendingPathComponent("web.log"),
                                                  arguments: ["serve", "--no-workers"])
            defer { web.stop() }
            try await CrashSafetyTests.waitHealthy(app, port: port, server: web)
            try await Task.sleep(for: .seconds(3))
            #expect(try await ContentVariantModel.find(variant.id, on: app.db)?.status == .scheduled, "the web-only process ran a job")

            let worker = try CrashSafetyTests.Server(executable: executable, environment: environment, port: port, log: logs.appendingPathComponent("worker.log"),
                                                     arguments: ["worker"])
            defer { worker.stop() }
            var status: ContentVariantModel.Status? = nil
            for _ in 0..<100 {
                status = try await ContentVariantModel.find(variant.id, on: app.db)?.status
                if status == .published { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(status == .published, "\((try? String(contentsOf: logs.appendingPathComponent("worker.log"), encoding: .utf8)) ?? "")")
            kill(worker.process.processIdentifier, SIGTERM)
            worker.process.waitUntilExit()
            #expect(worker.process.terminationStatus == 0)
            let log = (try? String(contentsOf: logs.appendingPathComponent("worker.log"), encoding: .utf8)) ?? ""
            #expect(log.contains("Pekerja latar berjalan") && log.contains("Pekerja latar berhenti"), "\(log)")
        }
    }
}
