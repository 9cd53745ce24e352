/// What a site of the Li–M slab holds. Stored as one byte per site; the values index
/// ``ComplexionParameters/pairEnergies``.
public enum SlabSpecies {
    /// Electrolyte (or vacuum) above the slab: never moves, bonds to the surface via the surface terms.
    public static let empty: UInt8 = 0
    public static let lithium: UInt8 = 1
    /// The surface-active alloying element M.
    public static let solute: UInt8 = 2

    public static let count = 3
    public static let names = ["empty", "Li", "M"]
}
