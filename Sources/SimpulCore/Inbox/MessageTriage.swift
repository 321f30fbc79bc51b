/// How a message feels.
public enum Sentiment: String, CaseIterable, Codable, Sendable {
    case positive
    case neutral
    case negative
}

/// Sentiment and priority of an inbound message, with the words that decided them, so an
/// operator sees why and can correct it.
public struct Triage: Equatable, Sendable {
    public var sentiment: Sentiment
    public var priority: MessagePriority
    /// Positive minus negative weight after negation and intensifiers.
    public var score: Double
    /// The normalised words or phrases that counted, e.g. "kecewa", "tidak … bagus", "banjir … masuk rumah".
    public var cues: [String]
}

/// Rules, not a model: a lexicon of feeling words, negation that flips them ("gak bagus"),
/// intensifiers that strengthen them ("lama banget"), emoji, and cues of danger and of service
/// failure for priority. Works on the normalised, stemmed tokens of `TextAnalyzer`, so slang and
/// respellings count like the standard words.
public struct MessageTriage: Sendable {
    public let analyzer: TextAnalyzer

    public init(analyzer: TextAnalyzer = TextAnalyzer()) {
        self.analyzer = analyzer
    }

    public func assess(_ text: String) -> Triage {
        let tokens = analyzer.analyze(text)
        let words = tokens.filter { $0.kind == .word && !$0.fromHashtag }
        var score = 0.0
        var cues: [String] = []

        for (index, token) in words.enumerated() {
            guard var weight = Self.weight(of: token, next: index + 1 < words.count ? words[index + 1] : nil) else { continue }
            var cue = token.text
            // "tidak bagus", "gak jelek": a negation up to two words before flips the feeling.
            let window = words[max(0, index - 2)..<index]
            if let negation = window.last(where: { Self.negations.contains($0.text) }), !Self.isBukanMain(words, at: index) {
                weight = -weight * 0.8
                cue = negation.text + " … " + cue
            }
            if words[min(words.count - 1, index + 1)...].prefix(2).contains(where: { Self.intensifiers.contains($0.text) })
                || window.contains(where: { Self.intensifiers.contains($0.text) }) {
                weight *= 1.5
            }
            score += weight
            cues.append(cue)
        }
        for token in tokens where token.kind == .emoji {
            for scalar in token.text.unicodeScalars {
                if Self.positiveEmoji.contains(scalar) { score += 1; cues.append(token.text) }
                if Self.negativeEmoji.contains(scalar) { score -= 1; cues.append(token.text) }
            }
        }
        let exclamations = text.filter { $0 == "!" }.count
        if score < 0, exclamations >= 2 { score -= 0.5 }

        // A question with mild words asks; it does not feel: "KK hilang ngurusnya di mana?".
        let question = Self.isQuestion(text, words: words)
        if question, abs(score) < 2.5 { score = 0 }
        var sentiment: Sentiment = score >= 1 ? .positive : (score <= -1 ? .negative : .neutral)
        let (priority, priorityCues) = Self.priority(words: words, tokens: tokens, sentiment: sentiment, question: question)
        // Danger and lasting failure are bad news even when told without a feeling word.
        if sentiment == .neutral, priority >= .high, !question { sentiment = .negative; score = min(score, -1) }
        return Triage(sentiment: sentiment, priority: priority, score: score, cues: cues + priorityCues)
    }

    // MARK: Feeling

    static func weight(of token: TextToken, next: TextToken?) -> Double? {
        if let phrase = next.map({ token.text + " " + $0.text }) {
            if positivePhrases.contains(phrase) { return 2 }
            if negativePhrases.contains(phrase) { return -2 }
        }
        // Words match as written or by their stem: "bagusnya" is "bagus", "dikecewakan" is "kecewa".
        if positiveWords.contains(token.text) || positiveWords.contains(token.stem) { return 1.5 }
        if negativeWords.contains(token.text) || negativeWords.contains(token.stem) { return -1.5 }
        return nil
    }

    /// "bukan main bagusnya" praises; "bukan" there is no negation.
    static func isBukanMain(_ words: [TextToken], at index: Int) -> Bool {
        index >= 2 && words[index - 2].text == "bukan" && words[index - 1].text == "main"
    }

    static let negations: Set<String> = ["tidak", "bukan", "belum", "kurang", "tak", "jangan", "tanpa"]
    static let intensifiers: Set<String> = ["banget", "sangat", "sekali", "amat", "pol", "parah", "benar-benar", "terlalu", "makin", "main"]

    static let positiveWords: Set<String> = [
        "mantap", "mantul", "keren", "bagus", "hebat", "puas", "ramah", "senang", "bangga", "sukses", "top", "salut", "apresiasi",
        "alhamdulillah", "sip", "jos", "good", "nice", "love", "suka", "indah", "bersih", "rapi", "nyaman", "lancar", "terbaik",
        "sigap", "responsif", "membantu", "terbantu", "berguna", "bermanfaat", "memuaskan", "amanah",
        "semangat", "asri", "cantik", "lezat", "enak", "seru", "istimewa", "recommended",
        "berhasil", "beres", "selesai", "solusi", "kece", "ciamik", "gercep", "syukur", "sae", "pisan",
        "resep", "betah", "adem", "kenceng", "cakep", "praktis", "terharu", "pertahankan", "joss", "transparan", "sebagus",
        "seneng", "dukung", "nuwun", "matur", "selamat", "alhamdulilah", "wow", "mantab", "rapih", "tertib", "canggih",
    ]
    static let positivePhrases: Set<String> = ["terima kasih", "luar biasa", "sangat membantu", "cepat tanggap", "the best", "sukses selalu"]

    static let negativeWords: Set<String> = [
        "kecewa", "lambat", "lelet", "buruk", "jelek", "parah", "rusak", "bau", "kotor", "macet", "bocor", 
        "ribet", "susah", "sulit", "pungli", "korupsi", "bohong", "ditolak", "gagal", "error", "eror", "marah", "kesal", "capek",
        "bosan", "percuma", "nyesel", "menyesal", "zonk", "amblas", "berlubang", "gelap", "padam", "kumuh", "becek", "licin",
        "mampet", "tersumbat", "menumpuk", "numpuk", "telat", "terlambat", "mangkrak", "kacau", "ruwet", "hancur",
        "dirugikan", "dipersulit", "ditelantarkan", "diabaikan", "dicuekin", "cuek", "kasar", "judes", "jutek", "payah",
        "lemot", "down", "sepi", "curang", "pungutan", "calo", "bising", "berisik", "sesak",
        "miris", "sedih", "prihatin", "malu", "memalukan", "keterlaluan", "tega", "zalim", "ngaret", "muter-muter",         "keluh", "protes", "sesal", "ganggu", "tipu", "abai", "ngamuk", "mengamuk", "takut", "ketakutan", "panik", "tercekik",
        "terlantar", "penipuan", "dipotong", "ditahan", "nolak", "menolak", "bolong", "asal-asalan", "mabok", "mabuk", "bahaya",
        "kehabisan", "dinonaktifkan", "meninggal", "korban", "resah", "premanisme", "preman", "ngancem", "mengancam", "overload",
        "meluap", "kebanjiran", "jebol", "abal-abal", "diare", "lalat", "janji", "doang", "overcharge", "mahal",
        "kejepit", "terjepit", "nyetrum", "ketabrak", "tertabrak", "tenggelam", "gulung", "lelah", "muak", "geram",
        "tergenang", "ambrol", "retak", "keruh", "pusing", "bingung",
    ]
    static let negativePhrases: Set<String> = [
        "tidak bisa tidur", "cuma janji", "gulung tikar", "tidak diangkut", "tidak diambil", "tidak keterima", "tidak ada tindakan",
        "tidak jelas", "tidak ada", "belum cair", "belum jadi", "tidak mengalir", "tidak nyala", "tidak becus", "tidak dilayani",
        "tidak diangkat", "tidak dibalas", "tidak direspon", "tidak ditanggapi", "makan gaji", "gaji buta", "buang waktu",
    ]

    static let positiveEmoji: Set<Unicode.Scalar> = ["👍", "😍", "🥰", "❤", "😊", "👏", "🤩", "😁", "🙌", "💯", "😘", "💪", "✨", "🥳", "😄", "😃", "🥺"]
    /// 🙃 and 🤡 after praise mean the opposite.
    static let negativeEmoji: Set<Unicode.Scalar> = ["😡", "🤬", "😤", "👎", "😠", "💢", "😭", "😢", "🤦", "😩", "😫", "🙄", "😒", "😞", "😔", "🙃", "🤡"]

    // MARK: Priority

    /// Danger to life or property now.
    static let urgentWords: Set<String> = [
        "kebakaran", "terbakar", "tenggelam", "hanyut", "tertimbun", "longsor", "kecelakaan", "pingsan", "darurat", "gawat",
        "korsleting", "korslet", "tersengat", "kesetrum", "sekarat", "kritis", "sos", "menimpa", "nimpa",
        "evakuasi", "kejepit", "terjepit", "golok", "ngamuk", "mengamuk", "jebol", "kebawa", "terseret", "percikan", "gosong",
        "nyetrum", "ketabrak", "tertabrak", "sirine", "sepinggang", "sedada", "seleher", "menyembur", "perahu", "ambruk",
        "roboh", "meledak", "ledakan", "tabrakan", "terjebak", "kejang", "pendarahan", "melahirkan",
    ]
    static let urgentPhrases: Set<String> = [
        "masuk rumah", "sampai atap", "setinggi dada", "setinggi pinggang", "anak hilang", "orang hilang", "pohon tumbang",
        "tidak sadar", "sesak napas", "api membesar", "air naik", "cepat datang", "segera datang", "tolong cepat",
        "anak saya", "sejak kemarin", "tidak gerak", "kirim ambulans", "sampai teras", "ke rumah-rumah", "hilang sejak",
    ]
    /// Serious or lasting service failure.
    static let highWords: Set<String> = [
        "pungli", "calo", "amblas", "ambrol", "ancam", "ancaman", "diancam", "berhari-hari", "seminggu", "berminggu-minggu",
        "sebulan", "berbulan-bulan", "menumpuk", "numpuk", "mangkrak", "korupsi", "bansos", "banjir", "tergenang",
        "berkali-kali", "keracunan", "wabah", "demam", "dbd", "premanisme", "ngancem", "mengancam", "resah", "dipotong",
        "penipuan", "dinonaktifkan", "nolak", "menolak", "tercekik", "kacau", "overload", "meluap", "jebol", "diare", "setahun",
        "tahun", "ambulance", "ambulans", "retak", "bocor", "longsor", "pungutan", "iuran",
    ]
    static let highPhrases: Set<String> = [
        "tidak mengalir", "belum cair", "tidak cair", "air mati", "listrik mati", "lampu mati", "sudah lapor", "sudah melapor",
        "tidak ditanggapi", "tidak direspon", "tidak dibalas", "jalan rusak", "minta uang", "uang rokok", "uang pelicin",
    ]

    static let questionWords: Set<String> = ["apakah", "bagaimana", "gimana", "kapan", "berapa", "dimana", "mana", "bisakah", "kenapa", "mengapa", "siapa", "apa"]

    static func isQuestion(_ text: String, words: [TextToken]) -> Bool {
        text.contains("?") || words.first.map { questionWords.contains($0.text) } == true
    }

    /// Selling and follow-back requests: nothing for the city to answer.
    static let spamWords: Set<String> = ["jual", "follback", "pinjaman", "promo", "diskon", "hub", "order", "endorse", "slot", "gacor"]

    static func priority(words: [TextToken], tokens: [TextToken], sentiment: Sentiment, question: Bool) -> (MessagePriority, [String]) {
        var urgent: [String] = [], high: [String] = []
        for (index, token) in words.enumerated() {
            let phrase = index + 1 < words.count ? token.text + " " + words[index + 1].text : nil
            if urgentWords.contains(token.text) { urgent.append(token.text) }
            if let phrase, urgentPhrases.contains(phrase) { urgent.append(phrase) }
            if highWords.contains(token.text) { high.append(token.text) }
            if let phrase, highPhrases.contains(phrase) { high.append(phrase) }
        }
        // A lasting failure: "air mati 3 hari", "sudah 2 minggu".
        for (index, token) in tokens.enumerated() where token.kind == .number && index + 1 < tokens.count {
            if ["hari", "minggu", "bulan"].contains(tokens[index + 1].text), (Int(TextAnalyzer.numberKey(token.text)) ?? 0) >= 2 {
                high.append(token.text + " " + tokens[index + 1].text)
            }
        }
        // A thank-you that mentions a fire is not a fire; two signs of danger are.
        if !urgent.isEmpty, sentiment != .positive || urgent.count >= 2 { return (.urgent, urgent) }
        if !high.isEmpty, sentiment != .positive { return (.high, high) }
        if sentiment == .positive, !question { return (.low, []) }
        if words.contains(where: { spamWords.contains($0.text) }) { return (.low, ["promosi"]) }
        if sentiment == .neutral, !question, words.count <= 4 { return (.low, []) }
        return (.normal, [])
    }
}
