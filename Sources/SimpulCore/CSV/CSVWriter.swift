public enum CSVWriter {
    /// Quotes a cell when needed, and defuses spreadsheet formulas (=, +, -, @) in user text.
    public static func escape(_ cell: String) -> String {
        var value = cell
        if let first = value.first, "=+-@\t\r".contains(first), Int(value) == nil { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
