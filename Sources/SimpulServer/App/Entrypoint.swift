import Foundation
import Logging
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
        do {
            try await configure(app, settings: settings)
            let command = env.arguments.dropFirst().first ?? "serve"
            var workers: [Task<Void, Never>] = []
            if command == "serve" || command.hasPrefix("-") {
                // Ours, not Vapor's: taken out before Vapor's serve command reads its options.
                let webOnly = app.environment.arguments.contains("--no-workers")
                app.environment.arguments.removeAll { $0 == "--no-workers" }
                try await prepareDatabase(app, migrate: settings.autoMigrate)
                if settings.runWorkers && !webOnly { workers = BackgroundWork.start(app: app) }
                // Live inbox updates are served by web processes, with or without workers.
                workers += InboxEvents.start(app: app)
            }
            try await app.execute()
            workers.forEach { $0.cancel() }
        } catch let failure as CommandFailure {
            // A command refused its input: say why and exit 1, as command-line tools do.
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            try? await app.asyncShutdown()
            exit(1)
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
