import Foundation

/// A wall-clock time as people in a tenant's zone write it ("2026-11-25", "09.00"), turned into
/// an instant, and back. Indonesia keeps no daylight saving, so every local time exists once.
public enum LocalTime {
    /// Date as yyyy-MM-dd; time as HH:mm or HH.mm (the Indonesian way).
    public static func instant(date: String, time: String, zone: TimeZone) -> Date? {
        let dateParts = date.trimmingWhitespace.split(separator: "-", omittingEmptySubsequences: false)
        let timeParts = time.trimmingWhitespace.split(whereSeparator: { $0 == ":" || $0 == "." })
        guard dateParts.count == 3, timeParts.count == 2, dateParts[0].count == 4, dateParts[1].count == 2, dateParts[2].count == 2,
              timeParts.allSatisfy({ $0.count == 2 }),
              let year = Int(dateParts[0]), let month = Int(dateParts[1]), let day = Int(dateParts[2]),
              let hour = Int(timeParts[0]), let minute = Int(timeParts[1]),
              (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        guard components.isValidDate(in: calendar), let instant = calendar.date(from: components) else { return nil }
        return instant
    }

    /// The instant's date (yyyy-MM-dd) and time (HH:mm) in the zone, for form fields.
    public static func fields(of instant: Date, zone: TimeZone) -> (date: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return ("\(c.year ?? 0)-\(two(c.month))-\(two(c.day))", "\(two(c.hour)):\(two(c.minute))")
    }
}
