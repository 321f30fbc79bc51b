/// An eighth-size picture of a JPEG, read from the DC coefficient of each 8×8 block: the block's
/// average colour is all a thumbnail needs, so no inverse DCT is done. Baseline and extended
/// sequential files have every block's DC in their scans; progressive files carry them in their
/// first scans, so the rest of the file is skipped. Greyscale and YCbCr, any chroma sampling,
/// restart intervals and the EXIF orientation are handled; CMYK, lossless and arithmetic-coded
/// files are not.
enum JPEGPreview {
    struct Unsupported: Error {}

    struct Component {
        let id: Int
        let h: Int
        let v: Int
        let quantTable: Int
        var blocksPerLine = 0
        var blockLines = 0
        var dc: [Int32] = []
    }

    struct Huffman {
        /// For each code length 1…16: the largest code, and where its symbols start.
        var maxCode = [Int](repeating: -1, count: 17)
        var valueOffset = [Int](repeating: 0, count: 17)
        var symbols: [UInt8] = []
        /// Codes of up to 8 bits, looked up by the next 8 bits: length << 8 | symbol.
        var fast = [UInt16](repeating: 0, count: 256)

        /// Nil when the counts claim more codes of a length than that many bits can hold: a
        /// mutated table would otherwise fill entries past the lookup's end.
        init?(counts: [Int], symbols: [UInt8]) {
            guard counts.count == 16, counts.reduce(0, +) == symbols.count else { return nil }
            self.symbols = symbols
            var code = 0, index = 0
            for length in 1...16 {
                let count = counts[length - 1]
                guard code + count <= 1 << length else { return nil }
                valueOffset[length] = index - code
                for n in 0..<count where length <= 8 {
                    let prefix = (code + n) << (8 - length)
                    for fill in 0..<(1 << (8 - length)) { fast[prefix | fill] = UInt16(length << 8) | UInt16(symbols[index + n]) }
                }
                code += count
                index += count
                maxCode[length] = count > 0 ? code - 1 : -1
                code <<= 1
            }
        }
    }

    static let maxPixels = 80_000_000

    static func decode(_ data: [UInt8]) throws -> RGBImage {
        guard data.count > 4, data[0] == 0xFF, data[1] == 0xD8 else { throw Unsupported() }
        var quant = [Int](repeating: 1, count: 4)
        var dcTables = [Huffman?](repeating: nil, count: 4), acTables = [Huffman?](repeating: nil, count: 4)
        var components: [Component] = []
        var size = (width: 0, height: 0)
        var progressive = false
        var restartInterval = 0
        var orientation = 1
        var offset = 2
        var sawDC = false

        while offset + 4 <= data.count {
            guard data[offset] == 0xFF else { offset += 1; continue }
            let marker = data[offset + 1]
            if marker == 0xFF { offset += 1; continue }
            if marker == 0xD9 { break }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { offset += 2; continue }
            let length = Int(data[offset + 2]) << 8 | Int(data[offset + 3])
            let start = offset + 4, end = offset + 2 + length
            guard length >= 2, end <= data.count else { throw Unsupported() }
            switch marker {
            case 0xDB:
                var p = start
                while p < end {
                    let precision = Int(data[p] >> 4), table = Int(data[p] & 0x0F)
                    guard table < 4, p + 1 + (precision == 0 ? 64 : 128) <= end else { throw Unsupported() }
                    quant[table] = precision == 0 ? Int(data[p + 1]) : Int(data[p + 1]) << 8 | Int(data[p + 2])
                    p += 1 + (precision == 0 ? 64 : 128)
                }
            case 0xC4:
                var p = start
                while p + 17 <= end {
                    let tableClass = Int(data[p] >> 4), table = Int(data[p] & 0x0F)
                    let counts = (0..<16).map { Int(data[p + 1 + $0]) }
                    let total = counts.reduce(0, +)
                    guard table < 4, tableClass < 2, p + 17 + total <= end,
                          let huffman = Huffman(counts: counts, symbols: Array(data[(p + 17)..<(p + 17 + total)])) else { throw Unsupported() }
                    if tableClass == 0 { dcTables[table] = huffman } else { acTables[table] = huffman }
                    p += 17 + total
                }
            case 0xC0, 0xC1, 0xC2:
                // One frame per file: each header allocates the block grid, so a file of many
                // small headers must not make it allocate again and again.
                guard components.isEmpty, length >= 8 else { throw Unsupported() }
                progressive = marker == 0xC2
                size = (Int(data[start + 3]) << 8 | Int(data[start + 4]), Int(data[start + 1]) << 8 | Int(data[start + 2]))
                let count = Int(data[start + 5])
                guard [1, 3].contains(count), length >= 8 + 3 * count, size.width > 0, size.height > 0, size.width * size.height <= maxPixels else {
                    throw Unsupported()
                }
                components = (0..<count).map { i in
                    let p = start + 6 + 3 * i
                    return Component(id: Int(data[p]), h: max(1, Int(data[p + 1] >> 4)), v: max(1, Int(data[p + 1] & 0x0F)), quantTable: Int(data[p + 2] & 3))
                }
                let hMax = components.map(\.h).max()!, vMax = components.map(\.v).max()!
                let mcusX = (size.width + 8 * hMax - 1) / (8 * hMax), mcusY = (size.height + 8 * vMax - 1) / (8 * vMax)
                for i in components.indices {
                    components[i].blocksPerLine = mcusX * components[i].h
                    components[i].blockLines = mcusY * components[i].v
                    components[i].dc = [Int32](repeating: 0, count: components[i].blocksPerLine * components[i].blockLines)
                }
            case 0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                throw Unsupported()
            case 0xDD:
                guard length >= 4 else { throw Unsupported() }
                restartInterval = Int(data[start]) << 8 | Int(data[start + 1])
            case 0xE1:
                orientation = exifOrientation(data, start, end) ?? orientation
            case 0xDA:
                guard !components.isEmpty else { throw Unsupported() }
                // A scan header is 6 + 2 × its component count long, and names tables 0–3 only.
                guard length >= 3 else { throw Unsupported() }
                let count = Int(data[start])
                guard (1...4).contains(count), length >= 6 + 2 * count else { throw Unsupported() }
                var scan: [(index: Int, dc: Int, ac: Int)] = []
                for i in 0..<count {
                    let id = Int(data[start + 1 + 2 * i]), tables = data[start + 2 + 2 * i]
                    guard let index = components.firstIndex(where: { $0.id == id }), tables >> 4 < 4, tables & 0x0F < 4 else { throw Unsupported() }
                    scan.append((index, Int(tables >> 4), Int(tables & 0x0F)))
                }
                let spectral = Int(data[start + 1 + 2 * count]), approximation = data[start + 3 + 2 * count]
                let high = Int(approximation >> 4), low = Int(approximation & 0x0F)
                var reader = BitReader(data: data, offset: end)
                if spectral == 0 {
                    try decodeScan(&components, size: size, scan: scan, dcTables: dcTables, acTables: acTables, progressive: progressive,
                                   refine: high > 0, shift: low, restartInterval: restartInterval, reader: &reader)
                    sawDC = true
                }
                offset = reader.endOfScan()
                continue
            default:
                break
            }
            offset = end
        }
        guard sawDC else { throw Unsupported() }
        return picture(components, quant: quant, size: size).oriented(orientation)
    }

    private static func decodeScan(_ components: inout [Component], size: (width: Int, height: Int), scan: [(index: Int, dc: Int, ac: Int)],
                                   dcTables: [Huffman?], acTables: [Huffman?],
                                   progressive: Bool, refine: Bool, shift: Int, restartInterval: Int, reader: inout BitReader) throws {
        let hMax = components.map(\.h).max()!, vMax = components.map(\.v).max()!
        var predictors = [Int32](repeating: 0, count: components.count)
        let single = scan.count == 1
        let mcusX: Int, mcusY: Int
        if single {
            // A one-component scan walks that component's own blocks, not the padded MCU grid.
            let c = components[scan[0].index]
            let width = (size.width * c.h + hMax - 1) / hMax
            let height = (size.height * c.v + vMax - 1) / vMax
            mcusX = (width + 7) / 8
            mcusY = (height + 7) / 8
        } else {
            mcusX = components[scan[0].index].blocksPerLine / components[scan[0].index].h
            mcusY = components[scan[0].index].blockLines / components[scan[0].index].v
        }
        var mcu = 0
        for my in 0..<mcusY {
            for mx in 0..<mcusX {
                // Past the scan's data only made-up zero bits remain: stop there, keeping the
                // blocks read, rather than spend a million blocks' work on nothing.
                if reader.exhausted { return }
                if restartInterval > 0, mcu > 0, mcu % restartInterval == 0 {
                    reader.restart()
                    predictors = [Int32](repeating: 0, count: components.count)
                }
                mcu += 1
                for entry in scan {
                    let c = components[entry.index]
                    let (h, v) = single ? (1, 1) : (c.h, c.v)
                    for by in 0..<v {
                        for bx in 0..<h {
                            let row = single ? my : my * c.v + by, column = single ? mx : mx * c.h + bx
                            let index = row * c.blocksPerLine + column
                            if refine {
                                if reader.bit() == 1, index < c.dc.count { components[entry.index].dc[index] |= Int32(1 << shift) }
                                continue
                            }
                            guard let dcTable = dcTables[entry.dc] else { throw Unsupported() }
                            let length = try reader.decode(dcTable)
                            // Wrapping: a mutated file can push the running sum past Int32.
                            predictors[entry.index] &+= Int32(reader.extend(length))
                            if index < c.dc.count { components[entry.index].dc[index] = predictors[entry.index] << Int32(shift) }
                            if !progressive {
                                guard let acTable = acTables[entry.ac] else { throw Unsupported() }
                                try skipAC(acTable, reader: &reader)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The 63 AC coefficients of a sequential block, read and dropped.
    private static func skipAC(_ table: Huffman, reader: inout BitReader) throws {
        var k = 1
        while k < 64 {
            let symbol = try reader.decode(table)
            let run = symbol >> 4, length = symbol & 0x0F
            if length == 0 {
                if run != 15 { return }
                k += 16
                continue
            }
            k += run + 1
            reader.skip(length)
        }
    }

    /// Each block's mean is DC × quantiser ÷ 8 + 128; chroma is spread over the luma blocks it covers.
    private static func picture(_ components: [Component], quant: [Int], size: (width: Int, height: Int)) -> RGBImage {
        let width = (size.width + 7) / 8, height = (size.height + 7) / 8
        let hMax = components.map(\.h).max()!, vMax = components.map(\.v).max()!
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        func value(_ c: Component, _ x: Int, _ y: Int) -> Int {
            let column = min(x * c.h / hMax, c.blocksPerLine - 1), row = min(y * c.v / vMax, c.blockLines - 1)
            return Int(c.dc[row * c.blocksPerLine + column]) * quant[c.quantTable] / 8 + 128
        }
        func clamp(_ v: Double) -> UInt8 { UInt8(max(0, min(255, v.rounded()))) }
        for y in 0..<height {
            for x in 0..<width {
                let target = (y * width + x) * 3
                if components.count == 1 {
                    let g = clamp(Double(value(components[0], x, y)))
                    pixels[target] = g; pixels[target + 1] = g; pixels[target + 2] = g
                } else {
                    let luma = Double(value(components[0], x, y)), cb = Double(value(components[1], x, y)) - 128, cr = Double(value(components[2], x, y)) - 128
                    pixels[target] = clamp(luma + 1.402 * cr)
                    pixels[target + 1] = clamp(luma - 0.344136 * cb - 0.714136 * cr)
                    pixels[target + 2] = clamp(luma + 1.772 * cb)
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    /// Tag 0x0112 of the first IFD in an APP1 "Exif" segment.
    static func exifOrientation(_ data: [UInt8], _ start: Int, _ end: Int) -> Int? {
        guard end - start > 14, data[start..<(start + 6)].elementsEqual([0x45, 0x78, 0x69, 0x66, 0, 0]) else { return nil }
        let tiff = start + 6
        let little = data[tiff] == 0x49
        func u16(_ at: Int) -> Int? {
            guard at + 2 <= end else { return nil }
            return little ? Int(data[at]) | Int(data[at + 1]) << 8 : Int(data[at]) << 8 | Int(data[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard let first = u32(tiff + 4), let count = u16(tiff + first) else { return nil }
        for i in 0..<min(count, 200) {
            let entry = tiff + first + 2 + 12 * i
            if u16(entry) == 0x0112 { return u16(entry + 8) }
        }
        return nil
    }
}

/// Entropy-coded bits with the 0xFF00 stuffing removed; a marker ends the data (zeros follow).
struct BitReader {
    let data: [UInt8]
    var offset: Int
    var buffer: UInt32 = 0
    var count = 0
    var markerReached = false
    /// Zero bytes handed out after the data ended; a few are the lookahead of a full buffer.
    private(set) var padding = 0

    var exhausted: Bool { padding > 8 }

    init(data: [UInt8], offset: Int) {
        self.data = data
        self.offset = offset
    }

    private mutating func fill() {
        while count <= 24 {
            var byte: UInt8 = 0
            if markerReached || offset >= data.count { padding += 1 }
            if !markerReached, offset < data.count {
                if data[offset] == 0xFF {
                    let next = offset + 1 < data.count ? data[offset + 1] : 0xD9
                    if next == 0x00 { byte = 0xFF; offset += 2 } else { markerReached = true; padding += 1 }
                } else {
                    byte = data[offset]
                    offset += 1
                }
            }
            buffer |= UInt32(byte) << UInt32(24 - count)
            count += 8
        }
    }

    mutating func peek(_ n: Int) -> Int {
        fill()
        return Int(buffer >> UInt32(32 - n))
    }

    mutating func skip(_ n: Int) {
        guard n > 0 else { return }
        fill()
        buffer <<= UInt32(n)
        count -= n
    }

    mutating func bit() -> Int {
        let value = peek(1)
        skip(1)
        return value
    }

    mutating func decode(_ table: JPEGPreview.Huffman) throws -> Int {
        let entry = table.fast[peek(8)]
        if entry != 0 {
            skip(Int(entry >> 8))
            return Int(entry & 0xFF)
        }
        var code = 0
        for length in 1...16 {
            code = code << 1 | bit()
            if code <= table.maxCode[length] {
                let index = table.valueOffset[length] + code
                guard index >= 0, index < table.symbols.count else { throw JPEGPreview.Unsupported() }
                return Int(table.symbols[index])
            }
        }
        throw JPEGPreview.Unsupported()
    }

    /// The signed value of a `length`-bit magnitude category.
    mutating func extend(_ length: Int) -> Int {
        guard length > 0 else { return 0 }
        guard length <= 16 else { return 0 }
        let value = peek(length)
        skip(length)
        return value < 1 << (length - 1) ? value - (1 << length) + 1 : value
    }

    /// At a restart interval: drop the bits left in the byte and step over the RSTn marker.
    /// Only this scan's data is searched: another marker ends it, and the made-up zeros after
    /// it are not renewed, so no scan reads the markers of the rest of the file.
    mutating func restart() {
        buffer = 0
        count = 0
        while offset + 1 < data.count {
            let next = data[offset + 1]
            guard data[offset] == 0xFF, next != 0x00 else { offset += 1; continue }
            if next == 0xFF { offset += 1; continue }
            if (0xD0...0xD7).contains(next) {
                offset += 2
                markerReached = false
                padding = 0
                return
            }
            break
        }
        markerReached = true
    }

    /// Where the next marker after this scan's data begins.
    func endOfScan() -> Int {
        var p = offset
        while p + 1 < data.count {
            if data[p] == 0xFF, data[p + 1] != 0x00, !(0xD0...0xD7).contains(data[p + 1]) { return p }
            p += 1
        }
        return data.count
    }
}
