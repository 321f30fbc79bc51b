import Foundation
import SimpulCore

// Listening throughput on one core (run it under `taskset -c N`): 500 generated rules mixing
// AND/OR/NOT, phrases, NEAR/ONEAR, wildcards and fields, matched against 100,000 generated
// messages built from the test fixtures' Indonesian texts. Each message is analysed inside the
// measured time, as the server will do on ingest.
//
//   ListenBench <path to Tests/SimpulCoreTests/Fixtures>

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: ListenBench FIXTURES_DIR\n".utf8))
    exit(2)
}
let fixtures = arguments[1]

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A fixed-seed generator, so every run times the same rules and messages.
struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
}
var random = Random(state: 2026)

// MARK: Messages

var base: [String] = []
for (file, column) in [("compliance/eval-set.tsv", 3), ("compliance/second-set.tsv", 3), ("compliance/review-set.tsv", 3), ("inbox/sentiment-set.tsv", 3)] {
    let text = try String(contentsOfFile: fixtures + "/" + file, encoding: .utf8)
    base += text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        return fields.count > column ? String(fields[column]) : nil
    }
}
let normalizerCases = try String(contentsOfFile: fixtures + "/text/normalizer-cases.tsv", encoding: .utf8)
base += normalizerCases.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t").first.map(String.init) }

let openings = ["", "", "", "Min, ", "Pak, ", "Bu, ", "@dinkes_tirtamaya ", "@pemkot_tirtamaya ", "Assalamualaikum, ", "Kak admin, ", "tolong ya ", "Mohon maaf, "]
let closings = ["", "", "", " tolong ditindaklanjuti", " #TirtamayaBangkit", " sudah 3 hari begini", " mohon infonya kak", " gmn nih min??",
                " makasih 🙏", " #LaporTirtamaya", " https://tirtamaya.go.id/lapor", " udh lapor tp blm ada respon", " di Kecamatan Sukamaju"]
let places = ["Cimaya", "Sukamaju", "Jalan Merdeka", "Pasar Baru", "Kelurahan Mekarsari", "Kecamatan Tirta Barat", "Gang Mawar", "Jembatan Cikal"]
let extras = ["jalan berlubang depan sekolah", "lampu jalan mati", "sampah numpuk", "air PDAM keruh", "antrean puskesmas panjang",
              "banjir lagi", "pungli di kantor kelurahan", "KTP belum jadi", "bansos belum cair", "macet parah pagi ini"]
/// People type the same word many ways: change about one word in five (capitals, stretched
/// vowels, a particle, punctuation), so the matcher keeps meeting pieces it has not seen.
@MainActor func vary(_ text: String) -> String {
    var pieces = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    for index in pieces.indices where random.chance(20) {
        var word = pieces[index]
        switch random.next(6) {
        case 0: word = word.uppercased()
        case 1:
            if let vowel = word.lastIndex(where: { "aiueo".contains($0) }) {
                word.insert(contentsOf: String(repeating: String(word[vowel]), count: 1 + random.next(4)), at: vowel)
            }
        case 2: word += random.pick(["nya", "lah", "kah", "pun"])
        case 3: word += random.pick(["!!", "??", "...", ",", "!!1!"])
        case 4: word = word.prefix(1).uppercased() + word.dropFirst()
        default: word += String(random.next(100))
        }
        pieces[index] = word
    }
    return pieces.joined(separator: " ")
}
var messages: [String] = []
messages.reserveCapacity(100_000)
while messages.count < 100_000 {
    var text = random.pick(openings) + random.pick(base)
    if random.chance(30) { text += " " + random.pick(extras) + " di " + random.pick(places) }
    if random.chance(15) { text += ". " + random.pick(base) }
    text += random.pick(closings)
    messages.append(vary(text))
}
let platforms = Platform.allCases
let units = ["DINKES", "DISHUB", "DPUPR", "DISDUKCAPIL", "DLH", "KEC-SUKAMAJU", "KEC-CIMAYA", "BAPENDA"]
let kinds = ["comment", "mention", "dm", "whatsapp"]
let metadata = (0..<messages.count).map { _ in
    ListeningMetadata(platform: random.pick(platforms), accounts: ["akun_\(random.next(120))"], units: [random.pick(units), "PEMDA"],
                      kind: random.pick(kinds), authors: ["warga_\(random.next(5_000))"])
}

// MARK: Rules

let topics = ["banjir", "genangan", "longsor", "jalan", "jembatan", "rusak", "berlubang", "macet", "lampu", "mati", "padam", "air", "pdam",
              "sampah", "puskesmas", "antre", "bpjs", "ktp", "akta", "pajak", "pbb", "samsat", "bansos", "blt", "sekolah", "ppdb", "zonasi",
              "guru", "vaksin", "posyandu", "stunting", "pungli", "calo", "korupsi", "hoaks", "demo", "parkir", "pasar", "harga", "beras",
              "minyak", "elpiji", "listrik", "pln", "sinyal", "angkot", "terminal", "kebakaran", "damkar", "ambulans", "pengaduan",
              "keluhan", "pelayanan", "petugas", "pegawai", "kecamatan", "kelurahan", "camat", "lurah", "izin", "retribusi", "kumuh",
              "narkoba", "begal", "maling", "tawuran", "gizi", "obat", "dokter", "bidan", "kartu", "rumah", "tanah", "sertifikat"]
let phrases = ["\"banjir bandang\"", "\"air bersih\"", "\"jalan rusak\"", "\"lampu jalan\"", "\"rumah sakit\"", "\"tidak ada air\"",
               "\"sampah menumpuk\"", "\"pohon tumbang\"", "\"kartu keluarga\"", "\"pelayanan publik\"", "\"terima kasih\"", "\"wali kota\""]
let prefixes = ["lapor*", "keluh*", "antre*", "rusak*", "banjir*", "vaksin*", "pajak*", "sampah*", "macet*", "layan*", "bantu*", "korup*",
                "pungl*", "adu*"].filter { $0.count > 4 }
let placeTerms = ["cimaya", "sukamaju", "mekarsari", "\"pasar baru\"", "tirtamaya", "merdeka"]
let exclusions = ["hoaks", "bohong", "\"terima kasih\"", "mantap", "giveaway", "promo"]

@MainActor func term() -> String { random.chance(20) ? random.pick(phrases) : random.pick(topics) }
@MainActor func group(_ size: Int) -> String { "(" + (0..<size).map { _ in term() }.joined(separator: " OR ") + ")" }

var ruleTexts: [String] = []
while ruleTexts.count < 500 {
    let rule: String
    switch random.next(10) {
    case 0: rule = term()
    case 1: rule = term() + " " + term()
    case 2: rule = group(2 + random.next(4)) + " NOT " + random.pick(exclusions)
    case 3: rule = random.pick(topics) + " NEAR/\(1 + random.next(5)) " + random.pick(topics)
    case 4: rule = random.pick(topics) + " ONEAR/\(1 + random.next(3)) " + group(2)
    case 5: rule = random.pick(prefixes) + " AND " + random.pick(placeTerms)
    case 6: rule = "platform:\(random.pick(platforms).rawValue) " + group(3)
    case 7: rule = "unit:\(random.pick(units)) " + term() + " NOT " + random.pick(exclusions)
    case 8: rule = "(" + term() + " OR " + random.pick(phrases) + ") AND (" + random.pick(placeTerms) + " OR " + random.pick(placeTerms) + ") NOT ("
        + random.pick(exclusions) + " OR " + random.pick(exclusions) + ")"
    default: rule = "kind:\(random.pick(kinds)) " + random.pick(prefixes)
    }
    ruleTexts.append(rule)
}
let analyzer = TextAnalyzer()
var rules: [(id: Int, query: ListeningQuery)] = []
for (index, text) in ruleTexts.enumerated() {
    do {
        rules.append((index, try ListeningQuery(text, analyzer: analyzer)))
    } catch {
        FileHandle.standardError.write(Data("rule \(index) refused: \(text): \(error.message)\n".utf8))
        exit(1)
    }
}
let matcher = ListeningMatcher(rules: rules, analyzer: analyzer)

// MARK: Check, then time

// The matcher must agree with each query on a fully analysed document, or the figure means nothing.
for index in stride(from: 0, to: messages.count, by: 20) {
    let document = ListeningDocument(text: messages[index], metadata: metadata[index], analyzer: analyzer)
    if matcher.matches(text: messages[index], metadata: metadata[index]) != rules.filter({ $0.query.matches(document) }).map(\.id) {
        FileHandle.standardError.write(Data("matcher and queries disagree on: \(messages[index])\n".utf8))
        exit(1)
    }
}

// Each timed pass starts with a new matcher, so its word memory is built inside the measured time.
var matchCount = 0
var matchedMessages = 0
var best = Double.infinity
var pieces = 0
for _ in 0..<3 {
    matchCount = 0
    matchedMessages = 0
    let fresh = ListeningMatcher(rules: rules, analyzer: analyzer)
    best = min(best, seconds {
        for index in messages.indices {
            let found = fresh.matches(text: messages[index], metadata: metadata[index])
            matchCount += found.count
            if !found.isEmpty { matchedMessages += 1 }
        }
    })
    pieces = fresh.rememberedPieces
}
var sink = 0
let sample = 10_000
let forgetful = ListeningMatcher(rules: rules, analyzer: analyzer, wordMemoryLimit: 0)
let withoutMemory = seconds {
    for index in 0..<sample { sink &+= forgetful.matches(text: messages[index], metadata: metadata[index]).count }
}
let reference = seconds {
    for index in 0..<sample {
        let document = ListeningDocument(text: messages[index], metadata: metadata[index], analyzer: analyzer)
        for rule in rules where rule.query.matches(document) { sink &+= rule.id }
    }
}

let averageLength = messages.map(\.count).reduce(0, +) / messages.count
print("listen: \(rules.count) rules, \(messages.count) messages (average \(averageLength) characters), \(matchedMessages) messages matched "
      + "\(matchCount) rules in all; analysis and matching, best of 3: \(Int(Double(messages.count) / best)) messages/s")
print("  \(pieces) distinct pieces of text analysed and remembered per pass")
print("  without word memory (every piece analysed each time): \(Int(Double(sample) / withoutMemory)) messages/s")
print("  for comparison, full analysis of each message and every query evaluated on it: \(Int(Double(sample) / reference)) messages/s")
if sink == 42 { print("") }
