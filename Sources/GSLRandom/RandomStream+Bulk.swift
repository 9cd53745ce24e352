import CGSL

extension RandomStream {
    /// Fills `buffer` with uniform doubles in (0, 1), exactly the values single `uniform()` calls
    /// would give. For the generators of ``UniformConversion/exactGenerators`` the raw words are
    /// drawn in C in blocks and converted with SIMD; other generators take one GSL call per value.
    public func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>) {
        guard usesVectorConversion else {
            for i in buffer.indices { buffer[i] = gsl_rng_uniform_pos(rng) }
            return
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(buffer.count, 1)) { raw in
            let words = UnsafeMutableBufferPointer(rebasing: raw[0..<buffer.count])
            if let start = words.baseAddress { cgsl_fill_raw32(rng, start, words.count) }
            if UniformConversion.convert(UnsafeBufferPointer(words), into: buffer) {
                UniformConversion.skipZeros(buffer) { UInt32(truncatingIfNeeded: gsl_rng_get(rng)) }
            }
        }
    }

    /// Whether ``fillUniform(_:)`` takes the vector path.
    public var usesVectorConversion: Bool {
        UniformConversion.isExact(for: generatorName) && rawRange == 0...UInt(UInt32.max)
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
