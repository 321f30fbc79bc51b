/// Checks texts against rule packs. Rules are compiled once into an index keyed by the first
/// word of every phrase, so a check costs one or two lookups per token whatever the number of
/// rules; a text is analysed once and shared by every rule.
///
/// A match does not count when it is negated just before ("jangan", "tidak boleh") or when the
/// text reports a violation rather than commits it: a warning, a report or a quotation
/// ("Beredar pesan 'sebarkan sebelum dihapus' — itu hoaks"). A text that itself calls for
/// spreading ("… Sebarkan!") reports nothing, whatever words of reporting it borrows.
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
    /// Words after a negation that turn it into an urging: "jangan lupa coblos", "jangan ragu
    /// pilih", "jangan salah pilih".
    static let urgingAfterNegation: Set<String> = ["lupa", "ragu", "salah", "sampai"]
    /// A pronoun that carries a group named in one sentence into the next: "Orang X suka rusuh.
    /// Jangan kasih mereka jabatan."
    static let anaphora: Set<String> = ["mereka"]

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
            // Where the rule's own words stand: a target such as "polisi" is not a reporting cue
            // for the rule that protects it.
            var own = Set<Int>()
            for occurrence in groups[0] + groups[1] { own.formUnion(occurrence.start..<occurrence.end) }
            let hits = Self.hits(terms: groups[0], near: groups[1], rule: located.rule, tokens: tokens)
                .filter { !isCancelled($0, rule: located.rule, tokens: tokens, frame: frame, own: own) }
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
                // speaks of two things. A rule may say otherwise (a call to spread often follows
                // the claim it spreads), and "mereka" carries a group into the next sentence.
                let reach = rule.acrossSentences || sameSentence(term, other, tokens) || refersBack(term, other, tokens) ? rule.window : 1
                if gap <= reach, gap < (best?.1 ?? Int.max) { best = (other, gap) }
            }
            if let best { hits.append(Hit(parts: [term, best.0])) }
        }
        return hits
    }

    static func sameSentence(_ one: Occurrence, _ other: Occurrence, _ tokens: [TextToken]) -> Bool {
        tokens[one.start].sentence == tokens[other.start].sentence
    }

    /// The later of two parts stands in the next sentence, which points back with a pronoun.
    static func refersBack(_ one: Occurrence, _ other: Occurrence, _ tokens: [TextToken]) -> Bool {
        let (first, second) = one.start < other.start ? (one, other) : (other, one)
        let sentence = tokens[second.start].sentence
        guard sentence == tokens[first.start].sentence + 1 else { return false }
        return tokens.contains { $0.sentence == sentence && anaphora.contains($0.text) }
    }

    /// Where the text talks about a violation instead of committing one: reporting words around
    /// a match, or a match inside quotation marks in a text that reports or warns.
    struct ReportFrame {
        var cues: [Bool]
        var urgings: [Bool]
        var consequences: [Bool]
        var quoteCueOutsideQuotes: Bool
        /// The text asks its reader to spread it ("Sebarkan!", "share ke grup") and denies nothing:
        /// it spreads, so words such as "beredar" or "waspada" in it do not make it a report.
        var spreading: Bool

        init(tokens: [TextToken], compiled: CompiledRules) {
            cues = tokens.map { compiled.reporting.matches($0) }
            urgings = tokens.map { compiled.urging.matches($0) }
            consequences = tokens.map { compiled.consequence.matches($0) }
            quoteCueOutsideQuotes = tokens.contains { !$0.quoted && (compiled.reporting.matches($0) || compiled.quoting.matches($0)
                                                                     || compiled.urging.matches($0)
                                                                     || compiled.negation.matches($0)) }
            spreading = Self.callsToSpread(tokens, compiled: compiled)
        }

        static func callsToSpread(_ tokens: [TextToken], compiled: CompiledRules) -> Bool {
            guard !compiled.spreadCalls.isEmpty else { return false }
            for position in tokens.indices {
                if compiled.denials.contains(where: { $0.match(tokens, at: position) != nil }) { return false }
            }
            for position in tokens.indices where !tokens[position].quoted {
                guard compiled.spreadCalls.contains(where: { $0.match(tokens, at: position) != nil }) else { continue }
                // "jangan sebarkan", "tidak perlu dibagikan": a spread call the writer forbids.
                let negated = (max(0, position - 3)..<position).contains { before in
                    tokens[before].clause == tokens[position].clause && compiled.negation.matches(tokens[before])
                }
                if !negated { return true }
            }
            return false
        }
    }

    private func isCancelled(_ hit: Hit, rule: ComplianceRule, tokens: [TextToken], frame: ReportFrame, own: Set<Int>) -> Bool {
        // The hit's own words: "tidak ada gunanya" or "jangan kasih" negate nothing of the hit
        // they belong to, and they are not the writer's negation of its other part.
        var inHit = Set<Int>()
        for part in hit.parts { inHit.formUnion(part.start..<part.end) }
        if rule.negatable {
            for part in hit.parts {
                let clause = tokens[part.start].clause
                var reach = Self.negationReach
                var position = part.start - 1
                while position >= 0, reach > 0, tokens[position].clause == clause {
                    if inHit.contains(position) { position -= 1; continue }
                    let text = tokens[position].text
                    // "Belum tahu benar atau tidak, tapi katanya …": a contrast ends the negation's reach.
                    if Self.contrast.contains(text) { break }
                    // "tidak pernah meminta uang rokok atau salam tempel": a list stays negated.
                    if Self.coordination.contains(text) { reach += 3 }
                    // "yang tidak pilih 02 rugi" mocks the others, and "jangan lupa coblos" urges:
                    // neither negation is the writer's.
                    if compiled.negation.matches(tokens[position]), !(position > 0 && tokens[position - 1].text == "yang"),
                       !(position + 1 < tokens.count && Self.urgingAfterNegation.contains(tokens[position + 1].text)) {
                        return true
                    }
                    reach -= 1
                    position -= 1
                }
            }
        }
        let quoted = hit.parts.contains { part in tokens[part.start..<part.end].allSatisfy(\.quoted) }
        if frame.spreading { return quoted && frame.quoteCueOutsideQuotes }
        let start = hit.start
        let end = hit.parts.map(\.end).max() ?? start
        // "Pemerintah mengecam unggahan yang menghina …": a reporting word between the parts
        // speaks about the rest.
        for position in start..<end where !inHit.contains(position) && !own.contains(position) && frame.cues[position]
            && !praised(position, tokens) && !opinion(position, tokens) {
            if tokens[position].sentence == tokens[start].sentence { return true }
        }
        // Words split out of hashtags do not count towards the distance.
        var seen = 0
        var position = start - 1
        while position >= 0, seen < Self.reportReach, tokens[position].sentence == tokens[start].sentence {
            if frame.cues[position], !own.contains(position), !praised(position, tokens), !opinion(position, tokens) { return true }
            // "mengimbau warga agar tidak …" warns; "mengimbau wali murid memilih …" campaigns.
            if frame.urgings[position], ((position + 1)..<start).contains(where: { between in
                compiled.negation.matches(tokens[between]) || compiled.warning.matches(tokens[between])
            }) {
                return true
            }
            if !tokens[position].fromHashtag { seen += 1 }
            position -= 1
        }
        seen = 0
        position = end
        while position < tokens.count, seen < Self.reportReachAfter, tokens[position].sentence == tokens[end - 1].sentence {
            if frame.consequences[position], !own.contains(position) { return true }
            if !tokens[position].fromHashtag { seen += 1 }
            position += 1
        }
        return quoted && frame.quoteCueOutsideQuotes
    }

    /// "Salut untuk para pelaku bom": the reporting word is what the writer praises.
    private func praised(_ position: Int, _ tokens: [TextToken]) -> Bool {
        (max(0, position - 3)..<position).contains { tokens[$0].sentence == tokens[position].sentence && compiled.praise.matches(tokens[$0]) }
    }

    /// "menurut saya": the writer's own view, not a source being reported.
    static let firstPerson: Set<String> = ["saya", "aku", "gue", "gw"]
    private func opinion(_ position: Int, _ tokens: [TextToken]) -> Bool {
        position + 1 < tokens.count && Self.firstPerson.contains(tokens[position + 1].text)
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
            guard exact else { return token.stem == value }
            // "=cina" also finds the reduplicated "cina-cina" (or "cina2").
            return token.text == value || token.reduplicatedBase == value
        }
    }

    struct Phrase: Sendable {
        var words: [PatternWord]
        var rule: Int
        var group: Int

        /// Words after a number that make it an amount: "1 juta", "3 kg", "50 persen".
        static let units: Set<String> = [
            "juta", "ribu", "rb", "miliar", "triliun", "rupiah", "kg", "kilo", "gram", "ton", "liter", "persen", "km",
            "meter", "cm", "jam", "menit", "detik", "hari", "minggu", "pekan", "bulan", "tahun", "kali", "orang", "anak",
            "warga", "rumah", "unit", "buah", "sr", "derajat", "kursi", "batang", "ekor", "lembar", "titik", "grup",
            "lantai", "tahap",
        ]

        /// A phrase that is one number alone, as a ballot number without its "nomor" is written.
        var isLoneNumber: Bool { words.count == 1 && words[0].value.allSatisfy(\.isNumber) && !words[0].exact }

        /// The end position when the phrase matches at `position`.
        func match(_ tokens: [TextToken], at position: Int) -> Int? {
            guard position + words.count <= tokens.count else { return nil }
            for (offset, word) in words.enumerated() where !word.matches(tokens[position + offset]) {
                return nil
            }
            // A lone "1" in "didenda 1 juta" or "3 kg" is an amount, not a ballot number.
            if isLoneNumber, position + 1 < tokens.count, tokens[position + 1].kind == .word,
               Self.units.contains(tokens[position + 1].text) {
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
    var urging = WordSet()
    var warning = WordSet()
    var praise = WordSet()
    /// Calls to spread a message, and words that deny or correct one.
    var spreadCalls: [Phrase] = []
    var denials: [Phrase] = []

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
        urging = Self.wordSet("imbauan", analyzer: analyzer)
        warning = Self.wordSet("peringatan", analyzer: analyzer)
        praise = Self.wordSet("pujian", analyzer: analyzer)
        spreadCalls = Self.phrases("ajakan-sebar", analyzer: analyzer)
        denials = Self.phrases("bantahan", analyzer: analyzer)
    }

    /// The phrases of a term set, each matched on its own.
    static func phrases(_ name: String, analyzer: TextAnalyzer) -> [Phrase] {
        (TermSets.builtIn[name] ?? []).compactMap { term in
            pattern(term, analyzer: analyzer).map { Phrase(words: $0, rule: -1, group: -1) }
        }
    }

    func candidates(for token: TextToken) -> [Int] {
        var found = byText[token.text] ?? []
        if let base = token.reduplicatedBase, let more = byText[base] { found += more }
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
