import Foundation

/// Turns tidy sentences into the way people actually type: "yang" becomes "yg", "tidak" becomes
/// "gak", letters get stretched ("lamaaa"), "anak-anak" becomes "anak2", and now and then two
/// letters swap. Mentions, hashtags and links are never touched.
enum SandboxSlang {
    static let abbreviations: [String: [String]] = [
        "yang": ["yg"], "tidak": ["gak", "tdk", "ga", "nggak"], "gak": ["ga", "gk", "nggak"], "sudah": ["udh", "udah", "sdh"],
        "karena": ["krn", "karna"], "gimana": ["gmn", "gmana"], "bagaimana": ["gmn", "gimana", "bgmn"], "kenapa": ["knp", "napa"],
        "saya": ["sy", "aku", "sya"], "banget": ["bgt", "bngt"], "belum": ["blm", "belom"], "dengan": ["dgn", "sama"],
        "untuk": ["utk", "buat"], "juga": ["jg"], "tolong": ["tlg", "tlong"], "lagi": ["lg"], "bisa": ["bs", "bsa"],
        "sekarang": ["skrg", "skrng"], "tapi": ["tp", "tpi"], "kalau": ["kalo", "klo", "klw"], "dari": ["dr"], "aja": ["aj", "ajah"],
        "saja": ["aja", "sj"], "sampai": ["sampe", "smp"], "begitu": ["gitu"], "mau": ["mo", "mw"], "sama": ["sm"],
        "dong": ["donk", "dongg"], "ya": ["yaa", "yah", "y"], "bapak": ["bpk"], "orang": ["org"], "sangat": ["sgt", "bgt"],
        "masih": ["msh", "masi"], "terus": ["trs", "trus"], "bagus": ["bgs"], "makasih": ["mksh", "makasi", "thx"],
        "habis": ["abis"], "kemarin": ["kmrn", "kemaren"], "banyak": ["byk"], "benar": ["bener", "bnr"], "sekali": ["bgt", "skali"],
        "seperti": ["kayak", "kyk", "spt"], "memang": ["emang", "emg"], "cuma": ["cm", "cuman"], "pernah": ["prnh"],
        "semua": ["smua"], "minggu": ["mgg"], "malam": ["mlm"], "pagi": ["pg"], "bulan": ["bln"], "tahun": ["thn"],
        "jadi": ["jd"], "nggak": ["ngga", "gak"], "pakai": ["pake"],
        "mohon": ["mhn"], "informasi": ["info"], "segera": ["sgr", "segera"], "tanya": ["tny", "nanya"], "gitu": ["gt"],
    ]

    static let stretchable: Set<String> = [
        "lama", "banget", "bgt", "parah", "capek", "gelap", "mahal", "keren", "mantap", "lambat", "susah", "tolong", "bau",
        "panas", "macet", "lelet", "kotor", "mulus", "cepat", "ramai", "sabar", "bagus", "pliss", "please",
    ]

    static func roughen(_ text: String, level: Double, tone: SandboxTone, rng: inout SandboxRandom) -> String {
        guard level > 0 else { return text }
        var working = text
        if rng.chance(level) {
            let thanks = rng.pick(["makasih", "trims", "tq", "mksh", "makasi"])
            working = working.replacingOccurrences(of: "terima kasih", with: thanks)
                .replacingOccurrences(of: "Terima kasih", with: thanks.prefix(1).uppercased() + thanks.dropFirst())
        }
        var tokens = working.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var stretched = false
        for index in tokens.indices {
            let token = tokens[index]
            guard isPlainWord(token) else { continue }
            let (lead, core, trail) = split(token)
            guard !core.isEmpty else { continue }
            let lower = core.lowercased()
            var replaced = core
            if let options = abbreviations[lower], rng.chance(level) {
                replaced = rng.pick(options)
                if core.first?.isUppercase == true { replaced = replaced.prefix(1).uppercased() + replaced.dropFirst() }
            }
            if let dash = replaced.firstIndex(of: "-"), rng.chance(0.3 + level / 2) {
                let head = replaced[..<dash], tail = replaced[replaced.index(after: dash)...]
                if head.lowercased() == tail.lowercased() { replaced = head + "2" }
            }
            if !stretched, stretchable.contains(replaced.lowercased()), rng.chance(level * 0.8), let last = replaced.last {
                replaced += String(repeating: String(last), count: rng.int(2...4))
                stretched = true
            }
            tokens[index] = lead + replaced + trail
        }
        // One swapped pair of letters, as thumbs do.
        if rng.chance(level * 0.35) {
            let candidates = tokens.indices.filter { isPlainWord(tokens[$0]) && tokens[$0].count >= 6 }
            if let index = candidates.sandboxPick(&rng) {
                var letters = Array(tokens[index])
                let at = rng.int(1...(letters.count - 3))
                if letters[at].isLetter, letters[at + 1].isLetter { letters.swapAt(at, at + 1) }
                tokens[index] = String(letters)
            }
        }
        // Digits for letters in a word, now and then.
        if rng.chance(level * 0.03) {
            let candidates = tokens.indices.filter { isPlainWord(tokens[$0]) && tokens[$0].count >= 5 }
            if let index = candidates.sandboxPick(&rng) {
                tokens[index] = String(tokens[index].map { c -> Character in
                    switch c {
                    case "a": "4"
                    case "e": "3"
                    case "i": "1"
                    case "o": "0"
                    default: c
                    }
                })
            }
        }
        var result = tokens.joined(separator: " ")
        if (tone == .complaint || tone == .hostile || tone == .hoax), rng.chance(level * 0.5) {
            if result.hasSuffix("?") { result += rng.pick(["?", "??", "?!"]) } else if result.hasSuffix("!") { result += "!!" }
        }
        if rng.chance(level * 0.3), result.hasSuffix(".") { result.removeLast() }
        return result
    }

    static func lowercasedKeepingHandles(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { token in
            token.hasPrefix("@") || token.hasPrefix("#") || token.contains("://") ? String(token) : token.lowercased()
        }.joined(separator: " ")
    }

    /// Words only: no mentions, hashtags, links, amounts or codes.
    private static func isPlainWord(_ token: String) -> Bool {
        guard let first = token.first else { return false }
        if first == "@" || first == "#" { return false }
        if token.contains("://") || token.contains(".xyz") || token.contains(".info") || token.contains("/") { return false }
        return token.allSatisfy { $0.isLetter || $0 == "-" || $0 == "," || $0 == "." || $0 == "?" || $0 == "!" || $0 == "(" || $0 == ")" }
    }

    private static func split(_ token: String) -> (String, String, String) {
        let chars = Array(token)
        var start = 0, end = chars.count
        while start < end, !chars[start].isLetter { start += 1 }
        while end > start, !chars[end - 1].isLetter { end -= 1 }
        return (String(chars[..<start]), String(chars[start..<end]), String(chars[end...]))
    }
}
