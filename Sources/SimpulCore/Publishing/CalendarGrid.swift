import Foundation

/// The days a content calendar shows, in the tenant's zone: a month as whole weeks from Monday
/// (as Indonesian calendars print them), or one week.
public struct CalendarGrid: Sendable, Equatable {
    public struct Day: Sendable, Equatable {
        /// yyyy-MM-dd
        public let date: String
        public let start: Date
        public let inFocus: Bool
    }

    public enum Span: String, Sendable, CaseIterable { case month, week }

    public let span: Span
    public let days: [Day]
    /// The first instant shown, and the first one after.
    public let start: Date
    public let end: Date
    /// The focus day's month (yyyy-MM) or week's Monday (yyyy-MM-dd), for the heading.
    public let previous: String
    public let next: String

    public static func make(_ span: Span, around day: String, zone: TimeZone) -> CalendarGrid? {
        guard let focus = LocalTime.instant(date: day, time: "00:00", zone: zone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        let focusStart: Date
        let focusEnd: Date
        switch span {
        case .month:
            guard let interval = calendar.dateInterval(of: .month, for: focus) else { return nil }
            (focusStart, focusEnd) = (interval.start, interval.end)
        case .week:
            guard let interval = calendar.dateInterval(of: .weekOfYear, for: focus) else { return nil }
            (focusStart, focusEnd) = (interval.start, interval.end)
        }
        guard let gridStart = calendar.dateInterval(of: .weekOfYear, for: focusStart)?.start,
              let lastDay = calendar.date(byAdding: .second, value: -1, to: focusEnd),
              let gridEnd = calendar.dateInterval(of: .weekOfYear, for: lastDay)?.end else { return nil }
        var days: [Day] = []
        var cursor = gridStart
        while cursor < gridEnd {
            days.append(Day(date: LocalTime.fields(of: cursor, zone: zone).date, start: cursor, inFocus: cursor >= focusStart && cursor < focusEnd))
            guard let next = calendar.date(byAdding: .day, value: 1, to: cursor) else { return nil }
            cursor = next
        }
        let step: Calendar.Component = span == .month ? .month : .weekOfYear
        guard let before = calendar.date(byAdding: step, value: -1, to: focusStart),
              let after = calendar.date(byAdding: step, value: 1, to: focusStart) else { return nil }
        return CalendarGrid(span: span, days: days, start: gridStart, end: gridEnd,
                            previous: LocalTime.fields(of: before, zone: zone).date, next: LocalTime.fields(of: after, zone: zone).date)
    }

    /// The day (yyyy-MM-dd) an instant falls on in the zone.
    public static func day(of instant: Date, zone: TimeZone) -> String {
        LocalTime.fields(of: instant, zone: zone).date
    }
}
