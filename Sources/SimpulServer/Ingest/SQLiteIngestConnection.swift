import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import SimpulCore
import Vapor

/// The ingest writer's own SQLite connection, with a thread of its own. SQLite runs one write
/// at a time whatever the number of connections, so the writer's commits run one after another
/// on this thread, each straight after the last, with no hop through an event loop between them.
///
/// The insert stays prepared (`SQLiteHandle`). In write-ahead-log mode the connection commits
/// without waiting for the disk, and the log is synced before anyone is answered: by `WALSync`
/// on a second thread while the writer goes on committing, or by the writer itself when it has
/// nothing else to commit (`afterDurable`).
///
/// Opened on the first commit, so commands that never ingest (`webhook parse`, `migrate`)
/// start no threads and never create the database file; a failed open is tried again on the
/// next commit.
final class SQLiteIngestConnection: Sendable {
    private struct Threads {
        let writer: NIOThreadPool
        let sync: NIOThreadPool
    }

    /// What the writer thread keeps open.
    private struct Open {
        let handle: SQLiteHandle
        let insert: SQLiteHandle.Statement
        let begin: SQLiteHandle.Statement
        let commit: SQLiteHandle.Statement
        let rollback: SQLiteHandle.Statement
        let walSync: WALSync?
    }

    /// The writer's page cache, in KiB: 8 MB rather than SQLite's 2 MB.
    /// Each insert walks seven B-trees and the foreign keys' parents, and the pages near where new
    /// rows land (some thousand, with a few hundred accounts) must stay cached, or the writer
    /// reads them from the file again and again. Not more: at the end of most commits SQLite
    /// walks the cache's whole hash table (a page numbered past the end of the file, which
    /// balancing a B-tree uses for a moment, makes it look for pages to drop), so every extra
    /// megabyte costs each commit; with 64 MB the ingest benchmark ran about 1% slower.
    static let cacheKibibytes = 8192

    /// Frames in the write-ahead log before the writer copies them into the database (SQLite's
    /// default is 1000). That copy and its sync of the database file run inside a commit, and
    /// every delivery waits for them; a commit rewrites the same few pages (the rightmost leaves
    /// of each index) again and again, and a checkpoint copies each page once however often it
    /// changed, so rarer checkpoints copy far fewer pages per delivery. The log stays below
    /// 16 MB. Together with the smaller cache, about 3.7% more deliveries a second.
    static let checkpointFrames = 4000

    /// The writer thread's nice value. Every delivery waits for the writer, the one stage they
    /// all pass through, and on a busy server it shares the cores with the event loops that
    /// read the next deliveries. At their priority the scheduler gives it no more than their
    /// share, so each commit, and everyone waiting for it, took longer while the loops ran ahead
    /// and then had nothing to do. At the highest priority it runs as soon as it has work; its
    /// work comes in short bursts (one commit, then it sleeps or syncs), so it never holds a core
    /// for long. In paired runs of the ingest benchmark about 5% more deliveries a second; the
    /// sync thread gained nothing from the same.
    static let writerNice: Int32 = -20

    private let path: String
    private let threads = NIOLockedValueBox<Threads?>(nil)
    private let open = NIOLockedValueBox<Open?>(nil)

    init(path: String) {
        self.path = path
    }

    /// Runs `work` on the writer thread, or `cancelled` when the application is stopping.
    func onWriterThread(_ work: @escaping @Sendable () -> Void, cancelled: @escaping @Sendable () -> Void) {
        let writer = threads.withLockedValue { threads in
            if let threads { return threads.writer }
            let started = Threads(writer: NIOThreadPool(numberOfThreads: 1), sync: NIOThreadPool(numberOfThreads: 1))
            started.writer.start()
            started.writer.submit { _ in Self.raiseWriterPriority() }
            started.sync.start()
            threads = started
            return started.writer
        }
        writer.submit { state in
            guard case .active = state else { return cancelled() }
            work()
        }
    }

    /// Linux keeps the nice value per thread, so this raises the writer only. Raising it needs
    /// the right to (root, or CAP_SYS_NICE); without it the writer keeps the normal priority.
    private static func raiseWriterPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, writerNice)
        #endif
    }

    /// Commits the rows in one transaction, or none of them. Writer thread only.
    func insert(_ rows: [IngestStore.Row]) throws {
        let open = try opened()
        try open.begin.step()
        do {
            for row in rows { try Self.bind(row, to: open.insert); try open.insert.step() }
            try open.commit.step()
        } catch {
            _ = try? open.rollback.step()
            throw error
        }
    }

    /// Calls `done` once everything committed before this call is on disk: after the next
    /// sync in write-ahead-log mode, at once otherwise (SQLite's own commit waited for the disk).
    ///
    /// `idle`: the writer has nothing else to commit, so it syncs the log itself, on its own
    /// thread, rather than handing the sync over: a hand-over wakes the sync thread, which on a
    /// small machine may have to wait for a core, while the writer only waits for the next
    /// delivery. A busy writer hands the sync over and commits the next batch meanwhile.
    func afterDurable(idle: Bool = false, _ done: @escaping WALSync.Waiter) {
        guard let walSync = open.withLockedValue({ $0?.walSync }) else { return done(.success(())) }
        if idle { done(walSync.syncNow()) } else { walSync.afterNextSync(done) }
    }

    /// The value of a pragma on this connection; for checks. Writer thread only.
    func pragma(_ name: String) throws -> String? {
        try opened().handle.run("PRAGMA \(name)")
    }

    /// Opens the connection as the application's own are opened: foreign keys enforced. A
    /// database in write-ahead-log mode (as `configure` sets it) gets `synchronous = NORMAL`
    /// and a `WALSync`; any other keeps SQLite's default, which waits for the disk in every commit.
    private func opened() throws -> Open {
        if let open = open.withLockedValue({ $0 }) { return open }
        let handle = try SQLiteHandle(path: path)
        try handle.run("PRAGMA foreign_keys = ON")
        // A negative cache size counts KiB rather than pages.
        try handle.run("PRAGMA cache_size = -\(Self.cacheKibibytes)")
        var walSync: WALSync?
        if try handle.run("PRAGMA journal_mode") == "wal", let sync = threads.withLockedValue({ $0?.sync }) {
            try handle.run("PRAGMA synchronous = NORMAL")
            try handle.run("PRAGMA wal_autocheckpoint = \(Self.checkpointFrames)")
            walSync = WALSync(databasePath: path, pool: sync)
        }
        let placeholders = Array(repeating: "?", count: IngestWriter.columns.count).joined(separator: ",")
        let insert = try handle.prepare("INSERT INTO messages (\(IngestWriter.columns.joined(separator: ","))) VALUES (\(placeholders))"
            + " ON CONFLICT (tenant_id, platform, external_id) DO NOTHING")
        let open = Open(handle: handle, insert: insert, begin: try handle.prepare("BEGIN IMMEDIATE"), commit: try handle.prepare("COMMIT"),
                        rollback: try handle.prepare("ROLLBACK"), walSync: walSync)
        self.open.withLockedValue { $0 = open }
        return open
    }

    /// In the order of `IngestWriter.columns`. UUIDs and dates in the form SQLiteKit's encoder
    /// gives them, text and seconds since 1970, so that Fluent reads them back; a test holds it to that.
    private static func bind(_ row: IngestStore.Row, to insert: SQLiteHandle.Statement) throws {
        try insert.bind(row.tenant_id.uppercasedText, at: 1)
        try insert.bind(row.id.uppercasedText, at: 2)
        try insert.bind(row.account_id?.uppercasedText, at: 3)
        try insert.bind(row.platform, at: 4)
        try insert.bind(row.kind, at: 5)
        try insert.bind(row.external_id, at: 6)
        try insert.bind(row.account_ref, at: 7)
        try insert.bind(row.author_id, at: 8)
        try insert.bind(row.author_name, at: 9)
        try insert.bind(row.author_handle, at: 10)
        try insert.bind(row.text, at: 11)
        try insert.bind(row.media, at: 12)
        try insert.bind(row.parent_ref, at: 13)
        try insert.bind(row.thread_ref, at: 14)
        try insert.bind(row.occurred_at?.timeIntervalSince1970, at: 15)
        try insert.bind(row.received_at.timeIntervalSince1970, at: 16)
        try insert.bind(row.detail, at: 17)
        try insert.bind(row.raw, at: 18)
        try insert.bind(row.state, at: 19)
    }

    func close() async {
        guard let threads = threads.withLockedValue({ $0 }) else { return }
        // The handle belongs to the writer thread: it is closed there, after the last commit.
        try? await threads.writer.runIfActive { self.open.withLockedValue { $0 = nil } }
        try? await threads.writer.shutdownGracefully()
        try? await threads.sync.shutdownGracefully()
    }
}

/// Closes the writer's connection when the application stops.
struct SQLiteIngestConnectionLifecycle: LifecycleHandler {
    let writer: SQLiteIngestConnection

    func shutdownAsync(_ application: Application) async {
        await writer.close()
    }
}
