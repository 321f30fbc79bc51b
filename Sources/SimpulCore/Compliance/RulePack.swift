import Foundation

/// How serious a finding is. A `block` stops a draft from being submitted unless an approver
/// overrides it with a written reason.
public enum Severity: String, Codable, CaseIterable, Comparable, Sendable {
    case info
    case warning
    case block

    public var label: String {
        switch self {
        case .info: "info"
        case .warning: "peringatan"
        case .block: "blokir"
        }
    }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .block: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One rule: a list of terms, optionally required to occur near a second list of terms.
///
/// Terms are phrases written in plain words and are matched on the normalised, stemmed text,
/// so "menghina" also finds "penghinaan" and "dihina". In a term:
/// - `$name` stands for a shared term set (see `TermSets`), e.g. `$target-negara`;
/// - `=kata` matches that exact normalised word only, not other words with its stem;
/// - `#tagar` and `@akun` match hashtags and mentions; digits match numbers ("2" finds "02").
public struct ComplianceRule: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var severity: Severity
    /// Shown with every finding, in Indonesian; cites the regulation.
    public var explanation: String
    public var terms: [String]
    /// When not empty, a term must have one of these within `window` words to count.
    public var near: [String]
    public var window: Int
    /// A negation just before the match ("jangan", "tidak boleh") cancels it.
    public var negatable: Bool
    /// When any of these occurs anywhere in the text the rule does not apply, e.g. a question
    /// that asks whether a rumour is true is not spreading it.
    public var unless: [String]
    /// A `near` term may stand in another sentence within `window` words. Off by default, because
    /// two sentences usually speak of two things; on for a call to spread, which often follows
    /// the claim it spreads ("Tanggul jebol malam ini. Sebarkan!").
    public var acrossSentences: Bool

    public init(id: String, title: String, severity: Severity, explanation: String, terms: [String],
                near: [String] = [], window: Int = 5, negatable: Bool = true, unless: [String] = [],
                acrossSentences: Bool = false) {
        self.id = id
        self.title = title
        self.severity = severity
        self.explanation = explanation
        self.terms = terms
        self.near = near
        self.window = window
        self.negatable = negatable
        self.unless = unless
        self.acrossSentences = acrossSentences
    }

    enum CodingKeys: String, CodingKey {
        case id, title, severity, explanation, terms, near, window, negatable, unless, acrossSentences
    }

    /// Rules stored before `unless` or `acrossSentences` existed decode with an empty list and
    /// within one sentence.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        severity = try container.decode(Severity.self, forKey: .severity)
        explanation = try container.decode(String.self, forKey: .explanation)
        terms = try container.decode([String].self, forKey: .terms)
        near = try container.decodeIfPresent([String].self, forKey: .near) ?? []
        window = try container.decodeIfPresent(Int.self, forKey: .window) ?? 5
        negatable = try container.decodeIfPresent(Bool.self, forKey: .negatable) ?? true
        unless = try container.decodeIfPresent([String].self, forKey: .unless) ?? []
        acrossSentences = try container.decodeIfPresent(Bool.self, forKey: .acrossSentences) ?? false
    }
}

/// A named set of rules with the regulation they apply.
public struct RulePack: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    /// The regulation or policy, as cited in explanations ("SKB 11 Instansi 2019").
    public var regulation: String
    public var summary: String
    public var rules: [ComplianceRule]

    public init(id: String, name: String, regulation: String, summary: String, rules: [ComplianceRule]) {
        self.id = id
        self.name = name
        self.regulation = regulation
        self.summary = summary
        self.rules = rules
    }

    /// The packs every tenant has. The election pack is built from each tenant's election data.
    public static let builtInIDs = ["skb11", "skb5", "se137"]

    public static var builtIn: [RulePack] { [.skb11, .se137] }
}

/// Why a rule or pack cannot be used as written.
public struct RuleProblem: Error, Equatable, Sendable {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

extension ComplianceRule {
    public static let maxTerms = 500
    public static let maxWindow = 30

    /// The problems an editor must fix before a tenant rule is saved, in Indonesian.
    public func problems(knownSets: Set<String> = Set(TermSets.builtIn.keys)) -> [RuleProblem] {
        var problems: [RuleProblem] = []
        if id.isEmpty || id.count > 80 || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }) {
            problems.append(RuleProblem(field: "id", message: "Kode aturan wajib diisi: huruf, angka, titik atau tanda hubung, paling banyak 80 karakter."))
        }
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(RuleProblem(field: "title", message: "Judul aturan belum diisi."))
        }
        if explanation.trimmingCharacters(in: .whitespaces).count < 10 {
            problems.append(RuleProblem(field: "explanation", message: "Penjelasan minimal 10 karakter dan sebaiknya menyebut aturan yang dilanggar."))
        }
        for (field, list) in [("terms", terms), ("near", near), ("unless", unless)] {
            if field == "terms", list.isEmpty {
                problems.append(RuleProblem(field: field, message: "Isi minimal satu kata atau frasa."))
            }
            if list.count > Self.maxTerms {
                problems.append(RuleProblem(field: field, message: "Paling banyak \(Self.maxTerms) kata atau frasa."))
            }
            for term in list {
                for word in term.split(separator: " ") where word.hasPrefix("$") {
                    if !knownSets.contains(String(word.dropFirst())) {
                        problems.append(RuleProblem(field: field, message: "Kumpulan kata “\(word)” tidak dikenal."))
                    }
                }
            }
        }
        if !near.isEmpty, !(1...Self.maxWindow).contains(window) {
            problems.append(RuleProblem(field: "window", message: "Jarak kata harus antara 1 dan \(Self.maxWindow)."))
        }
        return problems
    }
}
