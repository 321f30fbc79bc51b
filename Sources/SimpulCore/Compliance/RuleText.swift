/// The plain-text form in which a tenant writes its own rules, so that a pack is edited in one
/// text box and read back as it was typed:
///
///     [etika.kata-kasar] blokir
///     judul: Kata kasar atau makian
///     penjelasan: Akun resmi wajib santun (Pedoman Etika Pelayanan).
///     kata: goblok, tolol, =dasar bodoh
///     dekat: warga, kamu
///     jarak: 4
///     negasi: tidak
///
/// `dekat`, `jarak`, `kecuali`, `negasi` and `lintas kalimat` are optional (negasi defaults to
/// "ya", lintas kalimat to "tidak"). Lines starting with `#` are comments.
public enum RuleText {
    public struct LineError: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "Baris \(line): \(message)" }
    }

    /// Every problem found in one text, each with its line.
    public struct LineErrors: Error, Equatable, Sendable {
        public var items: [LineError]
    }

    static let severityWords: [String: Severity] = [
        "info": .info, "peringatan": .warning, "warning": .warning, "blokir": .block, "block": .block,
    ]

    public static func parse(_ text: String) -> Result<[ComplianceRule], LineErrors> {
        var rules: [ComplianceRule] = []
        var errors: [LineError] = []
        var current: ComplianceRule?
        var currentLine = 0

        func finish() {
            guard let rule = current else { return }
            for problem in rule.problems() {
                errors.append(LineError(line: currentLine, message: "aturan [\(rule.id)]: \(problem.message)"))
            }
            if rules.contains(where: { $0.id == rule.id }) {
                errors.append(LineError(line: currentLine, message: "kode aturan [\(rule.id)] dipakai dua kali."))
            }
            rules.append(rule)
            current = nil
        }

        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(["\r"]))
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                finish()
                guard let close = line.firstIndex(of: "]") else {
                    errors.append(LineError(line: number, message: "kode aturan harus diapit kurung siku, mis. [etika.kata-kasar] blokir."))
                    continue
                }
                let id = String(line[line.index(after: line.startIndex)..<close]).trimmingCharacters(in: .whitespaces)
                let word = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces).lowercased()
                guard let severity = severityWords[word.isEmpty ? "peringatan" : word] else {
                    errors.append(LineError(line: number, message: "tingkat “\(word)” tidak dikenal; pakai info, peringatan atau blokir."))
                    continue
                }
                current = ComplianceRule(id: id, title: "", severity: severity, explanation: "", terms: [])
                currentLine = number
                continue
            }
            guard current != nil else {
                errors.append(LineError(line: number, message: "mulai setiap aturan dengan [kode] tingkat."))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                errors.append(LineError(line: number, message: "tulis sebagai nama: isi, mis. kata: goblok, tolol."))
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "judul": current?.title = value
            case "penjelasan": current?.explanation = value
            case "kata": current?.terms += list(value)
            case "dekat": current?.near += list(value)
            case "kecuali": current?.unless += list(value)
            case "jarak":
                guard let window = Int(value) else {
                    errors.append(LineError(line: number, message: "jarak harus angka, mis. jarak: 4."))
                    continue
                }
                current?.window = window
            case "negasi":
                switch value.lowercased() {
                case "ya": current?.negatable = true
                case "tidak": current?.negatable = false
                default: errors.append(LineError(line: number, message: "negasi diisi ya atau tidak."))
                }
            case "lintas kalimat":
                switch value.lowercased() {
                case "ya": current?.acrossSentences = true
                case "tidak": current?.acrossSentences = false
                default: errors.append(LineError(line: number, message: "lintas kalimat diisi ya atau tidak."))
                }
            default:
                errors.append(LineError(line: number, message: "“\(key)” tidak dikenal; pakai judul, penjelasan, kata, dekat, jarak, kecuali, negasi atau lintas kalimat."))
            }
        }
        finish()
        if rules.isEmpty, errors.isEmpty {
            errors.append(LineError(line: 1, message: "tulis minimal satu aturan."))
        }
        return errors.isEmpty ? .success(rules) : .failure(LineErrors(items: errors))
    }

    public static func render(_ rules: [ComplianceRule]) -> String {
        rules.map { rule in
            var lines = [
                "[\(rule.id)] \(rule.severity.label)",
                "judul: \(rule.title)",
                "penjelasan: \(rule.explanation)",
                "kata: \(rule.terms.joined(separator: ", "))",
            ]
            if !rule.near.isEmpty {
                lines.append("dekat: \(rule.near.joined(separator: ", "))")
                lines.append("jarak: \(rule.window)")
            }
            if !rule.unless.isEmpty { lines.append("kecuali: \(rule.unless.joined(separator: ", "))") }
            if !rule.negatable { lines.append("negasi: tidak") }
            if rule.acrossSentences { lines.append("lintas kalimat: ya") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }
}

/// The plain-text form of election data: one candidate per line as
/// `nomor | nama; nama | #tagar #tagar | slogan; slogan | @akun @akun`, and one party per line
/// as `Nama Partai (SINGKATAN)`.
public enum ElectionText {
    public static func parseCandidates(_ text: String) -> Result<[ElectionContest.Candidate], RuleText.LineErrors> {
        var candidates: [ElectionContest.Candidate] = []
        var errors: [RuleText.LineError] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(["\r"]))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let number = Int(fields[0]), (1...99).contains(number) else {
                errors.append(.init(line: offset + 1, message: "awali dengan nomor urut 1–99, mis. 01 | Nama Calon; Nama Wakil."))
                continue
            }
            let names = fields.count > 1 ? fields[1].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            guard !names.isEmpty else {
                errors.append(.init(line: offset + 1, message: "nama calon belum diisi."))
                continue
            }
            if candidates.contains(where: { $0.number == number }) {
                errors.append(.init(line: offset + 1, message: "nomor urut \(number) tertulis dua kali."))
            }
            func words(_ index: Int) -> [String] {
                fields.count > index ? fields[index].split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) : []
            }
            let slogans = fields.count > 3 ? fields[3].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            candidates.append(.init(number: number, names: names,
                                    hashtags: words(2).map { $0.hasPrefix("#") ? $0 : "#" + $0 },
                                    slogans: slogans,
                                    accounts: words(4).map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }))
        }
        if candidates.isEmpty, errors.isEmpty { errors.append(.init(line: 1, message: "tulis minimal satu calon.")) }
        return errors.isEmpty ? .success(candidates) : .failure(RuleText.LineErrors(items: errors))
    }

    public static func parseParties(_ text: String) -> [ElectionContest.Party] {
        text.split(whereSeparator: \.isNewline).compactMap { rawLine in
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            if let open = line.lastIndex(of: "("), line.hasSuffix(")") {
                let name = line[..<open].trimmingCharacters(in: .whitespaces)
                let abbreviation = line[line.index(after: open)..<line.index(before: line.endIndex)].trimmingCharacters(in: .whitespaces)
                return .init(name: name, abbreviation: abbreviation.isEmpty ? nil : abbreviation)
            }
            return .init(name: line)
        }
    }

    public static func render(candidates: [ElectionContest.Candidate]) -> String {
        candidates.map { candidate in
            let number = candidate.number < 10 ? "0\(candidate.number)" : String(candidate.number)
            return [number, candidate.names.joined(separator: "; "), candidate.hashtags.joined(separator: " "),
                    candidate.slogans.joined(separator: "; "), candidate.accounts.map { "@" + $0 }.joined(separator: " ")]
                .joined(separator: " | ")
        }.joined(separator: "\n")
    }

    public static func render(parties: [ElectionContest.Party]) -> String {
        parties.map { party in party.abbreviation.map { "\(party.name) (\($0))" } ?? party.name }.joined(separator: "\n")
    }
}
