import Foundation

/// An event's kind-specific facts as the messages' `detail` column keeps them.
///
/// The parsers write an object of strings, through the ingest path's raw SQL. The column is
/// read back by every inbox query, so one row holding another shape (a number where a string was
/// expected, an older version's text, a hand-edited row) must not fail the query: reading never
/// fails. String members are the facts, numbers and booleans read as they are spelled, anything
/// else is left out. The text read is kept whole, so the value writes back the very bytes it came
/// from, and a value made from facts writes what the ingest path writes for the same facts.
public struct EventDetail: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    public let facts: [String: String]
    /// The column's text: as read, or as the ingest path writes `facts`.
    public let storedText: String

    public init(_ facts: [String: String]) {
        self.facts = facts
        storedText = Self.text(of: facts)
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public init(storedText: String) {
        self.storedText = storedText
        guard let object = JSONValue.parseIfJSON(Data(storedText.utf8))?.object else {
            facts = [:]
            return
        }
        facts = Self.facts(of: object)
    }

    public subscript(key: String) -> String? { facts[key] }
    public var isEmpty: Bool { facts.isEmpty }

    static func facts(of object: JSONObject) -> [String: String] {
        var facts: [String: String] = [:]
        for (key, value) in object {
            // `text` counts an empty string as absent; a stored empty fact stays a fact.
            if let text = value.string ?? value.text { facts[key] = text }
        }
        return facts
    }

    /// A JSON object with sorted keys and compact strings, as `JSONValue.serialized` writes it.
    /// Written straight from the strings: this runs for every stored event.
    static func text(of facts: [String: String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(128)
        for (index, member) in facts.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeString(member.key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONValue.writeString(member.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}

extension EventDetail: Codable {
    /// As JSON elsewhere (an API body, a test) the facts are an object; reading one is as lenient
    /// as reading the column.
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(JSONValue.self)
        self.init(value.object.map(Self.facts(of:)) ?? [:])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(facts)
    }
}

/// The media references of an event as the messages' `media` column keeps them: a JSON array of
/// `InboundEvent.Media`, written by the ingest path's raw SQL.
///
/// As with `EventDetail`, reading never fails: an element that is not a media reference is left
/// out, text that is not an array reads as none, and the text read is kept so that it writes
/// back unchanged.
public struct EventMedia: Equatable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public let items: [InboundEvent.Media]
    /// The column's text: as read, or as the ingest path writes `items`.
    public let storedText: String

    public init(_ items: [InboundEvent.Media]) {
        self.items = items
        storedText = Self.text(of: items)
    }

    public init(arrayLiteral elements: InboundEvent.Media...) { self.init(elements) }

    public init(storedText: String) {
        self.storedText = storedText
        let read = try? JSONDecoder().decode([Attempt].self, from: Data(storedText.utf8))
        items = read?.compactMap(\.media) ?? []
    }

    /// Sorted keys, so the same references are always the same text.
    static func text(of items: [InboundEvent.Media]) -> String {
        guard !items.isEmpty else { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(items), as: UTF8.self)) ?? "[]"
    }

    /// One element of the stored array, kept only if it reads as a media reference.
    private struct Attempt: Decodable {
        let media: InboundEvent.Media?
        init(from decoder: any Decoder) throws { media = try? InboundEvent.Media(from: decoder) }
    }

    public var startIndex: Int { items.startIndex }
    public var endIndex: Int { items.endIndex }
    public subscript(position: Int) -> InboundEvent.Media { items[position] }
}

extension EventMedia: Codable {
    public init(from decoder: any Decoder) throws {
        let read = try? decoder.singleValueContainer().decode([Attempt].self)
        self.init(read?.compactMap(\.media) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(items)
    }
}

extension InboundEvent {
    /// `detail` as the column keeps it (`EventDetail.storedText`).
    public var detailJSON: String { EventDetail.text(of: detail) }
    /// `media` as the column keeps it (`EventMedia.storedText`).
    public var mediaJSON: String { EventMedia.text(of: media) }
}
