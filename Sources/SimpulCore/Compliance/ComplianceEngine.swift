/// Checks texts against rule packs. Rules are compiled once into an index keyed by the first
/// word of every phrase, so a check costs one or two lookups per token whatever the number of
/// rules; a text is analysed once and shared by every rule.
///
/// A match does not count when it is negated just before ("jangan", "tidak boleh") or when the
/// text reports a violation rather than commits it: a warning, a report or a quotation
/// ("Beredar pesan 'sebarkan sebelum dihapus' — itu hoaks").
public struct ComplianceEngine: Sendable {
    public let packs: [RulePack]
    public let analyzer: TextAnalyzer
    private let compiled: CompiledRules

    /// How far back a negation reaches, in words.
    static let negationReach = 4
    /// How far back a reporting word reaches, in words.
    static let reportReach = 12
    /// How far after a match a word of consequence reaches ("… dapat dijatuhi hukuman disiplin").
    static let reportReachAfter = 8
    /// Words that end a negation's reach.
    static let contrast: Set<String> = ["tapi", "tetapi", "namun", "padahal", "sedangkan", "asal", "asalkan"]
    /// Words that join the items of a negated list.
    static let coordination: Set<String> = ["atau", "maupun", "ataupun", "dan", "serta"]

    public init(packs: [RulePack], lexicon: TextLexicon = .standard, stemmer: IndonesianStemmer = IndonesianStemmer()) {
        self.packs = packs
        // Rule words count as known, so that respellings of them ("k0munis") are repaired.
        var ruleWords: [String] = []
        for rule in packs.flatMap(\.rules) {
            for term in (rule.terms + rule.near).flatMap(Self.expand) {
                for word in term.split(separator: " ") {
                    let bare = word.hasPrefix("=") ? word.dropFirst() : word
                    if bare.allSatisfy(\.isLetter) { ruleWords.append(String(bare)) }
                }
            }
        }
        let analyzer = TextAnalyzer(lexicon: lexicon.adding(knownWords: ruleWords), stemmer: stemmer)
        self.analyzer = analyzer
        self.compiled = CompiledRules(packs: packs, analyzer: analyzer)
    }

    /// The findings for `text`, one per rule, ordered by where they start. Call
    /// `TextInputProblem.check` first where the text comes from a person.
    public func check(_ text: String, allowList: Set<AllowListEntry> = []) -> [Finding] {
        check(tokens: analyzer.analyze(text), allowList: allowList)
    }

    public func check(tokens analysed: [TextToken], allowList: Set<AllowListEntry> = []) -> [Finding] {
        let tokens = analysed.filter { $0.kind != .emoji }
        guard !tokens.isEmpty else { return [] }
        var occurrences: [Int: [[Occurrence]]] = [:]
        for position in tokens.indices {
            let token = tokens[position]
            for phraseIndex in compiled.candidates(for: token) {
                let phrase = compiled.phrases[phraseIndex]
                guard let end = phrase.match(tokens, at: position) else { continue }
                occurrences[phrase.rule, default: [[], [], []]][phrase.group].append(Occurrence(start: position, end: end))
            }
        }
        guard !occurrences.isEmpty else { return [] }
        let frame = ReportFrame(tokens: tokens, compiled: compiled)
        var findings: [Finding] = []
        for (ruleIndex, groups) in occurrences where groups[2].isEmpty {
            let located = compiled.rules[ruleIndex]
            let hits = Self.hits(terms: groups[0], near: groups[1], rule: located.rule, tokens: tokens)
                .filter { !isCancelled($0, rule: located.rule, tokens: tokens, frame: frame) }
            let kept = hits.filter { !allowList.contains(AllowListEntry(ruleID: located.rule.id, matched: $0.words(tokens))) }
            guard let first = kept.first else { continue }
            // A phrase is one span from its first word to its last, spaces included.
            let spans = Self.merge(kept.flatMap { $0.parts.map { part in
                TextSpan(start: tokens[part.start].span.start, end: tokens[part.end - 1].span.end)
            } })
            let pack = packs[located.pack]
            findings.append(Finding(packID: pack.id, packName: pack.name, ruleID: located.rule.id, ruleTitle: located.rule.title,
                                    severity: located.rule.severity, explanation: located.rule.explanation,
                                    spans: spans, matched: first.words(tokens)))
        }
        return findings.sorted { ($0.spans.first?.start ?? 0, $0.ruleID) < ($1.spans.first?.start ?? 0, $1.ruleID) }
    }

    // MARK: Hits

    struct Occurrence {
        var start: Int
        var end: Int
    }

    struct Hit {
        var parts: [Occurrence]
        var start: Int { parts.map(\.start).min() ?? 0 }

        func words(_ tokens: [TextToken]) -> String {
            parts.sorted { $0.start < $1.start }
                .map { part in tokens[part.start..<part.end].map(\.text).joined(separator: " ") }
                .joined(separator: " … ")
        }
    }

    /// Each term occurrence, paired with the nearest occurrence of a `near` term when the rule
    /// asks for one. Two words split out of hashtags do not make a pair on their own: in
    /// "#MajuBersama02 #YohanesKetut" the parts are tags, not a sentence.
    static func hits(terms: [Occurrence], near: [Occurrence], rule: ComplianceRule, tokens: [TextToken]) -> [Hit] {
        guard !rule.near.isEmpty else { return terms.map { Hit(parts: [$0]) } }
        func fromTags(_ part: Occurrence) -> Bool { tokens[part.start..<part.end].allSatisfy(\.fromHashtag) }
        var hits: [Hit] = []
        for term in terms {
            var best: (Occurrence, Int)?
            for other in near where other.end <= term.start || other.start >= term.end {
                if fromTags(term) && fromTags(other) { continue }
                let gap = other.start >= term.end ? other.start - term.end : term.start - other.end
                // Across a sentence end only neighbours pair: "no 2 ya! Pancasila itu sampah"
                // speaks of two things.
                let sameSentence = tokens[term.start].sentence == tokens[other.start].sentence
                if gap <= (sameSentence ? rule.window : 1), gap < (best?.1 ?? Int.max) { best = (other, gap) }
            }
            if let best { hits.append(Hit(parts: [term, best.0])) }
        }
        return hits
    }

    /// Where the text talks about a violation instead of committing one: reporting words around
    /// a match, or a match inside quotation marks in a text that reports or warns.
    struct ReportFrame {
        var cues: [Bool]
        var consequences: [Bool]
        var quoteCueOutsideQuotes: Bool

        init(tokens: [TextToken], compiled: CompiledRules) {
            cues = tokens.map { compiled.reporting.matches($0) }
            consequences = tokens.map { compiled.consequence.matches($0) }
            quoteCueOutsideQuotes = tokens.contains { !$0.quoted && (compiled.reporting.matches($0) || compiled.quoting.matches($0)
                                                                     || compiled.negation.matches($0)) }
        }
    }

    private func isCancelled(_ hit: Hit, rule: ComplianceRule, tokens: [TextToken], frame: ReportFrame) -> Bool {
        if rule.negatable {
            for part in hit.parts {
                let clause = tokens[part.start].clause
                var reach = Self.negationReach
                var position = part.start - 1
                while position >= 0, reach > 0, tokens[position].clause == clause {
                    let text = tokens[position].text
                    // "Belum tahu benar atau tidak, tapi katanya …": a contrast ends the negation's reach.
                    if Self.contrast.contains(text) { break }
                    // "tidak pernah meminta uang rokok atau salam tempel": a list stays negated.
                    if Self.coordination.contains(text) { reach += 3 }
                    // "yang tidak pilih 02 rugi" mocks the others, and "jangan lupa coblos" urges:
                    // neither negation is the writer's.
                    if compiled.negation.matches(tokens[position]), !(position > 0 && tokens[position - 1].text == "yang"),
                       !(position + 1 < tokens.count && tokens[position + 1].text == "lupa") {
                        return true
                    }
                    reach -= 1
                    position -= 1
                }
            }
        }
        let start = hit.start
        let end = hit.parts.map(\.end).max() ?? start
        // Words split out of hashtags do not count towards the distance.
        var seen = 0
        var position = start - 1
        while position >= 0, seen < Self.reportReach, tokens[position].sentence == tokens[start].sentence {
            if frame.cues[position] { return true }
            if !tokens[position].fromHashtag { seen += 1 }
            position -= 1
        }
        seen = 0
        position = end
        while position < tokens.count, seen < Self.reportReachAfter, tokens[position].sentence == tokens[end - 1].sentence {
            if frame.consequences[position] { return true }
            if !tokens[position].fromHashtag { seen += 1 }
            position += 1
        }
        let quoted = hit.parts.contains { part in tokens[part.start..<part.end].allSatisfy(\.quoted) }
        return quoted && frame.quoteCueOutsideQuotes
    }

    static func merge(_ spans: [TextSpan]) -> [TextSpan] {
        var merged: [TextSpan] = []
        for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = merged.last, span.start <= last.end {
                merged[merged.count - 1].end = max(last.end, span.end)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// A term as written, or the members of the term set it names.
    static func expand(_ term: String) -> [String] {
        let trimmed = term.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("$") { return TermSets.builtIn[String(trimmed.dropFirst())] ?? [] }
        return [trimmed]
    }
}

/// The packs' phrases, indexed by their first word.
struct CompiledRules: Sendable {
    struct PatternWord: Sendable {
        /// Written `<angka>` in a term: any number.
        static let anyNumber = "<angka>"

        var value: String
        var exact: Bool

        func matches(_ token: TextToken) -> Bool {
            if value == Self.anyNumber { return token.kind == .number }
            return exact ? token.text == value : token.stem == value
        }
    }

    struct Phrase: Sendable {
        var words: [PatternWord]
        var rule: Int
        var group: Int

        /// The end position when the phrase matches at `position`.
        func match(_ tokens: [TextToken], at position: Int) -> Int? {
            guard position + words.count <= tokens.count else { return nil }
            for (offset, word) in words.enumerated() where !word.matches(tokens[position + offset]) {
                return nil
            }
            return position + words.count
        }
    }

    /// A set of single words, as stems or exact forms.
    struct WordSet: Sendable {
        var stems: Set<String> = []
        var texts: Set<String> = []
        func matches(_ token: TextToken) -> Bool {
            token.kind == .word && (texts.contains(token.text) || stems.contains(token.stem))
        }
    }

    var rules: [(pack: Int, rule: ComplianceRule)] = []
    var phrases: [Phrase] = []
    var byText: [String: [Int]] = [:]
    var byStem: [String: [Int]] = [:]
    var negation = WordSet()
    var reporting = WordSet()
    var quoting = WordSet()
    var consequence = WordSet()

    init(packs: [RulePack], analyzer: TextAnalyzer) {
        for (packIndex, pack) in packs.enumerated() {
            for rule in pack.rules {
                let ruleIndex = rules.count
                rules.append((packIndex, rule))
                for (group, terms) in [rule.terms, rule.near, rule.unless].enumerated() {
                    for term in terms.flatMap(ComplianceEngine.expand) {
                        guard let words = Self.pattern(term, analyzer: analyzer), let first = words.first else { continue }
                        let index = phrases.count
                        phrases.append(Phrase(words: words, rule: ruleIndex, group: group))
                        if first.exact {
                            byText[first.value, default: []].append(index)
                        } else {
                            byStem[first.value, default: []].append(index)
                        }
                    }
                }
            }
        }
        negation = Self.wordSet("negasi", analyzer: analyzer)
        reporting = Self.wordSet("pelaporan", analyzer: analyzer)
        quoting = Self.wordSet("kutipan", analyzer: analyzer)
        consequence = Self.wordSet("akibat", analyzer: analyzer)
    }

    func candidates(for token: TextToken) -> [Int] {
        var found = byText[token.text] ?? []
        if let stemmed = byStem[token.stem] { found += stemmed }
        if token.kind == .number, let numbers = byStem[PatternWord.anyNumber] { found += numbers }
        return found
    }

    /// A term's words as the analyser sees them; nil for a term with no words.
    static func pattern(_ term: String, analyzer: TextAnalyzer) -> [PatternWord]? {
        let exact = term.hasPrefix("=")
        let body = exact ? String(term.dropFirst()) : term
        var words: [PatternWord] = []
        for piece in body.split(separator: " ") {
            if piece == PatternWord.anyNumber {
                words.append(PatternWord(value: PatternWord.anyNumber, exact: false))
                continue
            }
            for token in analyzer.analyze(String(piece)) where token.kind != .emoji && !token.fromHashtag {
                switch token.kind {
                case .hashtag, .mention, .url: words.append(PatternWord(value: token.text, exact: true))
                // "=paslon 1" must still find "paslon 01": numbers always compare by value.
                case .number: words.append(PatternWord(value: token.stem, exact: false))
                default: words.append(exact ? PatternWord(value: token.text, exact: true) : PatternWord(value: token.stem, exact: false))
                }
            }
        }
        return words.isEmpty ? nil : words
    }

    static func wordSet(_ name: String, analyzer: TextAnalyzer) -> WordSet {
        var set = WordSet()
        for term in TermSets.builtIn[name] ?? [] {
            guard let words = pattern(term, analyzer: analyzer), words.count == 1 else { continue }
            if words[0].exact { set.texts.insert(words[0].value) } else { set.stems.insert(words[0].value) }
        }
        return set
    }
}
