import Foundation

/// Turns analysed tokens into a `HoaxDocument`, with the vocabulary's lists stemmed once by the
/// same analyzer that reads the texts, so both sides of every comparison are spelt alike.
public struct HoaxTermExtractor: Sendable {
    private let stopTexts: Set<String>
    private let chatterStems: Set<String>
    private let singleSynonyms: [String: String]
    private let phraseSynonyms: [[String]: String]
    private let longestPhrase: Int
    private let numberWords: [String: Int]
    private let multipliers: [String: Double]
    private let refutationWords: Set<String>
    private let refutationPhrases: [[String]]
    private let negators: Set<String>
    private let countedUnits: Set<String>

    /// How many words after a negator it still reaches, within its clause: "tidak dipungut
    /// biaya Rp100 ribu" negates the amount too.
    static let negationReach = 4

    public init(vocabulary: HoaxVocabulary = .standard, analyzer: TextAnalyzer) {
        func words(_ phrase: String) -> [TextToken] {
            analyzer.analyze(phrase).filter { $0.kind == .word || $0.kind == .number }
        }
        stopTexts = Set(vocabulary.stopwords.flatMap { words($0).map(\.text) })
        chatterStems = Set(HoaxVocabulary.chatter.flatMap { words($0).map(\.stem) })
        var single: [String: String] = [:]
        var phrases: [[String]: String] = [:]
        for group in vocabulary.synonymGroups {
            guard let first = group.first else { continue }
            let canonical = words(first).map(\.stem).joined(separator: "_")
            guard !canonical.isEmpty else { continue }
            for phrase in group {
                let stems = words(phrase).map(\.stem)
                if stems.count == 1 {
                    single[stems[0]] = canonical
                } else if stems.count > 1 {
                    phrases[stems] = canonical
                }
            }
        }
        singleSynonyms = single
        phraseSynonyms = phrases
        longestPhrase = phrases.keys.map(\.count).max() ?? 1
        numberWords = vocabulary.numberWords
        multipliers = vocabulary.multipliers
        refutationWords = Set(vocabulary.refutationWords)
        refutationPhrases = vocabulary.refutationPhrases
        negators = Set(vocabulary.negators)
        countedUnits = Set(vocabulary.countedUnits)
    }

    /// `source` is the text the tokens came from. With it, only a negator written formally
    /// ("tidak", "bukan") makes words negated: clarifications are written that way, while the
    /// "gak"/"nggak" of social media is far more often part of the rumour itself ("kartu KKS gak
    /// bisa dipake lagi") than a denial of it.
    public func document(_ tokens: [TextToken], source: String? = nil) -> HoaxDocument {
        var scalars: [Unicode.Scalar]? = nil
        func writtenFormally(_ token: TextToken) -> Bool {
            guard let source else { return true }
            if scalars == nil { scalars = Array(source.unicodeScalars) }
            guard let scalars, token.span.start >= 0, token.span.end <= scalars.count, token.span.start < token.span.end else { return true }
            var surface = ""
            surface.unicodeScalars.append(contentsOf: scalars[token.span.start..<token.span.end])
            return negators.contains(TextAnalyzer.fold(surface))
        }
        // Words and numbers only; a hashtag's own token is left out, the words split from it stay.
        let words = tokens.filter { $0.kind == .word || $0.kind == .number }
        let texts = words.map(\.text)
        var terms: [String] = []
        var negated: [HoaxPolarity] = []
        var refutation = false
        var negatorAt: (clause: Int, index: Int, formal: Bool)? = nil
        var index = 0
        while index < words.count {
            let token = words[index]
            let reached = negatorAt.map { $0.clause == token.clause && index - $0.index <= Self.negationReach } ?? false
            let isNegated = reached
            let polarity: HoaxPolarity = !reached ? .affirmed : negatorAt?.formal == true ? .negated : .uncertain
            if token.kind == .word, refutationWords.contains(token.text), !isNegated { refutation = true }
            if token.kind == .word, !refutation, startsRefutationPhrase(texts, at: index) { refutation = true }
            if let (canonicalTerm, length) = phrase(at: index, in: words) {
                terms.append(canonicalTerm)
                negated.append(polarity)
                index += length
                continue
            }
            if token.kind == .word, negators.contains(token.text) {
                negatorAt = (token.clause, index, writtenFormally(token))
                index += 1
                continue
            }
            // Amounts: "15.000", "15 ribu" and "15rb" are one number.
            if token.kind == .number {
                // "Rp3.500.000" reaches here as 3 · "." · 500 · "." · 000, all from one raw
                // token (one span): glue the run back before reading it.
                var digits = token.text
                while index + 2 < words.count, words[index + 1].span == token.span, words[index + 2].span == token.span,
                      words[index + 1].text == "." || words[index + 1].text == ",", words[index + 2].kind == .number {
                    digits += words[index + 1].text + words[index + 2].text
                    index += 2
                }
                var value = Self.numberValue(digits)
                if index + 1 < words.count, let factor = multipliers[words[index + 1].text], let base = value {
                    value = base * factor
                    index += 1
                }
                terms.append(value.map(Self.numberTerm) ?? token.stem)
                negated.append(polarity)
                index += 1
                continue
            }
            if let number = numberWords[token.text] {
                var value = Double(number)
                if index + 1 < words.count, let factor = multipliers[words[index + 1].text] {
                    value *= factor
                    index += 1
                }
                terms.append(Self.numberTerm(value))
                negated.append(polarity)
                index += 1
                continue
            }
            if token.text.hasPrefix("se"), countedUnits.contains(String(token.text.dropFirst(2))) {
                terms.append("1")
                terms.append(canonical(String(token.text.dropFirst(2))))
                negated.append(contentsOf: [polarity, polarity])
                index += 1
                continue
            }
            if stopTexts.contains(token.text) || chatterStems.contains(token.stem) || token.stem.count < 2 {
                index += 1
                continue
            }
            terms.append(canonical(token.stem))
            negated.append(polarity)
            index += 1
        }
        return HoaxDocument(terms: terms, polarity: negated, hasRefutationCue: refutation)
    }

    private func canonical(_ stem: String) -> String {
        singleSynonyms[stem] ?? stem
    }

    /// The longest synonym phrase starting at `index`, by stems.
    private func phrase(at index: Int, in words: [TextToken]) -> (String, Int)? {
        guard longestPhrase > 1 else { return nil }
        var length = min(longestPhrase, words.count - index)
        while length > 1 {
            let stems = words[index..<(index + length)].map(\.stem)
            if let canonical = phraseSynonyms[stems] { return (canonical, length) }
            length -= 1
        }
        return nil
    }

    private func startsRefutationPhrase(_ texts: [String], at index: Int) -> Bool {
        for phrase in refutationPhrases where index + phrase.count <= texts.count {
            if Array(texts[index..<(index + phrase.count)]) == phrase { return true }
        }
        return false
    }

    /// "15.000" → 15000, "3,5" → 3.5, "1.200.000" → 1200000, "23.00" → 23 (a time).
    static func numberValue(_ text: String) -> Double? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        var plain = text
        if groups.count > 1 {
            let thousands = groups.dropFirst().allSatisfy { $0.count == 3 }
            plain = thousands ? groups.joined() : groups[0] + "." + groups[1...].joined()
        }
        plain = plain.replacingOccurrences(of: ",", with: ".")
        return Double(plain)
    }

    static func numberTerm(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
