import Lattice

/// What surrounds a site of the Li model: the count of each ``SiteKind`` among its face
/// neighbours, decoded from the shared `NeighborKeys` key.
public struct NeighborCounts: Sendable, Equatable {
    public static let keyCount = NeighborKeys.keyCount(stateCount: SiteKind.count)

    public var empty = 0, lithium = 0, substrate = 0, alloy = 0, sei = 0

    public init(key: Int) {
        let counts = NeighborKeys.counts(in: key, stateCount: SiteKind.count)
        (empty, lithium, substrate, alloy, sei) = (counts[0], counts[1], counts[2], counts[3], counts[4])
    }

    /// The amount a neighbour of `kind` adds to the key.
    @inline(__always) public static func weight(of kind: UInt8) -> UInt32 { NeighborKeys.weight(ofState: Int(kind)) }

    public var total: Int { empty + lithium + substrate + alloy + sei }
    public var solid: Int { lithium + substrate + alloy + sei }
    public var conductors: Int { lithium + substrate + alloy }
}
