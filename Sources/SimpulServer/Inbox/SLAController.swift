import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// The tenant's SLA policy and working calendar: what the triage pass and the inbox count with.
enum SLAService {
    struct Settings {
        var policy: SLAPolicy
        var calendar: WorkingCalendar
        var holidayNames: [String: String]
    }

    static func load(tenant: Tenant, on db: Database) async throws -> Settings {
        let tenantID = try tenant.requireID()
        let row = try await SLASettingsModel.query(on: db).filter(\.$tenantID == tenantID).first()
        let holidays = try await HolidayModel.query(on: db).filter(\.$tenantID == tenantID).sort(\.$day).all()
        let standard = WorkingCalendar.governmentOffice(timeZone: tenant.zone)
        let policy = row?.policy.value ?? .standard
        let hours = row?.hours.value ?? standard.hours
        return Settings(policy: policy, calendar: WorkingCalendar(timeZone: tenant.zone, hours: hours, holidays: Set(holidays.map(\.day))),
                        holidayNames: Dictionary(holidays.map { ($0.day, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }
}

/// Pengaturan → SLA & hari libur.
enum SLAController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.slaSettings) { req in
            let principal = try req.requirePrincipal()
            let settings = try await SLAService.load(tenant: principal.tenant, on: req.db)
            return SLAPages.form(PageContext(req), input: Input(settings), problems: []).response(.ok)
        }
        routes.add(.updateSLA, update)
    }

    static let weekdays: [(Int, String)] = [(2, "Senin"), (3, "Selasa"), (4, "Rabu"), (5, "Kamis"), (6, "Jumat"), (7, "Sabtu"), (1, "Minggu")]

    /// Targets as "<number> <jam|jam-kerja|hari-kerja>"; hours as "07.30-16.00" or empty for closed;
    /// holidays one per line "2026-12-25 Hari Raya Natal".
    struct Input: Content {
        var urgent: String?
        var high: String?
        var normal: String?
        var low: String?
        var hours: [String: String]?
        var holidays: String?

        init() {}

        init(_ settings: SLAService.Settings) {
            func text(_ target: SLAPolicy.Target?) -> String {
                switch target {
                case .clockHours(let hours): "\(format(hours)) jam"
                case .workingHours(let hours): "\(format(hours)) jam-kerja"
                case .workingDays(let days): "\(days) hari-kerja"
                case nil: ""
                }
            }
            urgent = text(settings.policy.targets[.urgent])
            high = text(settings.policy.targets[.high])
            normal = text(settings.policy.targets[.normal])
            low = text(settings.policy.targets[.low])
            var hours: [String: String] = [:]
            for (weekday, _) in SLAController.weekdays {
                hours[String(weekday)] = settings.calendar.hours[weekday].map { clock($0.start) + "-" + clock($0.end) } ?? ""
            }
            self.hours = hours
            holidays = settings.holidayNames.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n")
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }

    static func clock(_ minutes: Int) -> String { String(format: "%02d.%02d", minutes / 60, minutes % 60) }

    static func target(_ text: String?, label: String, problems: inout [String]) -> SLAPolicy.Target? {
        let parts = (text ?? "").trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
        guard parts.count == 2, let value = Double(parts[0].replacingOccurrences(of: ",", with: ".")), value > 0, value <= 1000 else {
            problems.append("Target \(label) belum benar: tulis angka dan satuan, mis. “4 jam-kerja”.")
            return nil
        }
        switch parts[1] {
        case "jam": return .clockHours(value)
        case "jam-kerja": return .workingHours(value)
        case "hari-kerja":
            guard value == value.rounded() else { problems.append("Target \(label): hari kerja harus bilangan bulat."); return nil }
            return .workingDays(Int(value))
        default:
            problems.append("Target \(label): satuan harus jam, jam-kerja atau hari-kerja.")
            return nil
        }
    }

    /// "07.30-16.00" → office hours; "" → closed.
    static func hours(_ text: String, day: String, problems: inout [String]) -> WorkingCalendar.Hours? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let times = trimmed.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ":", with: ".") }
        func minutes(_ part: String) -> Int? {
            let pieces = part.split(separator: ".").compactMap { Int($0) }
            guard pieces.count == 2, (0...24).contains(pieces[0]), (0...59).contains(pieces[1]) else { return nil }
            let total = pieces[0] * 60 + pieces[1]
            return total <= 24 * 60 ? total : nil
        }
        guard times.count == 2, let start = minutes(times[0]), let end = minutes(times[1]), start < end else {
            problems.append("Jam kerja \(day) belum benar: tulis seperti 07.30-16.00, atau kosongkan bila libur.")
            return nil
        }
        return WorkingCalendar.Hours(start: start, end: end)
    }

    static func update(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(Input.self)
        var problems: [String] = []
        var targets: [MessagePriority: SLAPolicy.Target] = [:]
        for (priority, text, label) in [(MessagePriority.urgent, input.urgent, "darurat"), (.high, input.high, "tinggi"),
                                        (.normal, input.normal, "biasa"), (.low, input.low, "rendah")] {
            if let target = target(text, label: label, problems: &problems) { targets[priority] = target }
        }
        var officeHours: [Int: WorkingCalendar.Hours] = [:]
        for (weekday, name) in weekdays {
            if let value = hours(input.hours?[String(weekday)] ?? "", day: name, problems: &problems) { officeHours[weekday] = value }
        }
        if officeHours.isEmpty, problems.isEmpty { problems.append("Isi jam kerja minimal untuk satu hari.") }
        var holidays: [(String, String)] = []
        let lines = (input.holidays ?? "").split(whereSeparator: \.isNewline)
        if lines.count > 400 { problems.append("Paling banyak 400 hari libur.") }
        for (index, line) in lines.prefix(400).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let day = String(trimmed.prefix(10))
            let name = trimmed.dropFirst(10).trimmingCharacters(in: .whitespaces)
            guard CalendarDay.isValid(day), !name.isEmpty, name.count <= 120 else {
                problems.append("Hari libur baris \(index + 1): tulis tanggal TTTT-BB-HH lalu namanya, mis. 2026-12-25 Hari Raya Natal.")
                continue
            }
            if holidays.contains(where: { $0.0 == day }) { problems.append("Hari libur baris \(index + 1): tanggal \(day) tertulis dua kali."); continue }
            holidays.append((day, name))
        }
        guard problems.isEmpty else { return SLAPages.form(PageContext(req), input: input, problems: problems).response(.unprocessableEntity) }
        let tenantID = principal.tenantID
        let policy = SLAPolicy(targets: targets)
        let entries = holidays
        let office = officeHours
        try await req.db.transaction { db in
            let row = try await SLASettingsModel.query(on: db).filter(\.$tenantID == tenantID).first() ?? {
                let row = SLASettingsModel()
                row.id = UUID()
                row.tenantID = tenantID
                return row
            }()
            row.policy = JSONText(policy)
            row.hours = JSONText(office)
            row.updatedAt = req.now
            try await row.save(on: db)
            try await HolidayModel.query(on: db).filter(\.$tenantID == tenantID).delete()
            for (day, name) in entries {
                let holiday = HolidayModel()
                holiday.id = UUID()
                holiday.tenantID = tenantID
                holiday.day = day
                holiday.name = name
                try await holiday.create(on: db)
            }
            try await Auditor.record(req.auditActor(principal), on: db, action: .slaUpdate, targetType: .tenant, targetID: tenantID,
                                     label: principal.tenant.name, after: ["holidays": String(entries.count)])
        }
        return .seeOther(SiteRoute.slaSettings.path, flash: req.l10n.t("SLA dan hari libur disimpan; berlaku untuk pesan yang masuk sesudah ini.",
                                                              "SLA and holidays saved; they apply to messages arriving from now on."))
    }
}

enum SLAPages {
    static func form(_ ctx: PageContext, input: SLAController.Input, problems: [String]) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("SLA & hari libur", "SLA & holidays"),
            Layout.settingsTabs(ctx),
            UI.formErrorSummary(problems, l),
            .p(.class("hint"), .text(l.t("Tenggat pesan dihitung dari target ini. Satuan: jam (jam jam, siang malam), jam-kerja (hanya jam kerja), hari-kerja (hari kerja berikutnya pada jam yang sama).",
                                         "Due times follow these targets. Units: jam (clock hours), jam-kerja (office hours), hari-kerja (working days)."))),
            .form(.method(.post), .action(SiteRoute.updateSLA.path), .class("stack"), .id("sla-form"),
                UI.csrf(ctx.csrf),
                UI.field(l.t("Darurat", "Urgent"), name: "urgent", value: input.urgent, error: nil, required: true),
                UI.field(l.t("Tinggi", "High"), name: "high", value: input.high, error: nil, required: true),
                UI.field(l.t("Biasa", "Normal"), name: "normal", value: input.normal, error: nil, required: true),
                UI.field(l.t("Rendah", "Low"), name: "low", value: input.low, error: nil, required: true),
                .h2(.text(l.t("Jam kerja", "Office hours"))),
                .forEach(SLAController.weekdays) { weekday, name in
                    UI.field(name, name: "hours[\(weekday)]", value: input.hours?[String(weekday)], error: nil,
                             placeholder: l.t("kosong = libur", "empty = closed"))
                },
                .div(.class("field"),
                     .label(.for("holidays"), .text(l.t("Hari libur (satu per baris)", "Holidays (one per line)"))),
                     .textarea(.id("holidays"), .name("holidays"), .attribute(named: "rows", value: "8"), .text(input.holidays ?? "")),
                     .p(.class("hint"), .text(l.t("Mis. 2026-12-25 Hari Raya Natal. Termasuk cuti bersama dan libur daerah.", "E.g. 2026-12-25 Christmas.")))),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan", "Save"))))
            )
        )
    }
}
