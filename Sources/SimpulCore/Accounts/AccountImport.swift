import Foundation

/// Reads an account list from CSV. All or nothing: if any row is wrong, every problem is
/// reported with its line number and no row is taken, so a half-imported registry never exists.
public enum AccountImport {
    public static let columns = ["platform", "handle", "display_name", "kind", "unit", "owner", "followers", "status"]
    public static let requiredColumns: Set<String> = ["platform", "handle", "display_name", "kind", "unit"]
    public static let maxRows = 2_000

    public struct RowProblem: Equatable, Sendable {
        /// 1-based line in the file, the header being line 1; 0 for problems with the file itself.
        public let line: Int
        public let field: String
        public let issue: FieldIssue
    }

    public enum FileProblem: Equatable, Sendable {
        case empty
        case unreadable(line: Int)
        case tooManyRows(max: Int)
        case missingColumns([String])
        case noRows
    }

    public enum Outcome: Equatable, Sendable {
        case ready([AccountDraft])
        case rejected(file: FileProblem?, rows: [RowProblem])
    }

    public static func read(
        _ text: String,
        findUnit: (String) -> UUID?,
        findOwner: (String) -> UUID?,
        handleExists: (Platform, String) -> Bool
    ) -> Outcome {
        let table: [[String]]
        do {
            table = try CSVReader.parse(text, maxRows: maxRows)
        } catch {
            switch error {
            case .empty: return .rejected(file: .empty, rows: [])
            case .unterminatedQuote(let line): return .rejected(file: .unreadable(line: line), rows: [])
            case .tooManyRows(let max): return .rejected(file: .tooManyRows(max: max), rows: [])
            }
        }
        let header = table[0].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = requiredColumns.subtracting(header).sorted()
        if !missing.isEmpty { return .rejected(file: .missingColumns(missing), rows: []) }
        let body = table.dropFirst()
        if body.isEmpty { return .rejected(file: .noRows, rows: []) }

        var drafts: [AccountDraft] = []
        var problems: [RowProblem] = []
        var seen: [String: Int] = [:]
        for (offset, row) in body.enumerated() {
            let line = offset + 2
            func cell(_ name: String) -> String? {
                guard let index = header.firstIndex(of: name), index < row.count else { return nil }
                return row[index]
            }
            let input = AccountInput(platform: cell("platform"), handle: cell("handle"), displayName: cell("display_name"),
                                     kind: cell("kind"), unit: cell("unit"), owner: cell("owner"),
                                     followers: cell("followers"), status: cell("status"))
            switch AccountValidation.validate(input, findUnit: findUnit, findOwner: findOwner) {
            case .failure(let box):
                problems += box.errors.items.map { RowProblem(line: line, field: $0.field, issue: $0.issue) }
            case .success(let draft):
                let key = draft.platform.rawValue + "/" + draft.handle
                if seen[key] != nil || handleExists(draft.platform, draft.handle) {
                    problems.append(RowProblem(line: line, field: "handle", issue: .duplicate))
                } else {
                    seen[key] = line
                    drafts.append(draft)
                }
            }
        }
        return problems.isEmpty ? .ready(drafts) : .rejected(file: nil, rows: problems)
    }
}
