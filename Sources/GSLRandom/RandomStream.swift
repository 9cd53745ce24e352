import CGSL

/// One stream of pseudo-random numbers from a named GSL generator.
///
/// A stream owns its `gsl_rng` and frees it on deinit. It is deliberately not `Sendable`:
/// every replica of a simulation owns its own stream (see ``ReplicaSeed``), so no two threads
/// ever draw from the same one. Use ``clone()`` for an independent copy at the same state.
public final class RandomStream {
    /// The GSL generator name, e.g. "mt19937".
    public let generatorName: String
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    /// Whether block fills may advance GSL's Mersenne Twister state directly (see ``fillUniform(_:)``).
    public let usesTwisterBlocks: Bool

    /// A stream of generator `generator` seeded with `seed` exactly as `gsl_rng_set` does,
    /// so its raw outputs equal GSL's own for the same name and seed.
    public init(generator: String = GeneratorCatalog.defaultName, seed: UInt64) throws(RandomStreamError) {
        let type = try GeneratorCatalog.type(named: generator)
        guard let rng = gsl_rng_alloc(type) else { throw .allocationFailed(name: generator) }
        self.rng = rng
        self.generatorName = generator
        self.usesTwisterBlocks = Self.hasTwisterLayout(rng)
        gsl_rng_set(rng, UInt(seed))
    }

    /// The stream of replica `replica` of an ensemble with master seed `masterSeed`.
    /// It depends on nothing else: not the number of replicas, nor the thread that runs it.
    public convenience init(
        generator: String = GeneratorCatalog.defaultName, masterSeed: UInt64, replica: Int
    ) throws(RandomStreamError) {
        try self.init(generator: generator, seed: ReplicaSeed.derive(master: masterSeed, replica: replica))
    }

    init(adopting rng: UnsafeMutablePointer<gsl_rng>, name: String) {
        self.rng = rng
        self.generatorName = name
        self.usesTwisterBlocks = Self.hasTwisterLayout(rng)
    }

    deinit { gsl_rng_free(rng) }

    /// Whether `rng` keeps GSL's Mersenne Twister state in the layout ``TwisterBlocks`` reads
    /// (64-bit `unsigned long` words).
    static func hasTwisterLayout(_ rng: UnsafeMutablePointer<gsl_rng>) -> Bool {
        cgsl_has_mt_layout(rng) != 0 && MemoryLayout<CUnsignedLong>.size == 8
    }

    /// Smallest and largest raw output of `next()`.
    public var rawRange: ClosedRange<UInt> { gsl_rng_min(rng)...gsl_rng_max(rng) }

    /// The next raw generator output (`gsl_rng_get`).
    @inlinable public func next() -> UInt { gsl_rng_get(rng) }

    /// A uniform double in the open interval (0, 1) (`gsl_rng_uniform_pos`).
    @inlinable public func uniform() -> Double { gsl_rng_uniform_pos(rng) }

    /// A uniform double in (0, 1]: safe for `-log(u)`.
    @inlinable public func uniformOpenClosed() -> Double { 1.0 - gsl_rng_uniform(rng) }

    /// A uniform integer in 0..<n (`gsl_rng_uniform_int`, unbiased).
    public func integer(below n: Int) throws(RandomStreamError) -> Int {
        let span = gsl_rng_max(rng) - gsl_rng_min(rng)
        guard n > 0, UInt(n) - 1 <= span else {
            throw .invalidArgument("integer(below:) needs 1 ≤ n ≤ \(span) + 1, got \(n)")
        }
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// An exponential variate with the given mean (`gsl_ran_exponential`).
    @inlinable public func exponential(mean: Double = 1) -> Double { gsl_ran_exponential(rng, mean) }
}
