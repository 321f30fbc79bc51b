/// Where a message stands in the team's work. Stored as its raw value.
public enum MessageState: String, CaseIterable, Codable, Sendable {
    case new
    case assigned
    case replied
    case closed
    case spam

    /// The message needs nothing more from the team.
    public var isResolved: Bool { self == .closed || self == .spam }
}

/// What became of a reply written in Simpul. A reply row exists before the platform is
/// called, as `failed` until the platform confirms it.
public enum ReplyStatus: String, CaseIterable, Codable, Sendable {
    case sent
    case failed
}
