import Foundation
import SimpulCore
import Testing

@Suite("Spike detector")
struct SpikeDetectorTests {
    static let slot: TimeInterval = 15 * 60
    static let day: TimeInterval = 86_400
    /// Monday 30 Nov 2026 00:00 WIB.
    static let mondayMidnight = Date(timeIntervalSince1970: 1_795_971_600)
    static let slotsPerDay = 96

    /// A quiet, noisy background: 0–4 messages a bucket, more in the daytime, the same shape
    /// every day, from a fixed seed.
    static func background(days: Int, seed: UInt64 = 7, busyMondayMornings: Bool = false) -> [Int] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % 5)
        }
        return (0..<(days * slotsPerDay)).map { index in
            let slotOfDay = index % slotsPerDay
            let daytime = (32..<72).contains(slotOfDay)
            var count = daytime ? 2 + next() : next() / 2
            let weekday = index / slotsPerDay % 7
            if busyMondayMornings, weekday == 0, (32..<48).contains(slotOfDay) { count += 30 + next() }
            return count
        }
    }

    /// The counts as buckets from `mondayMidnight - 14 days`, so the last day is the one judged.
    static func series(_ counts: [Int]) -> (buckets: [BucketCount], lastDay: Date) {
        let start = mondayMidnight - 14 * day
        let buckets = counts.enumerated().map { BucketCount(start: start + Double($0.offset) * slot, count: $0.element) }
        return (buckets, start + Double(counts.count - slotsPerDay) * slot)
    }

    static func alerts(_ counts: [Int], parameters: SpikeParameters = SpikeParameters()) -> [SpikeAlert] {
        let (buckets, lastDay) = series(counts)
        return SpikeDetector(parameters: parameters).alerts(counts: buckets, from: lastDay, to: lastDay + day)
    }

    /// Sets the judged (last) day's bucket at `slotOfDay` to `count`.
    static func setting(_ counts: [Int], slotOfDay: Int, to count: Int) -> [Int] {
        var counts = counts
        counts[counts.count - slotsPerDay + slotOfDay] = count
        return counts
    }

    @Test("a steady day raises no alert")
    func steadyDay() {
        #expect(Self.alerts(Self.background(days: 15)).isEmpty)
    }

    @Test("Monday mornings that are always busy are not a spike")
    func weeklyPattern() {
        // 15 days from a Monday 14 days before the judged Monday: two earlier busy Mondays.
        let counts = Self.background(days: 15, busyMondayMornings: true)
        #expect(counts[counts.count - Self.slotsPerDay + 36] >= 30)
        #expect(Self.alerts(counts).isEmpty)
        // Without the weekly comparison the same four-hour morning would be a surge, recalled
        // once after the two-hour cooldown.
        var daily = SpikeParameters()
        daily.weeklyPattern = false
        #expect(Self.alerts(counts, parameters: daily).count == 2)
    }

    @Test("a surge over several buckets raises exactly one alert, with its formula")
    func oneSurgeOneAlert() throws {
        var counts = Self.background(days: 15)
        for (offset, count) in [37, 52, 61, 44, 30].enumerated() { counts = Self.setting(counts, slotOfDay: 40 + offset, to: count) }
        let alerts = Self.alerts(counts)
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        #expect(alert.count == 37)
        #expect(alert.bucketStart == Self.mondayMidnight + 40 * Self.slot)
        #expect(alert.bucketEnd == alert.bucketStart + Self.slot)
        #expect(alert.threshold == alert.median + 3 * alert.mad)
        #expect(Double(alert.count) > alert.threshold)
        #expect(alert.baseline == .sameSlotDaily && alert.samples == 14)
        #expect(alert.explanation.hasPrefix("37 pesan dalam 15 menit; ambang = median "))
        #expect(alert.explanation.hasSuffix("(14 hari, jam yang sama)"))
        // The same threshold is there for drawing beside the counts, alert or not.
        let (buckets, _) = Self.series(counts)
        let drawn = try #require(SpikeDetector().threshold(at: alert.bucketStart, counts: buckets))
        #expect(drawn.value == alert.threshold && drawn.median == alert.median && drawn.samples == 14)
    }

    @Test("the explanation is the formula applied, in Indonesian decimals")
    func explanationFormat() throws {
        // Slot 40 on the 14 earlier days: median 2, absolute deviations with median 1 (× 1.4826,
        // above √2).
        var counts = Self.background(days: 15)
        let earlier = [1, 2, 3, 2, 1, 3, 2, 2, 1, 3, 2, 4, 0, 2]
        for (dayIndex, count) in earlier.enumerated() { counts[dayIndex * Self.slotsPerDay + 40] = count }
        counts = Self.setting(counts, slotOfDay: 40, to: 37)
        let alert = try #require(Self.alerts(counts).first)
        #expect(alert.median == 2)
        // 1.4826, shown and applied as 1,5.
        #expect(alert.mad == 1.5 && alert.threshold == 6.5)
        #expect(alert.explanation == "37 pesan dalam 15 menit; ambang = median 2 + 3 × MAD 1,5 = 6,5 (14 hari, jam yang sama)")
        // A busier slot: the spread is at least √median (√16 = 4), whatever the MAD.
        var busy = Self.background(days: 15)
        for dayIndex in 0..<14 { busy[dayIndex * Self.slotsPerDay + 40] = 16 }
        busy = Self.setting(busy, slotOfDay: 40, to: 1_250)
        #expect(Self.alerts(busy).first?.explanation == "1.250 pesan dalam 15 menit; ambang = median 16 + 3 × MAD 4 = 28 (14 hari, jam yang sama)")
    }

    @Test("one outlier below the minimum count is not a spike, even on a flat-zero history")
    func outlierBelowMinimum() throws {
        let zeros = [Int](repeating: 0, count: 15 * Self.slotsPerDay)
        #expect(Self.alerts(Self.setting(zeros, slotOfDay: 10, to: 4)).isEmpty)
        // At the minimum it is one, and the explanation says the minimum is what bound.
        let alert = try #require(Self.alerts(Self.setting(zeros, slotOfDay: 10, to: 5)).first)
        #expect(alert.explanation == "5 pesan dalam 15 menit; ambang = median 0 + 3 × MAD 1 = 3 (14 hari, jam yang sama), minimal 5 pesan")
    }

    @Test("a second surge after the cooldown raises a second alert")
    func secondSurgeAfterCooldown() {
        var counts = Self.background(days: 15)
        for slot in 36..<40 { counts = Self.setting(counts, slotOfDay: slot, to: 40) }
        // Two hours after the first alert (slot 36), at slot 44 and on.
        for slot in 44..<47 { counts = Self.setting(counts, slotOfDay: slot, to: 45) }
        #expect(Self.alerts(counts).count == 2)
        // Inside the cooldown the second surge is the same alert.
        var longer = SpikeParameters()
        longer.cooldown = 3 * 3600
        #expect(Self.alerts(counts, parameters: longer).count == 1)
    }

    @Test("a new rule with too little history raises nothing, and bad parameters never crash")
    func shortHistoryAndBadParameters() {
        let counts = Self.setting(Self.background(days: 15), slotOfDay: 40, to: 80)
        let (buckets, lastDay) = Self.series(counts)
        let detector = SpikeDetector()
        #expect(detector.alerts(counts: buckets, from: lastDay, to: lastDay + Self.day, historyStart: lastDay - 2 * Self.day).isEmpty)
        #expect(detector.alerts(counts: buckets, from: lastDay, to: lastDay + Self.day, historyStart: lastDay - 3 * Self.day).count == 1)
        let nonsense = SpikeParameters(bucketLength: 0, baselineDays: -3, madMultiplier: .nan, minimumCount: -1, madFloor: -1, cooldown: .infinity)
        _ = SpikeDetector(parameters: nonsense).alerts(counts: buckets, from: lastDay, to: lastDay + Self.day)
        #expect(detector.alerts(counts: buckets, from: lastDay + Self.day, to: lastDay).isEmpty)
    }
}
