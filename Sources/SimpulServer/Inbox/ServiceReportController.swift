import Fluent
import Foundation
import Plot
import SimpulCore
import SimpulPlatforms
import SQLKit
import Vapor

/// Kinerja layanan: first-response and resolution times, and how much was answered within the
/// SLA, per unit and per priority, for the messages received in a period.
enum ServiceReportController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.serviceReport, show)
    }

    struct Query: Content {
        var from: String?
        var to: String?
    }

    /// Longest period one report reads, so one request cannot scan years of messages.
    static let maxDays = 366

    struct Row {
        let unitID: UUID
        let priority: String?
        let item: ServiceLevelReport.Item
    }

    static func show(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let query = try req.query.decode(Query.self)
        let l = req.l10n
        let zone = principal.tenant.zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let today = calendar.startOfDay(for: req.now)
        var problems: [String] = []
        var from = calendar.date(byAdding: .day, value: -29, to: today)!
        var until = calendar.date(byAdding: .day, value: 1, to: today)!
        if let text = query.from.nonEmpty {
            if let day = InboxFilter.day(text, zone: zone) { from = day } else { problems.append(l.t("Tanggal awal tidak valid.", "The start date is not valid.")) }
        }
        if let text = query.to.nonEmpty {
            if let day = InboxFilter.day(text, zone: zone) { until = day.addingTimeInterval(24 * 3600) } else { problems.append(l.t("Tanggal akhir tidak valid.", "The end date is not valid.")) }
        }
        if until <= from { problems.append(l.t("Tanggal akhir harus sesudah tanggal awal.", "The end date must come after the start date.")) }
        if until.timeIntervalSince(from) > Double(maxDays) * 24 * 3600 {
            problems.append(l.t("Periode paling panjang \(maxDays) hari.", "The period is \(maxDays) days at most."))
        }
        let rows = problems.isEmpty ? try await load(principal, from: from, until: until, on: req.db) : []
        let tree = principal.scope.tree
        let byUnit = Dictionary(grouping: rows, by: \.unitID)
            .map { (name: tree.pathName(of: $0.key), figures: ServiceLevelReport.figures($0.value.map(\.item), now: req.now)) }
            .sorted { $0.name < $1.name }
        let byPriority = MessagePriority.allCases.reversed().map { priority in
            (name: InboxPages.priorityLabel(priority, l),
             figures: ServiceLevelReport.figures(rows.filter { $0.priority == priority.rawValue }.map(\.item), now: req.now))
        }.filter { $0.figures.messages > 0 }
        let total = ServiceLevelReport.figures(rows.map(\.item), now: req.now)
        let day = { (date: Date) -> String in
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }
        return ServiceReportPages.page(PageContext(req), .init(from: query.from.nonEmpty ?? day(from), to: query.to.nonEmpty ?? day(until.addingTimeInterval(-1)),
                                                               problems: problems, total: total, byUnit: byUnit, byPriority: byPriority))
    }

    /// Inbox messages on accounts in scope received in [from, until), with the times the report reads.
    static func load(_ principal: Principal, from: Date, until: Date, on db: Database) async throws -> [Row] {
        let units = principal.scope.units(with: .viewInbox)
        guard !units.isEmpty else { return [] }
        let rows = try await (try db.sql).select()
            .column(SQLColumn("unit_id", table: "accounts"))
            .column(SQLColumn("priority", table: "messages"))
            .column(SQLColumn("received_at", table: "messages"))
            .column(SQLColumn("due_at", table: "messages"))
            .column(SQLColumn("first_response_at", table: "messages"))
            .column(SQLColumn("resolved_at", table: "messages"))
            .from("messages")
            .join("accounts", method: SQLJoinMethod.inner, on: SQLQueryString("accounts.tenant_id = messages.tenant_id AND accounts.id = messages.account_id"))
            .where(SQLColumn("tenant_id", table: "messages"), .equal, SQLBind(principal.tenantID))
            .where(SQLColumn("unit_id", table: "accounts"), .in, SQLBind.group(Array(units)))
            .where(SQLColumn("kind", table: "messages"), .in, SQLBind.group(Inbox.kinds.map(\.rawValue).sorted()))
            .where(SQLColumn("state", table: "messages"), .notEqual, SQLBind("spam"))
            .where(SQLColumn("received_at", table: "messages"), .greaterThanOrEqual, SQLBind(from))
            .where(SQLColumn("received_at", table: "messages"), .lessThan, SQLBind(until))
            .all()
        return try rows.map { row in
            Row(unitID: try row.decode(column: "unit_id", as: UUID.self), priority: try row.decode(column: "priority", as: String?.self),
                item: .init(received: try row.decode(column: "received_at", as: Date.self), due: try row.decode(column: "due_at", as: Date?.self),
                            firstResponse: try row.decode(column: "first_response_at", as: Date?.self),
                            resolved: try row.decode(column: "resolved_at", as: Date?.self)))
        }
    }
}

enum ServiceReportPages {
    struct Model {
        /// The period as typed (yyyy-mm-dd), so that a refused one is shown again.
        var from: String
        var to: String
        var problems: [String]
        var total: ServiceLevelReport.Figures
        var byUnit: [(name: String, figures: ServiceLevelReport.Figures)]
        var byPriority: [(name: String, figures: ServiceLevelReport.Figures)]
    }

    static func page(_ ctx: PageContext, _ model: Model) -> HTML {
        let (from, to, problems, total, byUnit, byPriority) = (model.from, model.to, model.problems, model.total, model.byUnit, model.byPriority)
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Kinerja layanan", "Service performance"),
            .p(.a(.href(SiteRoute.inbox.path), .text(l.t("← Kotak Masuk", "← Inbox")))),
            UI.formErrorSummary(problems, l),
            .form(.method(.get), .action(SiteRoute.serviceReport.path), .class("filters"), .id("report-filters"),
                UI.field(l.t("Dari tanggal", "From"), name: "from", value: from, error: nil, type: .date),
                UI.field(l.t("Sampai tanggal", "To"), name: "to", value: to, error: nil, type: .date),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Tampilkan", "Show"))))),
            .p(.class("hint"), .text(l.t("Waktu respons pertama dan waktu penyelesaian dihitung dari pesan diterima, dalam jam biasa. \"Tepat waktu\" memakai tenggat SLA, yang sudah memperhitungkan jam kerja dan hari libur. Spam tidak dihitung.",
                                         "First-response and resolution times run from receipt, in clock time. \"In time\" uses the SLA due time, which already counts office hours and holidays. Spam is left out."))),
            .h2(.text(l.t("Per unit", "By unit"))),
            table(byUnit + [(name: l.t("Semua unit", "All units"), figures: total)], heading: l.t("Unit", "Unit"), l, id: "report-units"),
            .h2(.text(l.t("Per prioritas", "By priority"))),
            table(byPriority, heading: l.t("Prioritas", "Priority"), l, id: "report-priorities")
        )
    }

    static func table(_ rows: [(name: String, figures: ServiceLevelReport.Figures)], heading: String, _ l: L10n, id: String) -> Node<HTML.BodyContext> {
        let english = l.language == .en
        let time = { (value: TimeInterval?) in value.map { ServiceLevelReport.duration($0, english: english) } ?? "—" }
        guard rows.contains(where: { $0.figures.messages > 0 }) else {
            return UI.empty(l.t("Belum ada pesan pada periode ini.", "No messages in this period."))
        }
        return .table(.class("list"), .id(id),
            .thead(.tr(.th(.text(heading)), .th(.text(l.t("Pesan", "Messages"))), .th(.text(l.t("Dibalas", "Answered"))),
                       .th(.text(l.t("Median respons pertama", "Median first response"))), .th(.text(l.t("Tepat waktu", "In time"))),
                       .th(.text(l.t("Terlambat, belum dibalas", "Overdue, unanswered"))), .th(.text(l.t("Selesai", "Resolved"))),
                       .th(.text(l.t("Median penyelesaian", "Median resolution"))))),
            .tbody(.forEach(rows) { row in
                let f = row.figures
                return .tr(.td(.text(row.name)), .td(.text(l.number(f.messages))), .td(.text(l.number(f.answered))),
                           .td(.text(time(f.medianFirstResponse))),
                           .td(.text(f.inTimeShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "—")),
                           .td(f.overdue > 0 ? UI.badge(l.number(f.overdue), tone: .danger) : .text("0")),
                           .td(.text(l.number(f.resolved))), .td(.text(time(f.medianResolution))))
            }))
    }
}
