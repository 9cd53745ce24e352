/// Raw 32-bit generator words → uniform doubles u = w · 2⁻³², eight at a time.
///
/// For the generators whose GSL `get_double` is `get / 4294967296.0` (``isExact(for:)``), this is
/// bit for bit what `gsl_rng_uniform` returns, so a block of raw words drawn in C and converted
/// here equals the same number of `gsl_rng_uniform` calls — at a fraction of the cost, since the
/// conversion is a few vector instructions instead of one indirect call per value.
/// `convertScalar` is the reference the tests hold the vector path to.
public enum UniformConversion {
    /// Generators with 32-bit raw outputs whose doubles are exactly raw · 2⁻³² in GSL (mt.c,
    /// taus.c, taus113.c, gfsr4.c: `return get(state) / 4294967296.0`). A test checks every one
    /// draw for draw against `gsl_rng_uniform_pos`.
    public static let exactGenerators: Set<String> = [
        "mt19937", "mt19937_1998", "mt19937_1999", "taus", "taus2", "taus113", "gfsr4",
    ]

    static let scale = 0x1p-32
    static let magic = 0x4330_0000_0000_0000 as UInt64  // the bit pattern of 2⁵²

    /// Whether generator `name` may use the vector path.
    public static func isExact(for name: String) -> Bool { exactGenerators.contains(name) }

    /// Writes `Double(raw[i]) · 2⁻³²` to `output[i]` for every i and returns whether any raw word
    /// was 0 (a value `gsl_rng_uniform_pos` would have skipped).
    @discardableResult
    public static func convert(_ raw: UnsafeBufferPointer<UInt32>, into output: UnsafeMutableBufferPointer<Double>) -> Bool {
        precondition(output.count >= raw.count, "output shorter than input")
        guard let source = raw.baseAddress, let target = output.baseAddress else { return false }
        let vectors = raw.count / 8
        var smallest = SIMD8<UInt32>(repeating: .max)
        let exponent = SIMD8<UInt64>(repeating: magic)
        let offset = SIMD8<Double>(repeating: 0x1p52)
        UnsafeRawPointer(source).withMemoryRebound(to: SIMD8<UInt32>.self, capacity: vectors) { words in
            UnsafeMutableRawPointer(target).withMemoryRebound(to: SIMD8<Double>.self, capacity: vectors) { doubles in
                for v in 0..<vectors {
                    let w = UnsafeRawPointer(words + v).loadUnaligned(as: SIMD8<UInt32>.self)
                    smallest = pointwiseMin(smallest, w)
                    // 2⁵² + w, exactly, by putting w into the mantissa of 2⁵²; then subtract 2⁵².
                    let biased = unsafeBitCast(SIMD8<UInt64>(truncatingIfNeeded: w) | exponent, to: SIMD8<Double>.self)
                    UnsafeMutableRawPointer(doubles + v).storeBytes(of: (biased - offset) * scale, as: SIMD8<Double>.self)
                }
            }
        }
        var sawZero = smallest.min() == 0
        for i in (vectors * 8)..<raw.count {
            target[i] = Double(source[i]) * scale
            if source[i] == 0 { sawZero = true }
        }
        return sawZero
    }

    /// The scalar reference of ``convert(_:into:)``.
    @discardableResult
    public static func convertScalar(_ raw: UnsafeBufferPointer<UInt32>, into output: UnsafeMutableBufferPointer<Double>) -> Bool {
        precondition(output.count >= raw.count, "output shorter than input")
        var sawZero = false
        for i in raw.indices {
            output[i] = Double(raw[i]) * scale
            if raw[i] == 0 { sawZero = true }
        }
        return sawZero
    }

    /// Removes the zeros of a converted block the way `gsl_rng_uniform_pos` skips them: keeps the
    /// non-zero values in order, then tops the block up with further non-zero draws from `more`.
    public static func skipZeros(_ output: UnsafeMutableBufferPointer<Double>, more: () -> UInt32) {
        var kept = 0
        for i in output.indices where output[i] != 0 {
            output[kept] = output[i]
            kept += 1
        }
        while kept < output.count {
            let w = more()
            if w != 0 {
                output[kept] = Double(w) * scale
                kept += 1
            }
        }
    }
}
