import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The time source, injected so tests can move time forward (session expiry, rate limits).
public struct AppClock: Sendable {
    public var now: @Sendable () -> Date
    public init(now: @escaping @Sendable () -> Date) { self.now = now }
    public static let system = AppClock { Date() }
}

/// A clock a test can set and advance.
public final class ManualClock: @unchecked Sendable {
    private let lock = NIOLock()
    private var current: Date
    public init(_ start: Date) { current = start }
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
    public func set(_ date: Date) { lock.withLock { current = date } }
    public var date: Date { lock.withLock { current } }
    public var clock: AppClock { AppClock { [self] in self.date } }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    public var settings: Settings {
        get {
            guard let settings = storage[SettingsKey.self] else { fatalError("configure(_:) sets the settings before anything reads them") }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }

    public var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var now: Date { application.clock.now() }
}
