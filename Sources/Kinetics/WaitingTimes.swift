import GSLRandom

/// Unit-mean exponential variates E = −ln u for the engine's time steps (Δt = E/R), made in
/// blocks: `blockSize` uniforms are taken from the run's stream in one go and turned into
/// logarithms by the SIMD kernel ``NegativeLogarithm``, instead of one libm call per event.
///
/// The draw order stays fixed by the seed: a block is taken whenever the previous one is used
/// up, so the stream reads [block of waiting-time uniforms][the events' own draws …][next block].
/// The unused rest of a block is part of a checkpoint (``pending``), so a resumed run continues
/// with the same waiting times, bit for bit.
public struct WaitingTimes {
    public static let blockSize = 256

    @usableFromInline var values: [Double]
    @usableFromInline var cursor: Int

    /// An empty block: the first ``next(from:)`` takes a fresh one from the stream.
    public init() {
        values = [Double](repeating: 0, count: Self.blockSize)
        cursor = Self.blockSize
    }

    /// Continues from the unused variates of a checkpoint.
    public init(pending: [Double]) throws(CheckpointError) {
        guard pending.count <= Self.blockSize, pending.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw .corrupt(reason: "\(pending.count) pending waiting times (at most \(Self.blockSize), each finite and ≥ 0)")
        }
        self.init()
        cursor = Self.blockSize - pending.count
        values.replaceSubrange(cursor..., with: pending)
    }

    /// The variates not used yet, in the order they will be.
    public var pending: [Double] { Array(values[cursor...]) }

    /// The next unit-mean exponential variate.
    @inlinable @inline(__always)
    public mutating func next(from random: inout UniformBuffer) -> Double {
        if cursor == Self.blockSize { refill(from: &random) }
        defer { cursor &+= 1 }
        return values.withUnsafeBufferPointer { $0[cursor] }
    }

    @inline(never) @usableFromInline
    mutating func refill(from random: inout UniformBuffer) {
        values.withUnsafeMutableBufferPointer { block in
            random.take(block.count, into: block.baseAddress!)
            NegativeLogarithm.apply(UnsafeBufferPointer(block), into: block)
        }
        cursor = 0
    }
}
