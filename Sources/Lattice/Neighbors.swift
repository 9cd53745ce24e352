/// The six face neighbours of a site (+x, −x, +y, −y, +z, −z); missing ones are `none`.
///
/// A SIMD vector (no allocation, constant-time indexing) so that event kernels can loop over
/// it freely; lanes 6 and 7 are always `none`.
@frozen public struct Neighbors: Sendable, Sequence {
    public static let none = UInt32.max
    public static let directions = 6

    public var sites: SIMD8<UInt32>

    @inlinable public init() { sites = SIMD8(repeating: Self.none) }

    /// The neighbour in direction `d` (0 = +x, 1 = −x, 2 = +y, 3 = −y, 4 = +z, 5 = −z).
    @inlinable @inline(__always)
    public subscript(direction: Int) -> UInt32 {
        get { sites[direction] }
        set { sites[direction] = newValue }
    }

    /// How many neighbours exist (are not across a wall or along a flat axis).
    @inlinable public var count: Int {
        var n = 0
        for d in 0..<Self.directions where sites[d] != Self.none { n += 1 }
        return n
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(neighbors: self) }

    /// Iterates the existing neighbours, skipping missing ones.
    @frozen public struct Iterator: IteratorProtocol {
        @usableFromInline let neighbors: Neighbors
        @usableFromInline var direction = 0
        @inlinable init(neighbors: Neighbors) { self.neighbors = neighbors }
        @inlinable @inline(__always) public mutating func next() -> UInt32? {
            while direction < Neighbors.directions {
                let site = neighbors.sites[direction]
                direction &+= 1
                if site != Neighbors.none { return site }
            }
            return nil
        }
    }
}
