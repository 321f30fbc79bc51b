import Foundation

/// MinHash signatures of sets of 64-bit shingle hashes. Each of the `count` functions is a
/// multiply-shift hash `(a·x + b) >> 32` with odd `a`, drawn from a fixed seed, so a signature
/// means the same thing in every run and the fraction of equal positions of two signatures
/// estimates the Jaccard similarity of their sets.
public struct MinHasher: Sendable, Equatable {
    public let count: Int
    public let seed: UInt64
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    public init(count: Int = 60, seed: UInt64 = 0x5349_4D50_554C) {
        self.count = max(1, count)
        self.seed = seed
        let stream = StableHash.stream(seed: seed, count: 2 * self.count)
        multipliers = (0..<self.count).map { stream[2 * $0] | 1 }
        increments = (0..<self.count).map { stream[2 * $0 + 1] }
    }

    /// The signature of a set given as its elements' hashes (duplicates do not matter). The
    /// empty set gets all-maximum values, which equal only another empty set's.
    public func signature(of hashes: [UInt64]) -> [UInt32] {
        var minima = [UInt32](repeating: .max, count: count)
        minima.withUnsafeMutableBufferPointer { out in
            multipliers.withUnsafeBufferPointer { a in
                increments.withUnsafeBufferPointer { b in
                    for x in hashes {
                        for i in 0..<out.count {
                            let value = UInt32(truncatingIfNeeded: (a[i] &* x &+ b[i]) >> 32)
                            if value < out[i] { out[i] = value }
                        }
                    }
                }
            }
        }
        return minima
    }

    /// The share of equal positions: the estimated Jaccard similarity.
    public static func estimatedJaccard(_ first: [UInt32], _ second: [UInt32]) -> Double {
        let count = min(first.count, second.count)
        guard count > 0 else { return 0 }
        var equal = 0
        for i in 0..<count where first[i] == second[i] { equal += 1 }
        return Double(equal) / Double(count)
    }
}

/// Shingles: overlapping runs of `size` terms, hashed. A text shorter than `size` gives one
/// shingle of all its terms, so a two-word claim still has a set.
public enum Shingles {
    public static func hashes(of terms: [String], size: Int = 2) -> [UInt64] {
        hashes(ofTermHashes: terms.map(StableHash.of), size: size)
    }

    static func hashes(ofTermHashes terms: [UInt64], size: Int) -> [UInt64] {
        guard !terms.isEmpty else { return [] }
        let width = max(1, min(size, terms.count))
        var result: [UInt64] = []
        result.reserveCapacity(terms.count - width + 1)
        for start in 0...(terms.count - width) {
            var hash = terms[start]
            for offset in 1..<width { hash = StableHash.pair(hash, terms[start + offset]) }
            result.append(hash)
        }
        return result
    }
}

/// Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` bands
/// of `rows` values, and two sets become candidates when any band is equal. The chance that
/// sets of Jaccard s meet is 1 − (1 − sʳ)ᵇ, an S-curve that rises near (1/b)^(1/r).
public struct LSHIndex: Sendable {
    public let bands: Int
    public let rows: Int
    private var buckets: [UInt64: [Int32]] = [:]

    public init(bands: Int, rows: Int) {
        self.bands = max(1, bands)
        self.rows = max(1, rows)
    }

    /// The Jaccard similarity at which the chance of becoming candidates is about one half.
    public var threshold: Double { pow(1 / Double(bands), 1 / Double(rows)) }

    public mutating func insert(_ signature: [UInt32], id: Int32) {
        for band in 0..<min(bands, signature.count / rows) {
            buckets[key(signature, band: band), default: []].append(id)
        }
    }

    /// The ids sharing at least one band with `signature`, each once, in ascending order.
    public func candidates(_ signature: [UInt32]) -> [Int32] {
        var found: [Int32] = []
        for band in 0..<min(bands, signature.count / rows) {
            if let ids = buckets[key(signature, band: band)] { found.append(contentsOf: ids) }
        }
        guard found.count > 1 else { return found }
        found.sort()
        var unique: [Int32] = [found[0]]
        for id in found.dropFirst() where id != unique[unique.count - 1] { unique.append(id) }
        return unique
    }

    private func key(_ signature: [UInt32], band: Int) -> UInt64 {
        var hash = UInt64(band) &* 0xD6E8_FEB8_6659_FD93
        for row in 0..<rows { hash = StableHash.pair(hash, UInt64(signature[band * rows + row])) }
        return hash
    }
}
