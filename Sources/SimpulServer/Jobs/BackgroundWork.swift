import Dispatch
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Everything that runs behind the web: polling the platforms that do not push, enriching
/// inbound messages, and the job queue. `simpul serve` runs it beside the web (the embedded
/// default); `simpul worker` runs only this, `simpul serve --no-workers` only the web.
enum BackgroundWork {
    /// The job kinds this build knows how to run.
    static func handlers() -> [JobHandler] { [PublishVariantJob.handler] }

    static func start(app: Application) -> [Task<Void, Never>] {
        var tasks = [PollingWorker.start(app: app), EnrichmentWorker.start(app: app)]
        let handlers = handlers()
        if !handlers.isEmpty { tasks.append(JobWorker(app: app, handlers: handlers, concurrency: app.settings.jobConcurrency).start()) }
        return tasks
    }
}

/// `simpul worker`: the background work alone, until SIGINT or SIGTERM.
struct WorkerCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Menjalankan pekerja latar saja (penarikan data, pengayaan pesan, antrean tugas), tanpa server web." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app, migrate: app.settings.autoMigrate)
        let tasks = BackgroundWork.start(app: app)
        context.console.print("Pekerja latar berjalan. Hentikan dengan Ctrl-C.")
        await TerminationSignal.wait()
        tasks.forEach { $0.cancel() }
        for task in tasks { await task.value }
        context.console.print("Pekerja latar berhenti.")
    }
}

/// Waits for SIGINT or SIGTERM, as a server does, so that a worker stops between jobs and a
/// lease it holds is not left to expire.
enum TerminationSignal {
    static func wait() async {
        let resumed = NIOLockedValueBox(false)
        let sources = NIOLockedValueBox<[any DispatchSourceSignal]>([])
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    let first = resumed.withLockedValue { done in defer { done = true }; return !done }
                    if first { continuation.resume() }
                }
                source.resume()
                sources.withLockedValue { $0.append(source) }
            }
        }
        sources.withLockedValue { $0.forEach { $0.cancel() } }
    }
}
