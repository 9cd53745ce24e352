/// Direct, unchecked access to a ``SiteGrid``'s bytes and bit planes for the duration of one
/// event: obtained through ``SiteGrid/mutableAccess()``, so the storage's uniqueness is checked
/// once per event rather than once per site. Valid until the grid is next copied.
@frozen public struct MutableSiteAccess {
    @usableFromInline let states: UnsafeMutablePointer<UInt8>
    @usableFromInline let words: UnsafeMutablePointer<UInt64>
    @usableFromInline let wordsPerRow: Int
    @usableFromInline let wordsPerPlane: Int
    @usableFromInline let xDivisor: FastDivisor
    public let shape: LatticeShape

    @inlinable init(
        states: UnsafeMutablePointer<UInt8>, words: UnsafeMutablePointer<UInt64>,
        wordsPerRow: Int, wordsPerPlane: Int, shape: LatticeShape
    ) {
        self.states = states
        self.words = words
        self.wordsPerRow = wordsPerRow
        self.wordsPerPlane = wordsPerPlane
        self.xDivisor = shape.xDivisor
        self.shape = shape
    }

    @inlinable @inline(__always) public subscript(site: UInt32) -> UInt8 { states[Int(site)] }

    /// Changes the state of `site`, updating the two bit planes involved.
    @inlinable @inline(__always) public func set(_ site: UInt32, to state: UInt8) {
        let (row, x) = xDivisor.divide(site)
        set(site, row: Int(row), x: Int(x), to: state)
    }

    /// ``set(_:to:)`` for a site whose coordinates are already known (no division).
    @inlinable @inline(__always) public func set(_ site: UInt32, at c: SiteCoordinates, to state: UInt8) {
        set(site, row: c.y &+ shape.ly &* c.z, x: c.x, to: state)
    }

    @inlinable @inline(__always) func set(_ site: UInt32, row: Int, x: Int, to state: UInt8) {
        let old = states[Int(site)]
        let word = row &* wordsPerRow &+ (x &>> 6)
        let bit: UInt64 = 1 &<< UInt64(x & 63)
        states[Int(site)] = state
        words[Int(old) &* wordsPerPlane &+ word] &= ~bit
        words[Int(state) &* wordsPerPlane &+ word] |= bit
    }
}

extension SiteGrid {
    /// Unchecked access to the site bytes and bit planes, after making the storage unique; valid
    /// until the grid is next copied.
    @inlinable @inline(__always) public mutating func mutableAccess() -> MutableSiteAccess {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return MutableSiteAccess(states: storage.states, words: storage.words,
                                 wordsPerRow: wordsPerRow, wordsPerPlane: wordsPerPlane, shape: shape)
    }

    /// Runs `body` with unchecked access to the site bytes and bit planes.
    @inlinable public mutating func withMutableAccess<R>(_ body: (MutableSiteAccess) -> R) -> R {
        body(mutableAccess())
    }
}
