/// What surrounds a site, as counts of each ``SiteKind`` among its face neighbours, encoded
/// in one base-7 number (each count ≤ 6): key = Σ count(kind)·7^kind.
public struct NeighborCounts: Sendable, Equatable {
    public static let keyCount = 16_807  // 7^5

    public var empty = 0, lithium = 0, substrate = 0, alloy = 0, sei = 0

    public init(key: Int) {
        var rest = key
        empty = rest % 7; rest /= 7
        lithium = rest % 7; rest /= 7
        substrate = rest % 7; rest /= 7
        alloy = rest % 7; rest /= 7
        sei = rest % 7
    }

    /// The amount a neighbour of `kind` adds to the key.
    public static func weight(of kind: UInt8) -> UInt32 {
        [1, 7, 49, 343, 2401][Int(kind)]
    }

    public var total: Int { empty + lithium + substrate + alloy + sei }
    public var solid: Int { lithium + substrate + alloy + sei }
    public var conductors: Int { lithium + substrate + alloy }
}
