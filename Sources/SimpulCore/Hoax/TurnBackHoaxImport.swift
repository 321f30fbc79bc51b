import Foundation

/// Reads fact-checks exported in TurnBackHoax's layout (one row per article: title, content,
/// fact or conclusion, references, tags, date) into register entries. Title and content are
/// required; the label comes from the title's bracket ("[HOAKS] …") and the First Draft type,
/// when there is one, from the tags. Every bad row is reported with its line, and good rows are
/// still returned, so the admin can fix the file and see what would be taken.
public enum TurnBackHoaxImport {
    public static let maxRows = 20_000

    enum Column: CaseIterable {
        case title, content, conclusion, references, tags, date

        /// Header names accepted, the English one first as TurnBackHoax writes it.
        var names: [String] {
            switch self {
            case .title: ["title", "judul"]
            case .content: ["content", "narasi", "isi", "claim", "klaim"]
            case .conclusion: ["fact", "conclusion", "kesimpulan", "penjelasan", "fakta"]
            case .references: ["references", "reference", "referensi", "sumber"]
            case .tags: ["tags", "tag", "kategori"]
            case .date: ["date", "tanggal"]
            }
        }
    }

    public struct Row: Sendable, Equatable {
        /// 1-based line in the file, the header being line 1.
        public var line: Int
        /// The title without its bracketed label.
        public var title: String
        public var content: String
        public var conclusion: String?
        public var references: [String]
        public var tags: [String]
        public var date: String?
        public var label: HoaxLabel?
        public var type: HoaxType?
    }

    public enum FileProblem: Error, Equatable, Sendable {
        case empty
        case unreadable(line: Int)
        case tooManyRows(max: Int)
        case missingColumns([String])
        case noRows

        public var message: String {
            switch self {
            case .empty: "Berkas kosong."
            case .unreadable(let line): "Berkas tidak dapat dibaca: tanda kutip yang dibuka di baris \(line) tidak pernah ditutup."
            case .tooManyRows(let max): "Berkas berisi lebih dari \(max) baris. Bagi menjadi beberapa berkas."
            case .missingColumns(let columns): "Kolom wajib tidak ada: \(columns.joined(separator: ", "))."
            case .noRows: "Berkas hanya berisi baris judul kolom, tanpa data."
            }
        }
    }

    public enum RowIssue: Equatable, Sendable {
        case missingTitle
        case missingContent
        case extraFields(expected: Int, found: Int)
        case invalidDate(String)
        case unknownLabel(String)
    }

    public struct RowProblem: Equatable, Sendable {
        public var line: Int
        public var issue: RowIssue

        public var message: String {
            switch issue {
            case .missingTitle: "Baris \(line): judul (title) kosong."
            case .missingContent: "Baris \(line): isi klaim (content) kosong."
            case .extraFields(let expected, let found): "Baris \(line): berisi \(found) kolom, padahal judul kolom hanya \(expected). Periksa tanda koma atau kutip."
            case .invalidDate(let text): "Baris \(line): tanggal \"\(text)\" tidak dikenali. Tulis sebagai 2026-12-07 atau 07/12/2026."
            case .unknownLabel(let text): "Baris \(line): label \"\(text)\" tidak dikenal. Gunakan [HOAKS], [DISINFORMASI], [MISINFORMASI], [FAKTA] atau [KLARIFIKASI]."
            }
        }
    }

    public struct Outcome: Sendable, Equatable {
        public var rows: [Row]
        public var problems: [RowProblem]
    }

    public static func read(_ text: String) throws(FileProblem) -> Outcome {
        let table: [[String]]
        do {
            table = try CSVReader.parse(text, maxRows: maxRows)
        } catch {
            switch error {
            case .empty: throw .empty
            case .unterminatedQuote(let line): throw .unreadable(line: line)
            case .tooManyRows(let max): throw .tooManyRows(max: max)
            }
        }
        let header = table[0].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var position: [Column: Int] = [:]
        for column in Column.allCases {
            if let index = header.firstIndex(where: { column.names.contains($0) }) { position[column] = index }
        }
        let missing = [Column.title, .content].filter { position[$0] == nil }.map { $0.names[0] }
        if !missing.isEmpty { throw .missingColumns(missing) }
        let body = table.dropFirst()
        if body.isEmpty { throw .noRows }

        var outcome = Outcome(rows: [], problems: [])
        for (offset, cells) in body.enumerated() {
            let line = offset + 2
            func cell(_ column: Column) -> String? {
                guard let index = position[column], index < cells.count else { return nil }
                let value = cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            var issues: [RowIssue] = []
            if cells.count > header.count, cells[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                issues.append(.extraFields(expected: header.count, found: cells.count))
            }
            let rawTitle = cell(.title)
            if rawTitle == nil { issues.append(.missingTitle) }
            let content = cell(.content)
            if content == nil { issues.append(.missingContent) }
            let date = cell(.date)
            if let date, !Self.isDate(date) { issues.append(.invalidDate(date)) }
            var label: HoaxLabel?
            var title = rawTitle ?? ""
            if let (bracket, rest) = Self.splitLabel(title) {
                if let parsed = HoaxLabel(parsing: bracket) {
                    label = parsed
                    title = rest
                } else if !Self.isFreeBracket(bracket) {
                    issues.append(.unknownLabel(bracket))
                }
            }
            guard issues.isEmpty, let content else {
                outcome.problems += issues.map { RowProblem(line: line, issue: $0) }
                continue
            }
            let tags = Self.list(cell(.tags))
            outcome.rows.append(Row(line: line, title: title, content: content, conclusion: cell(.conclusion),
                                    references: Self.list(cell(.references)), tags: tags, date: date, label: label,
                                    type: tags.lazy.compactMap(HoaxType.init(parsing:)).first))
        }
        return outcome
    }

    /// "[HOAKS] Air mati" → ("[HOAKS]", "Air mati").
    static func splitLabel(_ title: String) -> (String, String)? {
        guard title.hasPrefix("["), let close = title.firstIndex(of: "]") else { return nil }
        let bracket = String(title[...close])
        let rest = title[title.index(after: close)...].trimmingCharacters(in: .whitespaces)
        return (bracket, rest)
    }

    /// Fact-checkers' verdicts that are no register label: "[BELUM TERBUKTI]", "[HASUT]",
    /// "[PARODI]". They stay in the title; the row has no label.
    static func isFreeBracket(_ bracket: String) -> Bool {
        ["[belum terbukti]", "[hasut]", "[parodi]", "[satire]", "[penipuan]", "[fitnah]"].contains(bracket.lowercased())
            && HoaxLabel(parsing: bracket) == nil
    }

    /// Tags and references: separated by commas, semicolons or new lines.
    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// 2026-12-07, 2026-12-07T10:00:00Z, 07/12/2026 or 07-12-2026, with a real month and day.
    static func isDate(_ text: String) -> Bool {
        let datePart = text.split(whereSeparator: { $0 == "T" || $0 == " " }).first.map(String.init) ?? text
        let parts = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return false }
        let (year, month, day) = datePart.count >= 10 && datePart.prefix(4).allSatisfy(\.isNumber) ? (a, b, c) : (c, b, a)
        guard (1900...2200).contains(year), (1...12).contains(month) else { return false }
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }
}
