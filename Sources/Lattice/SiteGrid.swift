/// Site states of a lattice as bytes, mirrored into one bit plane per state.
///
/// `states[i]` is the state of site i (a small integer below `stateCount`, meaning defined by
/// the application). `planeWords` holds, for each state in turn, one bit per site with every
/// x-row padded to whole 64-bit words (see ``BitPlane``), so that row-parallel (SIMD) kernels
/// can shift and mask whole rows. ``set(_:to:)`` keeps bytes and bits in sync;
/// ``checkPlanes()`` recomputes the bits to prove it.
public struct SiteGrid: Sendable {
    public let shape: LatticeShape
    public let stateCount: Int
    public let wordsPerRow: Int
    public let wordsPerPlane: Int
    @usableFromInline var stateBytes: [UInt8]
    @usableFromInline var bitWords: [UInt64]

    /// One byte per site: the state of site i is `states[i]`.
    public var states: [UInt8] { stateBytes }
    /// The bit planes, plane of state s at words `s·wordsPerPlane ..< (s+1)·wordsPerPlane`.
    public var planeWords: [UInt64] { bitWords }

    public init(shape: LatticeShape, stateCount: Int, fill: UInt8 = 0) {
        precondition((1...64).contains(stateCount), "stateCount must be in 1...64")
        precondition(Int(fill) < stateCount)
        self.shape = shape
        self.stateCount = stateCount
        let filled = BitPlane(shape: shape, filled: true)
        self.wordsPerRow = filled.wordsPerRow
        self.wordsPerPlane = filled.words.count
        self.stateBytes = [UInt8](repeating: fill, count: shape.siteCount)
        self.bitWords = [UInt64](repeating: 0, count: wordsPerPlane * stateCount)
        let start = Int(fill) * wordsPerPlane
        bitWords.replaceSubrange(start..<start + wordsPerPlane, with: filled.words)
    }

    /// Builds a grid from saved states (for example a checkpoint); fails on an out-of-range state.
    public init(shape: LatticeShape, stateCount: Int, states: [UInt8]) throws(LatticeError) {
        guard states.count == shape.siteCount else {
            throw .invalidSize(field: "states.count", value: states.count)
        }
        if let bad = states.firstIndex(where: { Int($0) >= stateCount }) {
            throw .invalidSize(field: "states[\(bad)]", value: Int(states[bad]))
        }
        self.init(shape: shape, stateCount: stateCount)
        for site in states.indices where states[site] != 0 { set(UInt32(site), to: states[site]) }
    }

    @inlinable @inline(__always) public subscript(site: UInt32) -> UInt8 {
        stateBytes.withUnsafeBufferPointer { $0[Int(site)] }
    }

    /// Changes the state of `site`, updating the two bit planes involved.
    public mutating func set(_ site: UInt32, to state: UInt8) {
        precondition(Int(site) < shape.siteCount && Int(state) < stateCount, "site or state out of range")
        withMutableAccess { $0.set(site, to: state) }
    }

    /// The bit plane of `state` as a standalone value.
    public func plane(_ state: UInt8) -> BitPlane {
        let start = Int(state) * wordsPerPlane
        return BitPlane(wordsPerRow: wordsPerRow, rowCount: shape.ly * shape.lz,
                        words: Array(planeWords[start..<start + wordsPerPlane]))
    }

    /// Number of sites in each state.
    public func populations() -> [Int] {
        var counts = [Int](repeating: 0, count: stateCount)
        for state in states { counts[Int(state)] += 1 }
        return counts
    }

    /// True when every bit plane equals the one recomputed from the state bytes.
    public func checkPlanes() -> Bool {
        for state in 0..<stateCount {
            var fresh = BitPlane(shape: shape, filled: false)
            for site in states.indices where states[site] == UInt8(state) {
                fresh.insert(UInt32(site), in: shape)
            }
            if fresh != plane(UInt8(state)) { return false }
        }
        return true
    }
}
