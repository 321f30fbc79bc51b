import Foundation
import SimpulCore
import Testing

/// Small files built byte by byte from each format's header layout.
enum MediaBytes {
    static func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func le24(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF)] }

    static func png(width: Int, height: Int) -> Data {
        Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(width) + be32(height)
             + [8, 6, 0, 0, 0] + [0, 0, 0, 0] + be32(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
    }

    static func jpeg(width: Int, height: Int, complete: Bool = true) -> Data {
        let app0: [UInt8] = [0xFF, 0xE0] + be16(16) + Array("JFIF".utf8) + [0, 1, 1, 0] + be16(1) + be16(1) + [0, 0]
        let sof: [UInt8] = [0xFF, 0xC0] + be16(17) + [8] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        return Data([0xFF, 0xD8] + app0 + sof + [0xFF, 0xDA] + be16(8) + [1, 1, 0, 0, 0x3F, 0] + [0x12, 0x34] + (complete ? [0xFF, 0xD9] : []))
    }

    static func gif(width: Int, height: Int) -> Data {
        Data(Array("GIF89a".utf8) + le16(width) + le16(height) + [0, 0, 0] + [0x3B])
    }

    static func webpExtended(width: Int, height: Int) -> Data {
        let chunk = Array("VP8X".utf8) + [10, 0, 0, 0] + [0, 0, 0, 0] + le24(width - 1) + le24(height - 1)
        return Data(Array("RIFF".utf8) + [UInt8(chunk.count + 4), 0, 0, 0] + Array("WEBP".utf8) + chunk)
    }

    static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] { be32(payload.count + 8) + Array(type.utf8) + payload }

    static func isoMedia(brand: String, width: Int, height: Int, seconds: Int, timescale: Int = 600, withMoov: Bool = true) -> Data {
        let ftyp = box("ftyp", Array(brand.utf8) + be32(0) + Array(brand.utf8))
        let mvhd = box("mvhd", [0, 0, 0, 0] + be32(0) + be32(0) + be32(timescale) + be32(seconds * timescale) + [UInt8](repeating: 0, count: 80))
        let audio = box("trak", box("tkhd", [0, 0, 0, 7] + [UInt8](repeating: 0, count: 76) + be32(0) + be32(0)))
        let video = box("trak", box("tkhd", [0, 0, 0, 7] + [UInt8](repeating: 0, count: 76) + be32(width << 16) + be32(height << 16)))
        let moov = box("moov", mvhd + audio + video)
        return Data(ftyp + (withMoov ? moov : []) + box("mdat", [UInt8](repeating: 0xAB, count: 32)))
    }
}

@Suite struct MediaSnifferTests {
    func facts(_ data: Data, max: Int = MediaSniffer.defaultMaxBytes) -> MediaFacts? { try? MediaSniffer.facts(of: data, maxBytes: max).get() }
    func problem(_ data: Data, max: Int = MediaSniffer.defaultMaxBytes) -> MediaSniffer.Problem? {
        if case .failure(let problem) = MediaSniffer.facts(of: data, maxBytes: max) { problem } else { nil }
    }

    @Test func imagesAreKnownByTheirBytesWithTheirSize() {
        #expect(facts(MediaBytes.png(width: 1080, height: 1350)).map { [$0.width, $0.height] } == [1080, 1350])
        #expect(facts(MediaBytes.png(width: 1080, height: 1350))?.format == .png)
        let jpeg = facts(MediaBytes.jpeg(width: 1920, height: 1080))
        #expect(jpeg?.format == .jpeg && jpeg?.width == 1920 && jpeg?.height == 1080)
        #expect(facts(MediaBytes.gif(width: 480, height: 270)).map { [$0.width, $0.height] } == [480, 270])
        let webp = facts(MediaBytes.webpExtended(width: 1200, height: 628))
        #expect(webp?.format == .webp && webp?.width == 1200 && webp?.height == 628)
    }

    @Test func videosTellTheirRunningTimeAndPictureSize() {
        let mp4 = facts(MediaBytes.isoMedia(brand: "isom", width: 1080, height: 1920, seconds: 45))
        #expect(mp4?.format == .mp4 && mp4?.durationSeconds == 45 && mp4?.width == 1080 && mp4?.height == 1920)
        #expect(facts(MediaBytes.isoMedia(brand: "qt  ", width: 1280, height: 720, seconds: 10))?.format == .mov)
        // Such a video feeds the platform rules directly: a reel of 45 s is fine, one of 20 min is not.
        let reel = MediaBytes.isoMedia(brand: "isom", width: 1080, height: 1920, seconds: 1_200)
        let problems = PostValidator.problems(PostDraft(text: "Video", media: [facts(reel)!]), for: .instagram)
        #expect(problems == [.durationOutOfRange(index: 0, seconds: 1_200, allowed: 3...900)])
    }

    @Test func emptyOversizedDisguisedAndBrokenFilesAreRefused() {
        #expect(problem(Data()) == .empty)
        let small = MediaBytes.png(width: 10, height: 10)
        #expect(problem(small, max: 20) == .tooLarge(bytes: small.count, max: 20))
        // A script renamed foto.jpg is still a script.
        #expect(problem(Data("#!/bin/sh\nrm -rf /\n".utf8)) == .unknownFormat)
        #expect(problem(Data("%PDF-1.7\n".utf8)) == .unknownFormat)
        // Cut short: a JPEG without its end marker, a PNG without IHDR, a video without moov.
        #expect(problem(MediaBytes.jpeg(width: 100, height: 100, complete: false)) == .damaged(.jpeg))
        #expect(problem(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])) == .damaged(.png))
        #expect(problem(MediaBytes.isoMedia(brand: "isom", width: 10, height: 10, seconds: 1, withMoov: false)) == .damaged(.mp4))
        #expect(problem(MediaBytes.png(width: 0, height: 10)) == .damaged(.png))
        #expect(MediaSniffer.Problem.unknownFormat.message().contains("apa pun nama berkasnya"))
    }
}
