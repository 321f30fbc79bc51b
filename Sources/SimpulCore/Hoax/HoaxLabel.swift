/// The verdict a register entry carries, as Kominfo/Komdigi and provincial units put it in the
/// title of a fact-check ("[HOAKS] Air PDAM mati tiga hari").
public enum HoaxLabel: String, CaseIterable, Codable, Sendable {
    case hoaks
    case disinformasi
    case misinformasi
    case fakta
    case klarifikasi

    /// The bracketed form used in titles.
    public var displayLabel: String { "[" + rawValue.uppercased() + "]" }

    /// True when the entry is a claim that must not be spread; `fakta` and `klarifikasi` entries
    /// are information the pemda wants spread.
    public var isFalse: Bool {
        switch self {
        case .hoaks, .disinformasi, .misinformasi: true
        case .fakta, .klarifikasi: false
        }
    }

    /// Reads "[HOAKS]", "hoaks", "HOAX" and the fact-checkers' synonyms ("[SALAH]" is a hoax,
    /// "[BENAR]" a fact). Nil for anything else.
    public init?(parsing text: String) {
        var key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if key.hasPrefix("["), key.hasSuffix("]") { key = String(key.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces) }
        if let label = HoaxLabel(rawValue: key) {
            self = label
            return
        }
        switch key {
        case "hoax", "salah", "fitnah", "penipuan": self = .hoaks
        case "benar", "fact": self = .fakta
        case "disinformation": self = .disinformasi
        case "misinformation": self = .misinformasi
        default: return nil
        }
    }
}
