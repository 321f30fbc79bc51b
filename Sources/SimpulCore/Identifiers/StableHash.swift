/// Hashes that are the same in every process and on every machine, unlike Swift's `Hasher`,
/// which is seeded per run: MinHash signatures are stored with a claim and compared later, and
/// the Sandbox draws the same traffic from the same seed.
public enum StableHash {
    /// FNV-1a over the UTF-8 bytes, finished with a mixer so that similar words spread apart.
    public static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return mix(hash)
    }

    /// The finaliser of SplitMix64: a bijection that makes every output bit depend on every input bit.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An ordered pair: ("air", "mati") and ("mati", "air") are different shingles.
    public static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(first &* 0x9E37_79B9_7F4A_7C15 ^ (second &+ 0x632B_E59B_D9B4_E019))
    }

    /// A SplitMix64 stream from a fixed seed: the MinHash permutations' parameters.
    public static func stream(seed: UInt64, count: Int) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &+ 0x9E37_79B9_7F4A_7C15
            return mix(state)
        }
    }
}
