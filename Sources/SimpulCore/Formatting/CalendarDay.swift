import Foundation

/// A calendar day typed as YYYY-MM-DD, as date inputs send it.
public enum CalendarDay {
    /// True for a real day between 2000 and 2100 ("2026-02-30" is not one).
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard (2000...2100).contains(year), let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return false }
        let check = calendar.dateComponents([.year, .month, .day], from: date)
        return check.month == month && check.day == day
    }
}
