import CGSL

extension RandomStream {
    /// Fills `buffer` with uniform doubles in (0, 1), exactly the values single `uniform()` calls
    /// would give. For the generators of ``UniformConversion/exactGenerators`` the raw words are
    /// drawn in C in blocks and converted with SIMD; other generators take one GSL call per value.
    /// The Mersenne Twisters (``usesTwisterBlocks``) draw their blocks with ``TwisterBlocks``,
    /// which advances GSL's state in place with SIMD: the same words and final state as
    /// `gsl_rng_get`, tested draw for draw.
    public func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>) {
        guard usesVectorConversion else {
            for i in buffer.indices { buffer[i] = gsl_rng_uniform_pos(rng) }
            return
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(buffer.count, 1)) { raw in
            let words = UnsafeMutableBufferPointer(rebasing: raw[0..<buffer.count])
            fillRaw32(words)
            if UniformConversion.convert(UnsafeBufferPointer(words), into: buffer) {
                UniformConversion.skipZeros(buffer) { UInt32(truncatingIfNeeded: gsl_rng_get(rng)) }
            }
        }
    }

    /// Whether ``fillUniform(_:)`` takes the vector path.
    public var usesVectorConversion: Bool {
        UniformConversion.isExact(for: generatorName) && rawRange == 0...UInt(UInt32.max)
    }

    /// Fills `buffer` with raw outputs of a generator whose outputs fit in 32 bits, in the order
    /// single `next()` calls would give them: with ``TwisterBlocks`` for the Mersenne Twisters,
    /// else in a C loop of `gsl_rng_get` calls.
    public func fillRaw32(_ buffer: UnsafeMutableBufferPointer<UInt32>) {
        precondition(gsl_rng_max(rng) <= UInt(UInt32.max), "\(generatorName) has outputs above 2³² − 1")
        guard let start = buffer.baseAddress else { return }
        if usesTwisterBlocks { TwisterBlocks.fill(rng, into: buffer) } else { cgsl_fill_raw32(rng, start, buffer.count) }
    }

    /// Fills `buffer` with raw outputs, in the order single `next()` calls would give them.
    public func fillRaw(_ buffer: UnsafeMutableBufferPointer<UInt>) {
        for i in buffer.indices { buffer[i] = gsl_rng_get(rng) }
    }

    /// Fills `buffer` with exponential variates of the given mean; equal to `exponential(mean:)`
    /// called once per element.
    public func fillExponential(_ buffer: UnsafeMutableBufferPointer<Double>, mean: Double = 1) {
        for i in buffer.indices { buffer[i] = gsl_ran_exponential(rng, mean) }
    }

    /// An array of `count` uniform doubles in (0, 1).
    public func uniforms(_ count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            fillUniform(UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
            initialized = count
        }
    }
}
