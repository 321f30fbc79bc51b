/// Why a listening query was refused, and where: the column is 1-based and counts characters
/// as a person sees them, so the rule form can point at the spot.
public struct ListeningQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case empty
        case tooLong(maximum: Int)
        case tooDeep(maximum: Int)
        case unclosedParenthesis
        case unmatchedClosingParenthesis
        case emptyParentheses
        case unclosedQuote
        case emptyPhrase
        /// An operator (as written: "AND", "NEAR/3") with a side missing.
        case missingOperand(String)
        /// "and", "Or", "near/3": operators are written in capitals.
        case lowercaseOperator(String)
        /// "NEAR" or "ONEAR" without a distance from 1 to 50 after the slash.
        case proximityDistance(ProximityOrder)
        /// NEAR/ONEAR joins terms, phrases, wildcards or OR groups of them, nothing else.
        case proximityOperand(String)
        case wildcardTooShort
        case wildcardNotAtEnd
        case wildcardInPhrase
        case wildcardInField
        case unknownField(String)
        case missingFieldValue(ListeningField)
        case unknownPlatform(String)
        /// A term with nothing the inbox indexes (punctuation, an emoji, a link).
        case nothingSearchable(String)
        /// A query, or one OR branch of it, that only excludes: it would match nearly everything.
        case onlyNegation
    }

    public let problem: Problem
    public let column: Int

    public init(_ problem: Problem, column: Int) {
        self.problem = problem
        self.column = column
    }

    /// The sentence shown next to the rule field.
    public var message: String {
        let at = " di kolom \(column)"
        switch problem {
        case .empty: return "kueri kosong: tulis minimal satu istilah"
        case .tooLong(let maximum): return "kueri terlalu panjang (maksimal \(IndonesianFormat.number(maximum)) karakter)"
        case .tooDeep(let maximum): return "kueri terlalu bertingkat (maksimal \(maximum) tingkat kurung atau NOT)" + at
        case .unclosedParenthesis: return "tanda kurung tidak ditutup" + at
        case .unmatchedClosingParenthesis: return "tanda kurung tutup tanpa pasangan" + at
        case .emptyParentheses: return "tanda kurung kosong" + at
        case .unclosedQuote: return "tanda kutip tidak ditutup" + at
        case .emptyPhrase: return "frasa kosong" + at
        case .missingOperand(let op): return "operator \(op) tanpa istilah" + at
        case .lowercaseOperator(let written):
            return "tulis operator dengan huruf besar (\(written.uppercased())), atau beri tanda kutip bila maksudnya kata \"\(written)\"" + at
        case .proximityDistance(let order): return "\(order.keyword)/n butuh angka 1–50" + at
        case .proximityOperand(let op):
            return "\(op) hanya menghubungkan istilah, frasa, wildcard atau kelompok OR dari itu" + at
        case .wildcardTooShort: return "wildcard butuh minimal 3 huruf sebelum *" + at
        case .wildcardNotAtEnd: return "wildcard * hanya boleh di akhir kata" + at
        case .wildcardInPhrase: return "wildcard * tidak bisa dipakai di dalam frasa" + at
        case .wildcardInField: return "wildcard * tidak bisa dipakai pada nilai bidang" + at
        case .unknownField(let name):
            return "bidang tidak dikenal \"\(name)\"" + at + "; pilih salah satu: " + ListeningField.allCases.map { $0.rawValue + ":" }.joined(separator: ", ")
        case .missingFieldValue(let field): return "bidang \(field.rawValue): belum diberi nilai" + at
        case .unknownPlatform(let value):
            return "platform tidak dikenal \"\(value)\"" + at + "; pilih salah satu: " + Platform.allCases.map(\.rawValue).joined(separator: ", ")
        case .nothingSearchable(let term): return "istilah \"\(term)\" tidak berisi kata yang bisa dicari" + at
        case .onlyNegation:
            return "bagian ini hanya berisi NOT sehingga cocok dengan hampir semua pesan; tambahkan istilah yang dicari" + at
        }
    }

    public var description: String { message }
}
