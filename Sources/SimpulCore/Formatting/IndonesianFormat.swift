import Foundation

/// Numbers and dates the way Indonesian readers write them: "1.234.567", "12,5%",
/// "21 Nov 2026 14.05 WIB". Written by hand so the output never depends on the host's locale data.
public enum IndonesianFormat {
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        let scaled = (fraction * 100 * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        var text = String(format: "%.\(decimals)f", scaled).replacingOccurrences(of: ".", with: ",")
        if text.hasSuffix(",0") { text.removeLast(2) }
        return text + "%"
    }

    static let monthsID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    static let monthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The zone's Indonesian abbreviation; other zones fall back to their UTC offset.
    public static func zoneAbbreviation(_ zone: TimeZone, at date: Date) -> String {
        switch zone.identifier {
        case "Asia/Jakarta", "Asia/Pontianak": return "WIB"
        case "Asia/Makassar": return "WITA"
        case "Asia/Jayapura": return "WIT"
        default:
            let seconds = zone.secondsFromGMT(for: date)
            let sign = seconds < 0 ? "-" : "+"
            let hours = abs(seconds) / 3600, minutes = abs(seconds) % 3600 / 60
            return minutes == 0 ? "UTC\(sign)\(hours)" : "UTC\(sign)\(hours):\(String(format: "%02d", minutes))"
        }
    }

    public static let supportedZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]

    public static func dateTime(_ date: Date, zone: TimeZone, english: Bool = false) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let month = (english ? monthsEN : monthsID)[(c.month ?? 1) - 1]
        let separator = english ? ":" : "."
        return "\(c.day ?? 1) \(month) \(c.year ?? 1970) \(String(format: "%02d", c.hour ?? 0))\(separator)\(String(format: "%02d", c.minute ?? 0)) \(zoneAbbreviation(zone, at: date))"
    }
}
