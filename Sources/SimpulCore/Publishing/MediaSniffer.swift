import Foundation

/// What a file is, read from its bytes rather than its name: the format, the pixel size and,
/// for video, the running time, as far as the headers tell. A file whose bytes match no
/// format Simpul publishes, or whose headers are cut short, is refused with the reason.
public enum MediaSniffer {
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case tooLarge(bytes: Int, max: Int)
        /// The bytes are no image or video format Simpul publishes (whatever the name says).
        case unknownFormat
        /// The format is recognised but its headers are broken or cut short.
        case damaged(MediaFacts.Format)

        public func message(english: Bool = false) -> String {
            func t(_ id: String, _ en: String) -> String { english ? en : id }
            switch self {
            case .empty: return t("Berkas kosong (0 bita).", "The file is empty (0 bytes).")
            case .tooLarge(let bytes, let max):
                let mb = { (value: Int) in String(Int((Double(value) / 1_048_576).rounded(.up))) + " MB" }
                return t("Berkas terlalu besar: \(mb(bytes)); paling besar \(mb(max)).", "The file is too large: \(mb(bytes)); at most \(mb(max)).")
            case .unknownFormat:
                return t("Isi berkas bukan gambar (JPEG, PNG, GIF, WebP) atau video (MP4, MOV, WebM), apa pun nama berkasnya.",
                         "The file's contents are not an image (JPEG, PNG, GIF, WebP) or a video (MP4, MOV, WebM), whatever its name says.")
            case .damaged(let format):
                return t("Berkas \(format.rawValue.uppercased()) rusak atau terpotong.", "The \(format.rawValue.uppercased()) file is damaged or cut short.")
            }
        }
    }

    /// The largest file Simpul takes at all; each platform's own limit is checked later.
    public static let defaultMaxBytes = 1024 * 1024 * 1024

    public static func facts(of data: Data, maxBytes: Int = defaultMaxBytes) -> Result<MediaFacts, Problem> {
        guard !data.isEmpty else { return .failure(.empty) }
        guard data.count <= maxBytes else { return .failure(.tooLarge(bytes: data.count, max: maxBytes)) }
        let bytes = [UInt8](data)
        guard let format = format(of: bytes) else { return .failure(.unknownFormat) }
        let parsed: MediaFacts? = switch format {
        case .png: png(bytes)
        case .jpeg: jpeg(bytes)
        case .gif: gif(bytes)
        case .webp: webp(bytes)
        case .mp4, .mov: isoMedia(bytes, format: format)
        case .webm: MediaFacts(format: .webm, bytes: bytes.count)
        }
        guard let facts = parsed else { return .failure(.damaged(format)) }
        return .success(facts)
    }

    static func format(of b: [UInt8]) -> MediaFacts.Format? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            b.count >= offset + prefix.count && Array(b[offset..<(offset + prefix.count)]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return .webm }
        if starts(Array("ftyp".utf8), at: 4) {
            return starts(Array("qt  ".utf8), at: 8) ? .mov : .mp4
        }
        return nil
    }

    static func be16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    static func be32(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
    static func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    static func le24(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }

    static let maxVideoSeconds: Double = 7 * 24 * 3600

    /// IHDR comes first, right after the signature. PNG caps each side at 2^31 − 1.
    static func png(_ b: [UInt8]) -> MediaFacts? {
        guard b.count >= 24, Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
        let width = be32(b, 16), height = be32(b, 20)
        guard (1...Int(Int32.max)).contains(width), (1...Int(Int32.max)).contains(height) else { return nil }
        return MediaFacts(format: .png, bytes: b.count, width: width, height: height)
    }

    /// Walks the markers to the first frame header (SOF0–SOF15 but DHT, JPG and DAC); the file
    /// must also end with EOI, else it was cut short.
    static func jpeg(_ b: [UInt8]) -> MediaFacts? {
        guard b.count >= 4, b[b.count - 2] == 0xFF, b[b.count - 1] == 0xD9 else { return nil }
        var i = 2
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue }
            let length = be16(b, i + 2)
            guard length >= 2, i + 2 + length <= b.count else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard length >= 7 else { return nil }
                let height = be16(b, i + 5), width = be16(b, i + 7)
                guard width > 0, height > 0 else { return nil }
                return MediaFacts(format: .jpeg, bytes: b.count, width: width, height: height)
            }
            if marker == 0xDA { return nil }
            i += 2 + length
        }
        return nil
    }

    static func gif(_ b: [UInt8]) -> MediaFacts? {
        guard b.count >= 13, b.last == 0x3B else { return nil }
        let width = le16(b, 6), height = le16(b, 8)
        guard width > 0, height > 0 else { return nil }
        return MediaFacts(format: .gif, bytes: b.count, width: width, height: height)
    }

    /// VP8 (lossy), VP8L (lossless) and VP8X (extended) each keep the canvas size differently.
    static func webp(_ b: [UInt8]) -> MediaFacts? {
        guard b.count >= 30 else { return nil }
        let chunk = String(decoding: b[12..<16], as: UTF8.self)
        var width = 0, height = 0
        switch chunk {
        case "VP8 ":
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
            width = le16(b, 26) & 0x3FFF
            height = le16(b, 28) & 0x3FFF
        case "VP8L":
            guard b[20] == 0x2F else { return nil }
            let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
            width = (bits & 0x3FFF) + 1
            height = ((bits >> 14) & 0x3FFF) + 1
        case "VP8X":
            width = le24(b, 24) + 1
            height = le24(b, 27) + 1
        default:
            return nil
        }
        guard width > 0, height > 0 else { return nil }
        return MediaFacts(format: .webp, bytes: b.count, width: width, height: height)
    }

    /// ISO base media (MP4, MOV): the running time from `moov/mvhd`, the picture size from the
    /// first video track's `tkhd`. A file without `moov` cannot be played.
    static func isoMedia(_ b: [UInt8], format: MediaFacts.Format) -> MediaFacts? {
        guard let moov = box("moov", in: b, from: 0, to: b.count) else { return nil }
        guard let mvhd = box("mvhd", in: b, from: moov.start, to: moov.end) else { return nil }
        guard mvhd.start < mvhd.end else { return nil }
        var seconds: Double?
        let version = b[mvhd.start]
        if version == 1, mvhd.start + 32 <= mvhd.end {
            let timescale = be32(b, mvhd.start + 20)
            let duration = be32(b, mvhd.start + 24) << 32 | be32(b, mvhd.start + 28)
            if timescale > 0 { seconds = Double(duration) / Double(timescale) }
        } else if mvhd.start + 20 <= mvhd.end {
            let timescale = be32(b, mvhd.start + 12)
            let duration = be32(b, mvhd.start + 16)
            if timescale > 0 { seconds = Double(duration) / Double(timescale) }
        }
        var width: Int?, height: Int?
        var cursor = moov.start
        while let trak = box("trak", in: b, from: cursor, to: moov.end) {
            if let tkhd = box("tkhd", in: b, from: trak.start, to: trak.end), tkhd.end - 8 >= tkhd.start {
                // Width and height are the last eight bytes, 16.16 fixed point; audio tracks have 0.
                let w = be32(b, tkhd.end - 8) >> 16, h = be32(b, tkhd.end - 4) >> 16
                if w > 0, h > 0 { width = w; height = h; break }
            }
            cursor = trak.end
        }
        // A running time past a week in a file of at most a gigabyte is a broken header, and
        // an unbounded one would overflow wherever it is turned into whole seconds.
        if let seconds, !(0...maxVideoSeconds).contains(seconds) { return nil }
        return MediaFacts(format: format, bytes: b.count, width: width, height: height, durationSeconds: seconds)
    }

    /// The payload range of the first box of `type` between `start` and `end` (boxes nest by
    /// their payload; `moov` and `trak` are containers).
    static func box(_ type: String, in b: [UInt8], from start: Int, to end: Int) -> (start: Int, end: Int)? {
        let wanted = Array(type.utf8)
        var i = start
        while i + 8 <= end {
            var size = be32(b, i)
            var header = 8
            if size == 1 {
                guard i + 16 <= end else { return nil }
                size = be32(b, i + 8) << 32 | be32(b, i + 12)
                header = 16
            } else if size == 0 {
                size = end - i
            }
            // A 64-bit size can be anything up to 2^64 − 1: compare it with the room left
            // instead of adding it to the offset, which would overflow.
            guard size >= header, size <= end - i else { return nil }
            if Array(b[(i + 4)..<(i + 8)]) == wanted { return (i + header, i + size) }
            i += size
        }
        return nil
    }
}
