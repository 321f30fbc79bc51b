/// The audiences a content item is planned for, as the planner typed them: "warga umum, lansia".
///
/// Stored as the typed text in one string column (earlier versions kept the plain string), so
/// every stored row reads back as it was written; the segments are that text split at commas.
public struct AudienceSegments: Codable, Equatable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// Each segment once, trimmed, in the order typed.
    public var names: [String] {
        var seen = Set<String>()
        return text.split(separator: ",").map { $0.trimmingWhitespace }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
