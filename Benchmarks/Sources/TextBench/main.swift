import Foundation
import SimpulCore
import SimpulPlatforms

// Text engine throughput on one core (run it under `taskset -c N`):
//  - the stemmer over the fixture's word list, the same list PyStemmer is timed on;
//  - the compliance guard over a 100,000-text corpus of Sandbox comments, messages and posts
//    mixed with the labelled evaluation texts, with the demo city's packs.
//
//   TextBench <path to indonesian-stems.tsv> <path to the compliance fixtures folder>

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: TextBench STEMS.tsv COMPLIANCE_FIXTURES_DIR\n".utf8))
    exit(2)
}

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// MARK: Stemmer

let words = try String(contentsOfFile: arguments[1], encoding: .utf8)
    .split(whereSeparator: \.isNewline)
    .filter { !$0.hasPrefix("#") }
    .map { String($0.split(separator: "\t", maxSplits: 1)[0]) }
let stemmer = IndonesianStemmer()
var sink = 0
var bestStem = Double.infinity
for _ in 0..<5 {
    bestStem = min(bestStem, seconds {
        for word in words { sink &+= stemmer.stem(word).utf8.count }
    })
}
print("stemmer: \(words.count) words, best of 5: \(Int(Double(words.count) / bestStem)) words/s")

// MARK: Guard

var corpus: [String] = []
for name in ["eval-set.tsv", "second-set.tsv"] {
    let text = try String(contentsOfFile: arguments[2] + "/" + name, encoding: .utf8)
    corpus += text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
        let fields = line.split(separator: "\t", maxSplits: 3)
        return fields.count == 4 ? String(fields[3]) : nil
    }
}
let labelled = corpus.count
let sandboxAccounts = (1...60).map { index in
    SandboxAccount(platform: [.facebook, .instagram, .whatsapp, .x, .youtube][index % 5], externalID: "1000000000\(index)",
                   handle: "akun_\(index)", displayName: "Akun \(index)", kind: index % 6 == 0 ? .staff : .official)
}
var generator = SandboxGenerator(accounts: sandboxAccounts, seed: 42)
var minute = Date(timeIntervalSince1970: 1_790_000_000)
while corpus.count < 100_000 {
    for delivery in generator.next(500, now: minute) {
        let events: [InboundEvent]
        if delivery.format == .x {
            events = (try? PayloadParser.parseXMentions(delivery.body, accountRef: delivery.accountExternalID))?.events ?? []
        } else {
            events = (try? PayloadParser.parse(delivery.body, as: delivery.format)) ?? []
        }
        corpus += events.compactMap(\.text).filter { !$0.isEmpty }
    }
    minute += 600
}
corpus = Array(corpus.prefix(100_000))
let averageLength = corpus.map(\.count).reduce(0, +) / corpus.count

let engine = ComplianceEngine(packs: RulePack.builtIn + [
    RulePack.skb5(contests: [DemoCompliance.election], on: "2026-11-21")!, DemoCompliance.etiquettePack,
])
var flagged = 0
_ = engine.check(corpus[0])
var bestGuard = Double.infinity
for _ in 0..<3 {
    flagged = 0
    bestGuard = min(bestGuard, seconds {
        for text in corpus where !engine.check(text).isEmpty { flagged += 1 }
    })
}
print("guard: \(corpus.count) texts (\(labelled) labelled, the rest from the Sandbox; average \(averageLength) characters), " +
      "\(engine.packs.count) packs, \(flagged) with findings, best of 3: \(Int(Double(corpus.count) / bestGuard)) texts/s")
if sink == 42 { print("") }
