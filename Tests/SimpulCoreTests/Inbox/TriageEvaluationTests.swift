import Foundation
import SimpulCore
import Testing

/// The labelled comments (Fixtures/inbox/sentiment-set.tsv): accuracy of sentiment and of
/// priority, printed with the mistakes so a change to the rules can be judged.
@Suite struct TriageEvaluationTests {
    struct Example {
        var id: String
        var sentiment: Sentiment
        var priority: MessagePriority
        var text: String
    }

    static func examples() throws -> [Example] {
        let url = try #require(Bundle.module.url(forResource: "sentiment-set", withExtension: "tsv", subdirectory: "Fixtures/inbox"))
        return try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let sentiment = Sentiment(rawValue: fields[1]), let priority = MessagePriority(rawValue: fields[2]) else {
                return nil
            }
            return Example(id: fields[0], sentiment: sentiment, priority: priority, text: fields[3])
        }
    }

    @Test func accuracy() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 200)
        let triage = MessageTriage()
        var sentimentRight = 0, priorityRight = 0, urgentMissed = 0
        var confusion: [String: Int] = [:]
        for example in examples {
            let result = triage.assess(example.text)
            if result.sentiment == example.sentiment { sentimentRight += 1 } else {
                print("SENTIMENT \(example.id) expected \(example.sentiment.rawValue) got \(result.sentiment.rawValue) [\(result.cues.joined(separator: ", "))]: \(example.text)")
            }
            if result.priority == example.priority { priorityRight += 1 } else {
                print("PRIORITY \(example.id) expected \(example.priority.rawValue) got \(result.priority.rawValue): \(example.text)")
            }
            if example.priority == .urgent, result.priority != .urgent { urgentMissed += 1 }
            confusion["\(example.sentiment.rawValue)→\(result.sentiment.rawValue)", default: 0] += 1
        }
        let sentimentAccuracy = Double(sentimentRight) / Double(examples.count)
        let priorityAccuracy = Double(priorityRight) / Double(examples.count)
        let urgent = examples.filter { $0.priority == .urgent }.count
        print(String(format: "TRIAGE sentiment accuracy %.3f, priority accuracy %.3f, urgent found %d of %d (%d texts)",
                     sentimentAccuracy, priorityAccuracy, urgent - urgentMissed, urgent, examples.count))
        print("TRIAGE confusion (label→rules): \(confusion.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        #expect(sentimentAccuracy >= 0.75)
        #expect(priorityAccuracy >= 0.7)
        #expect(urgentMissed * 10 <= urgent, "an urgent message missed is the costly mistake")
    }
}
