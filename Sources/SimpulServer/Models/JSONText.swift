import Foundation
import SimpulPlatforms

/// A Codable value kept as JSON text in a String column. It reads and writes the column as one
/// string, so the stored text stays what earlier versions wrote and no migration is needed.
///
/// A value that is also `StoredJSONText` reads and writes the text itself: for columns that the
/// ingest path fills by raw SQL, where reading must never fail and both writers must write the
/// same bytes.
struct JSONText<Value: Codable & Sendable>: Codable, Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if let own = Value.self as? any StoredJSONText.Type, let read = own.init(storedText: text) as? Value {
            value = read
            return
        }
        value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let own = value as? any StoredJSONText {
            try container.encode(own.storedText)
            return
        }
        try container.encode(try Self.text(of: value))
    }

    /// Sorted keys, as the ingest path and earlier versions wrote objects: the same value is
    /// always the same text.
    static func text(of value: Value) throws -> String {
        let json = JSONEncoder()
        json.outputFormatting = [.sortedKeys]
        return String(decoding: try json.encode(value), as: UTF8.self)
    }
}

/// A Codable value kept as JSON text in a String column, for rows whose shape an earlier or
/// later version may have written differently (a tenant's own rule pack, an election's
/// candidates): a row that does not decode reads as `value` nil instead of failing the query,
/// and keeps its text, so that saving it again writes the same bytes.
struct LenientJSONText<Value: Codable & Sendable>: Codable, Sendable {
    let value: Value?
    let storedText: String

    init(_ value: Value) {
        self.value = value
        storedText = (try? JSONText<Value>.text(of: value)) ?? "null"
    }

    init(from decoder: Decoder) throws {
        storedText = try decoder.singleValueContainer().decode(String.self)
        value = try? JSONDecoder().decode(Value.self, from: Data(storedText.utf8))
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storedText)
    }
}

/// A value that is its own column text: made from any stored text without failing, and written
/// back as `storedText`.
protocol StoredJSONText: Sendable {
    init(storedText: String)
    var storedText: String { get }
}

extension EventDetail: StoredJSONText {}
extension EventMedia: StoredJSONText {}
