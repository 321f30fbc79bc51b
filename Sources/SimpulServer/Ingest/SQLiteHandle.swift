import VaporCSQLite

/// A SQLite connection used through SQLite's C interface, for the ingest writer: it keeps its
/// statements prepared, which SQLiteNIO's API cannot (it prepares every query anew).
///
/// It is the copy of SQLite that SQLiteNIO links (its functions carry the `sqlite_nio_`
/// prefix): two copies of SQLite in one process would not see each other's file locks.
///
/// Not thread-safe by design: the writer uses it from its own thread only.
final class SQLiteHandle: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { "SQLite error \(code): \(message)" }
    }

    private var db: OpaquePointer?

    /// Opens (or creates) the file. Waits up to `busyMilliseconds` for another connection's
    /// write lock, then fails with SQLITE_BUSY rather than waiting forever.
    init(path: String, busyMilliseconds: Int32 = 10_000) throws {
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let opened = sqlite_nio_sqlite3_open_v2(path, &db, flags, nil)
        guard opened == SQLITE_OK else {
            let failure = Failure(code: opened, message: db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open \(path)")
            sqlite_nio_sqlite3_close(db)
            throw failure
        }
        sqlite_nio_sqlite3_busy_timeout(db, busyMilliseconds)
    }

    deinit {
        // Each statement holds its handle, so all of them have been finalized by now.
        sqlite_nio_sqlite3_close_v2(db)
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        let prepared = sqlite_nio_sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard prepared == SQLITE_OK, let statement else { throw failure(prepared) }
        return Statement(statement, handle: self)
    }

    /// Runs a statement that returns nothing, or only its first row's first column (a pragma).
    @discardableResult
    func run(_ sql: String) throws -> String? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.text(column: 0) : nil
    }

    fileprivate func failure(_ code: Int32) -> Failure {
        Failure(code: code, message: db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "closed")
    }

    final class Statement: @unchecked Sendable {
        private let statement: OpaquePointer
        private let handle: SQLiteHandle

        fileprivate init(_ statement: OpaquePointer, handle: SQLiteHandle) {
            self.statement = statement
            self.handle = handle
        }

        deinit {
            sqlite_nio_sqlite3_finalize(statement)
        }

        /// SQLite copies the text before returning. The bytes are lent in place: passing the
        /// String itself as a C string would copy every short one into a new allocation first.
        func bind(_ text: String?, at index: Int32) throws {
            guard var text else { return try check(sqlite_nio_sqlite3_bind_null(statement, index)) }
            try text.withUTF8 { bytes in
                try bytes.withMemoryRebound(to: CChar.self) { chars in
                    // A null pointer would bind NULL, and an empty text may have none to lend.
                    guard let start = chars.baseAddress else {
                        return try check(sqlite_nio_sqlite3_bind_text64(statement, index, "", 0, Self.transient, UInt8(SQLITE_UTF8)))
                    }
                    try check(sqlite_nio_sqlite3_bind_text64(statement, index, start, UInt64(chars.count), Self.transient, UInt8(SQLITE_UTF8)))
                }
            }
        }

        func bind(_ number: Double?, at index: Int32) throws {
            try check(number.map { sqlite_nio_sqlite3_bind_double(statement, index, $0) } ?? sqlite_nio_sqlite3_bind_null(statement, index))
        }

        private func check(_ code: Int32) throws {
            guard code == SQLITE_OK else { throw handle.failure(code) }
        }

        /// True when a row is ready, false when the statement is done. Resets the statement
        /// once it is done or has failed, so that it can run again.
        @discardableResult
        func step() throws -> Bool {
            let stepped = sqlite_nio_sqlite3_step(statement)
            if stepped == SQLITE_ROW { return true }
            let failure = stepped == SQLITE_DONE ? nil : handle.failure(stepped)
            sqlite_nio_sqlite3_reset(statement)
            if let failure { throw failure }
            return false
        }

        func text(column: Int32) -> String? {
            sqlite_nio_sqlite3_column_text(statement, column).map { String(cString: $0) }
        }

        /// "Copy the value now": SQLITE_TRANSIENT, a C macro Swift does not import.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }
}
