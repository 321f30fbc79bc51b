import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Group commit for inbound events. Each delivery hands its rows over and waits; one writer
/// commits everything that has gathered in one transaction (on PostgreSQL one statement), then
/// releases every waiter at once. A delivery is still answered only after its rows are on disk,
/// but concurrent deliveries share one commit and one sync instead of paying for one each.
///
/// The writer never runs in a task: under load the concurrency pool's queue is full of request
/// handlers, and a writer that had to wait its turn there after every commit held all
/// deliveries back with it. On SQLite it runs on a thread of its own (`SQLiteIngestConnection`),
/// committing batch after batch while there are any; on PostgreSQL the chain from one commit to
/// the next runs on event-loop callbacks.
final class IngestWriter: Sendable {
    /// Where the rows are committed.
    enum Target: Sendable {
        case sqlite(SQLiteIngestConnection)
        /// PostgreSQL, through the application's pool.
        case postgres(@Sendable () -> Database)
    }

    private struct Pending {
        let rows: [IngestStore.Row]
        let done: Completion
    }

    /// Who waits for a commit: a task, or a request on an event loop.
    private enum Completion: Sendable {
        case callback(@Sendable (Result<Void, Error>) -> Void)
        case promise(EventLoopPromise<Void>)
    }

    private struct State {
        var pending: [Pending] = []
        var writing = false
    }

    /// Rows per statement at most; keeps the bind count (19 a row) far below both databases' limits.
    static let maxBatchRows = 250

    /// On SQLite a commit rewrites every page it touches whole, some ten pages (index leaves,
    /// their parents, the header) however few rows it holds, and the sync after it waits for all
    /// of them. So when fewer deliveries than this wait, the writer first gives others a moment
    /// to arrive: under load that makes fewer, larger commits (in paired runs of the ingest
    /// benchmark about 4% more deliveries a second); a lone delivery is answered this much later.
    static let gatherBelow = 8
    static let gatherMicroseconds: UInt32 = 150

    private let target: Target
    private let state = NIOLockedValueBox(State())

    init(_ target: Target) {
        self.target = target
    }

    func write(_ rows: [IngestStore.Row]) async throws {
        guard !rows.isEmpty else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            enqueue(rows, done: .callback { continuation.resume(with: $0) })
        }
    }

    /// The same, for a caller on an event loop: the future completes on `eventLoop`.
    func write(_ rows: [IngestStore.Row], on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        guard !rows.isEmpty else { return eventLoop.makeSucceededVoidFuture() }
        let promise = eventLoop.makePromise(of: Void.self)
        enqueue(rows, done: .promise(promise))
        return promise.futureResult
    }

    private func enqueue(_ rows: [IngestStore.Row], done: Completion) {
        let start = state.withLockedValue { state in
            state.pending.append(Pending(rows: rows, done: done))
            defer { state.writing = true }
            return !state.writing
        }
        guard start else { return }
        switch target {
        case .sqlite(let connection):
            connection.onWriterThread({ self.commitAll(on: connection) }, cancelled: { self.failAll(ChannelError.ioOnClosedChannel) })
        case .postgres(let database):
            commitNext(database)
        }
    }

    /// What has gathered, up to `maxBatchRows` rows (or the first delivery, if it alone has more).
    /// Empty, and the writer stopped, when nothing has.
    private func nextBatch() -> [Pending] {
        state.withLockedValue { state in
            var batch: [Pending] = []
            var count = 0
            while let next = state.pending.first, batch.isEmpty || count + next.rows.count <= Self.maxBatchRows {
                batch.append(state.pending.removeFirst())
                count += next.rows.count
            }
            if batch.isEmpty { state.writing = false }
            return batch
        }
    }

    private func failAll(_ error: Error) {
        let pending = state.withLockedValue { state in
            defer { state.pending = []; state.writing = false }
            return state.pending
        }
        Self.release(pending, .failure(error))
    }

    /// Answers the waiters of `batch`. The requests on each event loop are answered in one task
    /// there: completing each promise from this thread would queue one task per request.
    private static func release(_ batch: [Pending], _ result: Result<Void, Error>) {
        var loops: [(loop: any EventLoop, promises: [EventLoopPromise<Void>])] = []
        for item in batch {
            switch item.done {
            case .callback(let done):
                done(result)
            case .promise(let promise):
                let loop = promise.futureResult.eventLoop
                if let index = loops.firstIndex(where: { $0.loop === loop }) {
                    loops[index].promises.append(promise)
                } else {
                    loops.append((loop, [promise]))
                }
            }
        }
        for (loop, promises) in loops {
            if loop.inEventLoop {
                promises.forEach { $0.completeWith(result) }
            } else {
                loop.execute { promises.forEach { $0.completeWith(result) } }
            }
        }
    }

    /// SQLite, on the writer thread: commits batch after batch until nothing is left. The
    /// waiters of a batch are released once it is on disk: while the next batch is committed,
    /// or, when none has gathered, after the writer has synced the log itself.
    private func commitAll(on connection: SQLiteIngestConnection) {
        while true {
            if state.withLockedValue({ $0.pending.count }) < Self.gatherBelow { usleep(Self.gatherMicroseconds) }
            let batch = nextBatch()
            guard !batch.isEmpty else { return }
            do {
                try connection.insert(batch.flatMap(\.rows))
                let idle = state.withLockedValue { $0.pending.isEmpty }
                connection.afterDurable(idle: idle) { result in Self.release(batch, result) }
            } catch {
                // One delivery's bad row must not fail the others: retry them one by one.
                for item in batch {
                    do {
                        try connection.insert(item.rows)
                        connection.afterDurable { result in Self.release([item], result) }
                    } catch {
                        Self.release([item], .failure(error))
                    }
                }
            }
        }
    }

    /// PostgreSQL: takes what has gathered and commits it; calls itself again when that is done,
    /// until nothing is left.
    private func commitNext(_ database: @escaping @Sendable () -> Database) {
        let batch = nextBatch()
        guard !batch.isEmpty else { return }
        commit(batch.flatMap(\.rows), database()).whenComplete { result in
            switch result {
            case .success:
                // The next commit starts before the waiters are released: a waiter on the
                // loop that runs this (a request loop) writes its whole response inline, and
                // the next commit would wait for every one of them.
                self.commitNext(database)
                Self.release(batch, .success(()))
            case .failure:
                // One delivery's bad row must not fail the others: retry them one by one.
                self.commitOneByOne(batch[...], database)
            }
        }
    }

    private func commitOneByOne(_ items: ArraySlice<Pending>, _ database: @escaping @Sendable () -> Database) {
        guard let item = items.first else { return commitNext(database) }
        commit(item.rows, database()).whenComplete { result in
            Self.release([item], result)
            self.commitOneByOne(items.dropFirst(), database)
        }
    }

    /// PostgreSQL: one statement, so one round trip to the database and its own atomic commit. An
    /// account's last event time is read from `messages` when shown rather than written here,
    /// which would need a second statement on the hot path.
    private func commit(_ rows: [IngestStore.Row], _ db: Database) -> EventLoopFuture<Void> {
        // `configure` makes this target only for a PostgreSQL database.
        guard let postgres = db as? any PostgresDatabase else { preconditionFailure("the PostgreSQL ingest writer was given another database") }
        // The future API rather than async/await: no task per commit on the ingest path.
        let query = Self.postgresInsert(rows)
        return postgres.withConnection { $0.query(query, logger: db.logger) { _ in } }.map { _ in }
    }

    static let columns = ["tenant_id", "id", "account_id", "platform", "kind", "external_id", "account_ref", "author_id", "author_name",
                          "author_handle", "text", "media", "parent_ref", "thread_ref", "occurred_at", "received_at", "detail", "raw", "state"]

    /// The PostgreSQL insert, bound directly: SQLKit's generic encoder, row by row, cost more
    /// than the statement. UUIDs, texts and times go over as uuid,
    /// text and timestamptz, the columns' own types.
    static func postgresInsert(_ rows: [IngestStore.Row]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: rows.count * columns.count)
        var values: [String] = []
        values.reserveCapacity(rows.count)
        for row in rows {
            let first = bindings.count
            bindings.append(row.tenant_id)
            bindings.append(row.id)
            bindings.append(row.account_id)
            for text in [row.platform, row.kind, row.external_id, row.account_ref] { bindings.append(text) }
            for text in [row.author_id, row.author_name, row.author_handle, row.text] { bindings.append(text) }
            bindings.append(row.media)
            bindings.append(row.parent_ref)
            bindings.append(row.thread_ref)
            bindings.append(row.occurred_at)
            bindings.append(row.received_at)
            for text in [row.detail, row.raw, row.state] { bindings.append(text) }
            values.append("(" + (first + 1...bindings.count).map { "$\($0)" }.joined(separator: ",") + ")")
        }
        let sql = "INSERT INTO messages (" + columns.joined(separator: ",") + ") VALUES " + values.joined(separator: ",")
            + " ON CONFLICT (tenant_id, platform, external_id) DO NOTHING"
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}

extension Application {
    private struct WriterKey: StorageKey { typealias Value = IngestWriter }

    /// Set once in `configure`.
    var ingestWriter: IngestWriter {
        get { storage[WriterKey.self]! }
        set { storage[WriterKey.self] = newValue }
    }
}
