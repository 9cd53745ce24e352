/// What a lattice-gas site holds: nothing, a mobile particle, or an immobile substrate atom.
public enum SiteState {
    public static let empty: UInt8 = 0
    public static let particle: UInt8 = 1
    /// Substrate kind k is stored as `substrate(k)` = 2 + k.
    public static func substrate(_ kind: Int) -> UInt8 { UInt8(2 + kind) }
}
