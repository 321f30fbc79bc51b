import Foundation
import Logging
import NIOCore
import Vapor

/// The `simpul` executable: reads settings, configures, runs the chosen command.
public enum SimpulMain {
    public static func run() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        let settings: Settings
        do {
            settings = try Settings.fromEnvironment()
        } catch let missing as Settings.Missing {
            FileHandle.standardError.write(Data((missing.description + "\n").utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        // The background work reads the database until it stops: every way out stops it, and
        // waits for it, before the application shuts its pools. The live-update tasks hold no
        // pooled connection and are only cancelled.
        var workers: [Task<Void, Never>] = []
        var liveUpdates: [Task<Void, Never>] = []
        func stopWorkers() async {
            (workers + liveUpdates).forEach { $0.cancel() }
            for worker in workers { await worker.value }
        }
        do {
            try await configure(app, settings: settings)
            let command = env.arguments.dropFirst().first ?? "serve"
            if command == "serve" || command.hasPrefix("-") {
                // Ours, not Vapor's: taken out before Vapor's serve command reads its options.
                let webOnly = app.environment.arguments.contains("--no-workers")
                app.environment.arguments.removeAll { $0 == "--no-workers" }
                try await prepareDatabase(app, migrate: settings.autoMigrate)
                if settings.runWorkers && !webOnly { workers = BackgroundWork.start(app: app) }
                // Live inbox updates are served by web processes, with or without workers.
                liveUpdates = InboxEvents.start(app: app)
            }
            do {
                try await app.execute()
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                throw CommandFailure(["alamat \(settings.host):\(settings.port) sudah dipakai proses lain: hentikan proses itu atau pilih port lain lewat SIMPUL_PORT"])
            }
            await stopWorkers()
        } catch let failure as CommandFailure {
            // A command refused its input: say why and exit 1, as command-line tools do.
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            await stopWorkers()
            try? await app.asyncShutdown()
            exit(1)
        } catch {
            app.logger.report(error: error)
            await stopWorkers()
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
