import Foundation
import Logging
import NIOCore
import Vapor

/// The `simpul` executable: reads settings, configures, runs the chosen command.
public enum SimpulMain {
    public static func run() async throws {
        var env: Environment
        do {
            env = try Environment.detect()
            try LoggingSystem.bootstrap(from: &env)
        } catch {
            // `--env` or `--log` with a value that is not one.
            FileHandle.standardError.write(Data("Perintah dibatalkan: \(error)\nPakai `simpul --help` untuk daftar perintah.\n".utf8))
            exit(2)
        }
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
            let arguments = Array(env.arguments.dropFirst())
            let command = arguments.first ?? "serve"
            let asksHelp = arguments.contains("--help") || arguments.contains("-h")
            if (command == "serve" || command.hasPrefix("-")) && !asksHelp {
                // Ours, not Vapor's: taken out before Vapor's serve command reads its options.
                let webOnly = app.environment.arguments.contains("--no-workers")
                app.environment.arguments.removeAll { $0 == "--no-workers" }
                try await prepareDatabase(app, migrate: settings.autoMigrate)
                if settings.runWorkers && !webOnly { workers = BackgroundWork.start(app: app) }
                // Live inbox updates are served by web processes, with or without workers.
                liveUpdates = InboxEvents.start(app: app)
            }
            do {
                // Vapor's `execute` without its warning line: a refused command line is said
                // once, below, in Indonesian.
                try await app.startup()
                try await app.running?.onStop.get()
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                throw CommandFailure(["alamat \(settings.host):\(settings.port) sudah dipakai proses lain: hentikan proses itu atau pilih port lain lewat SIMPUL_PORT"],
                                     kind: .failed)
            }
            await stopWorkers()
        } catch {
            // Nothing a command line does ends in a crash: bad input is said with the usage
            // (status 2), any other failure in one line (status 1).
            let (message, status): (String, Int32) = switch error {
            case let failure as CommandFailure: (failure.description, failure.kind == .badInput ? 2 : 1)
            case let refused as CommandError: ("Perintah dibatalkan: " + CommandUsage.message(refused), 2)
            default: ("Perintah gagal: \(String(describing: error))", 1)
            }
            var text = message + "\n"
            if status == 2 { text += "\n" + CommandUsage.text(for: Array(env.arguments.dropFirst()), commands: app.asyncCommands) }
            if status == 1 { app.logger.report(error: error) }
            FileHandle.standardError.write(Data(text.utf8))
            await stopWorkers()
            try? await app.asyncShutdown()
            exit(status)
        }
        try await app.asyncShutdown()
    }
}
