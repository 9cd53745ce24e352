import CPNG

/// An 8-bit RGB raster, encoded as PNG by the system libpng.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major, top row first, three bytes per pixel.
    public private(set) var pixels: [UInt8]

    public init(width: Int, height: Int, fill: RGB = RGB(255, 255, 255)) {
        precondition(width > 0 && height > 0, "an image needs pixels")
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) { (pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2]) = (fill.r, fill.g, fill.b) }
    }

    public subscript(x: Int, y: Int) -> RGB {
        get { let i = 3 * (y * width + x); return RGB(pixels[i], pixels[i + 1], pixels[i + 2]) }
        set { let i = 3 * (y * width + x); (pixels[i], pixels[i + 1], pixels[i + 2]) = (newValue.r, newValue.g, newValue.b) }
    }

    /// Fills the `scale` × `scale` block of cell (x, y).
    public mutating func fillCell(x: Int, y: Int, scale: Int, with colour: RGB) {
        for dy in 0..<scale { for dx in 0..<scale { self[x * scale + dx, y * scale + dy] = colour } }
    }

    /// The PNG file's bytes.
    public func png() throws(OutputError) -> [UInt8] {
        let size = pixels.withUnsafeBufferPointer { cpng_encode_rgb($0.baseAddress, UInt32(width), UInt32(height), nil, 0) }
        guard size > 0 else { throw .cannotWrite("PNG", "libpng could not encode a \(width)×\(height) image") }
        var bytes = [UInt8](repeating: 0, count: size)
        let written = pixels.withUnsafeBufferPointer { source in
            bytes.withUnsafeMutableBytes { cpng_encode_rgb(source.baseAddress, UInt32(width), UInt32(height), $0.baseAddress, size) }
        }
        guard written > 0 else { throw .cannotWrite("PNG", "libpng failed to encode the image") }
        return Array(bytes[0..<written])
    }
}

/// An sRGB colour.
public struct RGB: Sendable, Equatable {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { (self.r, self.g, self.b) = (r, g, b) }

    /// `self` darkened (f < 1) or kept (f = 1).
    public func scaled(_ f: Double) -> RGB {
        func s(_ c: UInt8) -> UInt8 { UInt8(max(0, min(255, (Double(c) * f).rounded()))) }
        return RGB(s(r), s(g), s(b))
    }
}
