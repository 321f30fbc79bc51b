import Foundation

/// X's post length: text in Unicode normalisation form C, where Latin and most punctuation
/// count 1, every other character (CJK, most emoji symbols) 2, an emoji sequence 2 in all,
/// and each link 23 whatever its length. A post may weigh at most 280.
public enum WeightedLength {
    public static let maximum = 280
    public static let linkWeight = 23

    /// Code point ranges that weigh 1 (the rest weigh 2), as X publishes them.
    static let lightRanges: [ClosedRange<UInt32>] = [0...4351, 8192...8205, 8208...8223, 8242...8247]

    public static func of(_ text: String) -> Int {
        let normalized = text.precomposedStringWithCanonicalMapping
        let links = LinkFinder.links(in: normalized)
        var weight = links.count * linkWeight
        var offset = 0
        var nextLink = 0
        for character in normalized {
            let scalars = character.unicodeScalars
            defer { offset += scalars.count }
            while nextLink < links.count, links[nextLink].end <= offset { nextLink += 1 }
            if nextLink < links.count, links[nextLink].start <= offset { continue }
            if isEmoji(character) {
                weight += 2
            } else {
                for scalar in scalars { weight += lightRanges.contains { $0.contains(scalar.value) } ? 1 : 2 }
            }
        }
        return weight
    }

    /// A pictograph shown as emoji: one with emoji presentation, or a sequence that asks for it
    /// (variation selector, keycap, zero-width joiner).
    static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, first.properties.isEmoji else { return false }
        if first.properties.isEmojiPresentation { return true }
        return scalars.count > 1 && scalars.contains { [0xFE0F, 0x20E3, 0x200D].contains($0.value) }
    }
}
