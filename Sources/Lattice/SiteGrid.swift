/// Site states of a lattice as bytes, mirrored into one bit plane per state.
///
/// `states[i]` is the state of site i (a small integer below `stateCount`, meaning defined by
/// the application). `planeWords` holds, for each state in turn, one bit per site with every
/// x-row padded to whole 64-bit words (see ``BitPlane``), so that row-parallel (SIMD) kernels
/// can shift and mask whole rows. ``set(_:to:)`` keeps bytes and bits in sync;
/// ``checkPlanes()`` recomputes the bits to prove it.
///
/// Bytes and bits live in one copy-on-write storage object, so an event that changes sites checks
/// uniqueness once (``mutableAccess()``) and then writes through raw pointers.
public struct SiteGrid: Sendable {
    public let shape: LatticeShape
    public let stateCount: Int
    public let wordsPerRow: Int
    public let wordsPerPlane: Int
    @usableFromInline var storage: Storage

    /// The state bytes and the bit-plane words, owned together.
    @usableFromInline final class Storage: @unchecked Sendable {
        @usableFromInline let states: UnsafeMutablePointer<UInt8>
        @usableFromInline let words: UnsafeMutablePointer<UInt64>
        let siteCount: Int
        let wordCount: Int

        init(siteCount: Int, wordCount: Int) {
            self.siteCount = siteCount
            self.wordCount = wordCount
            states = .allocate(capacity: max(siteCount, 1))
            states.initialize(repeating: 0, count: max(siteCount, 1))
            words = .allocate(capacity: max(wordCount, 1))
            words.initialize(repeating: 0, count: max(wordCount, 1))
        }

        @usableFromInline func copy() -> Storage {
            let twin = Storage(siteCount: siteCount, wordCount: wordCount)
            twin.states.update(from: states, count: siteCount)
            twin.words.update(from: words, count: wordCount)
            return twin
        }

        deinit {
            states.deallocate()
            words.deallocate()
        }
    }

    /// One byte per site: the state of site i is `states[i]` (a copy).
    public var states: [UInt8] { Array(UnsafeBufferPointer(start: storage.states, count: storage.siteCount)) }
    /// The bit planes, plane of state s at words `s·wordsPerPlane ..< (s+1)·wordsPerPlane` (a copy).
    public var planeWords: [UInt64] { Array(UnsafeBufferPointer(start: storage.words, count: storage.wordCount)) }

    public init(shape: LatticeShape, stateCount: Int, fill: UInt8 = 0) {
        precondition((1...64).contains(stateCount), "stateCount must be in 1...64")
        precondition(Int(fill) < stateCount)
        self.shape = shape
        self.stateCount = stateCount
        let filled = BitPlane(shape: shape, filled: true)
        self.wordsPerRow = filled.wordsPerRow
        self.wordsPerPlane = filled.words.count
        self.storage = Storage(siteCount: shape.siteCount, wordCount: wordsPerPlane * stateCount)
        storage.states.update(repeating: fill, count: shape.siteCount)
        filled.words.withUnsafeBufferPointer {
            (storage.words + Int(fill) * wordsPerPlane).update(from: $0.baseAddress!, count: wordsPerPlane)
        }
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
        let access = mutableAccess()
        for site in states.indices where states[site] != 0 { access.set(UInt32(site), to: states[site]) }
    }

    @inlinable @inline(__always) public subscript(site: UInt32) -> UInt8 {
        assert(Int(site) < shape.siteCount, "site \(site) outside 0..<\(shape.siteCount)")
        return storage.states[Int(site)]
    }

    /// Changes the state of `site`, updating the two bit planes involved.
    public mutating func set(_ site: UInt32, to state: UInt8) {
        precondition(Int(site) < shape.siteCount && Int(state) < stateCount, "site or state out of range")
        mutableAccess().set(site, to: state)
    }

    /// The bit plane of `state` as a standalone value.
    public func plane(_ state: UInt8) -> BitPlane {
        let start = storage.words + Int(state) * wordsPerPlane
        return BitPlane(wordsPerRow: wordsPerRow, rowCount: shape.ly * shape.lz,
                        words: Array(UnsafeBufferPointer(start: start, count: wordsPerPlane)))
    }

    /// Number of sites in each state.
    public func populations() -> [Int] {
        var counts = [Int](repeating: 0, count: stateCount)
        for site in 0..<shape.siteCount { counts[Int(storage.states[site])] += 1 }
        return counts
    }

    /// True when every bit plane equals the one recomputed from the state bytes.
    public func checkPlanes() -> Bool {
        let states = self.states
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
