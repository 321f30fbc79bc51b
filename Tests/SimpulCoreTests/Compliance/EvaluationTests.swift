import Foundation
import SimpulCore
import Testing

/// The labelled evaluation set (Fixtures/compliance): precision and recall per pack must both
/// reach 0.85. A pack "counts" a text when it has a finding of warning or block severity.
@Suite struct EvaluationTests {
    struct Example {
        var id: String
        var expected: Set<String>
        var category: String
        var text: String
    }

    static func examples() throws -> [Example] {
        let url = try #require(Bundle.module.url(forResource: "eval-set", withExtension: "tsv", subdirectory: "Fixtures/compliance"))
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

    @Test func precisionAndRecallPerPack() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 300)
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
        for mistake in mistakes { print(mistake) }
        for pack in ["skb11", "skb5", "se137", "tenant"] {
            let tp = Double(truePositives[pack, default: 0])
            let precision = tp / max(1, tp + Double(falsePositives[pack, default: 0]))
            let recall = tp / max(1, tp + Double(falseNegatives[pack, default: 0]))
            print("EVAL \(pack): precision \(String(format: "%.3f", precision)) recall \(String(format: "%.3f", recall)) (tp \(Int(tp)), fp \(falsePositives[pack, default: 0]), fn \(falseNegatives[pack, default: 0]))")
            #expect(precision >= 0.85, "precision of \(pack)")
            #expect(recall >= 0.85, "recall of \(pack)")
        }
    }
}
