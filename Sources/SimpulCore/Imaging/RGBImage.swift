/// Pixels as 8-bit red, green, blue, row by row: what the decoders produce and the thumbnail
/// encoder takes.
struct RGBImage: Equatable {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Averaged down so that neither side exceeds `maxSide`; never scaled up.
    func fitted(within maxSide: Int) -> RGBImage {
        guard width > maxSide || height > maxSide else { return self }
        let scale = Double(maxSide) / Double(max(width, height))
        let targetWidth = max(1, Int((Double(width) * scale).rounded())), targetHeight = max(1, Int((Double(height) * scale).rounded()))
        var out = [UInt8](repeating: 0, count: targetWidth * targetHeight * 3)
        for ty in 0..<targetHeight {
            let y0 = ty * height / targetHeight, y1 = max(y0 + 1, (ty + 1) * height / targetHeight)
            for tx in 0..<targetWidth {
                let x0 = tx * width / targetWidth, x1 = max(x0 + 1, (tx + 1) * width / targetWidth)
                var sum = (0, 0, 0)
                for y in y0..<y1 {
                    var index = (y * width + x0) * 3
                    for _ in x0..<x1 {
                        sum.0 += Int(pixels[index]); sum.1 += Int(pixels[index + 1]); sum.2 += Int(pixels[index + 2])
                        index += 3
                    }
                }
                let count = (y1 - y0) * (x1 - x0), target = (ty * targetWidth + tx) * 3
                out[target] = UInt8(sum.0 / count); out[target + 1] = UInt8(sum.1 / count); out[target + 2] = UInt8(sum.2 / count)
            }
        }
        return RGBImage(width: targetWidth, height: targetHeight, pixels: out)
    }

    /// Turned upright as the EXIF orientation (1–8) says the camera held it.
    func oriented(_ orientation: Int) -> RGBImage {
        guard (2...8).contains(orientation) else { return self }
        let swaps = orientation >= 5
        let newWidth = swaps ? height : width, newHeight = swaps ? width : height
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0..<height {
            for x in 0..<width {
                let (nx, ny): (Int, Int) = switch orientation {
                case 2: (width - 1 - x, y)
                case 3: (width - 1 - x, height - 1 - y)
                case 4: (x, height - 1 - y)
                case 5: (y, x)
                case 6: (height - 1 - y, x)
                case 7: (height - 1 - y, width - 1 - x)
                default: (y, width - 1 - x)
                }
                let from = (y * width + x) * 3, to = (ny * newWidth + nx) * 3
                out[to] = pixels[from]; out[to + 1] = pixels[from + 1]; out[to + 2] = pixels[from + 2]
            }
        }
        return RGBImage(width: newWidth, height: newHeight, pixels: out)
    }
}
