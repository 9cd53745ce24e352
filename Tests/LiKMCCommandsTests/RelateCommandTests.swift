import Analysis
import Foundation
import LiKMCCommands
import Simulation
import Testing

/// `likmc relate` fits across the points of a real (tiny) sweep exactly what PowerLawRelation
/// gives on the replicas.csv files, sums observables on request, and refuses what it cannot read
/// naming the option and what is allowed, writing nothing.
@Suite struct RelateCommandTests {
    static let scenario = """
        name: tiny-relate
        seed: 3
        lattice: {lx: 12, ly: 12, lz: 5}
        material: {substrate: Cu, substrate_layers: 1}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 1, monolayers: 0.5}
        sampling: {window_monolayers: 0.05}
        """

    @Test func fitsTheSweepsReplicasWithErrorsInBoth() throws {
        let (root, file) = try ShardMergeTests.workspace("relate")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let sweep = root + "/sweep"
        try ShardMergeTests.run(["sweep", file, "--set", "protocol.current_density_mA_cm2=0.5,2,8", "--replicas", "4",
                                 "--threads", "1", "--out", sweep, "--quiet"])
        let x = "nucleation_overpotential_mV+plateau_overpotential_mV", y = "nucleus_density_per_cm2"
        try ShardMergeTests.run(["relate", sweep, "--x", x, "--y", y, "--out", root + "/fit.json"])
        let samples = try (0..<3).map { index in
            let table = try ReplicaTable(csv: String(contentsOfFile: sweep + "/\(SweepGrid.directoryName(index))/replicas.csv",
                                                     encoding: .utf8))
            let peak = zip(table.values("nucleation_overpotential_mV"), table.values("plateau_overpotential_mV")).map(+)
            return PowerLawRelation.Sample(x: peak, y: table.values(y))
        }
        let expected = try PowerLawRelation(samples).fit
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/fit.json")))
            as? [String: Any])
        // JSON numbers are printed to 17 significant digits: equal within rounding.
        for (key, value) in [("exponent", expected.exponent), ("ci95_low", expected.confidenceInterval95.lowerBound),
                             ("ci95_high", expected.confidenceInterval95.upperBound)] {
            let written = try #require(json[key] as? Double)
            #expect(abs(written - value) <= 1e-14 * max(1, abs(value)), "\(key): \(written) vs \(value)")
        }
        #expect((json["points"] as? [Any])?.count == 3)
    }

    @Test func unreadableInputIsAClearError() throws {
        let (root, file) = try ShardMergeTests.workspace("relate-bad")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let sweep = root + "/sweep"
        try ShardMergeTests.run(["sweep", file, "--set", "protocol.current_density_mA_cm2=0.5,2", "--replicas", "2",
                                 "--threads", "1", "--out", sweep, "--quiet"])
        for (arguments, mentions) in [
            ([sweep, "--x", "plateau_overpotential_mV+eta", "--y", "nucleus_density_per_cm2"], "--x"),
            ([sweep, "--x", "plateau_overpotential_mV", "--y", "density"], "allowed: "),
            ([root, "--x", "plateau_overpotential_mV", "--y", "nucleus_density_per_cm2"], "sweep.json"),
        ] {
            do {
                try ShardMergeTests.run(["relate"] + arguments + ["--out", root + "/fit.json"])
                Issue.record("\(arguments) was accepted")
            } catch {
                #expect("\(error)".contains(mentions), "message was: \(error)")
            }
            #expect(!FileManager.default.fileExists(atPath: root + "/fit.json"))
        }
    }
}
