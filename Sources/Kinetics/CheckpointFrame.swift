import BinaryCoding

/// The frame every LithiumKMC checkpoint file shares: an 8-byte magic naming the format, the format
/// version (UInt32), the body, and an FNV-1a-64 checksum of everything before it. A truncated or
/// altered file fails the checksum and is reported, never half-read.
public struct CheckpointFrame: Sendable {
    public let magic: [UInt8]
    public let version: UInt32

    public init(magic: String, version: UInt32) {
        self.magic = Array(magic.utf8)
        self.version = version
    }

    /// The framed bytes of the body `write` produces.
    public func seal(_ write: (inout BinaryWriter) -> Void) -> [UInt8] {
        var writer = BinaryWriter()
        for byte in magic { writer.write(byte) }
        writer.write(version)
        write(&writer)
        writer.write(Checksum.fnv1a64(writer.bytes))
        return writer.bytes
    }

    /// A reader positioned at the body, after checking magic, size, version and checksum.
    public func open(_ bytes: [UInt8], path: String) throws(CheckpointError) -> BinaryReader {
        guard bytes.count >= magic.count, Array(bytes.prefix(magic.count)) == magic else {
            throw .notACheckpoint(path: path)
        }
        guard bytes.count >= magic.count + 12 else { throw .corrupt(reason: "file is truncated") }
        var reader = BinaryReader(Array(bytes.dropLast(8).dropFirst(magic.count)))
        let found: UInt32
        do { found = try reader.read(UInt32.self, "format version") } catch { throw .corrupt(reason: "\(error)") }
        guard found == version else { throw .unsupportedVersion(found: found, supported: version) }
        let stored = bytes.suffix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
        guard stored == Checksum.fnv1a64(bytes.dropLast(8)) else {
            throw .corrupt(reason: "checksum mismatch (file truncated or altered)")
        }
        return reader
    }
}
