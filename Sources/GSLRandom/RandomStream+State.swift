import BinaryCoding
import CGSL

extension RandomStream {
    /// Format version of ``savedState()``; bump it when the layout changes.
    public static let stateFormatVersion: UInt16 = 1
    private static let stateMagic: UInt32 = 0x474E_524B // "KRNG" little-endian

    /// The exact generator state as bytes: magic, format version, generator name, GSL's raw
    /// state and an FNV-1a checksum. ``restore(from:)`` or ``init(savedState:)`` read it back.
    public func savedState() -> [UInt8] { savedState(fromRaw: rawStateBytes()) }

    /// A new stream continuing exactly where the saved one was.
    public convenience init(savedState bytes: [UInt8]) throws(RandomStreamError) {
        let (name, raw) = try Self.decode(bytes)
        let type = try GeneratorCatalog.type(named: name)
        guard let rng = gsl_rng_alloc(type) else { throw .allocationFailed(name: name) }
        self.init(adopting: rng, name: name)
        try installRawState(raw)
    }

    /// Puts this stream back into a saved state of the same generator.
    public func restore(from bytes: [UInt8]) throws(RandomStreamError) {
        let (name, raw) = try Self.decode(bytes)
        guard name == generatorName else { throw .generatorMismatch(expected: generatorName, found: name) }
        try installRawState(raw)
    }

    /// An independent stream at the same state: both then produce the same draws.
    public func clone() -> RandomStream {
        guard let copy = gsl_rng_clone(rng) else { fatalError("gsl_rng_clone: out of memory") }
        return RandomStream(adopting: copy, name: generatorName)
    }

    /// GSL's raw state bytes (no header or checksum): a cheap copy for hot paths.
    public func rawStateBytes() -> [UInt8] { Array(rawState) }

    /// Wraps raw state bytes of this stream's generator into the checked format of ``savedState()``.
    public func savedState(fromRaw raw: [UInt8]) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(Self.stateMagic)
        writer.write(Self.stateFormatVersion)
        writer.write(generatorName)
        writer.write(bytes: raw)
        writer.write(Checksum.fnv1a64(writer.bytes))
        return writer.bytes
    }

    private var rawState: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: gsl_rng_state(rng), count: gsl_rng_size(rng))
    }

    private func installRawState(_ raw: [UInt8]) throws(RandomStreamError) {
        let size = gsl_rng_size(rng)
        guard raw.count == size else {
            throw .corruptState(reason: "\(generatorName) state has \(raw.count) bytes, expected \(size)")
        }
        raw.withUnsafeBytes { source in
            gsl_rng_state(rng).copyMemory(from: source.baseAddress!, byteCount: size)
        }
    }

    private static func decode(_ bytes: [UInt8]) throws(RandomStreamError) -> (name: String, raw: [UInt8]) {
        guard bytes.count >= 8 else { throw .corruptState(reason: "only \(bytes.count) bytes") }
        let body = bytes.dropLast(8)
        var reader = BinaryReader(bytes)
        do {
            guard try reader.read(UInt32.self, "magic") == stateMagic else {
                throw RandomStreamError.corruptState(reason: "not a random-number state (bad magic)")
            }
            let version = try reader.read(UInt16.self, "format version")
            guard version == stateFormatVersion else {
                throw RandomStreamError.corruptState(
                    reason: "format version \(version), this build reads version \(stateFormatVersion)")
            }
            let name = try reader.readString("generator name", limit: 256)
            let raw = try reader.readBytes("generator state", limit: 1 << 20)
            let stored = try reader.read(UInt64.self, "checksum")
            guard reader.isAtEnd else { throw RandomStreamError.corruptState(reason: "trailing bytes") }
            guard stored == Checksum.fnv1a64(body) else {
                throw RandomStreamError.corruptState(reason: "checksum mismatch")
            }
            return (name, raw)
        } catch let error as RandomStreamError {
            throw error
        } catch {
            throw .corruptState(reason: "\(error)")
        }
    }
}
