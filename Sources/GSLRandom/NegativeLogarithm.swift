import RealModule

/// −ln(u) for a block of uniforms u ∈ (0, 1]: unit-mean exponential variates (waiting times),
/// four at a time.
///
/// The vector path is fdlibm's `__ieee754_log` (Sun Microsystems, 1993: argument reduction to
/// [√2/2, √2), then a degree-14 minimax polynomial in s = f/(2+f)), using its first final formula
/// for every input instead of branching between two, so it vectorises with SSE2 and with AVX2.
/// The tests hold it within 1 ulp of `Double.log`, the scalar reference.
/// Inputs must be positive normal numbers ≤ 1 (uniform draws are ≥ 2⁻³²).
public enum NegativeLogarithm {
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let lg1 = 6.666666666666735130e-01
    static let lg2 = 3.999999999940941908e-01
    static let lg3 = 2.857142874366239149e-01
    static let lg4 = 2.222219843214978396e-01
    static let lg5 = 1.818357216161805012e-01
    static let lg6 = 1.531383769920937332e-01
    static let lg7 = 1.479819860511658591e-01

    /// Writes −ln(input[i]) to output[i] (the two may be the same buffer).
    public static func apply(_ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        precondition(output.count >= input.count, "output shorter than input")
        guard let source = input.baseAddress, let target = output.baseAddress else { return }
        let vectors = input.count / 4
        for v in 0..<vectors {
            let x = UnsafeRawPointer(source + 4 * v).loadUnaligned(as: SIMD4<Double>.self)
            UnsafeMutableRawPointer(target + 4 * v).storeBytes(of: -logarithm(x), as: SIMD4<Double>.self)
        }
        for i in (vectors * 4)..<input.count { target[i] = -logarithm(SIMD4(repeating: source[i]))[0] }
    }

    /// The scalar reference: −`Double.log`.
    public static func applyScalar(_ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        precondition(output.count >= input.count, "output shorter than input")
        for i in input.indices { output[i] = -Double.log(input[i]) }
    }

    /// ln x for four positive normal doubles (fdlibm e_log.c without its special cases). The
    /// exponent work is done on the 32-bit high words, which SSE2 handles four at a time.
    @inline(__always)
    static func logarithm(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let bits = unsafeBitCast(x, to: SIMD4<UInt64>.self)
        var hx = SIMD4<Int32>(truncatingIfNeeded: bits &>> 32)   // high words
        var k = (hx &>> 20) &- 1023
        hx &= 0x000f_ffff
        let i = (hx &+ 0x95f64) & 0x10_0000                      // 0 when the mantissa is below √2
        k &+= i &>> 20
        // Scale x into [√2/2, √2): exponent 0x3ff or 0x3fe, keep the low word.
        let high = SIMD4<UInt64>(truncatingIfNeeded: SIMD4<UInt32>(truncatingIfNeeded: hx | (i ^ 0x3ff0_0000)))
        let f = unsafeBitCast((high &<< 32) | (bits & 0xffff_ffff), to: SIMD4<Double>.self) - 1
        let s = f / (2 + f)
        let dk = SIMD4<Double>(k)
        let z = s * s
        let w = z * z
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        let hfsq = 0.5 * f * f
        return dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f)
    }
}
