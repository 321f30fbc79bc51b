import Foundation

/// Exponential backoff with full jitter: before retry number `n` wait a uniformly random time
/// in `0 ... min(cap, base × 2^(n−1))`.
///
/// Only `.transient` errors are retried. Rate limits are not retried in-process (the caller
/// pauses the account until `until`), and neither are auth errors, rejections or bad bodies.
/// Writes (replies, posts, messages) carry no idempotency key on these platforms, so a
/// transient failure may still have been applied: wrap only reads and polls, or writes whose
/// duplicate is acceptable.
public struct RetryPolicy: Sendable {
    /// The first retry's ceiling.
    public var base: Duration
    /// No delay exceeds this.
    public var cap: Duration
    /// Attempts in all, the first included; 1 means never retry.
    public var maxAttempts: Int
    /// Uniform in 0..<1. Inject `RetryPolicy.seededRandom(_:)` for reproducible delays.
    public var random: @Sendable () -> Double

    public init(base: Duration = .milliseconds(500), cap: Duration = .seconds(30), maxAttempts: Int = 4,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
        self.random = random
    }

    public static var standard: RetryPolicy { RetryPolicy() }
    public static var never: RetryPolicy { RetryPolicy(maxAttempts: 1) }

    /// The largest delay the jitter can give after `attempt` failed attempts (1-based).
    public func ceiling(forAttempt attempt: Int) -> Duration {
        let exponent = Double(min(max(attempt, 1) - 1, 60))
        let seconds = min(Self.seconds(cap), Self.seconds(base) * pow(2, exponent))
        return .seconds(max(0, seconds))
    }

    /// How long to wait after attempt number `attempt` (1-based) failed, before the next one.
    public func delay(forAttempt attempt: Int) -> Duration {
        let unit = min(max(random(), 0), 1)
        return .seconds(Self.seconds(ceiling(forAttempt: attempt)) * unit)
    }

    /// Whether to make another attempt after attempt number `attempt` (1-based) failed with `error`.
    public func shouldRetry(_ error: PlatformError, attempt: Int) -> Bool {
        guard attempt < maxAttempts else { return false }
        if case .transient = error { return true }
        return false
    }

    /// A deterministic source of uniform values in 0..<1 (SplitMix64), for tests and replays.
    public static func seededRandom(_ seed: UInt64) -> @Sendable () -> Double {
        let generator = SeededUnitGenerator(seed: seed)
        return { generator.next() }
    }

    public static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// SplitMix64 behind a lock, so the closure that shares it can be `@Sendable`.
private final class SeededUnitGenerator: @unchecked Sendable {
    private var state: UInt64
    private let lock = NSLock()

    init(seed: UInt64) { state = seed }

    func next() -> Double {
        lock.lock()
        defer { lock.unlock() }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1.0p-53
    }
}

/// Runs `operation`, retrying it after `.transient` platform errors as `policy` allows and
/// sleeping `policy.delay(forAttempt:)` between attempts. Any other error, or the last
/// transient one, is rethrown as is. A throwing `sleep` (e.g. cancellation) ends the loop.
public func withRetries<T>(
    _ policy: RetryPolicy,
    sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
    isolation: isolated (any Actor)? = #isolation,
    _ operation: () async throws -> T
) async throws -> T {
    var attempt = 1
    while true {
        do {
            return try await operation()
        } catch let error as PlatformError where policy.shouldRetry(error, attempt: attempt) {
            try await sleep(policy.delay(forAttempt: attempt))
            attempt += 1
        }
    }
}
