import Foundation

/// How fast the team answers and resolves what residents send: the figures behind the
/// service report, per group (a unit, a priority) and in total.
public struct ServiceLevelReport: Sendable {
    public struct Item: Sendable {
        public var received: Date
        public var due: Date?
        public var firstResponse: Date?
        public var resolved: Date?
        public init(received: Date, due: Date?, firstResponse: Date?, resolved: Date?) {
            self.received = received
            self.due = due
            self.firstResponse = firstResponse
            self.resolved = resolved
        }
    }

    public struct Figures: Equatable, Sendable {
        public var messages = 0
        public var answered = 0
        /// Answered no later than the due time; messages without a due time are not counted.
        public var answeredInTime = 0
        public var withDueTime = 0
        /// Not answered and past the due time at `now`.
        public var overdue = 0
        public var resolved = 0
        public var medianFirstResponse: TimeInterval?
        public var medianResolution: TimeInterval?

        /// Share of messages with a due time that were answered in time, 0...1.
        public var inTimeShare: Double? { withDueTime == 0 ? nil : Double(answeredInTime) / Double(withDueTime) }
    }

    public static func figures(_ items: [Item], now: Date) -> Figures {
        var result = Figures()
        var responses: [TimeInterval] = []
        var resolutions: [TimeInterval] = []
        for item in items {
            result.messages += 1
            if let due = item.due {
                result.withDueTime += 1
                if let first = item.firstResponse, first <= due { result.answeredInTime += 1 }
                if item.firstResponse == nil, item.resolved == nil, due < now { result.overdue += 1 }
            }
            if let first = item.firstResponse {
                result.answered += 1
                responses.append(max(0, first.timeIntervalSince(item.received)))
            }
            if let resolved = item.resolved {
                result.resolved += 1
                resolutions.append(max(0, resolved.timeIntervalSince(item.received)))
            }
        }
        result.medianFirstResponse = median(responses)
        result.medianResolution = median(resolutions)
        return result
    }

    static func median(_ values: [TimeInterval]) -> TimeInterval? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// "45 mnt", "3 j 20 mnt", "2 h 4 j" (English: "45 min", "3 h 20 min", "2 d 4 h"):
    /// durations as the report shows them.
    public static func duration(_ seconds: TimeInterval, english: Bool = false) -> String {
        let (m, h, d) = english ? ("min", "h", "d") : ("mnt", "j", "h")
        let minutes = Int((seconds / 60).rounded())
        if minutes < 60 { return "\(minutes) \(m)" }
        let hours = minutes / 60
        if hours < 24 { return minutes % 60 == 0 ? "\(hours) \(h)" : "\(hours) \(h) \(minutes % 60) \(m)" }
        return hours % 24 == 0 ? "\(hours / 24) \(d)" : "\(hours / 24) \(d) \(hours % 24) \(h)"
    }
}
