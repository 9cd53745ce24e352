import CGSL
import GSLRandom
import Testing

/// The SIMD random-number kernels against their scalar references (property-based: random
/// inputs and lengths from fixed seeds) and against GSL itself.
@Suite struct BulkKernelTests {
    /// Vector conversion of raw words = scalar conversion, bit for bit, for random words (zeros
    /// and the extremes mixed in) and lengths that are and are not multiples of the vector width.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func conversionEqualsScalar(seed: UInt64) throws {
        let random = try RandomStream(seed: seed)
        for _ in 0..<50 {
            let count = try random.integer(below: 300)
            let raw: [UInt32] = try (0..<count).map { _ in
                switch try random.integer(below: 10) {
                case 0: 0
                case 1: .max
                default: UInt32(truncatingIfNeeded: random.next())
                }
            }
            var vector = [Double](repeating: -1, count: count)
            var scalar = [Double](repeating: -2, count: count)
            let vectorZero = raw.withUnsafeBufferPointer { r in vector.withUnsafeMutableBufferPointer { UniformConversion.convert(r, into: $0) } }
            let scalarZero = raw.withUnsafeBufferPointer { r in scalar.withUnsafeMutableBufferPointer { UniformConversion.convertScalar(r, into: $0) } }
            #expect(vector.map(\.bitPattern) == scalar.map(\.bitPattern))
            #expect(vectorZero == scalarZero)
            #expect(vectorZero == raw.contains(0))
        }
    }

    /// For every generator on the list, block fills equal single `gsl_rng_uniform_pos` calls.
    @Test(arguments: Array(UniformConversion.exactGenerators).sorted())
    func blockFillEqualsGSL(generator: String) throws {
        for seed in [UInt64(1), 4357, 987_654_321] {
            let bulk = try RandomStream(generator: generator, seed: seed)
            #expect(bulk.usesVectorConversion)
            let single = try RandomStream(generator: generator, seed: seed)
            for count in [1, 7, 8, 9, 1000, 4096] {
                #expect(bulk.uniforms(count) == (0..<count).map { _ in single.uniform() }, "\(generator) seed \(seed)")
            }
        }
    }

    /// The Mersenne Twister block path (GSL's state advanced in place) gives the raw words of
    /// single `gsl_rng_get` calls, with block fills of random lengths interleaved with single draws
    /// (so blocks start anywhere in the 624-word cycle), and leaves the same state behind.
    @Test(arguments: ["mt19937", "mt19937_1998", "mt19937_1999"], [UInt64(1), 4357, 987_654_321])
    func twisterBlocksEqualSingleDraws(generator: String, seed: UInt64) throws {
        let bulk = try RandomStream(generator: generator, seed: seed)
        let single = try RandomStream(generator: generator, seed: seed)
        let lengths = try RandomStream(seed: seed)
        #expect(bulk.usesTwisterBlocks)
        for _ in 0..<40 {
            let count = try lengths.integer(below: 1500)
            let block = bulk.uniforms(count)
            #expect(block == (0..<count).map { _ in single.uniform() }, "\(generator) seed \(seed) block of \(count)")
            for _ in 0..<(try lengths.integer(below: 5)) { #expect(bulk.next() == single.next()) }
        }
        #expect(bulk.rawStateBytes() == single.rawStateBytes())
    }

    @Test func onlyTheTwistersTakeTheTwisterPath() throws {
        for name in ["taus2", "gfsr4", "ranlxd2", "ran3"] { #expect(try !RandomStream(generator: name, seed: 1).usesTwisterBlocks) }
    }

    /// Zeros are dropped and the block topped up from further draws, as `gsl_rng_uniform_pos` does.
    @Test func zerosAreSkippedLikeGSL() {
        var block: [Double] = [0.5, 0, 0.25, 0, 0.75]
        var further: [UInt32] = [0, 1 << 31, 0, 1 << 30]
        block.withUnsafeMutableBufferPointer { buffer in
            UniformConversion.skipZeros(buffer) { further.removeFirst() }
        }
        #expect(block == [0.5, 0.25, 0.75, 0.5, 0.25])
        #expect(further.isEmpty)
    }

    @Test func otherGeneratorsTakeTheScalarPath() throws {
        let stream = try RandomStream(generator: "ranlxd2", seed: 3)
        #expect(!stream.usesVectorConversion)
        let single = try RandomStream(generator: "ranlxd2", seed: 3)
        #expect(stream.uniforms(100) == (0..<100).map { _ in single.uniform() })
    }

    /// The vector −ln agrees with −`Double.log` within 1 ulp, on uniform draws (the use: 32-bit
    /// grid) and on doubles spread over every binade of (0, 1], plus the edges.
    @Test(arguments: [UInt64(1), 2, 3])
    func negativeLogarithmMatchesScalar(seed: UInt64) throws {
        let random = try RandomStream(seed: seed)
        var inputs: [Double] = [1, 0.5, 0x1p-32, 1 - 0x1p-32, 1.0.nextDown, 0.5.nextUp, 0.5.nextDown,
                                2.0.squareRoot() / 2, (2.0.squareRoot() / 2).nextUp, .leastNormalMagnitude]
        inputs += random.uniforms(20_000)
        for _ in 0..<20_000 {
            let exponent = -1 - (try random.integer(below: 1021))
            inputs.append(Double(sign: .plus, exponent: exponent, significand: 1 + random.uniform()))
        }
        var vector = inputs
        var scalar = inputs
        inputs.withUnsafeBufferPointer { input in
            vector.withUnsafeMutableBufferPointer { NegativeLogarithm.apply(input, into: $0) }
            scalar.withUnsafeMutableBufferPointer { NegativeLogarithm.applyScalar(input, into: $0) }
        }
        var worst = 0.0
        for i in inputs.indices {
            let error = scalar[i] == 0 ? abs(vector[i]) : abs(vector[i] - scalar[i]) / scalar[i].ulp
            worst = max(worst, error)
        }
        #expect(worst <= 1, "largest difference \(worst) ulp")
    }

    /// `take` hands out exactly what repeated `next()` would, across block boundaries.
    @Test func takeEqualsRepeatedNext() throws {
        var bulk = UniformBuffer(stream: try RandomStream(seed: 11))
        var single = UniformBuffer(stream: try RandomStream(seed: 11))
        var taken = [Double](repeating: 0, count: 3 * UniformBuffer.blockSize + 17)
        _ = bulk.next()
        taken.withUnsafeMutableBufferPointer { bulk.take($0.count, into: $0.baseAddress!) }
        _ = single.next()
        #expect(taken == (0..<taken.count).map { _ in single.next() })
        #expect(bulk.next() == single.next())
    }
}
