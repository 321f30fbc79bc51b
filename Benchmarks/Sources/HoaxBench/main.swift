import Foundation
import SimpulCore

// The hoax matcher's throughput on one core (run it under `taskset -c N`, release build):
// a register of 5,000 claims made from the fixture claims, and 100,000 texts made from the
// labelled paraphrases and unrelated texts. Writes the claims and texts as term streams (one
// line each, the terms the matcher compares) for datasketch_bench.py, so both see the same
// tokens, then times
//  - Simpul end to end, from raw text (normalise, stem, match);
//  - Simpul from the term streams, the same input datasketch gets.
//
//   HoaxBench <path to the hoax fixtures folder> <output folder for the term streams>

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: HoaxBench HOAX_FIXTURES_DIR OUTPUT_DIR\n".utf8))
    exit(2)
}

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func rows(_ name: String) throws -> [[String]] {
    try String(contentsOfFile: arguments[1] + "/" + name, encoding: .utf8)
        .split(whereSeparator: \.isNewline).dropFirst()
        .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
}

/// SplitMix64 with a fixed seed: the same corpus on every run.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

let claimRows = try rows("claims.tsv")
let paraphraseRows = try rows("paraphrases.tsv")
let unrelatedRows = try rows("unrelated.tsv")
var random = Random(state: 2026)

// MARK: 5,000 claims

// The fixture claims first, under their own ids; then variations of them: set in another place,
// with other numbers, and with a clause of a second claim put in, so each is distinct and the
// register holds many claims of the same kinds, as a national one would.
let places = ["Tirtamaya", "Sukamaju", "Rimbajaya", "Batu Layang", "Lembah Hijau", "Cimaya", "Sukaraja", "Sukamulya"]
let placeKinds = ["Kota", "Kabupaten", "Kecamatan", "Desa"]
let placeStarts = ["Suka", "Tanjung", "Bukit", "Sungai", "Rawa", "Pasir", "Karang", "Teluk"]
let placeEnds = ["jaya", "makmur", "sari", "indah", "baru"]
var otherPlaces: [String] = []
for index in 0..<160 {
    let kind = placeKinds[index % 4]
    let name = placeStarts[index / 4 % 8] + placeEnds[index / 32 % 5]
    otherPlaces.append(kind + " " + name)
}
func replacingPlaces(_ text: String, with place: String) -> String {
    places.reduce(text) { $0.replacingOccurrences(of: $1, with: place) }
}
func replacingNumbers(_ text: String, random: inout Random) -> String {
    var result = ""
    for character in text {
        if character.isNumber, character.isASCII, random.below(2) == 0 {
            result.append(Character(String(random.below(10))))
        } else {
            result.append(character)
        }
    }
    return result
}
func clauses(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "," || $0 == "." }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count > 10 }
}

var claims: [HoaxClaimText] = claimRows.map { HoaxClaimText(id: $0[0], variants: [$0[4]]) }
var seenClaims = Set(claims.map { $0.variants[0] })
while claims.count < 5_000 {
    let base = random.pick(claimRows)[4]
    let other = random.pick(claimRows)[4]
    var text = replacingPlaces(base, with: random.pick(otherPlaces))
    text = replacingNumbers(text, random: &random)
    var parts = clauses(text)
    let extra = clauses(other)
    if !extra.isEmpty { parts.insert(random.pick(extra), at: random.below(parts.count + 1)) }
    text = parts.joined(separator: ", ") + "."
    guard seenClaims.insert(text).inserted else { continue }
    claims.append(HoaxClaimText(id: "G\(claims.count)", variants: [text]))
}

// MARK: 100,000 texts

// Labelled: the paraphrases and mutations of them that keep their claim (chatter around them, a
// word dropped, letters doubled, upper case). Unlabelled: the unrelated texts, the same
// mutations of them, and unrelated texts set in other places.
let chatterBefore = ["Info dr grup sebelah:", "COPAS", "Mohon dibaca", "Beneran gak sih ini?", "Dapet dari WA keluarga", "‼️", "Tolong sebarkan"]
let chatterAfter = ["Sebarkan!!", "viralkan", "Semoga bermanfaat", "🙏🙏", "#infopenting", "bener gak min?", "share ke grup lain ya"]
func mutate(_ text: String, random: inout Random) -> String {
    var words = text.split(separator: " ").map(String.init)
    switch random.below(5) {
    case 0: words.insert(random.pick(chatterBefore), at: 0)
    case 1: words.append(random.pick(chatterAfter))
    case 2: if words.count > 6 { words.remove(at: random.below(words.count)) }
    case 3:
        let index = random.below(words.count)
        if let last = words[index].last, last.isLetter { words[index] += String(repeating: String(last), count: 3) }
    default: words = words.map { $0.uppercased() }
    }
    return words.joined(separator: " ")
}

var texts: [(label: String, text: String)] = paraphraseRows.map { ($0[1], $0[3]) } + unrelatedRows.map { ("-", $0[3]) }
while texts.count < 100_000 {
    if random.below(3) == 0 {
        let row = random.pick(paraphraseRows)
        texts.append((row[1], mutate(row[3], random: &random)))
    } else {
        let row = random.pick(unrelatedRows)
        let text = random.below(2) == 0 ? replacingPlaces(row[3], with: random.pick(otherPlaces)) : row[3]
        texts.append(("-", mutate(text, random: &random)))
    }
}

// MARK: Term streams

let analyzer = TextAnalyzer()
let extractor = HoaxTermExtractor(analyzer: analyzer)
let claimDocuments = claims.map { claim in
    (id: claim.id, variants: claim.variants.map { extractor.document(analyzer.analyze($0), source: $0) })
}
let textDocuments = texts.map { extractor.document(analyzer.analyze($0.text), source: $0.text) }
let output = arguments[2]
try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
try claimDocuments.map { $0.id + "\t" + $0.variants[0].terms.joined(separator: " ") }.joined(separator: "\n")
    .write(toFile: output + "/claims.txt", atomically: true, encoding: .utf8)
try zip(texts, textDocuments).map { $0.0.label + "\t" + $0.1.terms.joined(separator: " ") }.joined(separator: "\n")
    .write(toFile: output + "/texts.txt", atomically: true, encoding: .utf8)
let labelledCount = texts.filter { $0.label != "-" }.count
print("hoax corpus: \(claims.count) claims, \(texts.count) texts (\(labelledCount) labelled), term streams in \(output)")

// MARK: Timing

func report(_ name: String, _ time: Double, _ matches: [[HoaxMatch]], labels: [String]) {
    var found = 0, falseMatches = 0
    let labelledCount = labels.filter { $0 != "-" }.count
    for (label, result) in zip(labels, matches) {
        if label == "-" {
            if !result.isEmpty { falseMatches += 1 }
        } else if result.contains(where: { $0.claimID == label }) {
            found += 1
        }
    }
    let unlabelled = labels.count - labelledCount
    print(String(format: "%@: %.0f texts/s (%.2f s), recall %.3f, unrelated texts matched %.4f", name,
                 Double(labels.count) / time, time, Double(found) / Double(labelledCount), Double(falseMatches) / Double(unlabelled)))
}

let labels = texts.map(\.label)
let buildStart = DispatchTime.now().uptimeNanoseconds
let register = HoaxRegister(claims: claims, analyzer: analyzer)
let buildTime = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9
print(String(format: "register of %d claims built in %.2f s", claims.count, buildTime))
var endToEnd: [[HoaxMatch]] = []
let endToEndTime = seconds { endToEnd = texts.map { register.match($0.text) } }
report("simpul, raw text (normalise + stem + match)", endToEndTime, endToEnd, labels: labels)

let streamRegister = HoaxRegister(documents: claimDocuments, analyzer: analyzer)
var fromStreams: [[HoaxMatch]] = []
var bestStreamTime = Double.infinity
for _ in 0..<3 {
    bestStreamTime = min(bestStreamTime, seconds { fromStreams = textDocuments.map { streamRegister.match(document: $0) } })
}
report("simpul, term streams (match only, best of 3)", bestStreamTime, fromStreams, labels: labels)

// Near-copies alone, the part that does what datasketch does.
var nearOnly = HoaxMatchParameters()
nearOnly.paraphraseThreshold = 2
var nearCopies: [[HoaxMatch]] = []
let nearTime = seconds { nearCopies = textDocuments.map { streamRegister.match(document: $0, parameters: nearOnly) } }
report("simpul, term streams, near-copies only", nearTime, nearCopies, labels: labels)
