import Output
import Simulation
import Testing

/// Replica results, and so the ensemble statistics, do not depend on the thread count.
@Suite struct EnsembleTests {
    static let yaml = """
        name: tiny-ensemble
        seed: 7
        lattice: {lx: 10, ly: 10, lz: 5}
        material: {substrate: Cu, substrate_layers: 1}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 0.8}
        sampling: {window_monolayers: 0.05}
        """

    @Test func identicalForOneAndTwoThreads() throws {
        let scenario = try Scenario.parse(yaml: Self.yaml)
        let one = try Ensemble(scenario: scenario, replicas: 0..<6).run(threads: 1)
        let two = try Ensemble(scenario: scenario, replicas: 0..<6).run(threads: 2)
        let a = EnsembleSummary(results: one), b = EnsembleSummary(results: two)
        #expect(a.json(includeTimings: false).rendered() == b.json(includeTimings: false).rendered())
        #expect(a.replicasCSV(includeTimings: false) == b.replicasCSV(includeTimings: false))
        // Replica 3 of the ensemble is the single run of replica 3.
        var single = try ElectrodeRun(scenario: scenario, replica: 3)
        #expect(single.run().series == one[3].series)
        // A sub-range (a shard) gives the same replicas as the full range.
        let shard = try Ensemble(scenario: scenario, replicas: 3..<6).run(threads: 2)
        #expect(shard.map(\.series) == one[3...].map(\.series))
    }

    @Test func statisticsHaveTheContractKeys() throws {
        let results = try Ensemble(scenario: try Scenario.parse(yaml: Self.yaml), replicas: 0..<3).run(threads: 2)
        let json = EnsembleSummary(results: results).json()
        let entry = try #require(json["nucleation_overpotential_mV"])
        for key in ["mean", "std", "stderr", "ci95_low", "ci95_high", "n"] { #expect(entry[key] != nil, "missing \(key)") }
        #expect(entry["n"] == .integer(3))
    }
}
