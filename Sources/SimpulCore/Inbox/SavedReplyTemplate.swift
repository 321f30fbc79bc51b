/// A saved reply's text with variables in braces, filled in for one message:
/// "Terima kasih {nama}, laporan Anda sudah diteruskan ke {unit}."
public enum SavedReplyTemplate {
    /// The variables a saved reply may use, with what they stand for.
    public static let variables: [(name: String, meaning: String)] = [
        ("nama", "nama pengirim pesan"),
        ("unit", "unit kerja pemilik akun"),
        ("akun", "nama akun yang menerima pesan"),
    ]

    /// `text` with every known variable replaced; unknown ones stay as typed.
    public static func render(_ text: String, values: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return result + rest[open...] }
            let name = rest[rest.index(after: open)..<close].lowercased()
            result += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Variables in `text` that are not known, for the editor's error message.
    public static func unknownVariables(in text: String) -> [String] {
        let known = Set(variables.map(\.name))
        var unknown: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close].lowercased()
            if !known.contains(name), !unknown.contains(name) { unknown.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return unknown
    }
}
