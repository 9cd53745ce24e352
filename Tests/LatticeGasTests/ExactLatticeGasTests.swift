import Analysis
import GSLRandom
import Kinetics
import Lattice
import LatticeGas
import RealModule
import Testing

/// The conserved (Kawasaki) lattice gas on a 4×6 torus at half filling — the 2D Ising model at
/// zero magnetisation — against exact enumeration of all C(24,12) = 2 704 156 configurations:
/// the canonical mean number of particle–particle bonds ⟨b⟩ = Σ g(b)·b·e^{βεb} / Σ g(b)·e^{βεb}.
/// Tested above and below the Onsager temperature (ε/k_BT = 4·ln(1+√2)/2 ≈ 1.763).
@Suite struct ExactLatticeGasTests {
    static let lx = 4, ly = 6

    /// g(b): how many half-filled configurations have b bonds.
    static func bondHistogram() -> [Double] {
        let n = lx * ly
        var histogram = [Double](repeating: 0, count: 2 * n + 1)
        for mask in 0..<(1 << n) where mask.nonzeroBitCount == n / 2 {
            var bonds = 0
            for y in 0..<ly {
                for x in 0..<lx where mask & (1 << (x + lx * y)) != 0 {
                    if mask & (1 << ((x + 1) % lx + lx * y)) != 0 { bonds += 1 }
                    if mask & (1 << (x + lx * ((y + 1) % ly))) != 0 { bonds += 1 }
                }
            }
            histogram[bonds] += 1
        }
        return histogram
    }

    @Test(arguments: [1.0, 2.5])
    func meanBondsMatchExactEnumeration(betaEpsilon: Double) throws {
        let histogram = Self.bondHistogram()
        #expect(histogram.reduce(0, +) == 2_704_156)
        var z = 0.0, first = 0.0
        for (b, g) in histogram.enumerated() where g > 0 {
            let w = g * Double.exp(betaEpsilon * Double(b))
            z += w
            first += w * Double(b)
        }
        let exact = first / z

        var parameters = LatticeGasParameters(temperature: 300, diffusionBarrier: 0.2)
        parameters.bondEnergy = betaEpsilon * parameters.thermalEnergy
        let shape = try LatticeShape(lx: Self.lx, ly: Self.ly)
        let states = try LatticeGas.randomStates(shape: shape, coverage: 0.5, random: RandomStream(seed: 3))
        var engine = try makeEngine(shape: shape, states: states, parameters: parameters, seed: 11)
        _ = engine.run(.events(20_000))
        // Batch length: the mean duration of 20 000 events (measured on the next 20 000, since
        // the instantaneous total rate swings widely below the critical temperature).
        let start = engine.clock.time
        _ = engine.run(.events(40_000))
        var batches = TimeWeightedBatches(batchDuration: engine.clock.time - start)
        var bonds = Double(engine.application.particleBonds())
        for _ in 0..<3_000_000 {
            let before = engine.clock.time
            _ = engine.step()
            batches.add(bonds, duration: engine.clock.time - before)
            bonds = Double(engine.application.particleBonds())
        }
        let summary = batches.summary
        #expect(summary.count >= 50)
        #expect(abs(summary.mean - exact) < 5 * summary.standardError,
                "⟨b⟩ = \(summary.mean) ± \(summary.standardError), exact \(exact)")
    }
}
