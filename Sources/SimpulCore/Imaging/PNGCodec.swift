import Foundation

/// Reads non-interlaced PNG of every colour type and depth into RGB (transparency laid over
/// white, as a thumbnail on a white page shows it), and writes 8-bit RGB PNG.
enum PNGCodec {
    struct Unsupported: Error {}

    static let signature = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    /// Each side, and the whole: a 68-byte file may claim 2^32 × 2^32 pixels, and a thumbnail
    /// of a poster needs no more than this. Checked before anything is multiplied.
    static let maxSide = 30_000
    static let maxPixels = 25_000_000

    /// The bit depths PNG defines for each colour type; any other pair is a broken header.
    static let depths: [Int: Set<Int>] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]

    static func decode(_ data: Data) throws -> RGBImage {
        let bytes = [UInt8](data)
        guard bytes.count > 33, Data(bytes[0..<8]) == signature else { throw Unsupported() }
        var offset = 8
        var header: (width: Int, height: Int, depth: Int, colour: Int, interlace: Int)?
        var palette: [UInt8] = [], paletteAlpha: [UInt8] = [], compressed = Data()
        while offset + 12 <= bytes.count {
            let length = Int(be32(bytes, offset)), type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard length >= 0, start + length + 4 <= bytes.count else { throw Unsupported() }
            let body = bytes[start..<(start + length)]
            switch type {
            case "IHDR":
                guard length >= 13 else { throw Unsupported() }
                header = (Int(be32(bytes, start)), Int(be32(bytes, start + 4)), Int(bytes[start + 8]), Int(bytes[start + 9]), Int(bytes[start + 12]))
            case "PLTE": palette = Array(body)
            case "tRNS": paletteAlpha = Array(body)
            case "IDAT": compressed.append(contentsOf: body)
            case "IEND": offset = bytes.count
            default: break
            }
            offset = start + length + 4
        }
        guard let header, header.interlace == 0, (1...maxSide).contains(header.width), (1...maxSide).contains(header.height),
              header.width * header.height <= maxPixels else { throw Unsupported() }
        let channels: Int
        switch header.colour {
        case 0, 3: channels = 1
        case 2: channels = 3
        case 4: channels = 2
        case 6: channels = 4
        default: throw Unsupported()
        }
        guard depths[header.colour]?.contains(header.depth) == true, header.colour != 3 || !palette.isEmpty else { throw Unsupported() }
        let rowBytes = (header.width * channels * header.depth + 7) / 8
        let bytesPerPixel = max(1, channels * header.depth / 8)
        let raw = [UInt8](try Zlib.inflate(compressed, limit: header.height * (rowBytes + 1)))
        guard raw.count >= header.height * (rowBytes + 1) else { throw Unsupported() }

        var previous = [UInt8](repeating: 0, count: rowBytes)
        var pixels = [UInt8](repeating: 0, count: header.width * header.height * 3)
        for y in 0..<header.height {
            let filter = raw[y * (rowBytes + 1)]
            var row = Array(raw[(y * (rowBytes + 1) + 1)..<((y + 1) * (rowBytes + 1))])
            try unfilter(&row, previous: previous, type: filter, bytesPerPixel: bytesPerPixel)
            for x in 0..<header.width {
                let (r, g, b, a) = sample(row, x: x, depth: header.depth, colour: header.colour, palette: palette, paletteAlpha: paletteAlpha)
                let target = (y * header.width + x) * 3
                // Over white: out = a·c + (1 − a)·255.
                pixels[target] = UInt8((Int(r) * Int(a) + 255 * (255 - Int(a))) / 255)
                pixels[target + 1] = UInt8((Int(g) * Int(a) + 255 * (255 - Int(a))) / 255)
                pixels[target + 2] = UInt8((Int(b) * Int(a) + 255 * (255 - Int(a))) / 255)
            }
            previous = row
        }
        return RGBImage(width: header.width, height: header.height, pixels: pixels)
    }

    static func unfilter(_ row: inout [UInt8], previous: [UInt8], type: UInt8, bytesPerPixel: Int) throws {
        switch type {
        case 0: return
        case 1: for i in bytesPerPixel..<max(bytesPerPixel, row.count) { row[i] = row[i] &+ row[i - bytesPerPixel] }
        case 2: for i in 0..<row.count { row[i] = row[i] &+ previous[i] }
        case 3:
            for i in 0..<row.count {
                let left = i >= bytesPerPixel ? Int(row[i - bytesPerPixel]) : 0
                row[i] = row[i] &+ UInt8((left + Int(previous[i])) / 2)
            }
        case 4:
            for i in 0..<row.count {
                let a = i >= bytesPerPixel ? Int(row[i - bytesPerPixel]) : 0, b = Int(previous[i]), c = i >= bytesPerPixel ? Int(previous[i - bytesPerPixel]) : 0
                let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                row[i] = row[i] &+ UInt8(pa <= pb && pa <= pc ? a : pb <= pc ? b : c)
            }
        default: throw Unsupported()
        }
    }

    /// One pixel of an unfiltered row as 8-bit RGBA.
    static func sample(_ row: [UInt8], x: Int, depth: Int, colour: Int, palette: [UInt8], paletteAlpha: [UInt8]) -> (UInt8, UInt8, UInt8, UInt8) {
        func value(_ channel: Int, of channels: Int) -> Int {
            switch depth {
            case 16: return Int(row[(x * channels + channel) * 2])
            case 8: return Int(row[x * channels + channel])
            default:
                let bit = x * depth, byte = Int(row[bit / 8]), shift = 8 - depth - bit % 8
                return (byte >> shift) & ((1 << depth) - 1)
            }
        }
        func scaled(_ v: Int) -> UInt8 { depth < 8 ? UInt8(v * 255 / ((1 << depth) - 1)) : UInt8(v) }
        switch colour {
        case 0: let g = scaled(value(0, of: 1)); return (g, g, g, 255)
        case 2: return (UInt8(value(0, of: 3)), UInt8(value(1, of: 3)), UInt8(value(2, of: 3)), 255)
        case 3:
            let index = value(0, of: 1)
            guard index * 3 + 2 < palette.count else { return (0, 0, 0, 255) }
            return (palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2], index < paletteAlpha.count ? paletteAlpha[index] : 255)
        case 4: let g = UInt8(value(0, of: 2)); return (g, g, g, UInt8(value(1, of: 2)))
        default: return (UInt8(value(0, of: 4)), UInt8(value(1, of: 4)), UInt8(value(2, of: 4)), UInt8(value(3, of: 4)))
        }
    }

    static func encode(_ image: RGBImage) -> Data {
        var raw = Data(capacity: image.height * (image.width * 3 + 1))
        for y in 0..<image.height {
            raw.append(0)
            raw.append(contentsOf: image.pixels[(y * image.width * 3)..<((y + 1) * image.width * 3)])
        }
        var header = Data()
        header.append(contentsOf: bigEndian(UInt32(image.width)) + bigEndian(UInt32(image.height)))
        header.append(contentsOf: [8, 2, 0, 0, 0])
        var png = signature
        png.append(chunk("IHDR", header))
        png.append(chunk("IDAT", Zlib.deflate(raw)))
        png.append(chunk("IEND", Data()))
        return png
    }

    static func chunk(_ type: String, _ body: Data) -> Data {
        let name = Data(type.utf8)
        var out = Data(bigEndian(UInt32(body.count)))
        out.append(name)
        out.append(body)
        out.append(contentsOf: bigEndian(Zlib.crc32(name, body)))
        return out
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    static func be32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}
