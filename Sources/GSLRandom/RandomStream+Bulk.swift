import CGSL

extension RandomStream {
    /// Fills `buffer` with uniform doubles in (0, 1), in the order single draws would give them.
    public func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>) {
        for i in buffer.indices { buffer[i] = gsl_rng_uniform_pos(rng) }
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
