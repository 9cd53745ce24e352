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
    /// Coating host C: a site of a protective coating holding no mobile Li (docs/MODEL.md §4c).
    /// In a lattice only when the scenario has a coating (``EventTable/coated(_:)``).
    public static let coating: UInt8 = 5
    /// C_Li: a coating site holding one site's worth of Li (an ideal lattice gas: no bonds).
    public static let lithiatedCoating: UInt8 = 6

    /// The kinds every Li-model lattice may hold (the bond table's kinds); kinds `count ..< capacity`
    /// belong to an ``EventTable`` that declares them: 5 and 6 to the coating's, 7 is free (solid, not
    /// conducting, no bond to Li: tests declare kinds there).
    public static let count = 5
    /// The kinds a cell and a neighbour key can hold (``CellLayout``, ``NeighborKeySpace``).
    public static let capacity = 8
    public static let names = ["empty", "Li", "M", "LiM", "SEI", "C", "C_Li"]
    /// Whether `kind` is one of the coating's two kinds.
    @inlinable public static func isCoating(_ kind: UInt8) -> Bool { kind == coating || kind == lithiatedCoating }

    /// Sites that hold matter (support hops).
    @inlinable public static func isSolid(_ kind: UInt8) -> Bool { kind != empty }
    /// Sites that conduct electrons in the bare model (reduction can happen next to them); a
    /// conducting coating adds C and C_Li (``EventTable/conductors``).
    @inlinable public static func isConductor(_ kind: UInt8) -> Bool {
        kind == lithium || kind == substrate || kind == alloy
    }
}
