import Dispatch
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Everything that runs behind the web: polling the platforms that do not push, enriching
/// inbound messages, completing amplification tasks from observed shares, and the job queue. `simpul serve` runs it beside the web (the embedded
/// default); `simpul worker` runs only this, `simpul serve --no-workers` only the web.
enum BackgroundWork {
    /// The job kinds this build knows how to run.
    static func handlers() -> [JobHandler] { [PublishVariantJob.handler, AlertDeliveryJob.handler] }

    static func start(app: Application) -> [Task<Void, Never>] {
        var tasks = [PollingWorker.start(app: app), EnrichmentWorker.start(app: app), AmplificationObserver.start(app: app), FeedPoller.start(app: app),
                     SearchPoller.start(app: app)]
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
        // Listen first: a stop asked for while the database is still being prepared is kept.
        let termination = TerminationSignal()
        try await prepareDatabase(app, migrate: app.settings.autoMigrate)
        let tasks = BackgroundWork.start(app: app)
        context.console.print("Pekerja latar berjalan. Hentikan dengan Ctrl-C.")
        await termination.wait()
        tasks.forEach { $0.cancel() }
        for task in tasks { await task.value }
        context.console.print("Pekerja latar berhenti.")
    }
}

/// SIGINT or SIGTERM, as a server takes them, so that a worker stops between jobs and a lease
/// it holds is not left to expire. Listening starts when it is made; `wait` returns once either
/// signal has come, whether before or after the call.
final class TerminationSignal {
    private struct State {
        var arrived = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = NIOLockedValueBox(State())
    private let sources: [any DispatchSourceSignal]

    init() {
        var sources: [any DispatchSourceSignal] = []
        let state = self.state
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                let waiter = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
                    state.arrived = true
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume()
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let arrived = state.withLockedValue { state -> Bool in
                if !state.arrived { state.waiter = continuation }
                return state.arrived
            }
            if arrived { continuation.resume() }
        }
        sources.forEach { $0.cancel() }
    }
}
