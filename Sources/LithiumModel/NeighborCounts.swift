/// What surrounds a site of the Li model: the count of each ``SiteKind`` among its face
/// neighbours, decoded from its ``NeighborKeySpace`` key.
public struct NeighborCounts: Sendable, Equatable {
    /// Per kind (lanes ``SiteKind/count`` ..< ``SiteKind/capacity`` are kinds a table may add).
    public let byKind: SIMD8<UInt8>

    init(_ counts: SIMD8<UInt8>) { byKind = counts }

    /// The count of neighbours of `kind`.
    public subscript(kind: UInt8) -> Int { Int(byKind[Int(kind)]) }

    public var empty: Int { self[SiteKind.empty] }
    public var lithium: Int { self[SiteKind.lithium] }
    public var substrate: Int { self[SiteKind.substrate] }
    public var alloy: Int { self[SiteKind.alloy] }
    public var sei: Int { self[SiteKind.sei] }

    public var total: Int { Int(byKind.wrappedSum()) }
    /// Everything but the electrolyte is solid.
    public var solid: Int { total - empty }
    public var conductors: Int { lithium + substrate + alloy }
}
