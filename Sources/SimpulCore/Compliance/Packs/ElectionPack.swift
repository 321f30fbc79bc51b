import Foundation

/// One election a tenant watches for ASN neutrality (SKB 5 Instansi): its candidates, parties,
/// ballot numbers, campaign hashtags and slogans, valid for a period. Candidates change every
/// election, so this is tenant data, not code.
public struct ElectionContest: Codable, Equatable, Sendable {
    public struct Candidate: Codable, Equatable, Sendable {
        /// Ballot number (nomor urut).
        public var number: Int
        /// The names on the ballot, e.g. ["Hendra Wijaya", "Sri Rahayu"] for a pair.
        public var names: [String]
        public var hashtags: [String]
        public var slogans: [String]
        /// Campaign and personal accounts, as handles without "@".
        public var accounts: [String]

        public init(number: Int, names: [String], hashtags: [String] = [], slogans: [String] = [], accounts: [String] = []) {
            self.number = number
            self.names = names
            self.hashtags = hashtags
            self.slogans = slogans
            self.accounts = accounts
        }
    }

    public struct Party: Codable, Equatable, Sendable {
        public var name: String
        public var abbreviation: String?
        public init(name: String, abbreviation: String? = nil) {
            self.name = name
            self.abbreviation = abbreviation
        }
    }

    public var name: String
    /// First and last day the data applies, inclusive, in the tenant's calendar ("2026-09-01").
    public var validFrom: String
    public var validUntil: String
    public var candidates: [Candidate]
    public var parties: [Party]

    public init(name: String, validFrom: String, validUntil: String, candidates: [Candidate], parties: [Party] = []) {
        self.name = name
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.candidates = candidates
        self.parties = parties
    }

    /// Whether `day` ("yyyy-MM-dd" in the tenant's zone) falls within the validity period.
    public func isActive(on day: String) -> Bool {
        validFrom <= day && day <= validUntil
    }

    /// Lower-cased handles of the candidates' accounts.
    public var candidateAccounts: Set<String> {
        Set(candidates.flatMap(\.accounts).map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@ ")) })
    }
}

extension RulePack {
    public static let skb5Citation = "SKB 5 Instansi tentang Netralitas ASN dalam Pemilu dan Pemilihan (22 September 2022)"

    static let numberWords = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"]

    /// The words of a camel-case tag that ends in its ballot number: "#MajuBersama02" → "=maju bersama 02".
    static func spelledOut(_ tag: String) -> String? {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in tag where character != "#" {
            let boundary = (previous?.isLowercase ?? false && character.isUppercase)
                || (previous.map(\.isNumber) ?? false) != character.isNumber
            if boundary, !current.isEmpty { words.append(current); current = "" }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        guard words.count >= 3, let last = words.last, last.allSatisfy(\.isNumber) else { return nil }
        return "=" + words.map { $0.lowercased() }.joined(separator: " ")
    }

    /// The one-word names a pair goes by, as supporters write them: the first names run
    /// together ("HendraSri"), and the campaign's handles and tags without their ballot digits
    /// ("@yoket03" → "yoket", "#BambangNurAini" → "bambangnuraini"). Hyphenated forms
    /// ("Hendra-Sri") already split into the first names.
    static func shortNames(_ candidate: ElectionContest.Candidate) -> [String] {
        var found: [String] = []
        let firstNames = candidate.names.compactMap { $0.lowercased().split(separator: " ").first.map(String.init) }
        if firstNames.count > 1 { found.append(firstNames.joined()) }
        for handle in candidate.accounts + candidate.hashtags {
            let letters = String(handle.lowercased().filter { $0.isLetter })
            if letters.count >= 5 { found.append(letters) }
        }
        let slogans = Set(candidate.slogans.map { $0.lowercased().filter(\.isLetter) })
        // A tag that spells the slogan ("#TirtamayaBangkit") is the slogan, matched by its own rule.
        return Set(found).subtracting(slogans).sorted().map { "=" + $0 }
    }

    /// The election-neutrality pack for the contests active on `day`; nil when none is.
    public static func skb5(contests: [ElectionContest], on day: String) -> RulePack? {
        let active = contests.filter { $0.isActive(on: day) }
        guard !active.isEmpty else { return nil }
        let candidates = active.flatMap(\.candidates)
        let parties = active.flatMap(\.parties)

        var ballot: [String] = []
        var bare: [String] = []
        for number in Set(candidates.map(\.number)).sorted() {
            bare.append(number < 10 ? "=0\(number)" : "=\(number)")
            let spoken = number < numberWords.count ? [String(number), numberWords[number]] : [String(number)]
            for word in spoken {
                for lead in ["no", "nomor", "nomer", "nmr", "paslon", "urut", "pasangan", "calon", "kandidat", "program", "nomor urut"] {
                    ballot.append("=\(lead) \(word)")
                }
            }
        }
        var names: [String] = []
        for candidate in candidates {
            for name in candidate.names {
                let words = name.lowercased().split(separator: " ").map(String.init)
                guard let first = words.first else { continue }
                names.append(words.joined(separator: " "))
                for honorific in ["pak", "bu", "bapak", "ibu", "mas", "mbak", "bang", "kak", "cak", "bung", "calon"] {
                    names.append("=\(honorific) \(first)")
                }
                if words.count > 1, let last = words.last, last.count >= 5 { names.append("=\(last)") }
                if first.count >= 5 { names.append("=\(first)") }
            }
            names += shortNames(candidate)
        }
        let tags = candidates.flatMap(\.hashtags).map { $0.hasPrefix("#") ? $0.lowercased() : "#" + $0.lowercased() }
        // "#MajuBersama02" typed out as words ("MAJU BERSAMA 02!!!") is the same tag. Only tags
        // with the ballot number: a tag without it spells a slogan or a name, matched elsewhere.
        let spelledTags = candidates.flatMap(\.hashtags).compactMap(Self.spelledOut)
        let slogans = candidates.flatMap(\.slogans).map { $0.lowercased() }
        let accounts = candidates.flatMap(\.accounts).map { "@" + $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@ ")) }
        var partyTerms: [String] = []
        for party in parties {
            partyTerms.append(party.name.lowercased())
            if let abbreviation = party.abbreviation, !abbreviation.isEmpty { partyTerms.append("=" + abbreviation.lowercased()) }
        }
        let contestNames = active.map(\.name).joined(separator: "; ")
        let basis = "(\(skb5Citation); data pemilihan: \(contestNames))"

        let ballotExplanation = "ASN dilarang berkampanye di media sosial, termasuk mengajak memilih atau menyebut dukungan pada nomor urut peserta pemilihan \(basis)."
        var rules = [
            ComplianceRule(
                id: "skb5.nomor-urut", title: "Ajakan memilih nomor urut", severity: .block,
                explanation: ballotExplanation,
                terms: ballot, near: ["$dukungan"], window: 4),
            // A bare "01" is often a queue or form number; it counts only right beside a vote word.
            ComplianceRule(
                id: "skb5.nomor-singkat", title: "Ajakan memilih nomor urut", severity: .block,
                explanation: ballotExplanation,
                // "juara 1" is a contest result, not a ballot number.
                terms: bare, near: ["=pilih", "=coblos", "=contreng", "=saja", "=menang", "=lanjutkan", "=wajib", "=harga mati",
                                    "=terbaik", "=hidup", "=menangkan", "=dukung", "=harus menang", "=pasti menang", "=relawan",
                                    "=posko", "=salam", "=tusuk", "=jaya"], window: 0),
            ComplianceRule(
                id: "skb5.dukungan-kandidat", title: "Dukungan kepada calon", severity: .block,
                explanation: "ASN dilarang mengunggah, mengomentari, membagikan atau menyukai konten yang mendukung calon, dan dilarang berkampanye secara daring \(basis).",
                terms: names, near: ["$dukungan"], window: 6),
            ComplianceRule(
                id: "skb5.kampanye-hitam", title: "Ajakan menolak atau menjelekkan calon", severity: .block,
                explanation: "ASN dilarang berpihak dalam pemilihan, termasuk mengajak tidak memilih atau menjelekkan calon tertentu \(basis).",
                terms: ballot + bare + names + partyTerms,
                near: ["jangan pilih", "jangan coblos", "jangan dukung", "=jangan dipilih", "=jangan kasih kesempatan", "=asal jangan",
                       "=tolak", "=tenggelamkan", "=kalahkan", "=lengserkan", "=jangan sampai menang", "=pelit", "=sombong",
                       "=korupsi", "=kasus korupsi", "=tidak becus", "=didanai", "=bandar", "=zonk", "=cuma omong", "=pembohong",
                       "=penipu", "=jual mimpi", "=janji manis", "=jangan tertipu", "=jangan mau dibohongi", "=boneka",
                       "=dibiayai", "=cukong", "=pikir baik-baik", "=utang", "=ijazah palsu", "=ijazahnya palsu", "=palsu",
                       "=jangan sampai", "=tidak punya pengalaman", "=tidak berpengalaman", "=terima uang", "=suap", "=dijual",
                       "=cukup satu", "=cukup satu periode", "=ganti", "=antek asing", "=bukan pribumi", "=bukan pilihan",
                       "$kebencian"], window: 6, negatable: false),
            // "Coblos yang di tengah", "yang nomornya genap": a ballot number given without its digit.
            ComplianceRule(
                id: "skb5.nomor-terselubung", title: "Petunjuk nomor urut tanpa menyebut angkanya", severity: .block,
                explanation: ballotExplanation,
                terms: ["=coblos yang", "=pilih yang", "=tusuk yang", "=yang nomornya", "=yang nomor urutnya", "=nomor yang"],
                near: ["=tengah", "=di tengah", "=paling kiri", "=paling kanan", "=genap", "=ganjil", "=paling kecil",
                       "=paling besar", "=paling awal", "=paling akhir"], window: 4),
            ComplianceRule(
                id: "skb5.salam-jari", title: "Pose atau salam jari yang menandai nomor urut", severity: .warning,
                explanation: "ASN dilarang berfoto atau berpose dengan gestur yang menandai nomor urut calon, seperti salam satu, dua atau tiga jari \(basis).",
                terms: ["salam satu jari", "salam dua jari", "salam tiga jari", "salam 1 jari", "salam 2 jari", "salam 3 jari",
                        "=satu jari", "=dua jari", "=tiga jari", "=1 jari", "=2 jari", "=3 jari", "=salam jari"]),
        ]
        if !slogans.isEmpty {
            rules.append(ComplianceRule(
                id: "skb5.slogan", title: "Slogan kampanye calon", severity: .block,
                explanation: "ASN dilarang ikut menyebarkan slogan kampanye calon di media sosial \(basis).",
                terms: slogans, near: ["$dukungan"] + names + ballot + tags, window: 5))
        }
        if !tags.isEmpty || !accounts.isEmpty {
            rules.append(ComplianceRule(
                id: "skb5.tagar-kampanye", title: "Tagar atau akun kampanye", severity: .block,
                explanation: "ASN dilarang ikut menyebarkan tagar atau akun kampanye calon di media sosial \(basis).",
                terms: tags + accounts + spelledTags))
        }
        if !partyTerms.isEmpty {
            rules.append(ComplianceRule(
                id: "skb5.partai", title: "Dukungan kepada partai politik", severity: .block,
                explanation: "ASN dilarang menunjukkan keberpihakan kepada partai politik peserta pemilihan \(basis).",
                terms: partyTerms, near: ["$dukungan"], window: 4))
        }
        return RulePack(id: "skb5", name: "SKB 5 Instansi — netralitas ASN",
                        regulation: skb5Citation,
                        summary: "Kampanye, dukungan atau penolakan terhadap calon dan partai, tagar dan slogan kampanye, salam jari nomor urut — berdasarkan data pemilihan yang berlaku.",
                        rules: rules)
    }
}
