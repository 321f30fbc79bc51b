import Foundation

/// One value per tenant, kept while its key (a fingerprint of what it was built from) holds:
/// compiled rule engines and hoax registers take milliseconds to build and are read on every
/// check.
final class TenantCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [UUID: (key: Int, value: Value)] = [:]

    func get(_ tenantID: UUID, key: Int) -> Value? {
        lock.withLock { entries[tenantID].flatMap { $0.key == key ? $0.value : nil } }
    }

    func put(_ tenantID: UUID, key: Int, _ value: Value) {
        lock.withLock { entries[tenantID] = (key, value) }
    }
}
