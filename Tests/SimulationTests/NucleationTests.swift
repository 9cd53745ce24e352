import Analysis
import LithiumModel
import Simulation
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
        #expect(au.mean < 3 * au.standardError, "Au above its noise floor: \(au.mean) ± \(au.standardError) mV")
    }

    /// On Cu, a higher current gives a higher peak overpotential (the tip of the dip) and more
    /// nuclei per area. (The excess of the peak over the plateau — the nucleation overpotential
    /// as docs/MODEL.md defines it — comes out nearly independent of current in this model;
    /// that finding is reported, not tested away: see docs/MODEL.md, "Known behaviour".)
    @Test func higherCurrentMoreNucleiHigherPeakOverpotentialOnCu() throws {
        var peaks: [SampleSummary] = [], densities: [SampleSummary] = []
        for current in [0.5, 2.0, 8.0] {
            let runs = try Self.results(Self.scenario(substrate: "Cu", current: current, monolayers: 1.0), replicas: 8)
            peaks.append(SampleSummary(runs.map { $0.nucleationOverpotential + $0.plateauOverpotential }))
            densities.append(SampleSummary(runs.map(\.nucleusDensity)))
        }
        for i in 0..<2 {
            let (a, b) = (peaks[i], peaks[i + 1])
            let se = (a.variance / 8 + b.variance / 8).squareRoot()
            #expect(b.mean - a.mean > 3 * se, "peak η \(a.mean) → \(b.mean) ± \(se)")
            let (n, m) = (densities[i], densities[i + 1])
            let seN = (n.variance / 8 + m.variance / 8).squareRoot()
            #expect(m.mean - n.mean > 3 * seN, "N \(n.mean) → \(m.mean) ± \(seN)")
        }
    }
}
