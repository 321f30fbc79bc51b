import Foundation
import Testing
@testable import SimpulCore

@Suite("Search budget")
struct SearchBudgetTests {
    static let wib = TimeZone(identifier: "Asia/Jakarta")!

    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("what is left is shared among the runs still to come, never below X's floor, never more than is left")
    func allowance() {
        // 10,000 reads, 4 searches, 100 runs each to go: 25 reads a run.
        #expect(SearchBudget(monthly: 10_000, used: 0).allowance(runsLeft: 100, searches: 4) == 25)
        // A thin share still sends the smallest run X accepts...
        #expect(SearchBudget(monthly: 10_000, used: 9_000).allowance(runsLeft: 2_000, searches: 4) == 10)
        // ...but never more than what is left, and nothing when that is below the floor.
        #expect(SearchBudget(monthly: 10_000, used: 9_985).allowance(runsLeft: 1, searches: 1) == 15)
        #expect(SearchBudget(monthly: 10_000, used: 9_995).allowance(runsLeft: 1, searches: 1) == 0)
        #expect(SearchBudget(monthly: 0, used: 0).allowance(runsLeft: 10, searches: 1) == 0)
        #expect(SearchBudget(monthly: 100, used: 500).remaining == 0)
    }

    @Test("runs left and the month are counted on the tenant's clock")
    func month() {
        // 30 November 23:00 WIB is 16:00 UTC: one hour of November left, four 15-minute runs.
        let late = Self.at("2026-11-30T16:00:00Z")
        #expect(SearchBudget.runsLeft(in: Self.wib, now: late, interval: 900) == 4)
        #expect(SearchBudget.monthStart(in: Self.wib, now: late) == Self.at("2026-10-31T17:00:00Z"))
        // An hour later it is December in Jakarta, though still November in UTC.
        let december = Self.at("2026-11-30T17:30:00Z")
        #expect(SearchBudget.monthStart(in: Self.wib, now: december) == Self.at("2026-11-30T17:00:00Z"))
        #expect(SearchBudget.runsLeft(in: Self.wib, now: december, interval: 900) == 31 * 96 - 2)
    }
}
