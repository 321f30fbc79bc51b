import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// The content calendar: planned, scheduled and published items across the units in scope,
/// by month or week, with each account's gap since its last post.
enum CalendarController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.contentCalendar, calendar)
        routes.add(SiteRoute.planContent, plan)
    }

    struct Filter: Content {
        var view: String?
        var date: String?
        var unit: String?
        var pillar: String?
        var platform: String?
        var campaign: String?
        var status: String?
    }

    struct Parsed {
        var grid: CalendarGrid
        var units: Set<UUID>
        var pillarID: UUID?
        var platform: Platform?
        var campaign: String?
        var status: ContentStatus?
    }

    /// Days without a post after which an account is listed as quiet.
    static let quietDays = 7

    static func parse(_ filter: Filter, principal: Principal, now: Date) throws -> Parsed {
        let zone = principal.tenant.zone
        guard let span = CalendarGrid.Span(rawValue: filter.view.nonEmpty ?? "month") else { throw AppError.badRequest("view") }
        let day = filter.date.nonEmpty ?? CalendarGrid.day(of: now, zone: zone)
        guard let grid = CalendarGrid.make(span, around: day, zone: zone) else { throw AppError.badRequest("date") }
        let visible = principal.scope.units(with: .viewContent)
        var parsed = Parsed(grid: grid, units: visible)
        if let unit = filter.unit.nonEmpty {
            guard let id = UUID(uuidString: unit), visible.contains(id) else { throw AppError.badRequest("unit") }
            parsed.units = principal.scope.tree.subtree(of: id).intersection(visible)
        }
        if let pillar = filter.pillar.nonEmpty {
            guard let id = UUID(uuidString: pillar) else { throw AppError.badRequest("pillar") }
            parsed.pillarID = id
        }
        if let platform = filter.platform.nonEmpty {
            guard let value = Platform(rawValue: platform) else { throw AppError.badRequest("platform") }
            parsed.platform = value
        }
        parsed.campaign = filter.campaign.nonEmpty
        if let status = filter.status.nonEmpty {
            guard let value = ContentStatus(rawValue: status) else { throw AppError.badRequest("status") }
            parsed.status = value
        }
        return parsed
    }

    struct Entry {
        let item: ContentItemModel
        let day: String
        /// nil for an item only planned for a day.
        let time: Date?
        let platforms: [Platform]
        let canMove: Bool
    }

    struct Quiet {
        let account: AccountModel
        let days: Int?
    }

    static func calendar(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let filter = try req.query.decode(Filter.self)
        let parsed = try parse(filter, principal: principal, now: req.now)
        let db = req.db
        let zone = principal.tenant.zone
        var query = ContentItemModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$unitID ~~ Array(parsed.units))
            .group(.or) { either in
                either.group(.and) { $0.filter(\.$scheduledAt >= parsed.grid.start).filter(\.$scheduledAt < parsed.grid.end) }
                either.group(.and) { $0.filter(\.$scheduledAt == nil).filter(\.$plannedAt >= parsed.grid.start).filter(\.$plannedAt < parsed.grid.end) }
            }
        if let pillar = parsed.pillarID { query = query.filter(\.$pillarID == pillar) }
        if let campaign = parsed.campaign { query = query.filter(\.$campaign == campaign) }
        if let status = parsed.status { query = query.filter(\.$status == status) }
        let items = try await query.limit(2_000).all()
        let variants = items.isEmpty ? [] : try await ContentVariantModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$itemID ~~ items.map { $0.id! }).all()
        let accounts = try await VariantQueries.accounts(of: variants, tenantID: principal.tenantID, on: db)
        let platformsByItem = Dictionary(grouping: variants, by: \.itemID).mapValues { rows in
            Array(Set(rows.compactMap { accounts[$0.accountID]?.platform })).sorted { $0.rawValue < $1.rawValue }
        }
        let entries: [Entry] = items.compactMap { item in
            guard let when = item.scheduledAt ?? item.plannedAt else { return nil }
            let platforms = platformsByItem[item.id!] ?? []
            if let platform = parsed.platform, !platforms.contains(platform) { return nil }
            let movable: Set<ContentStatus> = [.draft, .inReview, .rejected, .approved, .scheduled]
            return Entry(item: item, day: CalendarGrid.day(of: when, zone: zone), time: item.scheduledAt, platforms: platforms,
                         canMove: movable.contains(item.status) && principal.scope.allows(.manageContent, on: item.unitID))
        }.sorted { ($0.time ?? .distantPast, $0.item.title) < ($1.time ?? .distantPast, $1.item.title) }
        let options = try await ContentController.options(principal, on: db)
        let quiet = try await quietAccounts(principal, parsed: parsed, now: req.now, on: db)
        return CalendarPages.page(PageContext(req), .init(filter: filter, grid: parsed.grid, entries: entries, pillars: options.pillars,
                                                          campaigns: options.campaigns, quiet: quiet, tree: principal.scope.tree, zone: zone))
    }

    /// Official accounts in the filtered units with no post published through Simpul for
    /// `quietDays` days or more (or never), longest gap first.
    static func quietAccounts(_ principal: Principal, parsed: Parsed, now: Date, on db: Database) async throws -> [Quiet] {
        var query = AccountModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$active == true)
            .filter(\.$kind == .official).filter(\.$unitID ~~ Array(parsed.units))
        if let platform = parsed.platform { query = query.filter(\.$platform == platform) }
        let accounts = try await query.all()
        guard !accounts.isEmpty else { return [] }
        let published = try await ContentVariantModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$accountID ~~ accounts.map { $0.id! }).filter(\.$status == .published)
            .field(\.$accountID).field(\.$publishedAt).all()
        var latest: [UUID: Date] = [:]
        for row in published {
            guard let at = row.publishedAt else { continue }
            latest[row.accountID] = max(latest[row.accountID] ?? at, at)
        }
        return accounts.compactMap { account -> Quiet? in
            guard let last = latest[account.id!] else { return Quiet(account: account, days: nil) }
            let days = Int(now.timeIntervalSince(last) / 86_400)
            return days >= quietDays ? Quiet(account: account, days: days) : nil
        }.sorted { ($0.days ?? .max, $0.account.handle) > ($1.days ?? .max, $1.account.handle) }
    }

    struct PlanInput: Content {
        var date: String?
        var time: String?
        var back: String?
    }

    /// Moves an item on the calendar: a scheduled or approved item gets a new publishing time
    /// (through the state machine, as the item page does); an item still being written or
    /// reviewed gets a new planned day.
    static func plan(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let item = try await ContentController.load(req, principal, need: .manageContent)
        let input = try req.content.decode(PlanInput.self)
        let l = req.l10n
        let back = (input.back.nonEmpty).flatMap { $0.hasPrefix(SiteRoute.contentCalendar.path) ? $0 : nil } ?? SiteRoute.contentCalendar.path
        let zone = principal.tenant.zone
        if [.approved, .scheduled].contains(item.status) {
            guard let at = LocalTime.instant(date: input.date ?? "", time: input.time.nonEmpty ?? "09:00", zone: zone) else {
                throw AppError.badRequest(l.t("tanggal atau jam", "date or time"))
            }
            let check = try await ContentTransitions.problems(of: item, at: at, on: req.db)
            guard check.problems.isEmpty, !check.noVariants else {
                return .seeOther(SiteRoute.contentItem(item.id!).path, flash: l.t("Konten ini belum dapat dijadwalkan; lihat catatan pada akun tujuannya.",
                                                                          "This content cannot be scheduled yet; see the notes on its target accounts."))
            }
            switch try await ContentTransitions.apply(.schedule(at: at), to: item, principal: principal, req: req) {
            case .failure(let denial): return .seeOther(back, flash: l.denial(denial))
            case .success: return .seeOther(back, flash: l.t("Jadwal terbit \"\(item.title)\" dipindahkan ke \(l.dateTime(at)).", "\"\(item.title)\" now publishes \(l.dateTime(at))."))
            }
        }
        guard [.draft, .inReview, .rejected].contains(item.status) else {
            return .seeOther(back, flash: l.denial(.notInThisState(item.status)))
        }
        guard let day = LocalTime.instant(date: input.date ?? "", time: "00:00", zone: zone) else {
            throw AppError.badRequest(l.t("tanggal", "date"))
        }
        let before = item.plannedAt.map { LocalTime.fields(of: $0, zone: zone).date } ?? ""
        item.plannedAt = day
        item.updatedAt = req.now
        try await req.db.transaction { db in
            try await item.save(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .contentPlan, targetType: .content, targetID: item.id, label: item.title,
                                     before: ["planned": before], after: ["planned": LocalTime.fields(of: day, zone: zone).date])
        }
        return .seeOther(back, flash: l.t("Rencana \"\(item.title)\" dipindahkan.", "\"\(item.title)\" moved."))
    }
}
