import Foundation
import SimpulCore

// Small, dependency-free building blocks for the Sandbox: a seeded random source, stable hashes,
// id shapes that look like each platform's own, an ordered JSON writer and UTC date formatting.
// Everything here is deterministic: the same inputs give the same bytes on every machine.

/// SplitMix64: tiny, fast and fully determined by its seed. Never the system generator.
struct SandboxRandom: Sendable {
    private(set) var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SandboxHash.mix(state)
    }

    /// Uniform in `0..<upper` (multiply-high; `upper` must be positive).
    mutating func below(_ upper: Int) -> Int {
        precondition(upper > 0, "below(_:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(upper)).high)
    }

    /// Uniform in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) * 0x1.0p-53 < p
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// Index chosen in proportion to `weights` (all non-negative, at least one positive).
    mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weighted(_:) needs a positive total")
        var roll = below(total)
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }
}

enum SandboxHash {
    static func mix(_ value: UInt64) -> UInt64 { StableHash.mix(value) }

    static func of(_ text: String) -> UInt64 { StableHash.of(text) }

    static func of(_ parts: String...) -> UInt64 {
        of(parts.joined(separator: "\u{1F}"))
    }
}

/// Shapes of platform ids. The unique parts come from a counter passed through a keyed bijection,
/// so two events of one generator never share an id, yet the digits look random.
enum SandboxIDShape {
    static let base64URL: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    static let alphanumeric: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    static let hexDigits: [Character] = Array("0123456789abcdef")

    /// A bijection on 0..<2^33 keyed by `key`: distinct counters give distinct outputs.
    static func permute33(_ value: UInt64, key: UInt64) -> UInt64 {
        let mask: UInt64 = (1 << 33) - 1
        var x = (value &+ key) & mask
        x = (x &* 0x5DEE_CE66_D) & mask // odd multiplier: invertible modulo 2^33
        x ^= x >> 15
        x = (x &* 0x2545_F491) & mask // odd
        x ^= x >> 13
        x = (x &+ (key >> 33)) & mask
        return x
    }

    /// `count` decimal digits of `value` (leading zeros kept, high digits dropped).
    static func digits(_ value: UInt64, count: Int) -> String {
        var modulus: UInt64 = 1
        for _ in 0..<min(count, 19) { modulus &*= 10 }
        let reduced = count >= 20 ? value : value % modulus
        let text = String(reduced)
        return text.count >= count ? text : String(repeating: "0", count: count - text.count) + text
    }

    /// `count` characters drawn from `alphabet`, driven by a hash of `seed`.
    static func characters(_ count: Int, from alphabet: [Character], seed: UInt64) -> String {
        var out = ""
        out.reserveCapacity(count)
        var state = seed
        for _ in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            let roll = SandboxHash.mix(state).multipliedFullWidth(by: UInt64(alphabet.count)).high
            out.append(alphabet[Int(roll)])
        }
        return out
    }

    /// Encodes the 33-bit unique value into 6 base64url characters (fixed width), so a string id
    /// that embeds it stays unique.
    static func uniqueChars(_ unique: UInt64) -> String {
        var out = ""
        var value = unique
        for _ in 0..<6 {
            out.append(base64URL[Int(value & 63)])
            value >>= 6
        }
        return out
    }
}

/// A JSON value that keeps its keys in the order written, so bodies look like the platform's own
/// and the same generator state always gives the same bytes.
indirect enum SandboxJSON: Sendable {
    case string(String)
    case int(Int64)
    /// A number written exactly as given (coordinates and the like).
    case number(String)
    case bool(Bool)
    case null
    case array([SandboxJSON])
    case object([(String, SandboxJSON)])

    static func int(_ value: Int) -> SandboxJSON { .int(Int64(value)) }

    enum Style {
        /// As Meta sends webhooks: non-ASCII as `\uXXXX` (UTF-16, lower-case hex) and `/` as `\/`.
        case metaEscaped
        /// Plain UTF-8, as X and Google return API responses.
        case plain
    }

    func encoded(_ style: Style) -> Data {
        var out = ""
        write(into: &out, style: style)
        return Data(out.utf8)
    }

    private func write(into out: inout String, style: Style) {
        switch self {
        case .string(let text):
            Self.writeString(text, into: &out, style: style)
        case .int(let value):
            out += String(value)
        case .number(let literal):
            out += literal
        case .bool(let value):
            out += value ? "true" : "false"
        case .null:
            out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out, style: style)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(member.0, into: &out, style: style)
                out += ":"
                member.1.write(into: &out, style: style)
            }
            out += "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String, style: Style) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/" where style == .metaEscaped: out += "\\/"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + hex4(UInt16(scalar.value))
                } else if scalar.value > 0x7E, style == .metaEscaped {
                    for unit in String(scalar).utf16 { out += "\\u" + hex4(unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func hex4(_ value: UInt16) -> String {
        let digits = SandboxIDShape.hexDigits
        return String([digits[Int(value >> 12) & 15], digits[Int(value >> 8) & 15], digits[Int(value >> 4) & 15], digits[Int(value) & 15]])
    }
}

enum SandboxClock {
    static func unixSeconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970).rounded(.down))
    }

    static func unixMillis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// `2025-03-04T05:06:07Z`, or with `.000` milliseconds when asked (X writes them, YouTube not).
    static func iso8601(_ date: Date, millis: Bool = false) -> String {
        let totalMillis = unixMillis(date)
        let seconds = floorDiv(totalMillis, 1000)
        let milli = Int(totalMillis - seconds * 1000)
        let days = floorDiv(seconds, 86_400)
        let (year, month, day) = civil(fromDays: Int(days))
        let secondOfDay = Int(seconds - days * 86_400)
        let hour = secondOfDay / 3600, minute = (secondOfDay % 3600) / 60, second = secondOfDay % 60
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if millis { text += "." + pad(milli, 3) }
        return text + "Z"
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `2025-03-04T05:06:07+0000`, as the Graph API writes `updated_time`.
    static func graphTime(_ date: Date) -> String {
        String(iso8601(date).dropLast()) + "+0000"
    }

    /// The hour on the wall clock in Kota Tirtamaya (UTC+7, no daylight saving).
    static func jakartaHour(_ date: Date) -> Int {
        let seconds = unixSeconds(date) + 7 * 3600
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        return Int(secondOfDay / 3600)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
