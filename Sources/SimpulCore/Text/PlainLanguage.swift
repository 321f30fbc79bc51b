/// How easy an Indonesian text is to read, for the "bahasa yang sederhana" the seeds ask of
/// government content. The score starts at 100 and loses points for long sentences, long words,
/// jargon and passive verbs; each loss comes with a reason in Indonesian that says what to change.
public struct PlainLanguageReport: Equatable, Sendable {
    public enum Level: String, Sendable {
        case simple = "sederhana"
        case fair = "cukup"
        case hard = "sulit"
    }

    public struct Reason: Equatable, Sendable {
        public var code: String
        public var message: String
        public var penalty: Int
    }

    public struct JargonHit: Equatable, Sendable {
        public var phrase: String
        public var suggestion: String
        public var span: TextSpan
    }

    public var score: Int
    public var level: Level
    public var sentences: Int
    public var words: Int
    public var averageSentenceLength: Double
    public var longWords: Int
    public var passiveVerbs: Int
    public var jargon: [JargonHit]
    public var reasons: [Reason]
}

public enum PlainLanguage {
    /// Sentences longer than this many words on average start to cost points.
    static let sentenceLengthLimit = 20
    /// Words of this many syllables or more count as long.
    static let longWordSyllables = 5

    public static func assess(_ text: String, analyzer: TextAnalyzer) -> PlainLanguageReport {
        let tokens = analyzer.analyze(text).filter { $0.kind == .word && !$0.fromHashtag }
        let surfaceWords = Tokenizer.tokenize(text).filter { $0.kind == .word }
        let sentenceCount = Set(tokens.map(\.sentence)).count
        let wordCount = tokens.count
        let average = sentenceCount == 0 ? 0 : Double(wordCount) / Double(sentenceCount)
        let longWords = surfaceWords.filter { syllables(TextAnalyzer.fold($0.surface)) >= longWordSyllables }.count
        let passive = tokens.filter { isPassive($0, analyzer: analyzer) }.count
        let jargon = jargonHits(tokens, lexicon: analyzer.lexicon)

        var reasons: [PlainLanguageReport.Reason] = []
        if average > Double(sentenceLengthLimit) {
            let penalty = min(30, Int((average - Double(sentenceLengthLimit)).rounded(.up)) * 2)
            reasons.append(.init(code: "kalimat-panjang",
                                 message: "Rata-rata kalimat \(format(average)) kata; usahakan paling banyak \(sentenceLengthLimit) kata per kalimat.",
                                 penalty: penalty))
        }
        if wordCount >= 10 {
            let share = Double(longWords) / Double(wordCount)
            if share > 0.15 {
                let penalty = min(20, Int(((share - 0.15) * 100).rounded(.up)))
                reasons.append(.init(code: "kata-panjang",
                                     message: "\(longWords) dari \(wordCount) kata bersuku kata \(longWordSyllables) atau lebih; pilih kata yang lebih pendek.",
                                     penalty: penalty))
            }
        }
        if !jargon.isEmpty {
            let listed = jargon.prefix(3).map { "“\($0.phrase)” → “\($0.suggestion)”" }.joined(separator: ", ")
            reasons.append(.init(code: "jargon", message: "Ada \(jargon.count) istilah birokratis atau asing: \(listed).",
                                 penalty: min(25, jargon.count * 5)))
        }
        if sentenceCount > 0, Double(passive) / Double(sentenceCount) > 0.5, passive >= 2 {
            reasons.append(.init(code: "kalimat-pasif",
                                 message: "\(passive) kata kerja pasif (di-) dalam \(sentenceCount) kalimat; kalimat aktif lebih mudah dipahami.",
                                 penalty: min(15, passive * 3)))
        }
        let score = max(0, 100 - reasons.map(\.penalty).reduce(0, +))
        let level: PlainLanguageReport.Level = score >= 80 ? .simple : (score >= 60 ? .fair : .hard)
        return PlainLanguageReport(score: score, level: level, sentences: sentenceCount, words: wordCount,
                                   averageSentenceLength: average, longWords: longWords, passiveVerbs: passive,
                                   jargon: jargon, reasons: reasons)
    }

    /// Vowel groups approximate syllables well in Indonesian spelling (ai, au, oi are diphthongs).
    static func syllables(_ word: String) -> Int {
        var count = 0
        var previousVowel = false
        for character in word {
            let vowel = "aiueo".contains(character)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        return count
    }

    /// A di- verb whose stem the stemmer reached by removing that prefix: "disampaikan", "dibangun";
    /// not "dinas", "diri" or "dia", which are roots.
    static func isPassive(_ token: TextToken, analyzer: TextAnalyzer) -> Bool {
        guard token.text.hasPrefix("di"), token.text.count > 4, token.stem != token.text, !token.stem.hasPrefix("di") else {
            return false
        }
        return !analyzer.lexicon.knownWords.contains(token.text) || analyzer.lexicon.knownWords.contains(token.stem)
    }

    static func jargonHits(_ tokens: [TextToken], lexicon: TextLexicon) -> [PlainLanguageReport.JargonHit] {
        let longest = lexicon.jargon.keys.map(\.count).max() ?? 0
        var hits: [PlainLanguageReport.JargonHit] = []
        var index = 0
        while index < tokens.count {
            var matched = 0
            for length in stride(from: min(longest, tokens.count - index), through: 1, by: -1) {
                let words = tokens[index..<(index + length)].map(\.text)
                if let suggestion = lexicon.jargon[words] {
                    let span = TextSpan(start: tokens[index].span.start, end: tokens[index + length - 1].span.end)
                    hits.append(.init(phrase: words.joined(separator: " "), suggestion: suggestion, span: span))
                    matched = length
                    break
                }
            }
            index += max(1, matched)
        }
        return hits
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return text.replacingOccurrences(of: ".", with: ",")
    }
}
