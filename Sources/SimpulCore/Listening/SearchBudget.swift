import Foundation

/// How many billed reads one search run may spend, so that a monthly budget (X bills every post
/// a search returns) lasts the whole month instead of being spent on its first days: what is left
/// is shared equally among the runs still to come this month, over every active search.
public struct SearchBudget: Sendable, Equatable {
    /// Reads the tenant allows per calendar month.
    public var monthly: Int
    /// Reads already spent this month.
    public var used: Int
    /// The smallest run worth sending (X's `max_results` floor is 10).
    public var minimumRun: Int

    public init(monthly: Int, used: Int, minimumRun: Int = 10) {
        self.monthly = max(0, monthly)
        self.used = max(0, used)
        self.minimumRun = max(1, minimumRun)
    }

    public var remaining: Int { max(0, monthly - used) }

    /// The reads one run may spend now. `runsLeft` is how many runs each search still has this
    /// month; `searches` how many searches share the budget. Never more than what is left, and
    /// zero when even the smallest run would overspend.
    public func allowance(runsLeft: Int, searches: Int) -> Int {
        let share = remaining / max(1, runsLeft * max(1, searches))
        let run = min(remaining, max(minimumRun, share))
        return run >= minimumRun ? run : 0
    }

    /// Runs left this month for a search repeated every `interval` from `now`, in `zone`'s month.
    public static func runsLeft(in zone: TimeZone, now: Date, interval: TimeInterval) -> Int {
        let end = monthEnd(in: zone, now: now)
        return max(1, Int((end.timeIntervalSince(now) / max(60, interval)).rounded(.up)))
    }

    public static func monthStart(in zone: TimeZone, now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateInterval(of: .month, for: now)?.start ?? now
    }

    public static func monthEnd(in zone: TimeZone, now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateInterval(of: .month, for: now)?.end ?? now
    }
}
