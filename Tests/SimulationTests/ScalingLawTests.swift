import Analysis
import LithiumModel
import Simulation
import Testing
import Foundation

/// Submonolayer irreversible aggregation (fixed flux F, no oxidation, i* = 1, 2D): the island
/// density at coverage 0.1 scales as N ∝ (D/F)^(−χ) with χ → 1/3 (Venables; Amar & Family,
/// Phys. Rev. Lett. 74, 2066 (1995)). Fitted over two decades of D/F with replicas.
@Suite struct ScalingLawTests {
    static let hopRate = 1912.5  // D/ℓ² for D = 7.65e-11 cm²/s and ℓ = 2 nm, s⁻¹

    static func islandDensity(ratio: Double, replica: Int) throws -> Double {
        let yaml = """
            name: aggregation-\(ratio)
            seed: 5
            lattice: {lx: 192, ly: 192, lz: 2}
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
        return Double(result.finalNuclei.count) / Double(192 * 192)
    }

    @Test func islandDensityScalesWithExponentOneThird() throws {
        let ratios = [1e4, 1e5, 1e6]
        var x: [Double] = [], y: [Double] = []
        for ratio in ratios {
            for replica in 0..<4 {
                x.append(log10(ratio))
                y.append(log10(try Self.islandDensity(ratio: ratio, replica: replica)))
            }
        }
        // Least squares y = a + b·x; standard error of b from the residuals.
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let slope = sxy / sxx
        let residual = zip(x, y).reduce(0) { $0 + pow($1.1 - (my + slope * ($1.0 - mx)), 2) }
        let slopeError = (residual / (n - 2) / sxx).squareRoot()
        let chi = -slope
        print("χ = \(chi) ± \(slopeError)")
        #expect(abs(chi - 1.0 / 3) < 3 * slopeError + 0.03, "χ = \(chi) ± \(slopeError)")
    }
}
