/// Uniform (0, 1) doubles drawn from a stream in blocks, for hot loops.
///
/// Draws come out in exactly the order single `uniform()` calls would give them. To make
/// checkpoints exact, the buffer remembers the stream state at the start of the current block:
/// ``snapshot()`` is that state plus the number of values already used, and
/// ``init(stream:snapshot:)`` refills the same block and skips the used values.
public struct UniformBuffer {
    public static let blockSize = 4096

    public let stream: RandomStream
    /// The spacing of the generator's uniforms, 1/(max − min + 1): 2⁻³² for mt19937.
    public let resolution: Double
    @usableFromInline var values: [Double]
    @usableFromInline var cursor: Int
    /// Raw GSL state at the start of the current block (wrapped into the checked format only
    /// when a snapshot is taken, to keep refills cheap).
    private var blockStartRaw: [UInt8]

    public init(stream: RandomStream) {
        self.stream = stream
        self.resolution = 1 / (Double(stream.rawRange.upperBound - stream.rawRange.lowerBound) + 1)
        self.values = [Double](repeating: 0, count: Self.blockSize)
        self.cursor = 0
        self.blockStartRaw = []
        refill()
    }

    /// Continues a buffer from a ``snapshot()``: the next draws are the ones it would have given.
    public init(stream: RandomStream, snapshot: Snapshot) throws(RandomStreamError) {
        guard (0...Self.blockSize).contains(snapshot.used) else {
            throw .corruptState(reason: "buffer position \(snapshot.used) outside 0...\(Self.blockSize)")
        }
        try stream.restore(from: snapshot.blockStartState)
        self.init(stream: stream)
        cursor = snapshot.used
    }

    /// The next uniform double in (0, 1).
    @inlinable @inline(__always) public mutating func next() -> Double {
        if cursor == Self.blockSize { refill() }
        defer { cursor &+= 1 }
        return values.withUnsafeBufferPointer { $0[cursor] }
    }

    /// Copies the next `count` uniforms to `target`, as `count` calls of ``next()`` would give them.
    public mutating func take(_ count: Int, into target: UnsafeMutablePointer<Double>) {
        var copied = 0
        while copied < count {
            if cursor == Self.blockSize { refill() }
            let n = min(count - copied, Self.blockSize - cursor)
            values.withUnsafeBufferPointer { (target + copied).update(from: $0.baseAddress! + cursor, count: n) }
            cursor += n
            copied += n
        }
    }

    /// A uniform double in (0, 1) with twice the generator's resolution (2⁻⁶⁴ for mt19937),
    /// from two draws: u₁ + u₂·resolution. Event selection needs it: with 2²⁶ events a 32-bit
    /// uniform would leave only 64 grid points per event and bias the choice by up to 1/64.
    @inlinable @inline(__always) public mutating func nextFine() -> Double {
        let coarse = next()
        return coarse + next() * resolution
    }

    @inline(never) @usableFromInline mutating func refill() {
        blockStartRaw = stream.rawStateBytes()
        values.withUnsafeMutableBufferPointer { stream.fillUniform($0) }
        cursor = 0
    }

    /// What a checkpoint needs to continue this buffer's sequence exactly.
    public struct Snapshot: Equatable, Sendable {
        public var blockStartState: [UInt8]
        public var used: Int
        public init(blockStartState: [UInt8], used: Int) {
            self.blockStartState = blockStartState
            self.used = used
        }
    }

    public func snapshot() -> Snapshot {
        Snapshot(blockStartState: stream.savedState(fromRaw: blockStartRaw), used: cursor)
    }
}
