import Foundation
import LiKMCCommands
import Testing

/// `likmc run`, `ensemble` and `sweep` dispatch on `kind: segregation` and write the Interface of
/// issue 17; bad input names the key and leaves no files.
@Suite struct SegregationCommandTests {
    static let scenario = """
        kind: segregation
        name: tiny-segregation
        seed: 3
        lattice: {lx: 6, ly: 6, lz: 10}
        slab: {layers: 9, initial_m_fraction: 0.03}
        material: {temperature_K: 300, site_edge_nm: 0.3, li_li_bond_eV: 0.05, m_m_bond_eV: 0.05, li_m_bond_eV: 0.034,
                   li_surface_eV: 0, m_surface_eV: 0.02}
        sampling: {ensemble: semi-grand, delta_mu_eV: -0.002, sweeps: 400}
        isotherm: {delta_mu_eV: [-0.004, -0.003, -0.002, -0.001]}
        """

    /// The scenario without its isotherm (one profile per replica: quick).
    static var single: String { scenario.split(separator: "\n").filter { !$0.hasPrefix("isotherm") }.joined(separator: "\n") }

    static func workspace(_ name: String, text: String = scenario) throws -> (root: String, file: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("likmc-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try text.write(toFile: root + "/seg.yaml", atomically: true, encoding: .utf8)
        return (root, root + "/seg.yaml")
    }

    static func run(_ arguments: [String]) throws {
        var command = try LiKMC.parseAsRoot(arguments)
        try command.run()
    }

    static func json(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func runWritesTheInterface() throws {
        let (root, file) = try Self.workspace("seg-run")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.run(["run", file, "--out", root + "/out"])
        let summary = try Self.json(root + "/out/summary.json")
        for key in ["surface_excess_per_nm2", "surface_layer_thickness_nm", "equilibrium_thickness_nm_continuum"] {
            #expect(summary[key] is Double, "\(key) missing or not a number")
        }
        let profile = try String(contentsOfFile: root + "/out/profile.csv", encoding: .utf8).split(separator: "\n")
        #expect(profile.first == "z_nm,m_fraction,ci95_low,ci95_high")
        #expect(profile.count == 1 + 9)
        #expect(FileManager.default.fileExists(atPath: root + "/out/isotherm.csv"))
        #expect(FileManager.default.fileExists(atPath: root + "/out/manifest.json"))
    }

    /// Replica i uses the stream of (seed, i): one thread and two give the same statistics.
    @Test func ensembleDoesNotDependOnThreads() throws {
        let (root, file) = try Self.workspace("seg-ens", text: Self.single)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for threads in [1, 2] {
            try Self.run(["ensemble", file, "--replicas", "2", "--threads", "\(threads)", "--quiet",
                          "--out", root + "/t\(threads)"])
        }
        var a = try Self.json(root + "/t1/summary.json"), b = try Self.json(root + "/t2/summary.json")
        a["wall_seconds"] = nil
        b["wall_seconds"] = nil
        #expect(NSDictionary(dictionary: a).isEqual(to: b))
        let h = try #require(a["surface_layer_thickness_nm"] as? [String: Any])
        #expect(h["n"] as? Int == 2)
    }

    /// Two shards merge into the summary one machine writes (the wall-clock entry aside).
    @Test func shardsMergeIntoTheSingleMachineResult() throws {
        let (root, file) = try Self.workspace("seg-merge", text: Self.single)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.run(["ensemble", file, "--replicas", "3", "--threads", "1", "--quiet", "--out", root + "/whole"])
        for k in 1...2 {
            try Self.run(["ensemble", file, "--replicas", "3", "--threads", "1", "--quiet", "--shard", "\(k)/2",
                          "--out", root + "/s\(k)"])
        }
        try Self.run(["merge", root + "/s1", root + "/s2", "--out", root + "/merged"])
        var whole = try Self.json(root + "/whole/summary.json"), merged = try Self.json(root + "/merged/summary.json")
        whole["wall_seconds"] = nil
        merged["wall_seconds"] = nil
        #expect(NSDictionary(dictionary: whole).isEqual(to: merged))
    }

    @Test func sweepRunsEveryPoint() throws {
        let (root, file) = try Self.workspace("seg-sweep", text: Self.single)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.run(["sweep", file, "--set", "sampling.delta_mu_eV=-0.004,-0.002", "--replicas", "1",
                      "--threads", "1", "--quiet", "--out", root + "/sweep"])
        let csv = try String(contentsOfFile: root + "/sweep/sweep.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 3)
        #expect(csv[0].contains("surface_layer_thickness_nm_mean"))
    }

    static let badScenarios: [(String, String, String)] = [
        ("kind: complexion", "kind", "segregation"),
        ("sampling: {delta_mu_eV: 20}", "sampling.delta_mu_eV", "[-10.0, 10.0]"),
        ("isotherm: {delta_mu_eV: [-0.002, 0.001, -0.001, -0.003]}", "isotherm.delta_mu_eV", "coexistence"),
        ("slab: {layers: 10}", "slab.layers", "lz"),
        ("material: {li_m_bond_eV: abc}", "material.li_m_bond_eV", "not a number"),
    ]

    @Test(arguments: badScenarios)
    func badInputIsAClearErrorWithNoFiles(override: String, path: String, mentions: String) throws {
        let (root, file) = try Self.workspace("seg-bad-" + path)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // Later keys replace earlier ones in Yams' mapping: append the bad one at top level.
        let key = String(override.prefix { $0 != ":" })
        let kept = text.split(separator: "\n").filter { !$0.hasPrefix(key + ":") && !(key == "material" && $0.hasPrefix("           ")) }
        try (kept.joined(separator: "\n") + "\n" + override + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        do {
            try Self.run(["run", file, "--out", root + "/out"])
            Issue.record("accepted \(override)")
        } catch {
            #expect("\(error)".contains(path) && "\(error)".contains(mentions), "message was: \(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/out/summary.json"))
    }
}
