import Foundation
import SimpulCore
import Testing

/// The labelled evaluation sets (Fixtures/compliance): on every set, precision and recall per
/// pack must both reach 0.9, and at most 5% of the clean texts may get a finding of warning or
/// block severity. A pack "counts" a text when it has a finding of warning or block severity.
@Suite struct EvaluationTests {
    struct Example {
        var id: String
        var expected: Set<String>
        var category: String
        var text: String
    }

    static func examples(_ name: String = "eval-set") throws -> [Example] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures/compliance"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        return lines.compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { return nil }
            let expected = fields[1] == "-" ? [] : Set(fields[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            return Example(id: fields[0], expected: expected, category: fields[2], text: fields[3])
        }
    }

    static let engine = ComplianceEngine(packs: [
        .skb11, RulePack.skb5(contests: [DemoCompliance.election], on: "2026-11-21")!, .se137, DemoCompliance.etiquettePack,
    ])

    /// The eval set names the tenant pack "tenant".
    static func label(_ packID: String) -> String {
        RulePack.builtInIDs.contains(packID) ? packID : "tenant"
    }

    struct Score {
        var precision: Double
        var recall: Double
    }

    static let minimumScore = 0.9
    /// The share of ordinary government texts a reviewer can bear to see flagged.
    static let maximumCleanFlagged = 0.05
    /// The three labelled sets, each with the least size it must keep:
    /// - eval-set, the first, written with the rules;
    /// - second-set, written by someone who had not seen the rules and measured blind once
    ///   before any rule was changed for it (recall then 0.66–0.83 per pack, precision
    ///   0.89–0.96); since then it guards against rules that fit the first set only;
    /// - review-set, written after a review found plain misses on texts nobody on the team had
    ///   written, measured blind before any rule was changed for it (figures in the fixtures'
    ///   README), its wording kept apart from the packs' word lists.
    static let sets = [("eval-set", "EVAL"), ("second-set", "SECOND"), ("review-set", "REVIEW")]
    static let minimumSize = ["eval-set": 300, "second-set": 150, "review-set": 320]

    @Test(arguments: sets) func precisionAndRecallPerPack(set: (name: String, label: String)) throws {
        let examples = try Self.examples(set.name)
        #expect(examples.count >= Self.minimumSize[set.name]!)
        for (pack, score) in Self.score(examples, label: set.label) {
            #expect(score.precision >= Self.minimumScore, "precision of \(pack) on \(set.name)")
            #expect(score.recall >= Self.minimumScore, "recall of \(pack) on \(set.name)")
        }
    }

    /// Ordinary government texts, many of them sharing words with violations (a statement that
    /// condemns hate speech, a reminder to stay neutral), must rarely be flagged: a guard that
    /// cries wolf gets switched off.
    @Test(arguments: sets) func cleanTextsRarelyFlagged(set: (name: String, label: String)) throws {
        let clean = try Self.examples(set.name).filter { $0.category == "clean" }
        #expect(clean.count >= 50)
        let share = Self.cleanFlaggedShare(clean, label: set.label)
        #expect(share <= Self.maximumCleanFlagged, "clean texts flagged in \(set.name)")
    }

    /// The share of `clean` examples with any finding at warning or above; prints each one.
    static func cleanFlaggedShare(_ clean: [Example], label: String) -> Double {
        var flagged = 0
        for example in clean {
            let findings = Self.engine.check(example.text).filter { $0.severity >= .warning }
            guard !findings.isEmpty else { continue }
            flagged += 1
            print("\(label) CLEAN-FLAGGED \(example.id): \(example.text) ← " + findings.map { "\($0.ruleID) [\($0.matched)]" }.joined(separator: "; "))
        }
        let share = Double(flagged) / Double(max(1, clean.count))
        print("\(label) clean flagged: \(flagged) of \(clean.count) (\(String(format: "%.3f", share)))")
        return share
    }

    static func score(_ examples: [Example], label: String) -> [(String, Score)] {
        var truePositives: [String: Int] = [:], falsePositives: [String: Int] = [:], falseNegatives: [String: Int] = [:]
        var mistakes: [String] = []
        for example in examples {
            let findings = Self.engine.check(example.text).filter { $0.severity >= .warning }
            let found = Set(findings.map { Self.label($0.packID) })
            for pack in found.union(example.expected) {
                switch (found.contains(pack), example.expected.contains(pack)) {
                case (true, true): truePositives[pack, default: 0] += 1
                case (true, false):
                    falsePositives[pack, default: 0] += 1
                    let why = findings.filter { Self.label($0.packID) == pack }.map { "\($0.ruleID) [\($0.matched)]" }.joined(separator: "; ")
                    mistakes.append("FP \(pack) \(example.id): \(example.text) ← \(why)")
                case (false, true): falseNegatives[pack, default: 0] += 1; mistakes.append("FN \(pack) \(example.id): \(example.text)")
                default: break
                }
            }
        }
        for mistake in mistakes { print(label + " " + mistake) }
        return ["skb11", "skb5", "se137", "tenant"].map { pack in
            let tp = Double(truePositives[pack, default: 0])
            let precision = tp / max(1, tp + Double(falsePositives[pack, default: 0]))
            let recall = tp / max(1, tp + Double(falseNegatives[pack, default: 0]))
            print("\(label) \(pack): precision \(String(format: "%.3f", precision)) recall \(String(format: "%.3f", recall)) (tp \(Int(tp)), fp \(falsePositives[pack, default: 0]), fn \(falseNegatives[pack, default: 0]))")
            return (pack, Score(precision: precision, recall: recall))
        }
    }
}
