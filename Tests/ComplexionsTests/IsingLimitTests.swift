import Complexions
import RealModule
import Testing

@Suite struct IsingLimitTests {
    /// One layer (the 2D lattice gas), symmetric bonds, Δμ = 0 (zero Ising field), J = 0.01 eV:
    /// Onsager's kT_c = 2J/ln(1+√2) gives T_c = 263.3 K. The Binder cumulant U = 1 − ⟨m⁴⟩/(3⟨m²⟩²)
    /// (m = 2c − 1) of L = 8 and L = 16 is measured at five temperatures around it and the crossing
    /// found by linear interpolation of U₁₆ − U₈. Tolerance 2.5 %: the 8/16 crossing of the 2D Ising
    /// model lies within 0.5 % of T_c (corrections to scaling), and the statistical error of each U at
    /// these lengths (≈ 2·10⁵ sweeps of L = 8, 5·10⁴ of L = 16) moves the crossing by ≲ 1.5 %.
    @Test func binderCrossingReproducesOnsager() throws {
        let coupling = 0.01
        let exact = 2 * coupling / Double.log(1 + 2.0.squareRoot()) / 8.617_333_262e-5
        let temperatures = [0.94, 0.97, 1.0, 1.03, 1.06].map { $0 * exact }
        func cumulant(size: Int, temperature: Double, sweeps: Int, seed: UInt64) throws -> Double {
            let p = symmetricParameters(coupling: coupling, temperature: temperature)
            var sampler = try makeSampler(p, lx: size, ly: size, lz: 2, layers: 1, flipFraction: 1, seed: seed)
            let sites = Double(size * size)
            var m2 = 0.0, m4 = 0.0
            let burnIn = sweeps / 10
            for t in 0..<(sweeps + burnIn) {
                sampler.sweep()
                guard t >= burnIn else { continue }
                let m = 2 * Double(sampler.slab.soluteCount[0]) / sites - 1
                m2 += m * m
                m4 += m * m * m * m
            }
            m2 /= Double(sweeps)
            m4 /= Double(sweeps)
            return 1 - m4 / (3 * m2 * m2)
        }
        var differences: [Double] = []
        for (k, t) in temperatures.enumerated() {
            let small = try cumulant(size: 8, temperature: t, sweeps: 200_000, seed: 100 + UInt64(k))
            let large = try cumulant(size: 16, temperature: t, sweeps: 50_000, seed: 200 + UInt64(k))
            differences.append(large - small)
        }
        // Below T_c the larger lattice is more ordered (U₁₆ > U₈), above it less.
        guard let i = (0..<(temperatures.count - 1)).first(where: { differences[$0] > 0 && differences[$0 + 1] <= 0 }) else {
            Issue.record("no crossing in \(differences)")
            return
        }
        let crossing = temperatures[i] + (temperatures[i + 1] - temperatures[i]) * differences[i] / (differences[i] - differences[i + 1])
        print("Binder crossing T = \(crossing) K, Onsager T_c = \(exact) K, ratio \(crossing / exact); U16−U8 = \(differences)")
        #expect(abs(crossing / exact - 1) < 0.025)
    }
}
