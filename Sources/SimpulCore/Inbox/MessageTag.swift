/// Labels operators put on inbox messages ("jalan-rusak", "bansos", "hoaks") to group and
/// find them. One spelling per label: lower case, words joined by hyphens.
public enum MessageTag {
    public static let maxLength = 40
    /// Labels on one message at most; more stops being a label and becomes noise.
    public static let maxPerMessage = 10

    public enum Problem: Error, Equatable {
        case empty
        case tooLong
        case invalidCharacters
    }

    /// "Jalan Rusak", " jalan_rusak " and "#jalan-rusak" all become "jalan-rusak". Letters
    /// (any script, so "perbaikan-jalan" and Arabic-script words both work), digits and hyphens.
    public static func normalize(_ raw: String) throws(Problem) -> String {
        var words: [String] = []
        var current = ""
        for scalar in raw.trimmingWhitespace.drop(while: { $0 == "#" }).lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "-" || scalar == "_" || scalar.properties.isWhitespace {
                if !current.isEmpty { words.append(current); current = "" }
            } else if scalar.properties.generalCategory == .nonspacingMark, !current.isEmpty {
                current.unicodeScalars.append(scalar)
            } else {
                throw .invalidCharacters
            }
        }
        if !current.isEmpty { words.append(current) }
        let tag = words.joined(separator: "-")
        guard !tag.isEmpty else { throw .empty }
        guard tag.count <= maxLength else { throw .tooLong }
        return tag
    }
}
