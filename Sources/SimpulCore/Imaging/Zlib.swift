import CZlib
import Foundation

/// The two zlib calls PNG needs, with a ceiling on what inflating may produce so that a small
/// file cannot expand into gigabytes.
enum Zlib {
    struct Failure: Error {}

    static func inflate(_ input: Data, limit: Int) throws -> Data {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Failure() }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var status = Z_OK
        try input.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: raw.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(raw.count)
            repeat {
                let produced = buffer.withUnsafeMutableBytes { out -> Int in
                    stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(out.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END, output.count + produced <= limit else { throw Failure() }
                output.append(contentsOf: buffer[0..<produced])
                if status == Z_OK, produced == 0, stream.avail_in == 0 { throw Failure() }
            } while status != Z_STREAM_END
        }
        return output
    }

    static func deflate(_ input: Data) -> Data {
        var stream = z_stream()
        guard deflateInit_(&stream, 6, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return Data() }
        defer { deflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        input.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: raw.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(raw.count)
            var status = Z_OK
            repeat {
                let produced = buffer.withUnsafeMutableBytes { out -> Int in
                    stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(out.count)
                    status = CZlib.deflate(&stream, Z_FINISH)
                    return out.count - Int(stream.avail_out)
                }
                output.append(contentsOf: buffer[0..<produced])
            } while status == Z_OK
        }
        return output
    }

    static func crc32(_ parts: Data...) -> UInt32 {
        var crc = CZlib.crc32(0, nil, 0)
        for part in parts {
            crc = part.withUnsafeBytes { raw in CZlib.crc32(crc, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)) }
        }
        return UInt32(crc)
    }
}
