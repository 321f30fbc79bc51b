import Foundation

extension UUID {
    /// A version 7 UUID (RFC 9562): the Unix time in milliseconds in the first 48 bits, the
    /// fraction of that millisecond in the next 12 (the RFC's "increased clock precision"), the
    /// rest random. Rows written in bulk (inbound messages) get ids that sort by arrival, so each
    /// insert lands at the right-hand edge of the primary-key index; random ids touch a different
    /// index page per row, and every touched page is written again at commit. One 64-bit random
    /// draw fills the random part: each draw from the system generator is a system call.
    public static func timeOrdered(at date: Date, using generator: inout some RandomNumberGenerator) -> UUID {
        let exact = max(0, date.timeIntervalSince1970 * 1000)
        let milliseconds = UInt64(exact.rounded(.down))
        let fraction = UInt64((exact - exact.rounded(.down)) * 4096) & 0x0FFF
        let random: UInt64 = generator.next()
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(uuid: (byte(milliseconds, 40), byte(milliseconds, 32), byte(milliseconds, 24), byte(milliseconds, 16),
                           byte(milliseconds, 8), byte(milliseconds, 0),
                           0x70 | byte(fraction, 8), byte(fraction, 0),  // version 7
                           0x80 | (byte(random, 56) & 0x3F),  // RFC 9562 variant
                           byte(random, 48), byte(random, 40), byte(random, 32), byte(random, 24), byte(random, 16), byte(random, 8), byte(random, 0)))
    }

    public static func timeOrdered(at date: Date) -> UUID {
        var generator = SystemRandomNumberGenerator()
        return timeOrdered(at: date, using: &generator)
    }

    /// The milliseconds since 1970 a version 7 UUID carries; nil for any other version.
    public var timeOrderedMilliseconds: UInt64? {
        let b = uuid
        guard b.6 >> 4 == 7 else { return nil }
        return [b.0, b.1, b.2, b.3, b.4, b.5].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
