import Foundation

/// How `SpikeDetector` decides that a 15-minute count is a lonjakan (spike).
public struct SpikeParameters: Sendable, Equatable {
    /// Bucket length; counts are grouped by buckets aligned to the epoch, which in WIB, WITA and
    /// WIT (whole hours from UTC) are also aligned to the local clock.
    public var bucketLength: TimeInterval
    /// How many earlier days give the same slot's baseline.
    public var baselineDays: Int
    /// k in median + k · MAD.
    public var madMultiplier: Double
    /// Fewer messages than this are never a spike, whatever the baseline.
    public var minimumCount: Int
    /// The scaled MAD is never taken below this, so a flat history (MAD 0) does not make one
    /// extra message a spike.
    public var madFloor: Double
    /// Also never take the scaled MAD below √median: message counts are arrivals, whose natural
    /// spread is about the square root of their mean, and a few quiet days with an unusually
    /// even count would otherwise make ordinary noise look like a spike.
    public var poissonFloor: Bool
    /// After an alert, no other alert for this long: one surge, one alert (a surge that lasts
    /// longer than this is recalled once per cooldown).
    public var cooldown: TimeInterval
    /// Fewer baseline days than this (a new rule) give no alert: the baseline is not known yet.
    public var minimumBaselineDays: Int
    /// Also compare with the same slot on the same weekday of the weeks in the baseline, and
    /// alert only when both are exceeded: Monday mornings that are always busy are not spikes.
    public var weeklyPattern: Bool

    public init(bucketLength: TimeInterval = 15 * 60, baselineDays: Int = 14, madMultiplier: Double = 3, minimumCount: Int = 5,
                madFloor: Double = 1, poissonFloor: Bool = true, cooldown: TimeInterval = 2 * 3600, minimumBaselineDays: Int = 3,
                weeklyPattern: Bool = true) {
        self.bucketLength = bucketLength
        self.baselineDays = baselineDays
        self.madMultiplier = madMultiplier
        self.minimumCount = minimumCount
        self.madFloor = madFloor
        self.poissonFloor = poissonFloor
        self.cooldown = cooldown
        self.minimumBaselineDays = minimumBaselineDays
        self.weeklyPattern = weeklyPattern
    }

    /// Values that cannot work are brought to the nearest that can, so bad settings never
    /// crash detection: a bucket of at least a minute, at least one baseline day, and so on.
    var sane: SpikeParameters {
        var p = self
        p.bucketLength = max(60, bucketLength.isFinite ? bucketLength : 900)
        p.baselineDays = min(max(1, baselineDays), 366)
        p.madMultiplier = madMultiplier.isFinite ? max(0, madMultiplier) : 3
        p.minimumCount = max(1, minimumCount)
        p.madFloor = madFloor.isFinite ? max(0, madFloor) : 1
        p.cooldown = cooldown.isFinite ? max(0, cooldown) : 0
        p.minimumBaselineDays = min(max(1, minimumBaselineDays), p.baselineDays)
        return p
    }
}

/// The number of messages a rule matched in one bucket starting at `start`.
public struct BucketCount: Sendable, Equatable {
    public var start: Date
    public var count: Int

    public init(start: Date, count: Int) {
        self.start = start
        self.count = count
    }
}

/// Which earlier buckets a threshold came from.
public enum SpikeBaseline: Sendable, Equatable {
    /// The same slot on each of the previous days.
    case sameSlotDaily
    /// The same slot on the same weekday of the previous weeks.
    case sameSlotWeekly
}

/// What a bucket is compared with.
public struct SpikeThreshold: Sendable, Equatable {
    public let baseline: SpikeBaseline
    /// How many earlier buckets the median and MAD came from.
    public let samples: Int
    public let median: Double
    /// The MAD scaled by 1.4826 (comparable to a standard deviation), floored, to one decimal.
    public let mad: Double
    /// median + k · MAD.
    public let value: Double
}

/// A lonjakan: a bucket whose count passed both the minimum and the threshold.
public struct SpikeAlert: Sendable, Equatable {
    public let bucketStart: Date
    public let bucketEnd: Date
    public let count: Int
    public let median: Double
    public let mad: Double
    public let threshold: Double
    public let baseline: SpikeBaseline
    public let samples: Int
    /// The formula in words, for next to the alert: "37 pesan dalam 15 menit; ambang = median 4
    /// + 3 × MAD 1,5 = 8,5 (14 hari, jam yang sama)".
    public let explanation: String
}

/// Spike detection on per-bucket counts against a robust baseline: the same slot of the day over
/// the previous days, median and MAD (so one earlier spike does not raise the bar), with a
/// minimum count and a cooldown. Pure: counts in, alerts out.
///
/// Days are 86,400 seconds apart: Indonesia has no daylight saving time, so that is the same
/// local hour every day.
public struct SpikeDetector: Sendable {
    public static let madScale = 1.4826
    public let parameters: SpikeParameters

    public init(parameters: SpikeParameters = SpikeParameters()) {
        self.parameters = parameters.sane
    }

    /// Alerts for the buckets starting in `from..<to`, oldest first. `counts` must also cover
    /// the baseline days before `from`; a bucket missing from it counted zero messages. Days
    /// before `historyStart` (when the rule began counting) are not part of any baseline.
    public func alerts(counts: [BucketCount], from: Date, to: Date, historyStart: Date? = nil) -> [SpikeAlert] {
        let series = Series(counts, bucketLength: parameters.bucketLength)
        let window = from.timeIntervalSince1970..<max(from.timeIntervalSince1970, to.timeIntervalSince1970)
        let candidates = series.counts.filter { window.contains(series.time(of: $0.key)) && $0.value >= parameters.minimumCount }
            .keys.sorted()
        let historyBucket = historyStart.map { series.bucket(of: $0) }
        var alerts: [SpikeAlert] = []
        var quietUntil = -Double.infinity
        for bucket in candidates {
            let start = series.time(of: bucket)
            guard start >= quietUntil else { continue }
            let count = series.counts[bucket] ?? 0
            guard let threshold = threshold(bucket: bucket, series: series, historyBucket: historyBucket),
                  Double(count) > threshold.value else { continue }
            alerts.append(alert(bucket: bucket, count: count, threshold: threshold, series: series))
            quietUntil = start + parameters.cooldown
        }
        return alerts
    }

    /// The threshold a bucket starting at `bucketStart` is held to (the higher of the daily and
    /// the weekly one), for drawing next to the counts; nil while the baseline is too short.
    public func threshold(at bucketStart: Date, counts: [BucketCount], historyStart: Date? = nil) -> SpikeThreshold? {
        let series = Series(counts, bucketLength: parameters.bucketLength)
        return threshold(bucket: series.bucket(of: bucketStart), series: series, historyBucket: historyStart.map { series.bucket(of: $0) })
    }

    private func threshold(bucket: Int, series: Series, historyBucket: Int?) -> SpikeThreshold? {
        let perDay = Int((86_400 / parameters.bucketLength).rounded())
        let earlier = (1...parameters.baselineDays).map { bucket - $0 * perDay }.filter { historyBucket == nil || $0 >= historyBucket! }
        guard earlier.count >= parameters.minimumBaselineDays else { return nil }
        let daily = robust(earlier.map { series.counts[$0] ?? 0 }, baseline: .sameSlotDaily)
        guard parameters.weeklyPattern else { return daily }
        let sameWeekday = earlier.filter { (bucket - $0) % (7 * perDay) == 0 }
        guard !sameWeekday.isEmpty else { return daily }
        let weekly = robust(sameWeekday.map { series.counts[$0] ?? 0 }, baseline: .sameSlotWeekly)
        return weekly.value > daily.value ? weekly : daily
    }

    private func robust(_ samples: [Int], baseline: SpikeBaseline) -> SpikeThreshold {
        let values = samples.map(Double.init)
        let median = Self.median(values)
        // Rounded to one decimal so that the formula the alert shows is exactly the one applied:
        // "median 4 + 3 × MAD 1,5 = 8,5", not a threshold of 8,4478 next to those numbers.
        let scaled = Self.median(values.map { abs($0 - median) }) * Self.madScale
        let floored = max(scaled, parameters.madFloor, parameters.poissonFloor ? median.squareRoot() : 0)
        let mad = (floored * 10).rounded() / 10
        return SpikeThreshold(baseline: baseline, samples: samples.count, median: median, mad: mad,
                              value: median + parameters.madMultiplier * mad)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private func alert(bucket: Int, count: Int, threshold: SpikeThreshold, series: Series) -> SpikeAlert {
        let start = series.time(of: bucket)
        let f = IndonesianDecimal.format
        let minutes = Int((parameters.bucketLength / 60).rounded())
        let period = switch threshold.baseline {
        case .sameSlotDaily: "\(threshold.samples) hari, jam yang sama"
        case .sameSlotWeekly: "\(threshold.samples) minggu, hari dan jam yang sama"
        }
        var explanation = "\(IndonesianFormat.number(count)) pesan dalam \(minutes) menit; ambang = median \(f(threshold.median)) + "
            + "\(f(parameters.madMultiplier)) × MAD \(f(threshold.mad)) = \(f(threshold.value)) (\(period))"
        if Double(parameters.minimumCount) > threshold.value {
            explanation += ", minimal \(IndonesianFormat.number(parameters.minimumCount)) pesan"
        }
        return SpikeAlert(bucketStart: Date(timeIntervalSince1970: start), bucketEnd: Date(timeIntervalSince1970: start + parameters.bucketLength),
                          count: count, median: threshold.median, mad: threshold.mad, threshold: threshold.value,
                          baseline: threshold.baseline, samples: threshold.samples, explanation: explanation)
    }

    /// Counts by bucket number (buckets since the epoch); counts for one bucket given twice add up.
    struct Series {
        let bucketLength: TimeInterval
        let counts: [Int: Int]

        init(_ counts: [BucketCount], bucketLength: TimeInterval) {
            self.bucketLength = bucketLength
            var byBucket: [Int: Int] = [:]
            for entry in counts where entry.count > 0 && abs(entry.start.timeIntervalSince1970) < Self.farthest {
                byBucket[Int((entry.start.timeIntervalSince1970 / bucketLength).rounded(.down)), default: 0] += entry.count
            }
            self.counts = byBucket
        }

        func bucket(of date: Date) -> Int {
            let raw = date.timeIntervalSince1970
            let seconds = raw.isNaN ? 0 : min(max(raw, -Self.farthest), Self.farthest)
            return Int((seconds / bucketLength).rounded(.down))
        }

        func time(of bucket: Int) -> TimeInterval { Double(bucket) * bucketLength }

        /// Dates further than about 30,000 years from 1970 are not counts anyone has; keeping
        /// them out keeps every bucket number a safe Int.
        static let farthest: TimeInterval = 1e12
    }
}

/// "8,5", "1.234", "0,25": two decimals at most, trailing zeros dropped, Indonesian separators.
enum IndonesianDecimal {
    static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "–" }
        let hundredths = Int((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths > 0 ? "-" : ""
        var text = sign + IndonesianFormat.number(hundredths / 100)
        var fraction = String(hundredths % 100)
        if fraction.count == 1 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { text += "," + fraction }
        return text
    }
}
