import Analysis
import Complexions
import GSLRandom
import Lattice
import RealModule
import Testing

@Suite struct DetailedBalanceTests {
    /// Exact enumeration of a 3 × 1 × 2 slab (6 mobile sites under an empty layer, surface terms,
    /// asymmetric bonds): the frequencies of the 2⁶ configurations (semi-grand, Δμ ≠ 0) or the 20 with
    /// three M (canonical) must follow e^{−(H − Δμ·N_M)/kT}. States are read every 6 sweeps (36
    /// attempts, several correlation times on 6 sites); Pearson's χ² is compared with its 0.1 % critical
    /// value for (configurations − 1) degrees of freedom.
    @Test(arguments: [SamplingEnsemble.semiGrand, .canonical])
    func visitFrequenciesFollowBoltzmann(ensemble: SamplingEnsemble) throws {
        let p = asymmetricBonds(chemicalPotentialDifference: 0.03)
        let shape = try LatticeShape(lx: 3, ly: 1, lz: 3)
        let mobile = 6
        let configurations = (0..<(1 << mobile)).filter { ensemble == .semiGrand || $0.nonzeroBitCount == 3 }
        func slab(_ bits: Int) throws -> Slab {
            var states = [UInt8](repeating: SlabSpecies.empty, count: shape.siteCount)
            for i in 0..<mobile { states[i] = bits >> i & 1 == 1 ? SlabSpecies.solute : SlabSpecies.lithium }
            return try Slab(shape: shape, states: states, frozenLayers: 0)
        }
        let weights = try configurations.map { bits -> Double in
            let h = try slab(bits).bondEnergy(p.pairEnergies) - p.chemicalPotentialDifference * Double(bits.nonzeroBitCount)
            return Double.exp(-h / p.thermalEnergy)
        }
        let total = weights.reduce(0, +)
        let index = Dictionary(uniqueKeysWithValues: configurations.enumerated().map { ($1, $0) })
        let stream = try RandomStream(seed: 21)
        var sampler = try MetropolisSampler(slab: slab(configurations[0]), parameters: p, ensemble: ensemble,
                                            random: UniformBuffer(stream: stream))
        var counts = [Double](repeating: 0, count: configurations.count)
        let samples = 150_000
        for _ in 0..<samples {
            for _ in 0..<6 { sampler.sweep() }
            var bits = 0
            for i in 0..<mobile where sampler.slab.states[i] == SlabSpecies.solute { bits |= 1 << i }
            counts[index[bits]!] += 1
        }
        let chi = ChiSquared.statistic(observed: counts, probabilities: weights.map { $0 / total })
        let critical = ChiSquared.criticalValue(degreesOfFreedom: configurations.count - 1, alpha: 0.001)
        print("\(ensemble): χ² = \(chi) for \(configurations.count - 1) dof (0.1 % critical \(critical))")
        #expect(chi < critical)
    }
}
