import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Runs the rules' public searches: X recent search every 15 minutes within the tenant's monthly
/// read budget, YouTube search every hour within its daily call budget, each from its cursor.
/// What a run finds is kept once and matched like news; every run is logged with what it cost,
/// so the budget used is a sum over the log, not a counter that could drift.
enum SearchPoller {
    static func interval(_ source: ListeningSource) -> TimeInterval {
        source == .youtubeSearch ? 3_600 : 15 * 60
    }

    static func start(app: Application, every pause: Duration = .seconds(60)) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do { try await pollDue(app: app) } catch {
                    app.logger.warning("search pass failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: pause)
            }
        }
    }

    /// Every active search of an active rule whose interval has passed (or every one of a
    /// tenant, when forced). Returns how many ran.
    @discardableResult
    static func pollDue(app: Application, tenantID: UUID? = nil, force: Bool = false) async throws -> Int {
        let now = app.clock.now()
        var query = ListeningSearchModel.query(on: app.db).filter(\.$active == true)
        if let tenantID { query = query.filter(\.$tenantID == tenantID) }
        let due = try await query.all().filter { search in
            force || (search.lastRunAt.map { now.timeIntervalSince($0) >= interval(search.source) } ?? true)
        }
        var ran = 0
        for (tenantID, searches) in Dictionary(grouping: due, by: \.tenantID) {
            guard let tenant = try await Tenant.find(tenantID, on: app.db) else { continue }
            let settings = try await ListeningSettingsModel.current(tenantID: tenantID, at: now, on: app.db)
            let rules = Dictionary(uniqueKeysWithValues: try await ListeningRuleModel.query(on: app.db).filter(\.$tenantID == tenantID)
                .filter(\.$id ~~ searches.map(\.ruleID)).all().map { ($0.id!, $0) })
            for search in searches {
                guard let rule = rules[search.ruleID], rule.active else { continue }
                try await run(search, rule: rule, settings: settings, zone: tenant.zone, app: app)
                ran += 1
            }
        }
        return ran
    }

    /// Why a search did not run, or what it cost and found.
    enum Outcome: Equatable {
        case ran(SearchPage)
        case skipped(String)
        case failed(String)
    }

    static func run(_ search: ListeningSearchModel, rule: ListeningRuleModel, settings: ListeningSettingsModel, zone: TimeZone,
                    app: Application) async throws {
        let db = app.db
        let now = app.clock.now()
        let outcome = try await fetch(search, settings: settings, zone: zone, app: app)
        search.lastRunAt = now
        switch outcome {
        case .ran(let page):
            let found = try await ListenedItemStore.store(page.items, tenantID: search.tenantID, unitID: rule.unitID,
                                                          origin: .search(search.id!, platform: search.source == .xSearch ? .x : .youtube), at: now, on: db)
            search.cursor = page.cursor
            search.lastError = nil
            try await log(search, page: page, found: found, error: nil, at: now, on: db)
        case .skipped(let reason):
            search.lastError = reason
        case .failed(let reason):
            search.lastError = reason
            try await log(search, page: SearchPage(items: [], cursor: search.cursor, reads: 0, calls: 1), found: 0, error: reason, at: now, on: db)
        }
        try await search.save(on: db)
    }

    static func fetch(_ search: ListeningSearchModel, settings: ListeningSettingsModel, zone: TimeZone, app: Application) async throws -> Outcome {
        let db = app.db
        let now = app.clock.now()
        switch search.source {
        case .xSearch:
            let used = try await spent(.reads, tenantID: search.tenantID, source: .xSearch, since: SearchBudget.monthStart(in: zone, now: now), on: db)
            let sharing = try await ListeningSearchModel.query(on: db).filter(\.$tenantID == search.tenantID).filter(\.$source == .xSearch)
                .filter(\.$active == true).count()
            let allowance = SearchBudget(monthly: settings.xMonthlyReads, used: used)
                .allowance(runsLeft: SearchBudget.runsLeft(in: zone, now: now, interval: interval(.xSearch)), searches: sharing)
            guard allowance > 0 else { return .skipped("Anggaran bacaan X bulan ini sudah habis (\(used) dari \(settings.xMonthlyReads)); pencarian berlanjut bulan depan.") }
            if settings.sandbox { return .ran(SandboxSearch().search(.xSearch, terms: search.terms, cursor: search.cursor, now: now, readBudget: allowance)) }
            guard let token = reveal(settings.xBearerToken, app: app) else { return .skipped("Token X belum diisi di pengaturan pencarian publik.") }
            let client = XRecentSearch(transport: app.platformTransport, endpoints: app.platformEndpoints, bearerToken: token, now: { now })
            do {
                return .ran(try await client.search(query: search.terms, cursor: search.cursor, readBudget: allowance))
            } catch {
                return .failed(describe(error, platform: "X"))
            }
        case .youtubeSearch:
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let calls = try await spent(.calls, tenantID: search.tenantID, source: .youtubeSearch, since: calendar.startOfDay(for: now), on: db)
            guard calls < settings.youtubeDailyCalls else { return .skipped("Kuota pencarian YouTube hari ini sudah terpakai (\(calls) dari \(settings.youtubeDailyCalls) panggilan).") }
            if settings.sandbox { return .ran(SandboxSearch().search(.youtubeSearch, terms: search.terms, cursor: search.cursor, now: now, readBudget: 50)) }
            guard let key = reveal(settings.youtubeAPIKey, app: app) else { return .skipped("Kunci API YouTube belum diisi di pengaturan pencarian publik.") }
            let client = YouTubeSearch(transport: app.platformTransport, endpoints: app.platformEndpoints, apiKey: key, maxPages: 1, now: { now })
            do {
                return .ran(try await client.search(query: search.terms, cursor: search.cursor, regionCode: settings.regionCode, language: settings.language))
            } catch {
                return .failed(describe(error, platform: "YouTube"))
            }
        case .news:
            return .skipped("Berita dibaca lewat feed, bukan pencarian.")
        }
    }

    static func describe(_ error: PlatformError, platform: String) -> String {
        switch error {
        case .rateLimited: "\(platform) meminta jeda (batas permintaan tercapai); dicoba lagi nanti."
        case .transient(let status, _): status == 0 ? "\(platform) tidak bisa dihubungi; dicoba lagi nanti." : "\(platform) sedang bermasalah (HTTP \(status)); dicoba lagi nanti."
        case .authInvalid: "\(platform) menolak kredensial; periksa token atau kunci API di pengaturan pencarian publik."
        case .rejected(let status, _, let detail): "\(platform) menolak pencarian" + (status > 0 ? " (HTTP \(status))" : "") + (detail.isEmpty ? "." : ": \(detail)")
        case .invalidResponse(let detail): "Jawaban \(platform) tidak bisa dibaca: \(detail)"
        }
    }

    /// What a search run is billed in: X counts posts read, YouTube counts calls.
    enum Cost {
        case reads, calls
    }

    static func spent(_ cost: Cost, tenantID: UUID, source: ListeningSource, since: Date, on db: Database) async throws -> Int {
        let runs = ListeningSearchRunModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$source == source).filter(\.$ranAt >= since)
        // Added up here rather than with SUM: PostgreSQL sums a bigint column as NUMERIC, which
        // does not decode as an Int; a month holds a few thousand runs at most.
        switch cost {
        case .reads: return try await runs.all(\.$reads).reduce(0, +)
        case .calls: return try await runs.all(\.$calls).reduce(0, +)
        }
    }

    static func reveal(_ sealed: Data?, app: Application) -> String? {
        guard let sealed, let plain = try? app.secretBox.open(sealed), let text = String(data: plain, encoding: .utf8), !text.isEmpty else { return nil }
        return text
    }

    static func log(_ search: ListeningSearchModel, page: SearchPage, found: Int, error: String?, at now: Date, on db: Database) async throws {
        let run = ListeningSearchRunModel()
        run.id = UUID()
        run.tenantID = search.tenantID
        run.searchID = search.id!
        run.source = search.source
        run.ranAt = now
        run.reads = page.reads
        run.calls = page.calls
        run.found = found
        run.error = error
        try await run.create(on: db)
    }
}
