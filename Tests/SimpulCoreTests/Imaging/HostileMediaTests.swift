import Foundation
import Testing
@testable import SimpulCore

/// Uploads come from any operator's machine: whatever their bytes, reading them must end in a
/// result or a refusal, never in a trap that takes the whole server down.
@Suite("Hostile uploads: the sniffer and the decoders")
struct HostileMediaTests {
    static func be32(_ value: UInt32) -> [UInt8] { PNGCodec.bigEndian(value) }
    static func be64(_ value: UInt64) -> [UInt8] { be32(UInt32(value >> 32)) + be32(UInt32(value & 0xFFFF_FFFF)) }
    static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] { be32(UInt32(8 + payload.count)) + Array(type.utf8) + payload }

    /// A playable-looking MP4: ftyp, then moov with mvhd (version 0) and one video track.
    static func mp4(duration: UInt32 = 30_000, timescale: UInt32 = 1000) -> [UInt8] {
        let mvhd = box("mvhd", [0, 0, 0, 0] + be32(0) + be32(0) + be32(timescale) + be32(duration) + [UInt8](repeating: 0, count: 80))
        let tkhd = box("tkhd", [UInt8](repeating: 0, count: 76) + be32(1280 << 16) + be32(720 << 16))
        return box("ftyp", Array("isom".utf8) + be32(0x200) + Array("isomiso2mp41".utf8)) + box("moov", mvhd + box("trak", tkhd))
    }

    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        let header = Data(be32(width) + be32(height) + [8, 2, 0, 0, 0])
        let idat = Data(Zlib.deflate(Data([0, 1, 2, 3])))
        return [UInt8](PNGCodec.signature + PNGCodec.chunk("IHDR", header) + PNGCodec.chunk("IDAT", idat) + PNGCodec.chunk("IEND", Data()))
    }

    static func fixture(_ name: String) throws -> [UInt8] { [UInt8](try ThumbnailTests.fixture(name)) }

    @Test("an MP4 box whose 64-bit size is 2^63 − 1 is a damaged file, not an overflow")
    func hugeBoxSize() {
        let file = Self.box("ftyp", Array("isom".utf8) + Self.be32(0)) + Self.be32(1) + Array("moov".utf8) + Self.be64(0x7FFF_FFFF_FFFF_FFFF) + Self.box("mvhd", [0])
        #expect(MediaSniffer.facts(of: Data(file)) == .failure(.damaged(.mp4)))
        let wrapped = Self.box("ftyp", Array("isom".utf8) + Self.be32(0)) + Self.be32(1) + Array("moov".utf8) + Self.be64(UInt64.max)
        #expect(MediaSniffer.facts(of: Data(wrapped)) == .failure(.damaged(.mp4)))
    }

    @Test("an MP4 whose running time is beyond any real video, or whose mvhd is empty, is damaged")
    func impossibleDuration() throws {
        let ok = try MediaSniffer.facts(of: Data(Self.mp4())).get()
        #expect(ok.durationSeconds == 30 && ok.width == 1280 && ok.height == 720)
        #expect(MediaSniffer.facts(of: Data(Self.mp4(duration: UInt32.max, timescale: 1))) == .failure(.damaged(.mp4)))
        let mvhd1 = Self.box("mvhd", [1, 0, 0, 0] + Self.be64(0) + Self.be64(0) + Self.be32(1) + Self.be64(0x7FFF_FFFF_FFFF_FFFF) + [UInt8](repeating: 0, count: 80))
        let long = Self.box("ftyp", Array("isom".utf8) + Self.be32(0)) + Self.box("moov", mvhd1)
        #expect(MediaSniffer.facts(of: Data(long)) == .failure(.damaged(.mp4)))
        let empty = Self.box("ftyp", Array("isom".utf8) + Self.be32(0)) + Self.box("moov", Self.box("mvhd", []))
        #expect(MediaSniffer.facts(of: Data(empty)) == .failure(.damaged(.mp4)))
    }

    @Test("a small PNG claiming 4,294,967,295 × 4,294,967,295 pixels is refused by the sniffer and the decoder")
    func hugePNG() {
        let file = Self.png(width: 0xFFFF_FFFF, height: 0xFFFF_FFFF)
        #expect(file.count < 80)
        #expect(MediaSniffer.facts(of: Data(file)) == .failure(.damaged(.png)))
        #expect(throws: PNGCodec.Unsupported.self) { try PNGCodec.decode(Data(file)) }
        // Each side within PNG's limit but far past what a preview reads.
        #expect(throws: PNGCodec.Unsupported.self) { try PNGCodec.decode(Data(Self.png(width: 0x7FFF_FFFF, height: 2))) }
        #expect(throws: PNGCodec.Unsupported.self) { try PNGCodec.decode(Data(Self.png(width: 20_000, height: 20_000))) }
        #expect(Thumbnailer.thumbnail(of: Data(file), format: .png) == nil)
    }

    @Test("a progressive JPEG whose scan names Huffman table 15, or whose table claims too many codes, is refused")
    func jpegTables() throws {
        let jpeg = try Self.fixture("progressive.jpg")
        let sos = try #require((0..<(jpeg.count - 1)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xDA })
        var badSelector = jpeg
        badSelector[sos + 6] = 0xFF
        #expect(throws: JPEGPreview.Unsupported.self) { try JPEGPreview.decode(badSelector) }

        let dht = try #require((0..<(jpeg.count - 1)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC4 })
        // Three codes of length 1, where one bit holds two; the total stays, so only the
        // code space is wrong.
        var overfull = jpeg
        for length in 1..<16 where overfull[dht + 5] < 3 {
            let moved = min(overfull[dht + 5 + length], 3 - overfull[dht + 5])
            overfull[dht + 5 + length] -= moved
            overfull[dht + 5] += moved
        }
        #expect(overfull[dht + 5] == 3)
        #expect(throws: JPEGPreview.Unsupported.self) { try JPEGPreview.decode(overfull) }

        var noComponents = jpeg
        noComponents[sos + 4] = 0 // a scan of zero components
        #expect(throws: JPEGPreview.Unsupported.self) { try JPEGPreview.decode(noComponents) }
    }

    @Test("a JPEG of many empty scans or repeated frame headers ends quickly")
    func jpegRepetition() throws {
        let jpeg = try Self.fixture("baseline-420.jpg")
        let sof = try #require((0..<(jpeg.count - 1)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        let length = Int(jpeg[sof + 2]) << 8 | Int(jpeg[sof + 3])
        // The frame header repeated: a second one is refused rather than allocated again.
        let repeated = Array(jpeg[..<(sof + 2 + length)]) + Array(jpeg[sof..<(sof + 2 + length)]) + Array(jpeg[(sof + 2 + length)...])
        #expect(throws: JPEGPreview.Unsupported.self) { try JPEGPreview.decode(repeated) }

        // An 8000 × 8000 greyscale frame with scans that carry no data: each stops at once.
        var header: [UInt8] = [0xFF, 0xD8]
        header += [0xFF, 0xC4, 0, 20, 0x00] + [1] + [UInt8](repeating: 0, count: 15) + [0]
        header += [0xFF, 0xC4, 0, 20, 0x10] + [1] + [UInt8](repeating: 0, count: 15) + [0]
        header += [0xFF, 0xC0, 0, 11, 8, 0x1F, 0x40, 0x1F, 0x40, 1, 1, 0x11, 0]
        let scan: [UInt8] = [0xFF, 0xDA, 0, 8, 1, 1, 0x00, 0, 63, 0]
        let file = header + (0..<2000).flatMap { _ in scan } + [0xFF, 0xD9]
        let start = Date()
        _ = try? JPEGPreview.decode(file)
        // A guard against decoding the frame's million blocks once per scan (minutes, even
        // in release), not a speed target: a debug build on a loaded 2-core machine took 21 s
        // for the allocation alone, so the bound leaves room for that.
        #expect(Date().timeIntervalSince(start) < 60)
    }

    /// Mutations a fuzzer would try first: bytes changed, bits flipped, lengths and sizes set
    /// to the values that break arithmetic, runs cut, repeated or spliced from another file.
    struct Mutator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

        static let extremes: [UInt64] = [0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF,
                                         0x7FFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF]

        mutating func mutate(_ input: [UInt8], donor: [UInt8]) -> [UInt8] {
            var bytes = input
            for _ in 0...below(4) {
                guard !bytes.isEmpty else { return bytes }
                let at = below(bytes.count)
                switch below(8) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: next())
                case 1: bytes[at] ^= 1 << UInt8(below(8))
                case 2, 3:
                    let value = Self.extremes[below(Self.extremes.count)], width = [1, 2, 4, 8][below(4)]
                    for k in 0..<width where at + k < bytes.count {
                        bytes[at + k] = UInt8(truncatingIfNeeded: value >> UInt64(8 * (width - 1 - k)))
                    }
                case 4: bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(64)))
                case 5:
                    let end = min(bytes.count, at + 1 + below(128))
                    bytes.insert(contentsOf: bytes[at..<end], at: below(bytes.count))
                case 6: bytes = Array(bytes.prefix(at))
                default:
                    let from = below(donor.count), end = min(donor.count, from + 1 + below(256))
                    bytes.replaceSubrange(at..<min(bytes.count, at + end - from), with: donor[from..<end])
                }
            }
            return bytes
        }
    }

    static let seedNames = ["baseline-420.jpg", "baseline-444.jpg", "progressive.jpg", "grey.jpg", "restart.jpg", "orientation-6.jpg",
                            "rgb.png", "palette.png", "grey16.png", "rgba-half.png", "bilevel.png",
                            "still.gif", "interlaced.gif", "animated.gif"]

    @Test("100,000 mutated files through the sniffer and all three decoders: no crash")
    func fuzz() throws {
        var seeds = try Self.seedNames.map(Self.fixture)
        seeds.append(Self.mp4())
        seeds.append(Array("RIFF".utf8) + Self.be32(0) + Array("WEBPVP8X".utf8) + [UInt8](repeating: 0, count: 20))
        var mutator = Mutator(state: 0x5349_4D50_554C)
        var outcomes = (sniffed: 0, refused: 0, decoded: 0)
        for round in 0..<100_000 {
            let seed = seeds[round % seeds.count]
            let input = mutator.mutate(seed, donor: seeds[mutator.below(seeds.count)])
            switch MediaSniffer.facts(of: Data(input)) {
            case .success: outcomes.sniffed += 1
            case .failure: outcomes.refused += 1
            }
            // Every decoder sees every input: a JPEG reader given PNG bytes must refuse them too.
            if (try? JPEGPreview.decode(input)) != nil { outcomes.decoded += 1 }
            if (try? PNGCodec.decode(Data(input))) != nil { outcomes.decoded += 1 }
            if (try? GIFPreview.decode(input)) != nil { outcomes.decoded += 1 }
        }
        // The mutations must reach both sides: files still read, and files refused.
        #expect(outcomes.sniffed > 10_000 && outcomes.refused > 10_000 && outcomes.decoded > 10_000, "\(outcomes)")
    }
}
