import CGSL

/// GSL's Mersenne Twister (mt19937, and mt19937_1998/1999, which differ only in seeding) advanced
/// a block at a time with SIMD, in place in GSL's own state.
///
/// `gsl_rng_get` costs an indirect call, an index check and a scalar tempering per word. Here the
/// 624-word regeneration runs two words per vector and the tempering four, and the state is left
/// exactly as the same number of `gsl_rng_get` calls would leave it — so single draws, state
/// saving and restoring keep working through GSL. GSL is the scalar reference: the tests compare
/// block fills with single draws word for word and the states byte for byte.
enum TwisterBlocks {
    static let size = 624
    static let shift = 397
    static let upper: UInt64 = 0x8000_0000
    static let lower: UInt64 = 0x7FFF_FFFF
    static let matrix: UInt64 = 0x9908_B0DF

    /// Fills `out` with the next raw outputs of `rng` (whose layout `cgsl_has_mt_layout` accepted).
    static func fill(_ rng: UnsafeMutablePointer<gsl_rng>, into out: UnsafeMutableBufferPointer<UInt32>) {
        guard let target = out.baseAddress else { return }
        let words = UnsafeMutableRawPointer(cgsl_mt_words(rng)!).assumingMemoryBound(to: UInt64.self)
        let index = cgsl_mt_index(rng)!
        var done = 0
        while done < out.count {
            if index.pointee >= Int32(size) {
                regenerate(words)
                index.pointee = 0
            }
            let start = Int(index.pointee)
            let run = min(size - start, out.count - done)
            temper(words + start, into: target + done, count: run)
            index.pointee += Int32(run)
            done += run
        }
    }

    /// One twist step: word k from words k, k+1 and k+397 (mod 624), vectorised two at a time.
    @inline(__always) static func twist(_ a: SIMD2<UInt64>, _ b: SIMD2<UInt64>, _ c: SIMD2<UInt64>) -> SIMD2<UInt64> {
        let y = (a & upper) | (b & lower)
        return c ^ (y &>> 1) ^ (SIMD2(repeating: matrix) & (SIMD2(repeating: 0) &- (y & 1)))
    }

    @inline(__always) static func twist(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        let y = (a & upper) | (b & lower)
        return c ^ (y &>> 1) ^ (matrix & (0 &- (y & 1)))
    }

    @inline(__always) static func load(_ p: UnsafeMutablePointer<UInt64>) -> SIMD2<UInt64> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD2<UInt64>.self)
    }

    /// Regenerates all 624 words as GSL's `mt_get` does when its index reaches 624. Every lane reads
    /// word k+1 before the next pair overwrites it, and words k−227 after this pass updated them,
    /// which is the order of GSL's scalar loop.
    static func regenerate(_ mt: UnsafeMutablePointer<UInt64>) {
        var k = 0
        while k + 2 <= size - shift {  // k + 397 stays below 624: old words
            UnsafeMutableRawPointer(mt + k).storeBytes(of: twist(load(mt + k), load(mt + k + 1), load(mt + k + shift)), as: SIMD2<UInt64>.self)
            k += 2
        }
        while k < size - shift {
            mt[k] = twist(mt[k], mt[k + 1], mt[k + shift])
            k += 1
        }
        while k + 2 <= size - 1 {  // k + 397 − 624: words already regenerated
            UnsafeMutableRawPointer(mt + k).storeBytes(
                of: twist(load(mt + k), load(mt + k + 1), load(mt + k + shift - size)), as: SIMD2<UInt64>.self)
            k += 2
        }
        while k < size - 1 {
            mt[k] = twist(mt[k], mt[k + 1], mt[k + shift - size])
            k += 1
        }
        mt[size - 1] = twist(mt[size - 1], mt[0], mt[shift - 1])
    }

    /// Tempers `count` state words into outputs, four per vector. The words are below 2³²
    /// (seeding and regeneration keep them so), so 32-bit lanes give GSL's `unsigned long` results.
    static func temper(_ words: UnsafeMutablePointer<UInt64>, into out: UnsafeMutablePointer<UInt32>, count: Int) {
        var k = 0
        while k + 4 <= count {
            let wide = UnsafeRawPointer(words + k).loadUnaligned(as: SIMD4<UInt64>.self)
            UnsafeMutableRawPointer(out + k).storeBytes(of: temper(SIMD4<UInt32>(truncatingIfNeeded: wide)), as: SIMD4<UInt32>.self)
            k += 4
        }
        while k < count {
            out[k] = temper(SIMD4(repeating: UInt32(truncatingIfNeeded: words[k])))[0]
            k += 1
        }
    }

    @inline(__always) static func temper(_ word: SIMD4<UInt32>) -> SIMD4<UInt32> {
        var y = word
        y ^= y &>> 11
        y ^= (y &<< 7) & 0x9D2C_5680
        y ^= (y &<< 15) & 0xEFC6_0000
        y ^= y &>> 18
        return y
    }
}
