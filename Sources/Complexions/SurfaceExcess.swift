/// The instantaneous surface excess of a slab, M atoms per nm², with the regions of
/// ``CompositionProfile``: Σ_{upper half} (c(z) − c_b)/ℓ², c_b from the lower half without the two
/// layers next to the bottom (when it has more than four).
public enum SurfaceExcess {
    public static func regions(layerCount: Int, frozenLayers: Int) -> (bulk: Range<Int>, surface: Range<Int>) {
        let half = max(1, (layerCount - frozenLayers) / 2)
        let bulk = (frozenLayers + (half > 4 ? 2 : 0))..<(frozenLayers + half)
        return (bulk, bulk.upperBound..<layerCount)
    }

    /// (c_b, Γ_M) of `profile`.
    public static func of(_ profile: [Double], frozenLayers: Int, siteEdge: Double) -> (bulk: Double, excess: Double) {
        let (bulk, surface) = regions(layerCount: profile.count, frozenLayers: frozenLayers)
        let cb = profile[bulk].reduce(0, +) / Double(bulk.count)
        return (cb, profile[surface].reduce(0) { $0 + ($1 - cb) } / (siteEdge * siteEdge))
    }
}
