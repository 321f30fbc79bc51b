import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import Foundation

/// SQLite lets one writer in at a time. A write transaction that meets another one fails at
/// once with "database is locked" (or, in WAL mode, when its snapshot went stale while it
/// read): nothing was written, and the same transaction run again a moment later succeeds.
///
/// PostgreSQL lets writers in together but may abort one of two transactions that wait for each
/// other's rows (deadlock_detected, 40P01) or, under serializable isolation, one whose reads went
/// stale (serialization_failure, 40001). The aborted one wrote nothing either, and running it
/// again is the documented cure.
extension Error {
    var isWriteContention: Bool {
        if let sqlite = self as? SQLiteError {
            switch sqlite.reason {
            case .busy, .locked, .busyInSnapshot, .busyInRecovery, .busyTimeout: return true
            default: return false
            }
        }
        if let postgres = self as? PSQLError, let state = postgres.serverInfo?[.sqlState] {
            return state == "40P01" || state == "40001"
        }
        return false
    }
}

enum WriteContention {
    /// Runs `body` (one whole transaction) again when it lost the race for the writer, or when
    /// `alsoRetry` says its error is one a fresh attempt cures, up to `attempts` times with a
    /// short, growing, random pause.
    static func retrying<T>(attempts: Int = 6, alsoRetry: (any Error) -> Bool = { _ in false },
                            _ body: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch where attempt < attempts && (error.isWriteContention || alsoRetry(error)) {
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...25) * attempt))
                attempt += 1
            }
        }
    }
}
