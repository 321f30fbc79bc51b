/// The seven kinds of mis- and disinformation of First Draft's typology, which Mafindo and
/// Kominfo use to say *how* a claim misleads.
public enum HoaxType: String, CaseIterable, Codable, Sendable {
    case satire
    case misleading
    case impostor
    case fabricated
    case falseConnection = "false_connection"
    case falseContext = "false_context"
    case manipulated

    /// The Indonesian name shown to admins.
    public var indonesianLabel: String {
        switch self {
        case .satire: "Satire atau parodi"
        case .misleading: "Konten menyesatkan"
        case .impostor: "Konten tiruan"
        case .fabricated: "Konten palsu"
        case .falseConnection: "Koneksi yang salah"
        case .falseContext: "Konteks yang salah"
        case .manipulated: "Konten manipulasi"
        }
    }

    /// Reads the raw value ("false_context"), its English words ("false context", "imposter
    /// content") or the Indonesian label ("Konteks yang salah"), case-insensitively.
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        guard !key.isEmpty else { return nil }
        for type in HoaxType.allCases {
            let names = [type.rawValue.replacingOccurrences(of: "_", with: " "), type.indonesianLabel.lowercased()] + type.otherNames
            if names.contains(key) {
                self = type
                return
            }
        }
        return nil
    }

    private var otherNames: [String] {
        switch self {
        case .satire: ["parody", "satire or parody", "parodi", "satire"]
        case .misleading: ["misleading content", "menyesatkan"]
        case .impostor: ["imposter", "imposter content", "impostor content", "tiruan"]
        case .fabricated: ["fabricated content", "palsu"]
        case .falseConnection: ["koneksi salah"]
        case .falseContext: ["konteks salah", "konteks keliru"]
        case .manipulated: ["manipulated content", "manipulasi"]
        }
    }
}
