/// The start of a longer text for a list or a menu: a text longer than `length` characters is
/// cut, leaving room, and ends in an ellipsis.
public enum TextSnippet {
    public static func of(_ text: String, length: Int = 120) -> String {
        text.count > length ? String(text.prefix(length - 3)) + "…" : text
    }
}
