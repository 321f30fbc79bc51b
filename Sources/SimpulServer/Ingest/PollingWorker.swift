import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Vapor

/// Polls the platforms that do not push (X mentions, YouTube comments) for every connected,
/// non-Sandbox account, feeding the same store as webhooks and keeping a cursor per account.
/// A rate limit pauses that account until the platform's reset; a rejected token marks it for
/// reconnection; transient failures are retried with backoff and jitter.
enum PollingWorker {
    static let platforms: [Platform] = [.x, .youtube]

    /// One pass over every due account of every tenant (or of one). Returns how many accounts were polled.
    @discardableResult
    static func pollDueAccounts(app: Application, tenantID: UUID? = nil) async throws -> Int {
        let now = app.clock.now()
        var query = AccountModel.query(on: app.db)
        if let tenantID { query = query.filter(\.$tenantID == tenantID) }
        let accounts = try await query
            .filter(\.$platform ~~ platforms).filter(\.$active == true).filter(\.$sandbox == false)
            .filter(\.$status != .needsReconnect).all()
        var polled = 0
        for account in accounts where account.credentials != nil && (account.pausedUntil.map { $0 <= now } ?? true) {
            try await poll(account, app: app)
            polled += 1
        }
        return polled
    }

    static func poll(_ account: AccountModel, app: Application) async throws {
        let db = app.db
        guard let credentials = CredentialVault(box: app.secretBox).open(account.credentials),
              let connector = Connectors.make(platform: account.platform, transport: app.platformTransport,
                                              endpoints: app.platformEndpoints, credentials: credentials) as? any PollingConnector else { return }
        let cursorRow = try await (try db.sql).select().column("cursor").from("poll_cursors")
            .where("tenant_id", .equal, SQLBind(account.tenantID)).where("account_id", .equal, SQLBind(account.id!)).first()
        let cursor = try cursorRow?.decode(column: "cursor", as: String.self)
        let policy = RetryPolicy.standard
        do {
            let page = try await withRetries(policy, sleep: { try await Task.sleep(for: $0) }) {
                try await connector.poll(cursor: cursor)
            }
            // Everything a poll returns was fetched for this account.
            try await IngestStore.store(page.events, tenantID: account.tenantID, receivedAt: app.clock.now(), accountFor: { _ in account.id }, writer: app.ingestWriter)
            if let next = page.cursor, next != cursor { try await saveCursor(next, for: account, at: app.clock.now(), on: db) }
            if account.lastError != nil || account.status != .connected {
                account.lastError = nil
                account.status = .connected
                try await account.save(on: db)
            }
        } catch let error as PlatformError {
            PlatformErrorEffects.apply(error, to: account, now: app.clock.now())
            account.updatedAt = app.clock.now()
            try await account.save(on: db)
            app.logger.warning("poll failed", metadata: ["account": "\(account.id!)", "platform": "\(account.platform.rawValue)", "error": "\(kind(error))"])
        }
    }

    /// The error's kind only: details can quote request parameters.
    static func kind(_ error: PlatformError) -> String {
        switch error {
        case .rateLimited: "rate_limited"
        case .authInvalid: "auth_invalid"
        case .transient(let status, _): "transient_\(status)"
        case .rejected(let status, _, _): "rejected_\(status)"
        case .invalidResponse: "invalid_response"
        }
    }

    static func saveCursor(_ cursor: String, for account: AccountModel, at now: Date, on db: Database) async throws {
        let sql = try db.sql
        try await sql.delete(from: "poll_cursors").where("tenant_id", .equal, SQLBind(account.tenantID)).where("account_id", .equal, SQLBind(account.id!)).run()
        try await sql.insert(into: "poll_cursors").columns("tenant_id", "id", "account_id", "cursor", "updated_at")
            .values(SQLBind(account.tenantID), SQLBind(UUID()), SQLBind(account.id!), SQLBind(cursor), SQLBind(now)).run()
    }

    /// The background loop of `simpul serve`.
    static func start(app: Application, every interval: Duration = .seconds(60)) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do { try await pollDueAccounts(app: app) } catch {
                    app.logger.warning("polling pass failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
