import Foundation

/// Small PNG previews of library images, made when a file is uploaded, so that lists show a
/// few kilobytes instead of the full photo. JPEG, PNG and GIF (its first frame) are read; WebP
/// and video are not (their files have no preview, and the list says what they are instead).
public enum Thumbnailer {
    /// The longest side of a preview, in pixels: twice the largest size the pages show it at.
    public static let maxSide = 320

    /// PNG bytes, or nil when the format is not read or the file cannot be decoded.
    public static func thumbnail(of data: Data, format: MediaFacts.Format) -> Data? {
        let image: RGBImage?
        switch format {
        case .jpeg: image = try? JPEGPreview.decode([UInt8](data))
        case .png: image = try? PNGCodec.decode(data)
        case .gif: image = try? GIFPreview.decode([UInt8](data))
        default: image = nil
        }
        return image.map { PNGCodec.encode($0.fitted(within: maxSide)) }
    }
}
