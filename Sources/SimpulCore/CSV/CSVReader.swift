/// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a UTF-8 byte-order mark. Also
/// accepts ";" as the separator when the header uses it, as spreadsheets set to Indonesian
/// locale write it.
public enum CSVReader {
    public enum Failure: Error, Equatable, Sendable {
        case empty
        case unterminatedQuote(line: Int)
        case tooManyRows(max: Int)
    }

    public static func parse(_ text: String, maxRows: Int = 5_000) throws(Failure) -> [[String]] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","

        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var quoteStartLine = 1
        var iterator = body.makeIterator()
        var pending: Character? = nil

        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRow() throws(Failure) {
            row.append(field)
            field = ""
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
            if rows.count > maxRows + 1 { throw .tooManyRows(max: maxRows) }
        }

        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else { inQuotes = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteStartLine = line
            case separator:
                row.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                line += 1
                try endRow()
            default:
                field.append(c)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteStartLine) }
        if !field.isEmpty || !row.isEmpty { try endRow() }
        if rows.isEmpty { throw .empty }
        return rows
    }
}
