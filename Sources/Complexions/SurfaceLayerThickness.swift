/// The midpoint depth of the M-rich surface layer (docs/MODEL.md §11): the depth below the surface
/// plane at which the composition profile crosses the midpoint between the bulk composition c_b
/// and that of the coexisting M-rich phase, 1 − c_b (the lattice-gas symmetry) — that is, c = ½.
///
/// Layer k from the top (k = 0 the surface layer) is centred at depth (k + ½)ℓ. Walking down, the
/// first layer with c < ½ and the one above it bracket the crossing, found by linear
/// interpolation; above the surface a virtual layer of pure M at depth −ℓ/2 makes h continuous:
/// h = 0 for c₀ = 0, ℓ/2 for c₀ = ½. A profile that never drops below ½ gives the whole slab.
public enum SurfaceLayerThickness {
    public static let midpoint = 0.5

    /// h in units of ℓ for `profile` (M fraction of layers, bottom first; the last is the surface).
    public static func layers(_ profile: [Double]) -> Double {
        var above = 1.0, depthAbove = -0.5
        for (k, c) in profile.reversed().enumerated() {
            let depth = Double(k) + 0.5
            if c < midpoint { return depthAbove + (above - midpoint) / (above - c) }
            above = c
            depthAbove = depth
        }
        return Double(profile.count)
    }
}
