import Foundation

extension UUID {
    /// The same text as `uuidString` (upper-case hex, hyphenated), written directly. On Linux
    /// `uuidString` goes through the C library's formatted printing, which cost the ingest
    /// writer a noticeable share of its time at three ids a row.
    public var uppercasedText: String {
        let digits: StaticString = "0123456789ABCDEF"
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var at = 0
                digits.withUTF8Buffer { digits in
                    for (index, byte) in bytes.enumerated() {
                        if index == 4 || index == 6 || index == 8 || index == 10 { text[at] = UInt8(ascii: "-"); at += 1 }
                        text[at] = digits[Int(byte >> 4)]
                        text[at + 1] = digits[Int(byte & 0x0F)]
                        at += 2
                    }
                }
                return at
            }
        }
    }
}
