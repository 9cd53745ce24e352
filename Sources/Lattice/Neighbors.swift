/// The six face neighbours of a site (+x, −x, +y, −y, +z, −z); missing ones are `none`.
///
/// Six scalar fields rather than a vector: event kernels read them one by one in unrolled loops,
/// where each subscript folds to a register, with no allocation and no lane extraction.
@frozen public struct Neighbors: Sendable, Sequence {
    public static let none = UInt32.max
    public static let directions = 6

    @usableFromInline var px = none, mx = none, py = none, my = none, pz = none, mz = none

    @inlinable public init() {}

    /// The neighbour in direction `d` (0 = +x, 1 = −x, 2 = +y, 3 = −y, 4 = +z, 5 = −z).
    @inlinable @inline(__always)
    public subscript(direction: Int) -> UInt32 {
        get {
            switch direction {
            case 0: return px
            case 1: return mx
            case 2: return py
            case 3: return my
            case 4: return pz
            default: return mz
            }
        }
        set {
            switch direction {
            case 0: px = newValue
            case 1: mx = newValue
            case 2: py = newValue
            case 3: my = newValue
            case 4: pz = newValue
            default: mz = newValue
            }
        }
    }

    /// How many neighbours exist (are not across a wall or along a flat axis).
    @inlinable public var count: Int {
        var n = 0
        for d in 0..<Self.directions where self[d] != Self.none { n += 1 }
        return n
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(neighbors: self) }

    /// Iterates the existing neighbours, skipping missing ones. It holds them as a vector, which
    /// a loop that is not unrolled indexes more cheaply than the fields.
    @frozen public struct Iterator: IteratorProtocol {
        @usableFromInline let sites: SIMD8<UInt32>
        @usableFromInline var direction = 0
        @inlinable init(neighbors n: Neighbors) {
            sites = SIMD8(n.px, n.mx, n.py, n.my, n.pz, n.mz, Neighbors.none, Neighbors.none)
        }
        @inlinable @inline(__always) public mutating func next() -> UInt32? {
            while direction < Neighbors.directions {
                let site = sites[direction]
                direction &+= 1
                if site != Neighbors.none { return site }
            }
            return nil
        }
    }
}
