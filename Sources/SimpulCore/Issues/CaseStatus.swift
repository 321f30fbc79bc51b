/// Where an issue case (Ruang Isu) stands. A case is opened, the units that matter are pulled in
/// (coordinating), the government answers (responding), watches whether the answer landed
/// (monitoring), and closes it. A closed case may be reopened.
public enum CaseStatus: String, CaseIterable, Codable, Sendable {
    case open
    case coordinating
    case responding
    case monitoring
    case closed

    /// Any change except to itself; a closed case can only be reopened.
    public func canMove(to next: CaseStatus) -> Bool {
        guard next != self else { return false }
        return self != .closed || next == .open
    }

    /// Coordination has happened once a case has moved past `open`.
    public var isCoordinated: Bool { self != .open }
}

/// How a case came to be.
public enum CaseOrigin: String, CaseIterable, Codable, Sendable {
    case manual
    case message
    case alert
    case hoaxMatch = "hoax_match"
    /// A surge of everything one account received (`account_alerts`).
    case accountAlert = "account_alert"
}
