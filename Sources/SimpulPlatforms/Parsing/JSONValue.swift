import Foundation
import SimpulCore

/// A parsed JSON document, small enough to walk by hand. The platform parsers read payloads
/// through it because the same field can arrive as a number in one payload and as a string in
/// the next, and because unknown payloads must be kept verbatim rather than rejected.
enum JSONValue: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case bool(Bool)
    /// Integers that fit in 64 bits keep every digit (ids such as tweet ids need all 19).
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    // Literals, so the connectors write request bodies as `["text": .string(body)]`.
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int64) { self = .int(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Reads `data` as JSON, or nil when it is not: for API responses, where a non-JSON body
    /// is one more kind of platform error rather than a parse failure.
    static func parseIfJSON(_ data: Data) -> JSONValue? {
        try? parse(data)
    }

    /// Compact UTF-8 JSON with sorted keys: a request body.
    func encoded() -> Data { Data(serialized.utf8) }

    subscript(index: Int) -> JSONValue? {
        guard case .array(let array) = self, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// An integer given as a number or a numeric string (YouTube sends counts as strings).
    var int: Int? {
        switch self {
        case .int(let value): return Int(exactly: value)
        case .double(let value) where value.rounded() == value && abs(value) < 1e18: return Int(value)
        case .string(let value): return Int(value.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    var isObject: Bool { object != nil }

    /// Reads `data` as JSON. Any JSON value is accepted at the top; the caller checks the shape.
    static func parse(_ data: Data) throws(PayloadError) -> JSONValue {
        guard !data.isEmpty, let value = JSONReader.read(data) else { throw .notJSON }
        return value
    }

    // MARK: Typed views. Each answers nil when the value is of another type.

    var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Only a JSON string.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A string, or a number written as a string. For ids, which platforms send either way.
    /// Empty strings count as absent.
    var idString: String? {
        switch self {
        case .string(let value):
            let trimmed = value.trimmingWhitespace
            return trimmed.isEmpty ? nil : trimmed
        case .int(let value):
            return String(value)
        case .double(let value):
            guard value.isFinite else { return nil }
            if value == value.rounded(), abs(value) < 1e18 { return String(Int64(value)) }
            return String(value)
        default:
            return nil
        }
    }

    /// Text as sent: a string, or a number or boolean spelled out. Empty strings count as absent.
    var text: String? {
        switch self {
        case .string(let value): return value.isEmpty ? nil : value
        case .bool(let value): return value ? "true" : "false"
        case .int, .double: return idString
        default: return nil
        }
    }

    /// A number, or a string holding one.
    var double: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value.isFinite ? value : nil
        case .string(let value): return Double(value.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }

    /// true/false, or the strings "true"/"false".
    var bool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string("true"): return true
        case .string("false"): return false
        default: return nil
        }
    }

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    subscript(key: String) -> JSONValue? {
        object?[key]
    }

    /// Follows object keys, e.g. `value[path: "metadata", "phone_number_id"]`.
    subscript(path keys: String...) -> JSONValue? {
        var current: JSONValue? = self
        for key in keys { current = current?[key] }
        return current
    }

    /// The elements of an array; an empty list for anything else.
    var elements: [JSONValue] { array ?? [] }

    // MARK: Serialising

    /// Compact JSON text with object keys sorted, so the same value always gives the same text.
    var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null:
            out += "null"
        case .bool(let value):
            out += value ? "true" : "false"
        case .int(let value):
            out += String(value)
        case .double(let value):
            if !value.isFinite {
                out += "null"
            } else if value == value.rounded(), abs(value) < 1e15 {
                out += String(Int64(value))
            } else {
                out += String(value)
            }
        case .string(let value):
            Self.writeString(value, to: &out)
        case .array(let values):
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += "," }
                element.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out += "," }
                Self.writeString(member.key, to: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        // Most strings need no escape at all: copy them whole rather than scalar by scalar
        // (this runs for every stored event's raw payload).
        let escaped = { (byte: UInt8) in byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }
        // Scanned as a buffer where the string has one (native strings do).
        let needsEscape = value.utf8.withContiguousStorageIfAvailable { $0.contains(where: escaped) } ?? value.utf8.contains(where: escaped)
        if !needsEscape {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension JSONValue: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            // The document already parsed as JSON, so the only value no Swift type takes is a
            // number out of range (such as 1e400). It carries nothing a parser reads.
            self = .null
        }
    }
}

extension InboundEvent {
    /// `detail` as a JSON object with sorted keys, for storage.
    public var detailJSON: String {
        JSONValue.object(detail.mapValues(JSONValue.string)).serialized
    }
}
