import Foundation
import Plot
import SimpulCore

enum CalendarPages {
    /// What the calendar page shows: the span in view, the items in it, the filter's choices and
    /// the quiet accounts.
    struct Model {
        var filter: CalendarController.Filter
        var grid: CalendarGrid
        var entries: [CalendarController.Entry]
        var pillars: [ContentPillarModel]
        var campaigns: [String]
        var quiet: [CalendarController.Quiet]
        var tree: UnitTree
        var zone: TimeZone
    }

    static func page(_ ctx: PageContext, _ model: Model) -> HTML {
        let l = ctx.l
        let (filter, grid, entries, quiet, tree) = (model.filter, model.grid, model.entries, model.quiet, model.tree)
        let byDay = Dictionary(grouping: entries, by: \.day)
        let focusDay = grid.days.first(where: \.inFocus)?.date ?? ""
        func link(view: CalendarGrid.Span? = nil, date: String? = nil) -> String {
            var query: [(String, String?)] = [("view", (view ?? grid.span).rawValue), ("date", date ?? filter.date), ("unit", filter.unit),
                                              ("pillar", filter.pillar), ("platform", filter.platform), ("campaign", filter.campaign), ("status", filter.status)]
            query = query.filter { ($0.1 ?? "").isEmpty == false }
            return SiteRoute.contentCalendar.path + "?" + query.map { "\($0.0)=\($0.1!.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
        let heading = grid.span == .month ? monthName(focusDay, l) : l.t("Pekan ", "Week of ") + dayLabel(focusDay, l)
        let canCreate = ctx.principal?.scope.allowsSomewhere(.manageContent) ?? false
        return Layout.page(ctx, title: l.t("Kalender Konten", "Content calendar"),
            ContentPages.tabs(ctx),
            .div(.class("toolbar"),
                 .a(.class("button secondary"), .href(link(date: grid.previous)), .attribute(named: "rel", value: "prev"), .text("← " + l.t("Sebelumnya", "Previous"))),
                 .h2(.class("calendar-title"), .text(heading)),
                 .a(.class("button secondary"), .href(link(date: grid.next)), .attribute(named: "rel", value: "next"), .text(l.t("Berikutnya", "Next") + " →")),
                 .a(.href(link(view: .month, date: focusDay)), .if(grid.span == .month, .attribute(named: "aria-current", value: "page")), .text(l.t("Bulan", "Month"))),
                 .a(.href(link(view: .week, date: focusDay)), .if(grid.span == .week, .attribute(named: "aria-current", value: "page")), .text(l.t("Pekan", "Week"))),
                 .if(canCreate, .a(.class("button"), .href(SiteRoute.newContent.path), .text(l.t("Tulis konten", "New content"))))),
            filters(ctx, filter: filter, pillars: model.pillars, campaigns: model.campaigns, tree: tree),
            .p(.class("count"), .id("calendar-count"), .text(l.t("\(l.number(entries.count)) konten dalam rentang ini", "\(l.number(entries.count)) items in this range"))),
            grid.span == .month ? month(ctx, grid: grid, byDay: byDay, link: link) : week(ctx, grid: grid, byDay: byDay, back: link(), zone: model.zone),
            .h2(.text(l.t("Akun tanpa unggahan", "Quiet accounts"))),
            quiet.isEmpty
                ? .p(.text(l.t("Semua akun resmi dalam cakupan ini menerbitkan dalam \(CalendarController.quietDays) hari terakhir.",
                               "Every official account in this scope posted within the last \(CalendarController.quietDays) days.")))
                : .details(.class("quiet"), .id("quiet-accounts"),
                    .summary(.text(l.t("\(l.number(quiet.count)) akun resmi tanpa unggahan \(CalendarController.quietDays) hari atau lebih",
                                       "\(l.number(quiet.count)) official accounts without a post for \(CalendarController.quietDays) days or more"))),
                    .table(.class("list compact"),
                        .thead(.tr(.th(.text(l.t("Akun", "Account"))), .th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Jeda", "Gap"))))),
                        .tbody(.forEach(quiet) { row in
                            .tr(.td(.text(row.account.platform.displayName + " · @" + row.account.handle)),
                                .td(.text(tree.units[row.account.unitID]?.name ?? "")),
                                .td(.text(row.days.map { l.t("tidak ada unggahan selama \(l.number($0)) hari", "no post for \(l.number($0)) days") }
                                          ?? l.t("belum pernah menerbitkan lewat Simpul", "never published through Simpul"))))
                        }))),
            .p(.class("hint"), .text(l.t("Dihitung dari unggahan yang diterbitkan lewat Simpul.", "Counted from posts published through Simpul.")))
        )
    }

    static let weekdays = [("Sen", "Mon"), ("Sel", "Tue"), ("Rab", "Wed"), ("Kam", "Thu"), ("Jum", "Fri"), ("Sab", "Sat"), ("Min", "Sun")]
    static let months = [("Januari", "January"), ("Februari", "February"), ("Maret", "March"), ("April", "April"), ("Mei", "May"), ("Juni", "June"),
                         ("Juli", "July"), ("Agustus", "August"), ("September", "September"), ("Oktober", "October"), ("November", "November"), ("Desember", "December")]

    static func monthName(_ day: String, _ l: L10n) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month) else { return day }
        return l.t(months[month - 1].0, months[month - 1].1) + " " + parts[0]
    }

    static func dayLabel(_ day: String, _ l: L10n) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let date = Int(parts[2]), (1...12).contains(month) else { return day }
        return "\(date) " + String(l.t(months[month - 1].0, months[month - 1].1).prefix(3)) + " " + parts[0]
    }

    static func entry(_ ctx: PageContext, _ entry: CalendarController.Entry) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let time = entry.time.map { LocalTime.fields(of: $0, zone: ctx.l.zone).time.replacingOccurrences(of: ":", with: ".") }
        return .div(.class("calendar-entry status-\(entry.item.status)"),
            .a(.href(SiteRoute.contentItem(entry.item.id!).path), .unwrap(time) { .strong(.text($0 + " ")) }, .text(entry.item.title)),
            .text(" "), ContentBadges.status(entry.item.status, l),
            .if(!entry.platforms.isEmpty, .span(.class("hint"), .text(" " + entry.platforms.map(\.displayName).joined(separator: ", ")))))
    }

    static func month(_ ctx: PageContext, grid: CalendarGrid, byDay: [String: [CalendarController.Entry]], link: (CalendarGrid.Span?, String?) -> String) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let weeks = stride(from: 0, to: grid.days.count, by: 7).map { Array(grid.days[$0..<min($0 + 7, grid.days.count)]) }
        return .table(.class("calendar"),
            .thead(.tr(.forEach(weekdays) { .th(.attribute(named: "scope", value: "col"), .text(l.t($0.0, $0.1))) })),
            .tbody(.forEach(weeks) { week in
                .tr(.forEach(week) { day in
                    let entries = byDay[day.date] ?? []
                    return .td(.class(day.inFocus ? "day" : "day outside"), .attribute(named: "data-date", value: day.date),
                        .a(.class("day-number"), .href(link(.week, day.date)), .text(String(Int(day.date.suffix(2)) ?? 0))),
                        .forEach(entries.prefix(4)) { entry(ctx, $0) },
                        .if(entries.count > 4, .a(.class("hint"), .href(link(.week, day.date)), .text(l.t("+\(entries.count - 4) lainnya", "+\(entries.count - 4) more")))))
                })
            }))
    }

    static func week(_ ctx: PageContext, grid: CalendarGrid, byDay: [String: [CalendarController.Entry]], back: String, zone: TimeZone) -> Node<HTML.BodyContext> {
        let l = ctx.l
        return .div(.class("calendar-week"),
            .forEach(Array(grid.days.enumerated())) { index, day in
                let entries = byDay[day.date] ?? []
                return .section(.class("week-day"), .attribute(named: "data-date", value: day.date),
                    .h3(.text(l.t(weekdays[index].0, weekdays[index].1) + ", " + dayLabel(day.date, l))),
                    entries.isEmpty ? .p(.class("hint"), .text(l.t("Tidak ada konten.", "Nothing planned."))) : .group(),
                    .forEach(entries) { item in
                        .div(.class("week-entry"),
                            entry(ctx, item),
                            .if(item.canMove, .details(.summary(.text(l.t("Pindahkan", "Move"))),
                                .form(.method(.post), .action(SiteRoute.planContent(item.item.id!).path), .class("inline-form"),
                                    UI.csrf(ctx.csrf),
                                    .input(.type(.hidden), .name("back"), .value(back)),
                                    .label(.text(l.t("Tanggal", "Date")), .input(.type(.date), .name("date"), .value(day.date), .required(true))),
                                    .if(item.time != nil || [.approved].contains(item.item.status),
                                        .label(.text(l.t("Jam", "Time")), .input(.type(.time), .name("time"),
                                                                                .value(item.time.map { LocalTime.fields(of: $0, zone: zone).time } ?? "09:00")))),
                                    .button(.type(.submit), .class("button secondary"), .text(l.t("Pindahkan", "Move")))))))
                    })
            })
    }

    static func filters(_ ctx: PageContext, filter: CalendarController.Filter, pillars: [ContentPillarModel], campaigns: [String], tree: UnitTree) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let visible = ctx.principal?.scope.units(with: .viewContent) ?? []
        let units = tree.flattened().filter { visible.contains($0.unit.id) }
        return .form(.method(.get), .action(SiteRoute.contentCalendar.path), .class("filters"),
            .input(.type(.hidden), .name("view"), .value(filter.view ?? "month")),
            .input(.type(.hidden), .name("date"), .value(filter.date ?? "")),
            UI.select(l.t("Unit", "Unit"), name: "unit", options: units.map { UI.Option(value: $0.unit.id.uuidString, label: String(repeating: "  ", count: $0.depth) + $0.unit.name) },
                      selected: filter.unit, error: nil, includeBlank: l.t("Semua unit", "All units")),
            UI.select(l.t("Pilar", "Pillar"), name: "pillar", options: pillars.map { UI.Option(value: $0.id!.uuidString, label: $0.name) },
                      selected: filter.pillar, error: nil, includeBlank: l.t("Semua pilar", "All pillars")),
            UI.select(l.t("Platform", "Platform"), name: "platform", options: Platform.allCases.map { UI.Option(value: $0.rawValue, label: $0.displayName) },
                      selected: filter.platform, error: nil, includeBlank: l.t("Semua platform", "All platforms")),
            UI.select(l.t("Kampanye", "Campaign"), name: "campaign", options: campaigns.map { UI.Option(value: $0, label: $0) },
                      selected: filter.campaign, error: nil, includeBlank: l.t("Semua kampanye", "All campaigns")),
            UI.select(l.t("Status", "Status"), name: "status", options: ContentStatus.allCases.map { UI.Option(value: $0.rawValue, label: l.contentStatus($0)) },
                      selected: filter.status, error: nil, includeBlank: l.t("Semua status", "All statuses")),
            .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Terapkan", "Apply"))))
        )
    }
}
