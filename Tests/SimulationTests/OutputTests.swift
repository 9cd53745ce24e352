import Foundation
import Output
import Simulation
import Testing

/// A run writes summary.json with the contract keys and timeseries.csv with its header, and
/// the same seed gives the same numbers.
@Suite struct OutputTests {
    static let yaml = """
        name: tiny
        seed: 4
        lattice: {lx: 12, ly: 12, lz: 5}
        material: {substrate: Cu, substrate_layers: 1}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 0.6}
        sampling: {window_monolayers: 0.05}
        """

    @Test func summaryAndTimeSeriesHaveTheContractKeys() throws {
        var run = try ElectrodeRun(scenario: try Scenario.parse(yaml: Self.yaml))
        let result = run.run()
        let json = result.summaryJSON()
        for key in ["nucleation_overpotential_mV", "plateau_overpotential_mV", "nucleus_density_per_cm2",
                    "mean_nucleus_size_nm", "events", "simulated_seconds", "events_per_second", "seed"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let csv = result.timeSeriesCSV()
        let header = csv.split(separator: "\n").first.map(String.init) ?? ""
        for column in ["time_s", "overpotential_mV", "charge_mC_per_cm2", "li_atoms", "nuclei"] {
            #expect(header.split(separator: ",").contains(Substring(column)))
        }
        #expect(csv.split(separator: "\n").count > 5)
        // Charge = e·(ℓ³/Ω = 370 atoms)·(Li sites deposited) per area (144 sites of (2 nm)²), in mC/cm²,
        // with the sites counted in the final lattice (the run starts with none).
        let lastCharge = result.series.samples.last!.charge
        let deposited = run.engine.application.grid.states.filter { $0 == 1 || $0 == 3 || $0 == 4 }.count
        let expected = Double(deposited) * 1.602_176_634e-19 * 370 * 1e3 / (144 * 4e-14)
        #expect(deposited > 50)
        #expect(abs(lastCharge - expected) <= 1e-12 * expected)
    }

    @Test func sameSeedSameResult() throws {
        let scenario = try Scenario.parse(yaml: Self.yaml)
        var a = try ElectrodeRun(scenario: scenario), b = try ElectrodeRun(scenario: scenario)
        let (ra, rb) = (a.run(), b.run())
        #expect(ra.series == rb.series)
        #expect(ra.events == rb.events)
    }

    @Test func outputDirectoryRefusesToOverwrite() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("likmc-out-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = try OutputDirectory(path: path, replace: false)
        try directory.checkWritable(["summary.json"])
        try directory.write("{}", to: "summary.json")
        #expect(throws: OutputError.self) { try directory.checkWritable(["summary.json"]) }
        try OutputDirectory(path: path, replace: true).checkWritable(["summary.json"])
        #expect(throws: OutputError.self) { try OutputDirectory(path: path + "/summary.json", replace: false) }
    }
}
