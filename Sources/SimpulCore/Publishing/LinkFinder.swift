/// Finds the links in a post's text the way the platforms count them: with a scheme
/// ("https://…"), with "www.", or as a bare domain whose last label is a known top-level domain
/// ("jakarta.go.id/layanan"). An e-mail address is not a link.
public enum LinkFinder {
    /// Top-level domains that make a bare "name.tld" a link. A subset of the root zone: the
    /// generic ones seen in Indonesian government posts and the country codes near it.
    static let topLevelDomains: Set<String> = [
        "id", "com", "net", "org", "info", "biz", "gov", "edu", "int", "io", "co", "me", "ly", "tv", "app", "dev", "news",
        "online", "site", "web", "xyz", "asia", "link", "live", "id", "sg", "my", "au", "uk", "us", "jp", "cn", "kr", "nl", "de",
        "fr", "in", "ph", "th", "vn", "tl", "bn", "to", "gl", "gd", "be", "ai",
    ]

    /// Spans of the links, in Unicode scalars of `text`.
    public static func links(in text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var spans: [TextSpan] = []
        var index = 0
        while index < scalars.count {
            guard !scalars[index].properties.isWhitespace else { index += 1; continue }
            var end = index
            while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
            if let span = link(in: scalars, from: index, to: end) { spans.append(span) }
            index = end
        }
        return spans
    }

    /// The link inside one whitespace-free chunk, if any, without the punctuation around it.
    private static func link(in scalars: [Unicode.Scalar], from start: Int, to end: Int) -> TextSpan? {
        let chunk = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
        var offset = 0
        if let range = chunk.range(of: "https://") ?? chunk.range(of: "http://") {
            offset = chunk.unicodeScalars.distance(from: chunk.unicodeScalars.startIndex, to: range.lowerBound)
            // "lihat:https://…" is a link; "xhttps://" glued to a word is not.
            if offset > 0, isWordScalar(scalars[start + offset - 1]) { return nil }
            let schemeLength = chunk.unicodeScalars.distance(from: range.lowerBound, to: range.upperBound)
            let linkEnd = trimmedEnd(scalars, from: start + offset, to: end)
            return linkEnd > start + offset + schemeLength ? TextSpan(start: start + offset, end: linkEnd) : nil
        }
        guard !chunk.contains("@") else { return nil }
        // Opening brackets and quotes are not part of a bare domain.
        while start + offset < end, !isWordScalar(scalars[start + offset]) { offset += 1 }
        let linkStart = start + offset
        let linkEnd = trimmedEnd(scalars, from: linkStart, to: end)
        guard linkStart < linkEnd else { return nil }
        let candidate = String(String.UnicodeScalarView(scalars[linkStart..<linkEnd])).lowercased()
        let host = candidate.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isHostScalar) }),
              let last = labels.last, topLevelDomains.contains(String(last)) else { return nil }
        if candidate.hasPrefix("www.") || labels.dropLast().contains(where: { $0.unicodeScalars.contains { !isDigit($0) } }) {
            return TextSpan(start: linkStart, end: linkEnd)
        }
        return nil
    }

    /// Closing punctuation belongs to the sentence, not the link.
    private static func trimmedEnd(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var end = end
        while end > start, [".", ",", "!", "?", ")", "\"", "'", "”", "’", ";", ":"].contains(scalars[end - 1]) { end -= 1 }
        return end
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isHostScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || isDigit(scalar) || scalar == "-"
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
