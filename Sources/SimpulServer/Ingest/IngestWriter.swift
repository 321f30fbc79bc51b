import Fluent
import Foundation
import SQLKit
import Vapor

/// Group commit for inbound events. Each delivery hands its rows over and waits; one writer
/// commits everything that has gathered in a single transaction, then releases every waiter
/// at once. A delivery is still answered only after its rows are committed, but concurrent
/// deliveries share one commit (one fsync) instead of paying for one each.
actor IngestWriter {
    private struct Pending {
        let rows: [IngestStore.Row]
        let continuation: CheckedContinuation<Void, Error>
    }

    /// Rows per transaction at most; keeps the statement's bind count far below both
    /// databases' limits.
    static let maxBatchRows = 250

    private let database: @Sendable () -> Database
    private var pending: [Pending] = []
    private var writing = false

    init(database: @escaping @Sendable () -> Database) {
        self.database = database
    }

    func write(_ rows: [IngestStore.Row]) async throws {
        guard !rows.isEmpty else { return }
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(rows: rows, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            var batch: [Pending] = []
            var count = 0
            while let next = pending.first, batch.isEmpty || count + next.rows.count <= Self.maxBatchRows {
                batch.append(pending.removeFirst())
                count += next.rows.count
            }
            do {
                try await Self.commit(batch.flatMap(\.rows), on: database())
                batch.forEach { $0.continuation.resume() }
            } catch {
                // One delivery's bad row must not fail the others: retry them one by one.
                for item in batch {
                    do {
                        try await Self.commit(item.rows, on: database())
                        item.continuation.resume()
                    } catch {
                        item.continuation.resume(throwing: error)
                    }
                }
            }
        }
        writing = false
    }

    static func commit(_ rows: [IngestStore.Row], on db: Database) async throws {
        try await db.transaction { db in
            let sql = try db.sql
            // Optional columns are written as NULL, so rows with and without them share one statement.
            try await sql.insert(into: "messages").models(rows, nilEncodingStrategy: .asNil).ignoringConflicts(with: ["tenant_id", "platform", "external_id"]).run()
            var touched: [UUID: (tenant: UUID, at: Date)] = [:]
            for row in rows {
                if let account = row.account_id { touched[account] = (row.tenant_id, max(touched[account]?.at ?? row.received_at, row.received_at)) }
            }
            for (account, last) in touched {
                try await sql.update("accounts").set("last_event_at", to: SQLBind(last.at))
                    .where("tenant_id", .equal, SQLBind(last.tenant)).where("id", .equal, SQLBind(account)).run()
            }
        }
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
