import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Vapor

/// Reads the tenants' news feeds every `interval` with a conditional GET, keeps each new entry
/// once, and matches it against the listening rules of the feed's unit and the units above it.
/// A feed that fails keeps its old validators and items, and says why on the listening page.
enum FeedPoller {
    static let interval: TimeInterval = 15 * 60

    static func start(app: Application, every pause: Duration = .seconds(60)) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do { try await pollDue(app: app) } catch {
                    app.logger.warning("feed pass failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: pause)
            }
        }
    }

    /// Every active feed not read within `interval` (or every one of a tenant, when forced).
    @discardableResult
    static func pollDue(app: Application, tenantID: UUID? = nil, force: Bool = false) async throws -> Int {
        let now = app.clock.now()
        var query = ListeningFeedModel.query(on: app.db).filter(\.$active == true)
        if let tenantID { query = query.filter(\.$tenantID == tenantID) }
        var read = 0
        for feed in try await query.all() where force || (feed.lastFetchedAt.map { now.timeIntervalSince($0) >= interval } ?? true) {
            try await poll(feed, app: app)
            read += 1
        }
        return read
    }

    static func poll(_ feed: ListeningFeedModel, app: Application) async throws {
        let db = app.db
        let now = app.clock.now()
        feed.lastFetchedAt = now
        guard let url = FeedReader.feedURL(feed.url) else {
            feed.lastError = "Alamat feed harus http atau https."
            try await feed.save(on: db)
            return
        }
        do {
            switch try await reader(for: url, feed: feed, app: app, now: now).fetch(url, validators: FeedValidators(etag: feed.etag, lastModified: feed.lastModified)) {
            case .notModified:
                feed.lastError = nil
            case .updated(let parsed, let validators):
                try await ListenedItemStore.store(parsed.items, tenantID: feed.tenantID, unitID: feed.unitID, origin: .feed(feed.id!, name: feed.name),
                                                  at: now, on: db)
                feed.etag = validators.etag
                feed.lastModified = validators.lastModified
                feed.lastError = nil
            }
        } catch let error as PlatformError {
            feed.lastError = describe(error)
        }
        try await feed.save(on: db)
    }

    /// The demo's portals answer from the Sandbox, only for a tenant whose listening is in
    /// Sandbox mode; every other feed is read over the network, through the guard.
    static func reader(for url: URL, feed: ListeningFeedModel, app: Application, now: Date) async throws -> FeedReader {
        if SandboxNews.serves(url), try await ListeningSettingsModel.current(tenantID: feed.tenantID, at: now, on: app.db).sandbox {
            return FeedReader(transport: SandboxNews(now: { now }), now: { now })
        }
        return FeedReader(transport: app.feedFetching.transport, guard: app.feedFetching.outbound, now: { now })
    }

    static func describe(_ error: PlatformError) -> String {
        switch error {
        case .rejected(_, FeedReader.RefusalCode.internalAddress?, let detail):
            "Alamat feed menunjuk ke jaringan internal (\(detail)); Simpul hanya membaca alamat internet publik."
        case .rejected(_, FeedReader.RefusalCode.unknownHost?, let detail):
            "Nama server feed tidak ditemukan (\(detail)); periksa alamatnya."
        case .rejected(_, FeedReader.RefusalCode.tooManyRedirects?, _):
            "Server feed mengalihkan terlalu banyak kali; periksa alamatnya."
        case .rateLimited: "Server feed meminta jeda (terlalu banyak permintaan); dicoba lagi nanti."
        case .transient(let status, _): status == 0 ? "Server feed tidak bisa dihubungi; dicoba lagi nanti." : "Server feed sedang bermasalah (HTTP \(status)); dicoba lagi nanti."
        case .authInvalid: "Server feed menolak akses (HTTP 401)."
        case .rejected(let status, _, _): "Server feed menolak permintaan (HTTP \(status)). Periksa alamatnya."
        case .invalidResponse(let detail): "Isi feed tidak bisa dibaca sebagai RSS atau Atom: \(detail)"
        }
    }
}
