import Foundation
import Testing
@testable import SimpulPlatforms

/// Loads a fixture file, e.g. `fixture("upstream/meta/feed-comment-add-211.json")`.
func fixture(_ path: String) throws -> Data {
    let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return try Data(contentsOf: root.appendingPathComponent(path))
}

/// Parses a fixture file as `format`.
func parseFixture(_ path: String, as format: PayloadFormat) throws -> [InboundEvent] {
    try PayloadParser.parse(fixture(path), as: format)
}

/// Parses JSON text as `format`.
func parseText(_ text: String, as format: PayloadFormat) throws -> [InboundEvent] {
    try PayloadParser.parse(Data(text.utf8), as: format)
}

/// The error `parse` throws for `data`, or nil when it does not throw.
func parseError(_ data: Data, as format: PayloadFormat) -> PayloadError? {
    do {
        _ = try PayloadParser.parse(data, as: format)
        return nil
    } catch {
        return error
    }
}

/// A unix time as a Date.
func unix(_ seconds: Double) -> Date {
    Date(timeIntervalSince1970: seconds)
}
