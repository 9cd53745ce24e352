import Analysis
import GSLRandom
import Kinetics
import Lattice
import LatticeGas
import RealModule
import Testing

/// On a 3×3 periodic lattice with two substrate atoms of different kinds and three particles,
/// every configuration is enumerated; the time each is occupied in a long run must match its
/// Boltzmann weight exp(−H/kT), H = −Σ ε(sᵢ,sⱼ) over bonded pairs.
@Suite struct DetailedBalanceTests {
    static let parameters = LatticeGasParameters(
        temperature: 300, attemptFrequency: 1e12, diffusionBarrier: 0.2,
        bondEnergy: 0.03, substrateBondEnergies: [0.05, -0.02])

    /// Bonded energy of a configuration, summed over each pair once.
    static func energy(_ states: [UInt8], shape: LatticeShape) -> Double {
        var e = 0.0
        for site in 0..<UInt32(states.count) where states[Int(site)] == SiteState.particle {
            for n in shape.neighbors(of: site) {
                switch states[Int(n)] {
                case SiteState.particle: e -= parameters.bondEnergy / 2  // counted from both ends
                case SiteState.substrate(0): e -= parameters.substrateBondEnergies[0]
                case SiteState.substrate(1): e -= parameters.substrateBondEnergies[1]
                default: break
                }
            }
        }
        return e
    }

    @Test func occupationMatchesBoltzmannWeights() throws {
        let shape = try LatticeShape(lx: 3, ly: 3)
        var base = [UInt8](repeating: SiteState.empty, count: 9)
        base[0] = SiteState.substrate(0)
        base[4] = SiteState.substrate(1)
        let free = base.indices.filter { base[$0] == SiteState.empty }
        // Enumerate the C(7,3) = 35 placements of three particles.
        var configurations: [[UInt8]] = []
        for a in 0..<free.count { for b in (a + 1)..<free.count { for c in (b + 1)..<free.count {
            var s = base
            for i in [a, b, c] { s[free[i]] = SiteState.particle }
            configurations.append(s)
        } } }
        let kT = Self.parameters.thermalEnergy
        let weights = configurations.map { Double.exp(-Self.energy($0, shape: shape) / kT) }
        let z = weights.reduce(0, +)
        let probabilities = weights.map { $0 / z }
        let index = Dictionary(uniqueKeysWithValues: configurations.enumerated().map { ($1, $0) })

        var engine = try makeEngine(shape: shape, states: configurations[0], parameters: Self.parameters, seed: 7)
        // Batch means: 200 batches, each ~ 5000 events, much longer than the few-event relaxation.
        let meanRate = engine.rates.totalRate
        var occupation = OccupationBatches(categories: configurations.count, batchDuration: 5000 / meanRate)
        for _ in 0..<1_000_000 {
            let current = index[engine.application.states]!
            let before = engine.clock.time
            _ = engine.step()
            occupation.add(current, duration: engine.clock.time - before)
        }
        // ≈ χ² with 34 degrees of freedom.
        let chi2 = occupation.chiSquared(expected: probabilities)
        #expect(chi2 < ChiSquared.criticalValue(degreesOfFreedom: configurations.count - 1, alpha: 1e-4),
                "χ² = \(chi2)")
        #expect(occupation.batchCount >= 100)
    }
}
