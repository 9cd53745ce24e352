import BinaryCoding
import GSLRandom
import Testing

/// What BinaryWriter writes, BinaryReader reads back exactly; truncated, flipped and foreign
/// inputs are errors that name what was being read, never a crash or a silent wrong value.
@Suite struct BinaryRoundTripTests {
    static func sample() -> [UInt8] {
        var w = BinaryWriter()
        w.write(UInt32(0xDEAD_BEEF))
        w.write(-2.5e-300)
        w.write(true)
        w.write("Li⁺ + e⁻ → Li")
        w.write(array: [UInt16(1), 65_535, 7])
        w.write(array: [Double.pi, -0.0, .infinity])
        return w.bytes
    }

    static func readAll(_ bytes: [UInt8]) throws(BinaryFormatError) -> (UInt32, Double, Bool, String, [UInt16], [Double]) {
        var r = BinaryReader(bytes)
        return (try r.read(UInt32.self, "magic"), try r.readDouble("x"), try r.readBool("flag"),
                try r.readString("label"), try r.readArray(UInt16.self, "shorts"), try r.readDoubleArray("doubles"))
    }

    @Test func roundTripIsExact() throws {
        let bytes = Self.sample()
        let (magic, x, flag, label, shorts, doubles) = try Self.readAll(bytes)
        #expect(magic == 0xDEAD_BEEF && x == -2.5e-300 && flag && label == "Li⁺ + e⁻ → Li")
        #expect(shorts == [1, 65_535, 7])
        #expect(doubles[0] == .pi && doubles[1].sign == .minus && doubles[2] == .infinity)
        // Little-endian, fixed layout: the first word's bytes, the length prefix of the string.
        #expect(Array(bytes.prefix(4)) == [0xEF, 0xBE, 0xAD, 0xDE])
        #expect(bytes[13] == UInt8("Li⁺ + e⁻ → Li".utf8.count))
    }

    @Test func everyTruncationIsAClearError() {
        let bytes = Self.sample()
        for cut in 0..<bytes.count {
            do {
                _ = try Self.readAll(Array(bytes.prefix(cut)))
                Issue.record("a file cut at byte \(cut) was read")
            } catch {
                guard case .truncated = error else { Issue.record("cut at \(cut): \(error)"); continue }
                #expect(error.description.contains("truncated while reading"))
            }
        }
    }

    @Test func foreignAndFlippedInputsNeverCrash() throws {
        let random = try RandomStream(seed: 5)
        let bytes = Self.sample()
        var refused = 0
        for _ in 0..<5000 {
            var noisy = bytes
            for _ in 0..<(1 + Int(random.uniform() * 4)) {
                noisy[try random.integer(below: noisy.count)] ^= UInt8(1 + random.uniform() * 254)
            }
            do { _ = try Self.readAll(noisy) } catch { refused += 1 }
        }
        #expect(refused > 0)
        // A bool that is neither 0 nor 1, a length beyond the limit, invalid UTF-8.
        var r = BinaryReader([2])
        #expect(throws: BinaryFormatError.invalid(what: "flag", detail: "expected 0 or 1, found 2")) { try r.readBool("flag") }
        var w = BinaryWriter()
        w.write(bytes: [UInt8](repeating: 0, count: 10))
        r = BinaryReader(w.bytes)
        #expect(throws: BinaryFormatError.self) { try r.readBytes("run", limit: 9) }
        w = BinaryWriter()
        w.write(bytes: [0xC3, 0x28])
        r = BinaryReader(w.bytes)
        #expect(throws: BinaryFormatError.invalid(what: "label", detail: "not UTF-8")) { try r.readString("label") }
        // A huge length prefix is refused before any allocation.
        r = BinaryReader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        #expect(throws: BinaryFormatError.self) { try r.readDoubleArray("doubles") }
    }

    /// FNV-1a 64 against the reference test vectors of its authors (Fowler, Noll, Vo).
    @Test func checksumMatchesReferenceVectors() {
        #expect(Checksum.fnv1a64([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(Checksum.fnv1a64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(Checksum.fnv1a64(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }
}
