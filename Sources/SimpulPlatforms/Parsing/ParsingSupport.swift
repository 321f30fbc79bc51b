import Crypto
import Foundation
import SimpulCore

/// Times as platforms send them: unix seconds or milliseconds, as a number or a string, or an
/// ISO 8601 string ("2019-04-20T01:03:39.000Z", "2016-03-11T10:12:11+0000").
enum Timestamp {
    /// Values above this are milliseconds: in seconds it would be past the year 5000.
    private static let millisecondThreshold = 1e11

    static func date(_ value: JSONValue?) -> Date? {
        guard let value else { return nil }
        switch value {
        case .int, .double:
            return fromUnix(value.double)
        case .string(let text):
            let trimmed = text.trimmingWhitespace
            if let number = Double(trimmed), trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
                return fromUnix(number)
            }
            return iso8601(trimmed)
        default:
            return nil
        }
    }

    private static func fromUnix(_ number: Double?) -> Date? {
        guard var seconds = number, seconds.isFinite, seconds > 0 else { return nil }
        if seconds > millisecondThreshold { seconds /= 1000 }
        guard seconds <= millisecondThreshold else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z`, `±HH:MM`, `±HHMM` or nothing (UTC).
    static func iso8601(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        var index = 0

        func digits(_ count: Int) -> Int? {
            guard index + count <= chars.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let char = chars[index + offset]
                guard char >= 48, char <= 57 else { return nil }
                value = value * 10 + Int(char - 48)
            }
            index += count
            return value
        }
        func expect(_ char: UInt8) -> Bool {
            guard index < chars.count, chars[index] == char else { return false }
            index += 1
            return true
        }

        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
              let day = digits(2) else { return nil }
        guard index < chars.count, chars[index] == UInt8(ascii: "T") || chars[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2), expect(UInt8(ascii: ":")),
              let second = digits(2) else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour <= 23, minute <= 59, second <= 60 else { return nil }

        var fraction = 0.0
        if expect(UInt8(ascii: ".")) {
            // Up to nanoseconds count; further digits are read and dropped.
            var numerator = 0
            var denominator = 1
            var count = 0
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                if count < 9 {
                    numerator = numerator * 10 + Int(chars[index] - 48)
                    denominator *= 10
                }
                count += 1
                index += 1
            }
            guard count > 0 else { return nil }
            fraction = Double(numerator) / Double(denominator)
        }

        var offsetSeconds = 0
        if index < chars.count {
            if expect(UInt8(ascii: "Z")) || expect(UInt8(ascii: "z")) {
                // UTC
            } else if chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
                let sign = chars[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let offsetHours = digits(2) else { return nil }
                _ = expect(UInt8(ascii: ":"))
                let offsetMinutes = digits(2) ?? 0
                offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
            } else {
                return nil
            }
        }
        guard index == chars.count else { return nil }

        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        // Count years from March, so the leap day is the last day of the counted year.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

enum SyntheticID {
    /// A stable id from parts that together identify an event with no id of its own.
    static func join(_ parts: [String?]) -> String {
        parts.map { $0 ?? "-" }.joined(separator: ":")
    }

    /// A stable id for content with nothing better to name it: a digest of its canonical text,
    /// so a redelivered copy gets the same id.
    static func digest(prefix: String, of raw: String) -> String {
        let hash = SHA256.hash(data: Data(raw.utf8))
        let hex = hash.prefix(16).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        return prefix + ":" + hex
    }
}

extension InboundEvent {
    /// An event the parser could not read: kept whole, with an id derived from its content.
    static func unknown(platform: Platform, accountRef: String, raw: JSONValue, label: String,
                        detail extra: [String: String] = [:]) -> InboundEvent {
        let text = raw.serialized
        var detail = extra
        detail["field"] = detail["field"] ?? label
        return InboundEvent(platform: platform, accountRef: accountRef, kind: .unknown,
                            eventID: SyntheticID.digest(prefix: "unknown:" + label, of: text),
                            detail: detail, raw: text)
    }
}

extension Dictionary where Key == String, Value == String {
    /// Sets `key` only when there is a value, so details never hold empty entries.
    mutating func set(_ key: String, _ value: String?) {
        if let value, !value.isEmpty { self[key] = value }
    }
}

/// Checks the top of a Meta webhook body (`{"object": …, "entry": [...]}`) and hands back the entries.
enum WebhookEnvelope {
    static func entries(of data: Data, object expected: String) throws(PayloadError) -> [JSONValue] {
        let root = try JSONValue.parse(data)
        guard root["object"]?.string == expected, let entries = root["entry"]?.array else {
            // Spelled out only here: building it cost a share of every good delivery's parse.
            throw .unexpectedShape("an object with \"object\": \"\(expected)\" and an \"entry\" array")
        }
        return entries
    }
}
