/// What the sampler looked like after each sweep: the M fraction of every solid layer and the
/// energy. The raw material of the equilibration test and of the batch-means error bars.
public struct SweepRecord: Sendable, Equatable {
    /// profiles[t][z]: M fraction of layer z after sweep t + 1.
    public private(set) var profiles: [[Double]] = []
    /// Bond energy per site after each sweep, eV.
    public private(set) var energies: [Double] = []

    public init() {}

    public var count: Int { energies.count }

    public mutating func record(_ sampler: MetropolisSampler) {
        profiles.append(sampler.slab.profile)
        energies.append(sampler.bondEnergy / Double(sampler.slab.top * sampler.slab.layerArea))
    }

    /// M fraction of the upper half of the mobile layers, per sweep: the surface-sensitive series
    /// the equilibration test watches along with the energy.
    public func surfaceSeries(frozenLayers: Int) -> [Double] {
        profiles.map { p in
            let upper = p[(frozenLayers + (p.count - frozenLayers) / 2)...]
            return upper.reduce(0, +) / Double(upper.count)
        }
    }
}

extension MetropolisSampler {
    /// Runs `sweeps` sweeps and records the state after each.
    public mutating func run(sweeps: Int, into record: inout SweepRecord) {
        for _ in 0..<sweeps {
            sweep()
            record.record(self)
        }
    }
}
