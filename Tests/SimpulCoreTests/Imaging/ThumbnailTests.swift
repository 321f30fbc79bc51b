import Foundation
import Testing
@testable import SimpulCore

/// The fixtures (Tools/thumbnail-fixtures) are 96×64 pictures of four flat quadrants, saved by
/// another encoder in the shapes phones and editors produce.
@Suite("Thumbnails from JPEG and PNG")
struct ThumbnailTests {
    static let quadrants: [(UInt8, UInt8, UInt8)] = [(220, 30, 30), (30, 180, 60), (30, 60, 200), (240, 220, 40)]

    static func fixture(_ name: String) throws -> Data {
        let parts = name.split(separator: ".")
        let url = try #require(Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "Fixtures/images"))
        return try Data(contentsOf: url)
    }

    static func pixel(_ image: RGBImage, _ x: Int, _ y: Int) -> (Int, Int, Int) {
        let i = (y * image.width + x) * 3
        return (Int(image.pixels[i]), Int(image.pixels[i + 1]), Int(image.pixels[i + 2]))
    }

    /// The middle of each quadrant is its colour, within what lossy compression moves it.
    static func showsQuadrants(_ image: RGBImage, tolerance: Int, grey: Bool = false) -> Bool {
        let spots = [(image.width / 4, image.height / 4), (3 * image.width / 4, image.height / 4),
                     (image.width / 4, 3 * image.height / 4), (3 * image.width / 4, 3 * image.height / 4)]
        return zip(spots, quadrants).allSatisfy { spot, colour in
            let (r, g, b) = pixel(image, spot.0, spot.1)
            var want = (Int(colour.0), Int(colour.1), Int(colour.2))
            if grey {
                let level = (299 * want.0 + 587 * want.1 + 114 * want.2 + 500) / 1000
                want = (level, level, level)
            }
            return abs(r - want.0) <= tolerance && abs(g - want.1) <= tolerance && abs(b - want.2) <= tolerance
        }
    }

    @Test("JPEG: baseline 4:2:0 and 4:4:4, progressive, greyscale and restart markers give an eighth-size picture of the same colours",
          arguments: ["baseline-420.jpg", "baseline-444.jpg", "progressive.jpg", "grey.jpg", "restart.jpg"])
    func jpeg(_ name: String) throws {
        let image = try JPEGPreview.decode([UInt8](try Self.fixture(name)))
        #expect(image.width == 12 && image.height == 8)
        #expect(Self.showsQuadrants(image, tolerance: 24, grey: name == "grey.jpg"), "\(name)")
    }

    @Test("a photo the camera stored on its side is turned upright by its EXIF orientation")
    func orientation() throws {
        let image = try JPEGPreview.decode([UInt8](try Self.fixture("orientation-6.jpg")))
        #expect(image.width == 12 && image.height == 8)
        #expect(Self.showsQuadrants(image, tolerance: 24))
    }

    @Test("PNG: RGB and palette exactly, 16-bit grey by its high byte, transparency over white, 1-bit as black and white")
    func png() throws {
        let rgb = try PNGCodec.decode(try Self.fixture("rgb.png"))
        #expect(rgb.width == 96 && rgb.height == 64 && Self.showsQuadrants(rgb, tolerance: 0))
        #expect(Self.showsQuadrants(try PNGCodec.decode(try Self.fixture("palette.png")), tolerance: 0))
        #expect(Self.showsQuadrants(try PNGCodec.decode(try Self.fixture("grey16.png")), tolerance: 1, grey: true))
        let half = try PNGCodec.decode(try Self.fixture("rgba-half.png"))
        // Alpha 128 over white: red 220 becomes about (220 + 255) / 2.
        let (r, g, _) = Self.pixel(half, 10, 10)
        #expect(abs(r - 237) <= 2 && abs(g - 142) <= 2)
        let bilevel = try PNGCodec.decode(try Self.fixture("bilevel.png"))
        #expect(bilevel.width == 96 && bilevel.pixels.allSatisfy { $0 == 0 || $0 == 255 })
    }

    @Test("GIF: the first frame, plain or interlaced", arguments: ["still.gif", "interlaced.gif", "animated.gif"])
    func gif(_ name: String) throws {
        let image = try GIFPreview.decode([UInt8](try Self.fixture(name)))
        #expect(image.width == 96 && image.height == 64)
        #expect(Self.showsQuadrants(image, tolerance: 12), "\(name)")
        #expect(Thumbnailer.thumbnail(of: try Self.fixture(name), format: .gif) != nil)
    }

    @Test("what is written reads back; previews keep the aspect and fit 320 pixels")
    func roundTripAndSize() throws {
        let rgb = try PNGCodec.decode(try Self.fixture("rgb.png"))
        #expect(try PNGCodec.decode(PNGCodec.encode(rgb)) == rgb)
        let wide = RGBImage(width: 1000, height: 400, pixels: [UInt8](repeating: 90, count: 1000 * 400 * 3)).fitted(within: Thumbnailer.maxSide)
        #expect(wide.width == 320 && wide.height == 128 && wide.pixels.allSatisfy { $0 == 90 })
        let small = RGBImage(width: 10, height: 5, pixels: [UInt8](repeating: 1, count: 150))
        #expect(small.fitted(within: 320) == small)

        let photo = try #require(Thumbnailer.thumbnail(of: try Self.fixture("large.jpg"), format: .jpeg))
        let preview = try PNGCodec.decode(photo)
        #expect(preview.width == 200 && preview.height == 150 && Self.showsQuadrants(preview, tolerance: 24))
        #expect(photo.count < 50_000)
    }

    @Test("formats without a reader, and broken or cut files, give no preview rather than a crash")
    func noPreview() throws {
        let jpeg = try Self.fixture("baseline-420.jpg")
        #expect(Thumbnailer.thumbnail(of: jpeg, format: .webp) == nil)
        #expect(Thumbnailer.thumbnail(of: Data("bukan gambar".utf8), format: .jpeg) == nil)
        #expect(Thumbnailer.thumbnail(of: Data(), format: .png) == nil)
        for cut in [4, 20, 200, jpeg.count / 2, jpeg.count - 2] {
            _ = Thumbnailer.thumbnail(of: jpeg.prefix(cut), format: .jpeg)
        }
        let png = try Self.fixture("rgb.png")
        for cut in [8, 20, 40, png.count / 2] {
            #expect(Thumbnailer.thumbnail(of: png.prefix(cut), format: .png) == nil, "\(cut)")
        }
        // Every byte flipped in turn: decoders may give a wrong picture but never crash or hang.
        for index in stride(from: 2, to: jpeg.count, by: 7) {
            var broken = jpeg
            broken[index] ^= 0x5A
            _ = Thumbnailer.thumbnail(of: broken, format: .jpeg)
        }
        let gif = try Self.fixture("still.gif")
        for index in stride(from: 6, to: gif.count, by: 3) {
            var broken = gif
            broken[index] ^= 0x5A
            _ = Thumbnailer.thumbnail(of: broken, format: .gif)
            _ = Thumbnailer.thumbnail(of: gif.prefix(index), format: .gif)
        }
        for index in stride(from: 8, to: png.count, by: 5) {
            var broken = png
            broken[index] ^= 0x5A
            _ = Thumbnailer.thumbnail(of: broken, format: .png)
        }
    }
}
