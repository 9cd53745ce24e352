import Analysis

/// The equilibrium composition profile of a sampled slab, with error bars (docs/MODEL.md §11).
///
/// The sweeps before the ``Equilibration`` truncation are dropped; the rest are cut into
/// `batches` consecutive batches whose averages are treated as independent (batch means): the
/// 95 % CIs are Student-t intervals over the batch values. Γ and h are computed per batch from
/// that batch's mean profile, so their CIs carry the correlations between layers.
///
/// - bulk composition c_b: the mean M fraction of the lower half of the mobile layers, leaving out
///   the two next to the bottom (a wall or the frozen layers perturbs them) when the half has
///   more than four;
/// - surface excess Γ_M = Σ_{upper half} (c(z) − c_b) / ℓ², M atoms per nm²;
/// - thickness h = Γ_M·ℓ³/(1 − 2c_b), nm: the thickness of a slab of the coexisting M-rich phase
///   (composition 1 − c_b by the lattice-gas symmetry) holding the same excess — the Gibbs
///   equivalent thickness, linear in the profile and zero without segregation;
/// - midpoint depth: ``SurfaceLayerThickness`` × ℓ, nm: where c(z) crosses ½ (a second, sharper
///   reading of the same layer).
public struct CompositionProfile: Sendable {
    public let siteEdge: Double
    public let equilibration: Equilibration
    public let keptSweeps: Int
    /// Per layer z (bottom first): mean M fraction and its batch-means summary.
    public let layers: [SampleSummary]
    public let bulkComposition: SampleSummary
    public let surfaceExcess: SampleSummary
    public let thickness: SampleSummary
    public let midpointDepth: SampleSummary
    public let energyPerSite: SampleSummary

    public init(record: SweepRecord, frozenLayers: Int, siteEdge: Double, batches: Int = 16) {
        let equilibration = Equilibration(all: [record.energies, record.surfaceSeries(frozenLayers: frozenLayers)])
        self.siteEdge = siteEdge
        self.equilibration = equilibration
        let kept = record.count - equilibration.truncation
        let batchCount = max(2, min(batches, kept))
        let size = max(1, kept / batchCount)
        let start = record.count - size * batchCount  // the remainder joins the discarded start
        keptSweeps = size * batchCount
        let layerCount = record.profiles.first?.count ?? 0
        var layerValues = [[Double]](repeating: [], count: layerCount)
        var bulk: [Double] = [], excess: [Double] = [], thickness: [Double] = [], midpoint: [Double] = [], energy: [Double] = []
        for b in 0..<batchCount {
            let range = (start + b * size)..<(start + (b + 1) * size)
            var mean = [Double](repeating: 0, count: layerCount)
            for t in range { for z in 0..<layerCount { mean[z] += record.profiles[t][z] } }
            mean = mean.map { $0 / Double(size) }
            for z in 0..<layerCount { layerValues[z].append(mean[z]) }
            let (cb, gamma) = SurfaceExcess.of(mean, frozenLayers: frozenLayers, siteEdge: siteEdge)
            bulk.append(cb)
            excess.append(gamma)
            thickness.append(gamma * siteEdge * siteEdge * siteEdge / (1 - 2 * cb))
            midpoint.append(SurfaceLayerThickness.layers(mean) * siteEdge)
            energy.append(record.energies[range].reduce(0, +) / Double(size))
        }
        layers = layerValues.map(SampleSummary.init)
        bulkComposition = SampleSummary(bulk)
        surfaceExcess = SampleSummary(excess)
        self.thickness = SampleSummary(thickness)
        midpointDepth = SampleSummary(midpoint)
        energyPerSite = SampleSummary(energy)
    }
}
