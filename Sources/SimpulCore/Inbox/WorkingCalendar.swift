import Foundation

/// A tenant's office hours, weekdays and holidays in its own time zone (WIB, WITA or WIT), for
/// counting SLA time the way the public service counts it: "2×24 jam" means two working days,
/// and a complaint sent on Saturday night starts counting on Monday morning.
public struct WorkingCalendar: Sendable, Equatable {
    /// Office hours of one weekday, in minutes after midnight local time.
    public struct Hours: Sendable, Equatable, Codable {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
        public static func at(_ startHour: Int, _ startMinute: Int, to endHour: Int, _ endMinute: Int) -> Hours {
            Hours(start: startHour * 60 + startMinute, end: endHour * 60 + endMinute)
        }
        var minutes: Int { max(0, end - start) }
    }

    public var timeZone: TimeZone
    /// Office hours by weekday (1 = Sunday … 7 = Saturday, as `Calendar` counts); days without
    /// an entry are closed.
    public var hours: [Int: Hours]
    /// Days off ("2026-12-25"), the tenant's national and regional holidays and cuti bersama.
    public var holidays: Set<String>

    public init(timeZone: TimeZone, hours: [Int: Hours], holidays: Set<String> = []) {
        self.timeZone = timeZone
        self.hours = hours
        self.holidays = holidays
    }

    /// Monday to Thursday 07.30–16.00 and Friday 07.30–16.30, the usual hours of a pemda office.
    public static func governmentOffice(timeZone: TimeZone, holidays: Set<String> = []) -> WorkingCalendar {
        let day = Hours.at(7, 30, to: 16, 0)
        return WorkingCalendar(timeZone: timeZone, hours: [2: day, 3: day, 4: day, 5: day, 6: .at(7, 30, to: 16, 30)], holidays: holidays)
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// "yyyy-MM-dd" of the day `date` falls on, in the calendar's zone.
    public func day(of date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The office hours of the day that starts at `midnight`, as absolute times; nil when closed.
    private func openInterval(dayStarting midnight: Date) -> (open: Date, close: Date)? {
        let weekday = calendar.component(.weekday, from: midnight)
        guard let hours = hours[weekday], hours.minutes > 0, !holidays.contains(day(of: midnight)) else { return nil }
        // Adding minutes to the day's start is exact: Indonesian zones have no daylight saving.
        return (midnight.addingTimeInterval(TimeInterval(hours.start * 60)), midnight.addingTimeInterval(TimeInterval(hours.end * 60)))
    }

    public func isWorkingTime(_ date: Date) -> Bool {
        guard let interval = openInterval(dayStarting: calendar.startOfDay(for: date)) else { return false }
        return interval.open <= date && date < interval.close
    }

    /// Longest stretch searched for office hours: a calendar with none in a year is misconfigured.
    static let searchLimitDays = 370

    /// The moment `duration` seconds of office time have passed after `start`; nil when the
    /// calendar has no office hours within a year.
    public func adding(workingSeconds duration: TimeInterval, to start: Date) -> Date? {
        var remaining = max(0, duration)
        var midnight = calendar.startOfDay(for: start)
        for _ in 0..<Self.searchLimitDays {
            if let interval = openInterval(dayStarting: midnight) {
                let from = max(interval.open, start)
                if from < interval.close {
                    let available = interval.close.timeIntervalSince(from)
                    if remaining <= available { return from.addingTimeInterval(remaining) }
                    remaining -= available
                }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: midnight) else { return nil }
            midnight = next
        }
        return nil
    }

    /// `start` itself during office hours, otherwise the next opening.
    public func opening(after start: Date) -> Date? {
        var midnight = calendar.startOfDay(for: start)
        for _ in 0..<Self.searchLimitDays {
            if let interval = openInterval(dayStarting: midnight), interval.close > start {
                return max(interval.open, start)
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: midnight) else { return nil }
            midnight = next
        }
        return nil
    }

    /// The same office time `days` working days later (SP4N-LAPOR's "5 hari kerja"); the count
    /// starts at `start` during office hours, otherwise at the next opening.
    public func adding(workingDays days: Int, to start: Date) -> Date? {
        guard let anchor = opening(after: start) else { return nil }
        guard days > 0 else { return anchor }
        let anchorMidnight = calendar.startOfDay(for: anchor)
        let offset = anchor.timeIntervalSince(anchorMidnight)
        var midnight = anchorMidnight
        var counted = 0
        for _ in 0..<Self.searchLimitDays {
            guard let next = calendar.date(byAdding: .day, value: 1, to: midnight) else { return nil }
            midnight = next
            if openInterval(dayStarting: midnight) != nil {
                counted += 1
                if counted == days { return midnight.addingTimeInterval(offset) }
            }
        }
        return nil
    }

    /// Office time between two moments, in seconds; 0 when `end` is not after `start`.
    public func workingSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        var midnight = calendar.startOfDay(for: start)
        while midnight < end {
            if let interval = openInterval(dayStarting: midnight) {
                let from = max(interval.open, start), to = min(interval.close, end)
                if to > from { total += to.timeIntervalSince(from) }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: midnight) else { break }
            midnight = next
        }
        return total
    }
}

/// How urgent a message is, set on ingest and changeable by the operator.
public enum MessagePriority: String, CaseIterable, Codable, Comparable, Sendable {
    case low
    case normal
    case high
    case urgent

    private var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    public static func < (lhs: MessagePriority, rhs: MessagePriority) -> Bool { lhs.rank < rhs.rank }
}

/// A tenant's response targets per priority.
public struct SLAPolicy: Sendable, Equatable, Codable {
    public enum Target: Sendable, Equatable, Codable {
        /// Clock hours, day and night: emergencies do not wait for the office to open.
        case clockHours(Double)
        /// Hours of office time.
        case workingHours(Double)
        /// Working days, same time of day.
        case workingDays(Int)
    }

    public var targets: [MessagePriority: Target]

    public init(targets: [MessagePriority: Target]) {
        self.targets = targets
    }

    /// Urgent 1 hour around the clock, high 4 office hours, normal 2×24 hours (two working days,
    /// as Jawa Tengah asks of complaint follow-up), low 5 working days.
    public static let standard = SLAPolicy(targets: [
        .urgent: .clockHours(1), .high: .workingHours(4), .normal: .workingDays(2), .low: .workingDays(5),
    ])

    /// When a message received at `received` is due; nil when the calendar has no office time.
    public func due(priority: MessagePriority, received: Date, calendar: WorkingCalendar) -> Date? {
        switch targets[priority] ?? .workingDays(2) {
        case .clockHours(let hours): received.addingTimeInterval(hours * 3600)
        case .workingHours(let hours): calendar.adding(workingSeconds: hours * 3600, to: received)
        case .workingDays(let days): calendar.adding(workingDays: days, to: received)
        }
    }
}
