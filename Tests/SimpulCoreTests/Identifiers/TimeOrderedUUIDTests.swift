import Foundation
import SimpulCore
import Testing

@Suite struct TimeOrderedUUIDTests {
    /// A fixed sequence, so the random half is known.
    struct Counter: RandomNumberGenerator {
        var value: UInt64 = 0
        mutating func next() -> UInt64 { value &+= 0x0101_0101_0101_0101; return value }
    }

    @Test func carriesTheMillisecondsVersionAndVariant() {
        var generator = Counter()
        let date = Date(timeIntervalSince1970: 1_763_700_000.123_9)
        let id = UUID.timeOrdered(at: date, using: &generator)
        #expect(id.timeOrderedMilliseconds == 1_763_700_000_123)
        #expect(id.uuid.6 >> 4 == 7)
        #expect(id.uuid.8 >> 6 == 0b10)
        // The text form says the same: version digit 7, variant digit 8–b.
        let text = Array(id.uuidString)
        #expect(text[14] == "7")
        #expect("89AB".contains(text[19]))
        #expect(id.uuidString.hasPrefix("019AA4B6-457B-7"))
        // 0.9 of the millisecond, in twelve bits: 0xE66.
        #expect(id.uuid.6 & 0x0F == 0x0E && id.uuid.7 == 0x66)
    }

    @Test func theFractionOfAMillisecondOrdersIdsWithinIt() {
        let start = Date(timeIntervalSince1970: 1_763_700_000)
        let ids = (0..<10).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) * 0.000_1)) }
        let bytes = ids.map { withUnsafeBytes(of: $0.uuid) { Array($0) } }
        #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        #expect(Set(ids.map(\.timeOrderedMilliseconds)).count == 1)
    }

    @Test func laterTimesSortAfterEarlierOnesWhateverTheRandomHalf() {
        let start = Date(timeIntervalSince1970: 1_763_700_000)
        let ids = (0..<200).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) * 0.01)) }
        let bytes = ids.map { withUnsafeBytes(of: $0.uuid) { Array($0) } }
        #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        #expect(Set(ids).count == ids.count)
    }

    @Test func sameMillisecondStillGivesDistinctIds() {
        let date = Date(timeIntervalSince1970: 1_763_700_000)
        let ids = (0..<1000).map { _ in UUID.timeOrdered(at: date) }
        #expect(Set(ids).count == 1000)
        #expect(Set(ids.map(\.timeOrderedMilliseconds)).count == 1)
    }

    @Test func otherVersionsCarryNoTime() {
        #expect(UUID().timeOrderedMilliseconds == nil)
        #expect(UUID.timeOrdered(at: Date(timeIntervalSince1970: -5)).timeOrderedMilliseconds == 0)
    }
}
