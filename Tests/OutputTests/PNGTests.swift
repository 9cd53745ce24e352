import CPNG
import Output
import Testing

/// The PNG writer's files, read back: the chunk structure and every CRC checked with an own CRC-32
/// (ISO 3309, as the PNG specification defines it), and the pixels decoded by libpng's reader.
@Suite struct PNGTests {
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func bigEndian(_ b: ArraySlice<UInt8>) -> UInt32 { b.reduce(0) { $0 << 8 | UInt32($1) } }

    @Test func pngChunksAndPixelsReadBack() throws {
        var image = RGBImage(width: 37, height: 11)
        for y in 0..<11 { for x in 0..<37 { image[x, y] = RGB(UInt8(x * 7 % 256), UInt8(y * 23 % 256), UInt8((x * y) % 256)) } }
        image.fillCell(x: 2, y: 1, scale: 4, with: RGB(255, 0, 0))
        let png = try image.png()
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var offset = 8, names: [String] = []
        while offset + 12 <= png.count {
            let length = Int(Self.bigEndian(png[offset..<offset + 4]))
            let body = png[(offset + 4)..<(offset + 8 + length)]
            names.append(String(decoding: body.prefix(4), as: UTF8.self))
            #expect(Self.bigEndian(png[(offset + 8 + length)..<(offset + 12 + length)]) == Self.crc32(body), "CRC of \(names.last!)")
            if names.last == "IHDR" {
                let ihdr = Array(body.dropFirst(4))
                #expect(Self.bigEndian(ihdr[0..<4]) == 37 && Self.bigEndian(ihdr[4..<8]) == 11)
                #expect(ihdr[8] == 8 && ihdr[9] == 2)  // 8 bits per sample, truecolour
            }
            offset += 12 + length
        }
        #expect(names.first == "IHDR" && names.last == "IEND" && names.contains("IDAT") && offset == png.count)

        let (begun, finished, pixels) = Self.decode(png, width: 37, height: 11)
        #expect(begun && finished)
        #expect(pixels == image.pixels)
    }

    /// The RGB pixels of `png`, decoded by libpng's simplified reader.
    ///
    /// `png_image_begin_read_from_memory` keeps both pointers it is given — the file's bytes and the
    /// `png_image` (its read callback's argument) — and `png_image_finish_read` reads through them, so
    /// both calls run inside one scope that pins both. (Begun in one `withUnsafeBytes` closure and
    /// finished after it, the read used freed memory: the array is released after its last use, the
    /// first call; another thread's allocation could reuse and overwrite the block before libpng read
    /// it, a corrupt stream whose error path longjmps. AddressSanitizer reports it as a heap use after
    /// free: `swift test --sanitize=address …`.)
    static func decode(_ png: [UInt8], width: Int, height: Int) -> (begun: Bool, finished: Bool, pixels: [UInt8]) {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var decoded = png_image()
        decoded.version = UInt32(PNG_IMAGE_VERSION)
        let (begun, finished) = png.withUnsafeBytes { file in
            withUnsafeMutablePointer(to: &decoded) { image in
                guard png_image_begin_read_from_memory(image, file.baseAddress, file.count) != 0 else { return (false, false) }
                image.pointee.format = UInt32(PNG_FORMAT_RGB)
                let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(image, nil, $0.baseAddress, 0, nil) }
                return (true, finished != 0)
            }
        }
        return (begun, finished, pixels)
    }
}
