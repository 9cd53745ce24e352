import Analysis
import Complexions
import GSLRandom
import Kinetics
import Lattice
import RealModule
import Testing

@Suite struct ExchangeKineticsTests {
    /// After many swaps the incremental classes equal a from-scratch classification, and M is conserved.
    @Test func bookkeepingStaysExact() throws {
        var p = ComplexionParameters()
        p.soluteBond = 0.04
        let stream = try RandomStream(seed: 31)
        let slab = try Slab.random(lx: 5, ly: 4, lz: 7, layers: 5, frozenLayers: 1, soluteFraction: 0.3, random: stream)
        var engine = KineticEngine(application: try ExchangeKinetics(slab: slab, parameters: p), random: UniformBuffer(stream: stream))
        let before = slab.soluteTotal
        for _ in 0..<20 {
            _ = engine.run(.events(engine.clock.events + 500))
            #expect(engine.inconsistencies().isEmpty)
        }
        #expect(engine.application.slab.soluteTotal == before)
        #expect(engine.application.slab.states[0..<20] == slab.states[0..<20])  // the frozen layer never moves
    }
}

/// Kawasaki-exchange KMC samples the canonical Boltzmann distribution: on a 3 × 1 × 2 slab with three
/// M (20 configurations, surface terms, asymmetric bonds) the time each configuration is occupied must
/// match e^{−H/kT}. Time-weighted batch means (≥ 100 batches of ~2000 events, far longer than the
/// relaxation of 6 sites); Σ z² over configurations ≈ χ² with 19 dof, compared at 0.1 %.
@Suite struct ExchangeDetailedBalanceTests {
    @Test func occupationMatchesBoltzmannWeights() throws {
        let p = asymmetricBonds()
        let shape = try LatticeShape(lx: 3, ly: 1, lz: 3)
        let configurations = (0..<64).filter { $0.nonzeroBitCount == 3 }
        func slab(_ bits: Int) throws -> Slab {
            var states = [UInt8](repeating: SlabSpecies.empty, count: shape.siteCount)
            for i in 0..<6 { states[i] = bits >> i & 1 == 1 ? SlabSpecies.solute : SlabSpecies.lithium }
            return try Slab(shape: shape, states: states, frozenLayers: 0)
        }
        let weights = try configurations.map { Double.exp(-(try slab($0).bondEnergy(p.pairEnergies)) / p.thermalEnergy) }
        let total = weights.reduce(0, +)
        let index = Dictionary(uniqueKeysWithValues: configurations.enumerated().map { ($1, $0) })
        let stream = try RandomStream(seed: 71)
        var engine = KineticEngine(application: try ExchangeKinetics(slab: try slab(configurations[0]), parameters: p),
                                   random: UniformBuffer(stream: stream))
        let meanRate = engine.rates.totalRate
        var occupation = OccupationBatches(categories: configurations.count, batchDuration: 2000 / meanRate)
        for _ in 0..<1_000_000 {
            var bits = 0
            for i in 0..<6 where engine.application.slab.states[i] == SlabSpecies.solute { bits |= 1 << i }
            let before = engine.clock.time
            _ = engine.step()
            occupation.add(index[bits]!, duration: engine.clock.time - before)
        }
        let chi2 = occupation.chiSquared(expected: weights.map { $0 / total })
        let critical = ChiSquared.criticalValue(degreesOfFreedom: configurations.count - 1, alpha: 0.001)
        print("exchange KMC: χ² = \(chi2) for \(configurations.count - 1) dof (0.1 % critical \(critical)), \(occupation.batchCount) batches")
        #expect(chi2 < critical)
        #expect(occupation.batchCount >= 100)
    }
}
