import Analysis
import LithiumModel
import Simulation
import Foundation
import Testing

/// The science the model exists for, checked with replicas and standard errors.
@Suite struct NucleationTests {
    /// Replicas on both cores; replica i always uses stream i, so the order does not matter.
    static func results(_ yaml: String, replicas: Int) throws -> [RunResult] {
        try Ensemble(scenario: try Scenario.parse(yaml: yaml), replicas: 0..<replicas).run(threads: 2)
    }

    static func scenario(substrate: String, current: Double, extra: String = "", size: Int = 32,
                         monolayers: Double = 1.5) -> String {
        """
        name: \(substrate)-\(current)
        seed: 11
        lattice: {lx: \(size), ly: \(size), lz: 7}
        material:
          substrate: \(substrate)
          substrate_layers: 1
        \(extra)
        protocol:
          mode: galvanostatic
          current_density_mA_cm2: \(current)
          monolayers: \(monolayers)
        sampling:
          window_monolayers: 0.02
        """
    }

    /// On Cu (inert, lithiophobic) Li must nucleate: a clear initial overpotential peak. On Au
    /// (Li dissolves first) there is no barrier: the nucleation overpotential is about zero.
    /// Au's alloy diffusivity is set to 1.2e-9 cm²/s, the low end of the LixAg range used for
    /// it, only to keep the test short (alloy transport dominates the event count).
    ///
    /// "About zero" means: not above what the peak-of-windows definition reads on a trace with no dip,
    /// the noise floor σ_plateau·E[max of n normals] (``RunResult/nucleationNoiseFloor``), which is
    /// subtracted run by run.
    @Test func nucleationOverpotentialPositiveOnCuAndAboutZeroOnAu() throws {
        let cu = SampleSummary(try Self.results(Self.scenario(substrate: "Cu", current: 1), replicas: 8)
            .map { $0.nucleationOverpotential - $0.nucleationNoiseFloor })
        let au = SampleSummary(try Self.results(
            Self.scenario(substrate: "Au", current: 1, extra: "  alloy_diffusivity_cm2_s: 1.2e-9", size: 16, monolayers: 2.5),
            replicas: 8).map { $0.nucleationOverpotential - $0.nucleationNoiseFloor })
        let difference = cu.mean - au.mean
        let standardError = (cu.variance / Double(cu.count) + au.variance / Double(au.count)).squareRoot()
        #expect(cu.mean > 5 * cu.standardError, "Cu: \(cu.mean) ± \(cu.standardError) mV")
        #expect(difference > 5 * standardError, "Cu − Au = \(difference) ± \(standardError) mV")
        // Two-sided: Au's nucleation overpotential is zero within its error (t test, α = 10⁻³).
        let t = au.mean / au.standardError
        print("Au: η_nuc − noise floor = \(au.mean) ± \(au.standardError) mV; Cu: \(cu.mean) ± \(cu.standardError) mV")
        #expect(abs(t) < StudentT.quantile(1 - 0.000_5, degreesOfFreedom: Double(au.count - 1)),
                "Au: \(au.mean) ± \(au.standardError) mV is not zero")
    }

    /// On Cu, nuclei get denser with current: the fitted exponent of N ∝ j^χ (least squares over 8
    /// replicas at each of 0.5, 2 and 8 mA/cm²) is positive by more than 3 standard errors.
    /// Nucleation theory puts χ = i*/(i* + 2) in [1/3, 1) for any critical nucleus i*; the model's
    /// χ ≈ 0.21 lies below that range, which docs/MODEL.md §10 reports rather than this test hides.
    /// (The peak η rising with current follows from Butler–Volmer alone and is not tested.)
    @Test func nucleusDensityRisesWithCurrentOnCu() throws {
        var x: [Double] = [], y: [Double] = []
        for current in [0.5, 2.0, 8.0] {
            for run in try Self.results(Self.scenario(substrate: "Cu", current: current, monolayers: 1.0), replicas: 8) {
                x.append(log(current))
                y.append(log(run.nucleusDensity))
            }
        }
        let n = Double(x.count)
        let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let slope = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx
        let residual = zip(x, y).reduce(0) { $0 + pow($1.1 - my - slope * ($1.0 - mx), 2) }
        let error = (residual / (n - 2) / sxx).squareRoot()
        print("nucleus density ∝ j^\(slope) ± \(error)")
        #expect(slope > 3 * error, "χ = \(slope) ± \(error)")
    }
}
