/// Trimming without Foundation's `trimmingCharacters`, which on Linux bridges every call
/// through NSString and showed up in the ingest profile (once per id, timestamp and header).
extension StringProtocol {
    /// The text without leading and trailing white space and line breaks (Unicode White_Space:
    /// spaces, tabs, CR/LF, NBSP, ideographic space and the rest).
    public var trimmingWhitespace: String {
        // Ids and headers nearly always begin and end with a visible ASCII character: nothing
        // to trim, and no Unicode property to look up.
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, (0x21...0x7E).contains(first.value), (0x21...0x7E).contains(last.value) {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return String(self) }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension String {
    /// The same for a String, without the generic path: called from other modules, the
    /// protocol's version runs unspecialised, through witness tables, on every id of every
    /// delivery. A String that begins and ends with visible ASCII is returned as it is.
    public var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return self[...].trimmingWhitespace
    }
}
