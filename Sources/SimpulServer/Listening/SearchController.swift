import Fluent
import Foundation
import Plot
import SimpulCore
import SimpulPlatforms
import Vapor

/// Pemantauan → Pencarian publik: the tenant's X and YouTube search credentials and budgets
/// (tenant-wide, since one token serves the whole tenant), and each rule's searches.
enum SearchController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.listeningSearch) { req in try await page(req, input: SettingsInput(), problems: [:]) }
        routes.add(.saveSearchSettings, saveSettings)
        routes.add(SiteRoute.saveRuleSearch, saveSearch)
        routes.add(SiteRoute.toggleSearch, toggle)
    }

    struct SettingsInput: Content {
        var x_bearer_token: String?
        var x_monthly_reads: String?
        var youtube_api_key: String?
        var youtube_daily_calls: String?
        var region_code: String?
        var language: String?
    }

    struct SearchInput: Content {
        var source: String?
        var terms: String?
    }

    static let maxMonthlyReads = 10_000_000
    static let maxDailyCalls = 10_000
    static let secretMax = 500

    /// One token and one budget serve the whole tenant: the koordinator's business.
    static func canConfigure(_ principal: Principal) -> Bool {
        !principal.scope.units(with: .manageListeningSettings).isEmpty
    }

    static func page(_ req: Request, input: SettingsInput, problems: [String: String]) async throws -> Response {
        let principal = try req.requirePrincipal()
        let settings = try await ListeningSettingsModel.current(tenantID: principal.tenantID, at: req.now, on: req.db)
        let rules = try await ListeningController.visibleRules(principal, on: req.db)
        let searches = rules.isEmpty ? [] : try await ListeningSearchModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$ruleID ~~ rules.map { $0.id! }).all()
        var found: [UUID: Int] = [:]
        for search in searches {
            found[search.id!] = try await ListenedItemModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$searchID == search.id!).count()
        }
        let zone = principal.tenant.zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let used = try await SearchPoller.spent(.reads, tenantID: principal.tenantID, source: .xSearch,
                                                since: SearchBudget.monthStart(in: zone, now: req.now), on: req.db)
        let calls = try await SearchPoller.spent(.calls, tenantID: principal.tenantID, source: .youtubeSearch, since: calendar.startOfDay(for: req.now), on: req.db)
        let activeX = try await ListeningSearchModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$source == .xSearch)
            .filter(\.$active == true).count()
        let allowance = SearchBudget(monthly: settings.xMonthlyReads, used: used)
            .allowance(runsLeft: SearchBudget.runsLeft(in: zone, now: req.now, interval: SearchPoller.interval(.xSearch)), searches: activeX)
        let byRule = Dictionary(uniqueKeysWithValues: rules.map { ($0.id!, $0) })
        let html = SearchPages.page(PageContext(req), .init(
            settings: settings, xReadsUsed: used, youtubeCallsToday: calls, allowancePerRun: activeX == 0 ? nil : allowance,
            searches: searches.compactMap { search in byRule[search.ruleID].map { SearchPages.Row(search: search, rule: $0, found: found[search.id!] ?? 0) } }
                .sorted { ($0.rule.name, $0.search.source.rawValue) < ($1.rule.name, $1.search.source.rawValue) },
            canConfigure: canConfigure(principal), canManage: { principal.scope.allows(.manageListening, on: $0.unitID) },
            input: input, problems: problems))
        return html.response(problems.isEmpty ? .ok : .unprocessableEntity)
    }

    static func saveSettings(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard canConfigure(principal) else { throw AppError.forbidden }
        let input = try req.content.decode(SettingsInput.self)
        let l = req.l10n
        var problems: [String: String] = [:]
        func number(_ text: String?, field: String, max: Int) -> Int? {
            guard let value = Int((text ?? "").trimmingCharacters(in: .whitespaces)), (0...max).contains(value) else {
                problems[field] = l.t("Isi bilangan bulat 0 sampai \(l.number(max)).", "Enter a whole number from 0 to \(l.number(max)).")
                return nil
            }
            return value
        }
        let reads = number(input.x_monthly_reads, field: "x_monthly_reads", max: maxMonthlyReads)
        let calls = number(input.youtube_daily_calls, field: "youtube_daily_calls", max: maxDailyCalls)
        let region = (input.region_code ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if region.count != 2 || !region.allSatisfy({ $0.isASCII && $0.isLetter }) {
            problems["region_code"] = l.t("Kode negara dua huruf, misalnya ID.", "A two-letter country code, e.g. ID.")
        }
        let language = (input.language ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !(2...3).contains(language.count) || !language.allSatisfy({ $0.isASCII && $0.isLetter }) {
            problems["language"] = l.t("Kode bahasa dua atau tiga huruf, misalnya id.", "A two- or three-letter language code, e.g. id.")
        }
        let token = (input.x_bearer_token ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let key = (input.youtube_api_key ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        for (field, value) in [("x_bearer_token", token), ("youtube_api_key", key)]
            where value.count > secretMax || value.contains(where: { $0.isWhitespace || !$0.isASCII }) {
            problems[field] = l.t("Tempel token persis seperti diberikan platform (tanpa spasi, paling banyak \(secretMax) karakter).",
                                  "Paste the token exactly as the platform gave it (no spaces, at most \(secretMax) characters).")
        }
        guard problems.isEmpty, let reads, let calls else {
            // The secrets are never sent back to the browser, not even the ones just typed.
            var kept = input
            kept.x_bearer_token = nil
            kept.youtube_api_key = nil
            return try await page(req, input: kept, problems: problems)
        }
        let settings = try await ListeningSettingsModel.current(tenantID: principal.tenantID, at: req.now, on: req.db)
        let before = audited(settings)
        if settings.id == nil { settings.id = UUID() }
        settings.xMonthlyReads = reads
        settings.youtubeDailyCalls = calls
        settings.regionCode = region
        settings.language = language
        if !token.isEmpty { settings.xBearerToken = try req.application.secretBox.seal(Data(token.utf8)) }
        if !key.isEmpty { settings.youtubeAPIKey = try req.application.secretBox.seal(Data(key.utf8)) }
        settings.updatedAt = req.now
        var after = audited(settings)
        if !token.isEmpty { after["x_bearer_token"] = "diganti" }
        if !key.isEmpty { after["youtube_api_key"] = "diganti" }
        let actor = req.auditActor(principal), changed = after
        try await req.db.transaction { db in
            try await settings.save(on: db)
            try await Auditor.record(actor, on: db, action: .listeningSearchSettingsUpdate, targetType: .listeningSearch, targetID: settings.id,
                                     label: l.t("Pengaturan pencarian publik", "Public search settings"), before: before, after: changed)
        }
        return .seeOther(SiteRoute.listeningSearch.path, flash: l.t("Pengaturan pencarian publik disimpan.", "Public search settings saved."))
    }

    /// What the audit log keeps: the budgets and region, and whether a credential is set, never the credential.
    static func audited(_ settings: ListeningSettingsModel) -> [String: String] {
        ["x_monthly_reads": String(settings.xMonthlyReads), "youtube_daily_calls": String(settings.youtubeDailyCalls),
         "region_code": settings.regionCode, "language": settings.language,
         "x_bearer_token": settings.xBearerToken == nil ? "kosong" : "tersimpan", "youtube_api_key": settings.youtubeAPIKey == nil ? "kosong" : "tersimpan"]
    }

    /// Adds the rule's search on a source, or changes its terms when it has one.
    static func saveSearch(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let rule = try await ListeningController.load(req, principal)
        guard principal.scope.allows(.manageListening, on: rule.unitID) else { throw AppError.forbidden }
        let input = try req.content.decode(SearchInput.self)
        let l = req.l10n
        let terms = (input.terms ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let source = input.source.flatMap(ListeningSource.init(rawValue:)), source != .news else {
            return try await ListeningController.show(req, searchInput: input, searchError: l.t("Pilih X atau YouTube.", "Choose X or YouTube."))
        }
        let limit = source == .xSearch ? XRecentSearch.maxQueryLength : YouTubeSearch.maxQueryLength
        guard !terms.isEmpty, terms.count <= limit, !terms.contains(where: \.isNewline) else {
            return try await ListeningController.show(req, searchInput: input, searchError: l.t(
                "Kata pencarian diisi satu baris, paling banyak \(limit) karakter.", "Search terms go on one line, at most \(limit) characters."))
        }
        let search = try await ListeningSearchModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID == rule.id!)
            .filter(\.$source == source).first() ?? {
                let search = ListeningSearchModel()
                search.id = UUID()
                search.tenantID = principal.tenantID
                search.ruleID = rule.id!
                search.source = source
                search.createdAt = req.now
                return search
            }()
        let before = search.$terms.value.map { ["terms": $0] }
        search.terms = terms
        search.active = true
        // New terms start afresh: the old cursor belongs to another question.
        if before?["terms"] != terms { search.cursor = nil }
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await search.save(on: db)
            try await Auditor.record(actor, on: db, action: .listeningSearchSave, targetType: .listeningSearch, targetID: search.id,
                                     label: rule.name + " · " + source.label, before: before, after: ["terms": terms, "source": source.rawValue])
        }
        return .seeOther(SiteRoute.listeningRule(rule.id!).path, flash: l.t("Pencarian \(source.label) disimpan; berjalan pada putaran berikutnya.",
                                                                          "\(source.label) search saved; it runs on the next round."))
    }

    static func toggle(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("searchID", as: UUID.self),
              let search = try await ListeningSearchModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              let rule = try await ListeningRuleModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == search.ruleID).first(),
              principal.scope.allows(.viewCases, on: rule.unitID) else { throw AppError.notFound }
        guard principal.scope.allows(.manageListening, on: rule.unitID) else { throw AppError.forbidden }
        search.active.toggle()
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await search.save(on: db)
            try await Auditor.record(actor, on: db, action: search.active ? .listeningSearchActivate : .listeningSearchDeactivate,
                                     targetType: .listeningSearch, targetID: search.id, label: rule.name + " · " + search.source.label)
        }
        return .seeOther(SiteRoute.listeningRule(rule.id!).path)
    }
}

extension ListeningSource {
    /// The platform's name, as the pages say it.
    var label: String {
        switch self {
        case .xSearch: "X"
        case .youtubeSearch: "YouTube"
        case .news: "Berita"
        }
    }
}
