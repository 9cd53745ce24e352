import Foundation
@testable import LiKMCCommands
import Testing

/// `likmc converge` end to end on a tiny cycling scenario at ℓ = 4, 2, 1 nm: the summary.json
/// contract, the plots, one ensemble directory per site edge holding the rescaled scenario, a
/// killed run finished by `likmc resume`, and bad input refused with nothing written.
@Suite struct ConvergeCommandTests {
    static let scenario = """
        name: tiny-converge
        seed: 3
        lattice: {lx: 8, ly: 8, lz: 6}
        material: {substrate: Cu, substrate_layers: 1, sei_exchange_current_density_mA_cm2: 0.05}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 1}
        cycling: {cycles: 2}
        sampling: {window_monolayers: 0.05}
        """

    static func json(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func summaryHoldsEveryObservableAtEverySiteEdge() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("likmc-converge-\(getpid())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/tiny.yaml"
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let out = root + "/out"
        let arguments = ["converge", file, "--site-edges", "4,2,1", "--replicas", "3", "--threads", "2", "--quiet"]
        try ShardMergeTests.run(arguments + ["--out", out])

        let summary = try Self.json(out + "/summary.json")
        let names = ["nucleation_overpotential_mV", "plateau_overpotential_mV", "nucleus_density_per_cm2", "mean_nucleus_size_nm",
                     "dead_li_fraction", "coulombic_efficiency"]
        for name in names {
            let entry = try #require(summary[name] as? [String: Any], "\(name) missing")
            for key in ["exponent", "ci95_low", "ci95_high", "by_site_edge"] { #expect(entry.keys.contains(key), "\(name).\(key)") }
            if let exponent = entry["exponent"] as? Double {
                let low = try #require(entry["ci95_low"] as? Double), high = try #require(entry["ci95_high"] as? Double)
                #expect(low < exponent && exponent < high)
            } else {
                #expect(entry["note"] is String, "\(name): a null exponent says why")
            }
            let points = try #require(entry["by_site_edge"] as? [[String: Any]])
            #expect(points.compactMap { $0["site_edge_nm"] as? Double } == [4, 2, 1])
            for point in points {
                let edge = try #require(point["site_edge_nm"] as? Double)
                // The mean is the ensemble's own, in its directory.
                let ensemble = try Self.json(out + "/site-edge-\(Int(edge))nm/summary.json")
                let own = try #require((ensemble[name] as? [String: Any])?["mean"] as? Double)
                #expect(point["mean"] as? Double == own, "\(name) at \(edge) nm")
                for key in ["ci95_low", "ci95_high"] { #expect(point[key] is Double, "\(name) at \(edge) nm: \(key)") }
            }
            #expect(FileManager.default.fileExists(atPath: out + "/\(name).svg"))
        }
        let svg = try String(contentsOfFile: out + "/nucleus_density_per_cm2.svg", encoding: .utf8)
        #expect(svg.contains("site edge ℓ (nm)") && svg.contains("<circle"))
        // The 1 nm point ran the rescaled scenario: 16 × 16 sites of 1 nm, twice the monolayers.
        let manifest = try Self.json(out + "/site-edge-1nm/manifest.json")
        let text = try #require(manifest["scenario_yaml"] as? String)
        #expect(text.contains("lx: 16") && text.contains("site_edge_nm: 1"))
        // ℓ = 4 nm cannot hold half a substrate layer: rounded, and said.
        let rescaling = try #require(summary["rescaling"] as? [[String: Any]])
        #expect((rescaling[0]["rounded"] as? [String])?.first?.hasPrefix("material.substrate_layers = 1") == true)
        #expect(!FileManager.default.fileExists(atPath: out + "/progress"))

        // Killed after the 2 nm point: likmc resume runs the rest and writes the same summary.json.
        let whole = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        try FileManager.default.removeItem(atPath: out + "/summary.json")
        try FileManager.default.removeItem(atPath: out + "/site-edge-1nm")
        try FileManager.default.createDirectory(atPath: out + "/progress", withIntermediateDirectories: true)
        let plan = ConvergePlan(scenarioYAML: Self.scenario, siteEdges: [4, 2, 1], replicas: 3)
        try (plan.json.rendered() + "\n").write(toFile: out + "/" + ConvergePlan.path, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try ShardMergeTests.run(arguments + ["--out", out]) }  // neither --resume nor --force
        try ShardMergeTests.run(["resume", out, "--quiet"])
        #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8) == whole)
        try ShardMergeTests.run(arguments + ["--out", out, "--resume"])  // complete: nothing to do
        #expect(throws: (any Error).self) { try ShardMergeTests.run(arguments + ["--out", out]) }  // never overwritten

        // A site edge that does not divide the 16 nm box: refused, naming the key, nothing written.
        do {
            try ShardMergeTests.run(["converge", file, "--site-edges", "2,3", "--replicas", "2", "--out", root + "/bad", "--quiet"])
            Issue.record("ℓ = 3 nm was accepted")
        } catch {
            #expect("\(error)".contains("lattice.lx") && "\(error)".contains("3 nm"))
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/bad"))
    }
}
