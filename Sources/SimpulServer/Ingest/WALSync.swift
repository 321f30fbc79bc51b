#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Makes the ingest writer's commits durable in rounds, on a thread of its own, while the
/// writer goes on with the next commit. (A writer with nothing more to commit syncs itself:
/// `SQLiteIngestConnection.afterDurable`.)
///
/// The writer's connection commits with `synchronous = NORMAL`: a commit writes its frames to
/// the write-ahead log and returns without waiting for the disk. Each delivery is still
/// answered only after those frames are on disk: it waits for a sync of the log file that
/// began after its commit. One sync covers every commit before it, so a round serves all the
/// commits that gathered during the previous one. With `synchronous = FULL` the writer waited
/// for the disk inside each commit, and under load the chain of commits spent most of its time
/// waiting there.
///
/// A sync of any descriptor of a file flushes all of that file's written pages, so this
/// thread opens the log by its own name. SQLite itself still syncs the log before each
/// checkpoint and the database after it, as it does in this mode.
final class WALSync: Sendable {
    private struct State {
        var waiting: [Waiter] = []
        var running = false
    }

    struct Failure: Error, CustomStringConvertible {
        let call: String
        let code: Int32
        var description: String { "\(call) of the write-ahead log failed (errno \(code))" }
    }

    typealias Waiter = @Sendable (Result<Void, any Error>) -> Void

    /// The log file: the database's path with `-wal`.
    let path: String
    private let pool: NIOThreadPool
    private let sync: @Sendable (String) -> Result<Void, any Error>
    private let state = NIOLockedValueBox(State())

    /// `sync` is replaced only by tests, to hold a sync back.
    init(databasePath: String, pool: NIOThreadPool, sync: @escaping @Sendable (String) -> Result<Void, any Error> = WALSync.syncFile) {
        self.path = databasePath + "-wal"
        self.pool = pool
        self.sync = sync
    }

    /// Calls `done`, on the sync thread, once a sync that began after this call has finished:
    /// every commit the caller saw complete is then on disk.
    func afterNextSync(_ done: @escaping Waiter) {
        let start = state.withLockedValue { state in
            state.waiting.append(done)
            defer { state.running = true }
            return !state.running
        }
        if start {
            pool.submit { work in
                guard case .active = work else { return self.failAll(ChannelError.ioOnClosedChannel) }
                self.runRounds()
            }
        }
    }

    /// A sync on the caller's thread, for a caller that has nothing else to do meanwhile: it
    /// covers every commit the caller saw complete, as a round does.
    func syncNow() -> Result<Void, any Error> {
        sync(path)
    }

    /// Syncs until no one waits. Whoever arrives during a sync waits for the next one.
    private func runRounds() {
        while true {
            let round: [Waiter] = state.withLockedValue { state in
                defer { state.waiting = [] }
                if state.waiting.isEmpty { state.running = false }
                return state.waiting
            }
            guard !round.isEmpty else { return }
            let result = sync(path)
            round.forEach { $0(result) }
        }
    }

    private func failAll(_ error: any Error) {
        let waiting = state.withLockedValue { state in
            defer { state.waiting = []; state.running = false }
            return state.waiting
        }
        waiting.forEach { $0(.failure(error)) }
    }

    static func syncFile(_ path: String) -> Result<Void, any Error> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(call: "open", code: errno)) }
        defer { close(descriptor) }
        #if os(Linux)
        // The data and the size, not the times: what a reader after a power cut needs.
        let synced = fdatasync(descriptor)
        #else
        let synced = fsync(descriptor)
        #endif
        return synced == 0 ? .success(()) : .failure(Failure(call: "sync", code: errno))
    }
}
