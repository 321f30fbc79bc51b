import Foundation
import SQLKit

/// A column's value read as one of the app's string enums, as Fluent's `@Enum` stores them.
struct UnknownStoredValue: Error, CustomStringConvertible {
    let column: String
    let value: String
    var description: String { "unknown value \(value) in column \(column)" }
}

extension SQLRow {
    func decode<Value: RawRepresentable>(enum column: String, as: Value.Type = Value.self) throws -> Value where Value.RawValue == String {
        let raw = try decode(column: column, as: String.self)
        guard let value = Value(rawValue: raw) else { throw UnknownStoredValue(column: column, value: raw) }
        return value
    }
}
