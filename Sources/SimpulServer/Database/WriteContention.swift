import Fluent
import FluentSQLiteDriver
import Foundation

/// SQLite lets one writer in at a time. A write transaction that meets another one fails at
/// once with "database is locked" (or, in WAL mode, when its snapshot went stale while it
/// read): nothing was written, and the same transaction run again a moment later succeeds.
extension Error {
    var isWriteContention: Bool {
        guard let sqlite = self as? SQLiteError else { return false }
        switch sqlite.reason {
        case .busy, .locked, .busyInSnapshot, .busyInRecovery, .busyTimeout: return true
        default: return false
        }
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
