/// The first frame of a GIF, laid on white where it is transparent or does not reach.
enum GIFPreview {
    struct Unsupported: Error {}

    /// For the canvas and for the first frame, which GIF lets claim a size of its own: the
    /// frame's pixel indices are held whole before they are laid on the canvas.
    static let maxPixels = 25_000_000

    static func decode(_ data: [UInt8]) throws -> RGBImage {
        guard data.count >= 13, data[0..<6].elementsEqual(Array("GIF87a".utf8)) || data[0..<6].elementsEqual(Array("GIF89a".utf8)) else { throw Unsupported() }
        func u16(_ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
        let width = u16(6), height = u16(8)
        guard width > 0, height > 0, width * height <= maxPixels else { throw Unsupported() }
        var offset = 13
        var globalTable: [UInt8] = []
        if data[10] & 0x80 != 0 {
            let size = 3 << (Int(data[10] & 7) + 1)
            guard offset + size <= data.count else { throw Unsupported() }
            globalTable = Array(data[offset..<(offset + size)])
            offset += size
        }
        var transparent: Int?
        while offset < data.count {
            switch data[offset] {
            case 0x21:
                guard offset + 2 < data.count else { throw Unsupported() }
                if data[offset + 1] == 0xF9, offset + 6 < data.count, data[offset + 3] & 1 != 0 { transparent = Int(data[offset + 6]) }
                offset += 2
                offset = try skipSubBlocks(data, offset)
            case 0x2C:
                guard offset + 10 <= data.count else { throw Unsupported() }
                let left = u16(offset + 1), top = u16(offset + 3), frameWidth = u16(offset + 5), frameHeight = u16(offset + 7)
                let flags = data[offset + 9]
                guard frameWidth > 0, frameHeight > 0, frameWidth * frameHeight <= maxPixels else { throw Unsupported() }
                offset += 10
                var table = globalTable
                if flags & 0x80 != 0 {
                    let size = 3 << (Int(flags & 7) + 1)
                    guard offset + size <= data.count else { throw Unsupported() }
                    table = Array(data[offset..<(offset + size)])
                    offset += size
                }
                guard offset < data.count, !table.isEmpty else { throw Unsupported() }
                let minimumCodeSize = Int(data[offset])
                var compressed: [UInt8] = []
                var p = offset + 1
                while p < data.count, data[p] != 0 {
                    let length = Int(data[p])
                    guard p + 1 + length <= data.count else { throw Unsupported() }
                    compressed.append(contentsOf: data[(p + 1)..<(p + 1 + length)])
                    p += 1 + length
                }
                var indices = try lzw(compressed, minimumCodeSize: minimumCodeSize, count: frameWidth * frameHeight)
                if flags & 0x40 != 0 { indices = deinterlaced(indices, width: frameWidth, height: frameHeight) }
                var pixels = [UInt8](repeating: 255, count: width * height * 3)
                for y in 0..<frameHeight where top + y < height {
                    for x in 0..<frameWidth where left + x < width {
                        let index = Int(indices[y * frameWidth + x])
                        guard index != transparent, index * 3 + 2 < table.count else { continue }
                        let target = ((top + y) * width + left + x) * 3
                        pixels[target] = table[index * 3]; pixels[target + 1] = table[index * 3 + 1]; pixels[target + 2] = table[index * 3 + 2]
                    }
                }
                return RGBImage(width: width, height: height, pixels: pixels)
            default:
                throw Unsupported()
            }
        }
        throw Unsupported()
    }

    private static func skipSubBlocks(_ data: [UInt8], _ start: Int) throws -> Int {
        var p = start
        while p < data.count {
            let length = Int(data[p])
            p += 1 + length
            if length == 0 { return p }
        }
        throw Unsupported()
    }

    /// Variable-width LZW as GIF uses it: codes least significant bit first, growing to 12 bits.
    static func lzw(_ input: [UInt8], minimumCodeSize: Int, count: Int) throws -> [UInt8] {
        guard (2...8).contains(minimumCodeSize) else { throw Unsupported() }
        let clear = 1 << minimumCodeSize, end = clear + 1
        var prefix = [Int](repeating: -1, count: 4096), suffix = [UInt8](repeating: 0, count: 4096), first = [UInt8](repeating: 0, count: 4096)
        for code in 0..<clear { suffix[code] = UInt8(code); first[code] = UInt8(code) }
        var next = end + 1, codeSize = minimumCodeSize + 1, previous = -1
        var output: [UInt8] = []
        output.reserveCapacity(count)
        var bitBuffer = 0, bitCount = 0, position = 0
        var stack: [UInt8] = []
        while output.count < count {
            while bitCount < codeSize {
                guard position < input.count else { return output + [UInt8](repeating: 0, count: count - output.count) }
                bitBuffer |= Int(input[position]) << bitCount
                bitCount += 8
                position += 1
            }
            let code = bitBuffer & ((1 << codeSize) - 1)
            bitBuffer >>= codeSize
            bitCount -= codeSize
            if code == clear {
                next = end + 1; codeSize = minimumCodeSize + 1; previous = -1
                continue
            }
            if code == end { break }
            var current = code
            if previous == -1 {
                guard code < clear else { throw Unsupported() }
                output.append(UInt8(code))
                previous = code
                continue
            }
            if code >= next {
                // The code being defined right now: previous string plus its own first byte.
                guard code == next else { throw Unsupported() }
                stack.append(first[previous])
                current = previous
            }
            while current >= clear {
                stack.append(suffix[current])
                current = prefix[current]
                guard current >= 0 else { throw Unsupported() }
            }
            stack.append(UInt8(current))
            output.append(contentsOf: stack.reversed())
            if next < 4096 {
                prefix[next] = previous
                suffix[next] = UInt8(current)
                first[next] = first[previous]
                next += 1
                if next == 1 << codeSize, codeSize < 12 { codeSize += 1 }
            }
            stack.removeAll(keepingCapacity: true)
            previous = code
        }
        return Array(output.prefix(count)) + [UInt8](repeating: 0, count: max(0, count - output.count))
    }

    /// Rows stored in GIF's four interlace passes, put back in order.
    static func deinterlaced(_ indices: [UInt8], width: Int, height: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: indices.count)
        var row = 0
        for (start, step) in [(0, 8), (4, 8), (2, 4), (1, 2)] {
            for y in stride(from: start, to: height, by: step) {
                out[(y * width)..<((y + 1) * width)] = indices[(row * width)..<((row + 1) * width)]
                row += 1
            }
        }
        return out
    }
}
