import Analysis
import LithiumModel
import Simulation
import Testing
import Foundation

/// Submonolayer irreversible aggregation (fixed flux F, no oxidation, i* = 1, 2D): the island
/// density at coverage 0.1 over two decades of D/F, from the engine and from an independent plain
/// simulation of the same rules (``AggregationOracle``): they must agree at every D/F (Welch's t
/// test, α = 10⁻³ each), which checks prefactor and slope together. The effective exponent χ of
/// N ∝ (D/F)^(−χ) is reported (→ 1/3 as D/F → ∞: Venables; Amar & Family, PRL 74, 2066 (1995)).
@Suite struct ScalingLawTests {
    static let hopRate = 1912.5  // D/ℓ² for D = 7.65e-11 cm²/s and ℓ = 2 nm, s⁻¹
    static let size = 192

    static func islandDensity(ratio: Double, replica: Int) throws -> Double {
        let yaml = """
            name: aggregation-\(ratio)
            seed: 5
            lattice: {lx: \(size), ly: \(size), lz: 2}
            material:
              substrate: Cu
              substrate_layers: 1
              li_li_bond_eV: 1.0
            protocol:
              mode: deposition
              deposition_rate_per_site_s: \(hopRate / ratio)
              monolayers: 0.1
            sampling:
              window_monolayers: 0.1
              nucleus_min_sites: 2
            """
        var run = try ElectrodeRun(scenario: try Scenario.parse(yaml: yaml), replica: replica)
        let result = run.run()
        return Double(result.finalNuclei.count) / Double(size * size)
    }

    @Test func islandDensityAgreesWithAnIndependentSimulationOverTwoDecades() throws {
        var x: [Double] = [], y: [Double] = []
        for ratio in [1e4, 1e5, 1e6] {
            let engine = SampleSummary(try (0..<4).map { try Self.islandDensity(ratio: ratio, replica: $0) })
            let oracle = AggregationOracle(size: Self.size, ratio: ratio)
            let reference = SampleSummary(try (0..<6).map { try oracle.islandDensity(coverage: 0.1, seed: UInt64(100 + $0)) })
            // Welch's t statistic and its Welch–Satterthwaite degrees of freedom.
            let (a, b) = (engine.variance / Double(engine.count), reference.variance / Double(reference.count))
            let t = (engine.mean - reference.mean) / (a + b).squareRoot()
            let nu = (a + b) * (a + b) / (a * a / Double(engine.count - 1) + b * b / Double(reference.count - 1))
            let critical = StudentT.quantile(1 - 0.000_5, degreesOfFreedom: nu)
            print("D/F = \(ratio): N = \(engine.mean) ± \(engine.standardError) (engine), \(reference.mean) ± \(reference.standardError) (oracle); t = \(t)")
            #expect(abs(t) < critical, "D/F = \(ratio): t = \(t), critical \(critical) (ν = \(nu))")
            x.append(log10(ratio))
            y.append(log10(engine.mean))
        }
        let slope = (y[2] - y[0]) / (x[2] - x[0])
        print("effective exponent χ = \(-slope) (1/3 in the limit D/F → ∞)")
        #expect(slope < 0, "more islands at lower mobility")
    }
}
