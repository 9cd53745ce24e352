/// What a site of the Li model holds. Stored as one byte per site.
public enum SiteKind {
    /// Electrolyte: where Li⁺ is reduced and onto which Li hops.
    public static let empty: UInt8 = 0
    /// Metallic lithium (an atom, or ℓ³/Ω atoms on a mesoscale site).
    public static let lithium: UInt8 = 1
    /// Unlithiated substrate metal M (Cu, Au, …), immobile; the collector side (z = 0 …).
    public static let substrate: UInt8 = 2
    /// A substrate site that has dissolved one Li (the Li–M solid solution / alloy).
    public static let alloy: UInt8 = 3
    /// Solid-electrolyte interphase: immobile, electronically insulating.
    public static let sei: UInt8 = 4

    /// The kinds the model names; kinds `count ..< capacity` are free for an ``EventTable`` to use
    /// (solid, not conducting, no bond to Li: tests declare one).
    public static let count = 5
    /// The kinds a cell and a neighbour key can hold (``CellLayout``, ``NeighborKeySpace``).
    public static let capacity = 8
    public static let names = ["empty", "Li", "M", "LiM", "SEI"]

    /// Sites that hold matter (support hops).
    @inlinable public static func isSolid(_ kind: UInt8) -> Bool { kind != empty }
    /// Sites that conduct electrons (reduction can happen next to them).
    @inlinable public static func isConductor(_ kind: UInt8) -> Bool {
        kind == lithium || kind == substrate || kind == alloy
    }
}
