import Foundation
import GSLRandom
@testable import LiKMCCommands
import Simulation
import Testing

/// `likmc threshold` end to end. No scenario reports `fraction_plated_on_top` before the coating model
/// lands, so the search runs on another run-level fraction that rises with current: the Coulombic
/// efficiency of a tiny plate/strip cycle with a fast SEI reaction (the SEI takes a share of the
/// charge that falls as 1/j at fixed SEI current, so the CE rises through ½). Checked: the summary.json
/// interface, one ensemble directory per probe holding its current and its own seed, the plot, a
/// killed search finished by `likmc resume`, and bad input refused with nothing written.
@Suite struct ThresholdCommandTests {
    static let scenario = """
        name: tiny-threshold
        seed: 7
        lattice: {lx: 16, ly: 16, lz: 6}
        material: {substrate: Cu, substrate_layers: 1, sei_exchange_current_density_mA_cm2: SEI}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 1, monolayers: 1}
        cycling: {cycles: 1}
        sampling: {window_monolayers: 0.05}
        """.replacingOccurrences(of: "SEI", with: "0.5")

    static func json(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func message(_ arguments: [String]) -> String { ResumeRefusalTests.message(arguments) }

    @Test func searchFindsTheCrossingAndResumes() throws {
        let (root, _) = try ShardMergeTests.workspace("threshold")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/tiny.yaml"
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let out = root + "/out"
        let arguments = ["threshold", file, "--observable", "coulombic_efficiency", "--replicas", "3", "--factor", "4",
                         "--tolerance", "0.5", "--max-probes", "5", "--threads", "2", "--quiet"]
        try ShardMergeTests.run(arguments + ["--out", out])

        let summary = try Self.json(out + "/summary.json")
        let probes = try #require(summary["probes"] as? [[String: Any]])
        #expect(summary["replicas"] as? Int == 3 && summary["observable"] as? String == "coulombic_efficiency")
        // A bracket was found: some probe's mean is below ½, some at or above it.
        let means = probes.compactMap { $0["fraction_on_top_mean"] as? Double }
        #expect(means.count == probes.count && means.contains { $0 < 0.5 } && means.contains { $0 >= 0.5 })
        let threshold = try #require(summary["threshold_current_mA_per_cm2"] as? Double)
        let low = try #require(summary["ci95_low"] as? Double), high = try #require(summary["ci95_high"] as? Double)
        #expect(low < threshold && threshold < high)
        for (index, probe) in probes.enumerated() {
            // Each probe is the ensemble in its directory, at its current, with a seed of its own.
            let directory = out + "/" + ThresholdSummary.directoryName(index)
            let ensemble = try Self.json(directory + "/summary.json")
            #expect(probe["fraction_on_top_mean"] as? Double == (ensemble["coulombic_efficiency"] as? [String: Any])?["mean"] as? Double)
            let text = try #require(try Self.json(directory + "/manifest.json")["scenario_yaml"] as? String)
            let current = try #require(probe["current_mA_per_cm2"] as? Double)
            let (scenario, _) = try ScenarioLoader.load(text: text, label: "probe")
            #expect(scenario.plating.currentDensity == current && scenario.seed == ReplicaSeed.derive(master: 7, replica: index))
            for key in ["ci95_low", "ci95_high"] { #expect(probe[key] is Double) }
        }
        let svg = try String(contentsOfFile: out + "/" + ThresholdSummary.plotFile, encoding: .utf8)
        #expect(svg.contains("current density j (mA/cm²)") && svg.contains("logistic fit"))
        #expect(!FileManager.default.fileExists(atPath: out + "/progress"))

        // Killed during its last probe: likmc resume retraces the search and writes the same summary.json.
        let whole = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        try FileManager.default.removeItem(atPath: out + "/summary.json")
        try FileManager.default.removeItem(atPath: out + "/" + ThresholdSummary.directoryName(probes.count - 1))
        try FileManager.default.createDirectory(atPath: out + "/progress", withIntermediateDirectories: true)
        let plan = ThresholdPlan(scenarioYAML: Self.scenario, observable: "coulombic_efficiency", replicas: 3,
                                 search: ThresholdSearch(start: 1, factor: 4, tolerance: 0.5, maximumProbes: 5))
        try (plan.json.rendered() + "\n").write(toFile: out + "/" + ThresholdPlan.path, atomically: true, encoding: .utf8)
        #expect(Self.message(arguments + ["--out", out]).contains("holds an interrupted threshold search"))
        #expect(Self.message(arguments + ["--out", out, "--resume", "--replicas", "4"]).contains("another scenario"))
        try ShardMergeTests.run(["resume", out, "--quiet"])
        #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8) == whole)
        try ShardMergeTests.run(arguments + ["--out", out, "--resume"])  // complete: nothing to do
        #expect(Self.message(arguments + ["--out", out]).contains("already holds summary.json"), "never overwritten")
    }

    /// Scenarios the search cannot use are refused before anything is written, naming what is wrong.
    @Test func unusableScenariosAreRefusedWithNothingWritten() throws {
        let (root, _) = try ShardMergeTests.workspace("threshold-refusals")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cases: [(String, [String], String)] = [
            // The scenario cycles: the coating fractions (shares of a charge net of stripping) are refused by name.
            (Self.scenario, [], "it cycles (a 'cycling' section), so 'fraction_plated_on_top'"),
            (Self.scenario, ["--observable", "events"], "allowed: a fraction in [0, 1]"),
            (Self.scenario.replacingOccurrences(of: "mode: galvanostatic", with: "mode: potentiostatic, overpotential_mV: 50, max_time_s: 1"),
             [], "protocol.mode is 'potentiostatic'; allowed: galvanostatic"),
            ("kind: segregation\n", [], "electrode scenarios only"),
        ]
        for (index, (text, extra, expected)) in cases.enumerated() {
            let file = root + "/case-\(index).yaml"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let out = root + "/out-\(index)"
            let message = Self.message(["threshold", file, "--replicas", "2", "--quiet", "--out", out] + extra)
            #expect(message.contains(expected), "case \(index): \(message)")
            #expect(!FileManager.default.fileExists(atPath: out), "case \(index) wrote \(out)")
        }
    }
}
