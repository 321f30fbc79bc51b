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
    case object(JSONObject)

    // Literals, so the connectors write request bodies as `["text": .string(body)]`.
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int64) { self = .int(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(keepingLast: elements.map { (key: $0.0, value: $0.1) }))
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

    var object: JSONObject? {
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
        guard case .object(let members) = self else { return nil }
        return members[key]
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
    /// Written as UTF-8 bytes and made a String once: appending to a String piece by piece cost
    /// more than the parse itself (this runs for every stored event's raw payload).
    var serialized: String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .null:
            Self.append("null", to: &out)
        case .bool(let value):
            Self.append(value ? "true" : "false", to: &out)
        case .int(let value):
            out.append(contentsOf: String(value).utf8)
        case .double(let value):
            if !value.isFinite {
                Self.append("null", to: &out)
            } else if value == value.rounded(), abs(value) < 1e15 {
                out.append(contentsOf: String(Int64(value)).utf8)
            } else {
                out.append(contentsOf: String(value).utf8)
            }
        case .string(let value):
            Self.writeString(value, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                element.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            var first = true
            members.forEachByName { key, value in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                Self.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let escaped = { (byte: UInt8) in byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }
        // Most strings need no escape at all and are copied whole; native strings are contiguous.
        let copied = value.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: escaped) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true {
            // Only ASCII bytes are ever escaped: every byte of a longer UTF-8 sequence is 0x80
            // or above, so those are copied as they are.
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""): append("\\\"", to: &out)
                case UInt8(ascii: "\\"): append("\\\\", to: &out)
                case UInt8(ascii: "\n"): append("\\n", to: &out)
                case UInt8(ascii: "\r"): append("\\r", to: &out)
                case UInt8(ascii: "\t"): append("\\t", to: &out)
                case 0x08: append("\\b", to: &out)
                case 0x0C: append("\\f", to: &out)
                case ..<0x20:
                    let hex: StaticString = "0123456789abcdef"
                    append("\\u00", to: &out)
                    hex.withUTF8Buffer { out.append($0[Int(byte >> 4)]); out.append($0[Int(byte & 0x0F)]) }
                default:
                    out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
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
            self = .object(JSONObject(value))
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            // The document already parsed as JSON, so the only value no Swift type takes is a
            // number out of range (such as 1e400). It carries nothing a parser reads.
            self = .null
        }
    }
}
