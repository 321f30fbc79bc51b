import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// The ingest writer's own SQLite connection, with one event loop and one thread of its own.
/// SQLite runs one write at a time whatever the number of connections, so commits form a
/// chain; each link answers on this connection's event loop, which has nothing else to do.
/// On a request event loop each answer waited until that loop had served the requests
/// queued before it, and under load the chain spent more time waiting than writing.
///
/// Opened on the first commit, so commands that never ingest (`webhook parse`, `migrate`)
/// start no threads and never create the database file.
final class SQLiteIngestConnection: Sendable {
    private struct Opened: Sendable {
        let connection: EventLoopFuture<SQLiteConnection>
        let eventLoopGroup: MultiThreadedEventLoopGroup
        let threadPool: NIOThreadPool
    }

    private let path: String
    private let logger: Logger
    private let opened = NIOLockedValueBox<Opened?>(nil)

    init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    /// The open connection, opening it on first use as the application's own connections are
    /// opened: foreign keys enforced.
    func connection() -> EventLoopFuture<SQLiteConnection> {
        opened.withLockedValue { opened in
            if let opened { return opened.connection }
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let pool = NIOThreadPool(numberOfThreads: 1)
            pool.start()
            let connection = SQLiteConnection.open(storage: .file(path: path), threadPool: pool, logger: logger, on: group.next())
                .flatMap { connection in connection.query("PRAGMA foreign_keys = ON").map { _ in connection } }
            opened = Opened(connection: connection, eventLoopGroup: group, threadPool: pool)
            // A file that could not be opened (a full disk, a permission) is tried again on the
            // next commit rather than failing every commit after it.
            connection.whenFailure { _ in
                self.opened.withLockedValue { $0 = nil }
                pool.shutdownGracefully { _ in }
                group.shutdownGracefully(queue: .global()) { _ in }
            }
            return connection
        }
    }

    func close() async {
        guard let opened = opened.withLockedValue({ $0 }) else { return }
        if let connection = try? await opened.connection.get() { try? await connection.close() }
        try? await opened.threadPool.shutdownGracefully()
        try? await opened.eventLoopGroup.shutdownGracefully()
    }
}

/// Closes the writer's connection when the application stops.
struct SQLiteIngestConnectionLifecycle: LifecycleHandler {
    let writer: SQLiteIngestConnection

    func shutdownAsync(_ application: Application) async {
        await writer.close()
    }
}
