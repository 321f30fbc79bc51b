import Foundation

/// A Codable value kept as JSON text in a String column. It reads and writes the column as one
/// string, so the stored text stays what earlier versions wrote and no migration is needed.
struct JSONText<Value: Codable & Sendable>: Codable, Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }

    func encode(to encoder: Encoder) throws {
        // Sorted keys, as the ingest path and earlier versions wrote objects: the same value is
        // always the same text.
        let json = JSONEncoder()
        json.outputFormatting = [.sortedKeys]
        var container = encoder.singleValueContainer()
        try container.encode(String(decoding: try json.encode(value), as: UTF8.self))
    }
}
