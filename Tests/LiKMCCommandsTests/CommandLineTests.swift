import ArgumentParser
import Foundation
import GSLRandom
import LiKMCCommands
import Testing

/// Bad arguments are refused with a message naming the flag and its allowed range.
@Suite struct CommandLineTests {
    static let badArguments: [([String], String)] = [
        (["rng", "--count", "0"], "--count"),
        (["rng", "--count", "-5"], "--count"),
        (["rng", "--generator", "nope"], "mt19937"),
        (["rng", "--replica", "-1"], "--replica"),
        (["bench", "lattice-gas", "--lx", "0"], "--lx"),
        (["bench", "lattice-gas", "--coverage", "1.5"], "--coverage"),
        (["bench", "lattice-gas", "--events", "0"], "--events"),
        (["bench", "lattice-gas", "--temperature", "-3"], "--temperature"),
        (["ensemble", "Runs/cu-nucleation.yaml", "--replicas", "0"], "--replicas"),
        (["ensemble", "Runs/cu-nucleation.yaml", "--threads", "0"], "--threads"),
        (["ensemble", "Runs/cu-nucleation.yaml", "--shard", "3/2"], "--shard"),
        (["ensemble", "Runs/cu-nucleation.yaml", "--shard", "one"], "--shard"),
        (["bench", "li-model", "--connectivity", "maybe"], "--connectivity"),
        (["bench", "li-model", "--strip"], "--film-layers"),
        (["merge"], "directories"),
        (["ensemble", "Runs/cu-nucleation.yaml", "--resume", "--force"], "--resume and --force exclude each other"),
        (["ensemble", "Runs/cu-nucleation.yaml", "--checkpoint-every", "-1"], "--checkpoint-every"),
        (["sweep", "Runs/cu-nucleation.yaml", "--set", "seed=1,2", "--resume", "--force"], "--resume and --force exclude each other"),
        (["sweep", "Runs/cu-nucleation.yaml", "--set", "seed=1,2", "--checkpoint-every", "nan"], "--checkpoint-every"),
        (["resume", "out/none", "--threads", "0"], "--threads"),
        (["run", "--checkpoint-every", "-1"], "--checkpoint-every"),
        (["run", "--checkpoint-every=-1"], "--checkpoint-every must be ≥ 0 seconds"),
        (["resume", "out/none/checkpoint.likmc", "--checkpoint-every=-1"], "--checkpoint-every must be ≥ 0 seconds"),
        (["sweep", "Runs/cu-nucleation.yaml"], "--set"),
        (["sweep", "Runs/cu-nucleation.yaml", "--set", "seed"], "key.path=v1,v2"),
        (["sweep", "Runs/cu-nucleation.yaml", "--set", "seed=1,,2"], "empty value"),
        (["sweep", "Runs/cu-nucleation.yaml", "--set", "seed=1", "--set", "seed=2"], "given twice"),
        (["bench", "lattice-gas", "--lx", "100000", "--ly", "100000", "--lz", "400"], "sites"),
        (["bench", "lattice-gas", "--lx", "60000", "--ly", "60000", "--lz", "1"], "MiB"),
        (["converge", "Runs/cu-nucleation.yaml", "--replicas", "4"], "--site-edges"),
        (["converge", "Runs/cu-nucleation.yaml", "--site-edges", ""], "--site-edges: '' is not a number"),
        (["converge", "Runs/cu-nucleation.yaml", "--site-edges", "4,0"], "--site-edges: 0 nm is not > 0"),
        (["converge", "Runs/cu-nucleation.yaml", "--site-edges", "4,-2"], "is not > 0"),
        (["converge", "Runs/cu-nucleation.yaml", "--site-edges", "4"], "at least 2 distinct"),
        (["converge", "Runs/cu-nucleation.yaml", "--site-edges", "4,2,4"], "given twice"),
        (["converge", "Runs/cu-nucleation.yaml", "--site-edges", "4,2", "--replicas", "1"], "--replicas must be ≥ 2"),
        (["converge", "Runs/cu-nucleation.yaml", "--site-edges", "4,2", "--threads", "0"], "--threads"),
        (["converge", "Runs/cu-nucleation.yaml", "--site-edges", "4,2", "--resume", "--force"], "--resume and --force exclude each other"),
        (["relate", "out/sweep", "--x", "plateau_overpotential_mV", "--y", "nucleus_density_per_cm2", "--out", "fit.csv"],
         "--out must name a .json file"),
        (["relate", "out/sweep", "--y", "nucleus_density_per_cm2"], "--x"),
        (["threshold", "Runs/cu-nucleation.yaml", "--replicas", "1"], "--replicas must be ≥ 2"),
        (["threshold", "Runs/cu-nucleation.yaml", "--start", "0"], "--start must be a current density in mA/cm², > 0 and ≤ 1e6"),
        (["threshold", "Runs/cu-nucleation.yaml", "--start", "2e6"], "--start"),
        (["threshold", "Runs/cu-nucleation.yaml", "--factor", "1"], "--factor must be > 1 and ≤ 1000"),
        (["threshold", "Runs/cu-nucleation.yaml", "--factor", "nan"], "--factor"),
        (["threshold", "Runs/cu-nucleation.yaml", "--tolerance", "0"], "--tolerance must be > 0 and ≤ 100"),
        (["threshold", "Runs/cu-nucleation.yaml", "--tolerance", "-1"], "--tolerance"),
        (["threshold", "Runs/cu-nucleation.yaml", "--max-probes", "2"], "--max-probes must be in 3 … 999"),
        (["threshold", "Runs/cu-nucleation.yaml", "--max-probes", "1000"], "--max-probes"),
        (["threshold", "Runs/cu-nucleation.yaml", "--observable", ""], "--observable"),
        (["threshold", "Runs/cu-nucleation.yaml", "--threads", "0"], "--threads"),
        (["threshold", "Runs/cu-nucleation.yaml", "--resume", "--force"], "--resume and --force exclude each other"),
        (["threshold", "Runs/cu-nucleation.yaml", "--checkpoint-every", "-1"], "--checkpoint-every"),
    ]

    @Test(arguments: badArguments)
    func badArgumentsAreClearErrors(arguments: [String], mentions: String) {
        do {
            _ = try LiKMC.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            let message = LiKMC.message(for: error)
            #expect(message.contains(mentions), "message was: \(message)")
            #expect(LiKMC.exitCode(for: error) != .success)
        }
    }

    @Test func goodArgumentsParse() throws {
        _ = try LiKMC.parseAsRoot(["rng", "--generator", "taus2", "--seed", "3", "--count", "5"])
        _ = try LiKMC.parseAsRoot(["bench", "lattice-gas", "--lx", "64", "--ly", "64", "--json"])
    }
}

/// The generator state round trip through files, and a corrupt state file.
@Suite struct RandomStateFileTests {
    @Test func savedStateContinuesAndCorruptStateFails() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("likmc-rng-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state").path
        var save = try LiKMC.parseAsRoot(["rng", "--seed", "3", "--count", "2", "--save-state", path])
        try save.run()
        // The saved state continues exactly where two draws from seed 3 left off …
        let reference = try RandomStream(seed: 3)
        _ = (reference.next(), reference.next())
        let saved = try RandomStream(savedState: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect((0..<5).map { _ in saved.next() } == (0..<5).map { _ in reference.next() })
        // … and a resumed command draws from there and saves where it stopped (seed 3, 2 + 5 + 3 draws).
        let second = directory.appendingPathComponent("state2").path
        var resume = try LiKMC.parseAsRoot(["rng", "--state", path, "--count", "5", "--save-state", second])
        try resume.run()
        let after = try RandomStream(savedState: [UInt8](try Data(contentsOf: URL(fileURLWithPath: second))))
        let fresh = try RandomStream(seed: 3)
        for _ in 0..<7 { _ = fresh.next() }
        #expect((0..<3).map { _ in after.next() } == (0..<3).map { _ in fresh.next() })
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var corrupt = try LiKMC.parseAsRoot(["rng", "--state", path, "--count", "2"])
        #expect(throws: (any Error).self) { try corrupt.run() }
        do { try corrupt.run() } catch { #expect("\(error)".contains("corrupt")) }
    }
}

/// `likmc validate` accepts the shipped scenarios and refuses a bad one with the key path.
@Suite struct ValidateCommandTests {
    static let runs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Runs")

    @Test func shippedScenariosValidate() throws {
        for name in ["cu-nucleation.yaml", "au-nucleation.yaml", "cu-current-series.yaml", "segregation-isotherm.yaml",
                     "segregation-self-healing.yaml"] {
            var command = try LiKMC.parseAsRoot(["validate", Self.runs.appendingPathComponent(name).path])
            try command.run()
        }
    }

    @Test func badOverrideIsRefused() throws {
        var command = try LiKMC.parseAsRoot(["validate", Self.runs.appendingPathComponent("cu-nucleation.yaml").path,
                                             "--set", "lattice.lx=0"])
        do {
            try command.run()
            Issue.record("accepted lx = 0")
        } catch {
            #expect("\(error)".contains("lattice.lx"))
        }
    }
}

/// Sharded ensembles merge into the result of one machine, byte for byte (timings aside), and
/// shards that do not fit together are refused.
@Suite struct ShardMergeTests {
    static let scenario = """
        name: tiny-shards
        seed: 5
        lattice: {lx: 8, ly: 8, lz: 6}
        material: {substrate: Cu, substrate_layers: 1, sei_exchange_current_density_mA_cm2: 0.05}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 1}
        cycling: {cycles: 2}
        sampling: {window_monolayers: 0.05}
        """

    /// summary.json without the wall-clock dependent entries.
    static func comparable(_ path: String) throws -> String {
        let text = try String(contentsOfFile: path + "/summary.json", encoding: .utf8)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        object["events_per_second"] = nil
        object["wall_seconds_total"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A fresh temporary directory holding the tiny scenario file.
    static func workspace(_ name: String) throws -> (root: String, file: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("likmc-\(name)-\(getpid())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try scenario.write(toFile: root + "/tiny.yaml", atomically: true, encoding: .utf8)
        return (root, root + "/tiny.yaml")
    }

    /// Parses and runs a likmc command line.
    static func run(_ arguments: [String]) throws {
        var command = try LiKMC.parseAsRoot(arguments)
        try command.run()
    }

    @Test func twoShardsMergeIntoTheSingleMachineResult() throws {
        let (root, file) = try Self.workspace("shards")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.run(["ensemble", file, "--replicas", "5", "--threads", "1", "--out", root + "/one", "--quiet"])
        try Self.run(["ensemble", file, "--replicas", "5", "--threads", "2", "--out", root + "/two", "--quiet"])
        try Self.run(["ensemble", file, "--replicas", "5", "--shard", "1/2", "--out", root + "/s1", "--quiet"])
        try Self.run(["ensemble", file, "--replicas", "5", "--shard", "2/2", "--out", root + "/s2", "--quiet"])
        try Self.run(["merge", root + "/s2", root + "/s1", "--out", root + "/merged"])
        let one = try Self.comparable(root + "/one")
        #expect(one.contains("coulombic_efficiency"))
        #expect(try Self.comparable(root + "/two") == one)
        #expect(try Self.comparable(root + "/merged") == one)

        // A shard missing, a shard given twice, a shard of another scenario: refused.
        #expect(throws: (any Error).self) { try Self.run(["merge", root + "/s1", "--out", root + "/m1"]) }
        #expect(throws: (any Error).self) { try Self.run(["merge", root + "/s1", root + "/s1", root + "/s2", "--out", root + "/m2"]) }
        try Self.run(["ensemble", file, "--replicas", "5", "--shard", "2/2", "--set", "seed=6", "--out", root + "/other", "--quiet"])
        #expect(throws: (any Error).self) { try Self.run(["merge", root + "/s1", root + "/other", "--out", root + "/m3"]) }
        // Never overwritten without --force.
        #expect(throws: (any Error).self) { try Self.run(["merge", root + "/s1", root + "/s2", "--out", root + "/merged"]) }
        try Self.run(["plot", root + "/one", root + "/two", "--out", root + "/eta.svg"])
        #expect(throws: (any Error).self) { try Self.run(["plot", root + "/one", "--out", root + "/eta.svg"]) }
        try Self.run(["plot", root + "/one", "--out", root + "/eta.svg", "--force"])
    }

    /// A 2 × 2 sweep run whole and as three shards of its (point, replica) jobs, merged: the same
    /// sweep.csv (timings aside) and the same per-point summaries.
    @Test func sweepShardsMergeIntoTheWholeSweep() throws {
        let (root, file) = try Self.workspace("sweep")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let grid = ["--set", "protocol.current_density_mA_cm2=1,3", "--set", "material.li_li_bond_eV=0.05,0.06", "--replicas", "3", "--quiet"]
        try Self.run(["sweep", file] + grid + ["--out", root + "/whole"])
        for k in 1...3 { try Self.run(["sweep", file] + grid + ["--shard", "\(k)/3", "--out", root + "/s\(k)"]) }
        try Self.run(["merge", root + "/s1", root + "/s2", root + "/s3", "--out", root + "/merged"])
        for point in 0..<4 {
            let name = "/point-00\(point)"
            #expect(try Self.comparable(root + "/whole" + name) == Self.comparable(root + "/merged" + name))
        }
        func table(_ path: String) throws -> [String] {
            try String(contentsOfFile: path + "/sweep.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let whole = try table(root + "/whole"), merged = try table(root + "/merged")
        #expect(whole.count == 5 && merged.count == 5)
        #expect(whole[2].hasPrefix("1,1,0.06,"))
        // Identical apart from the events/s columns (the last three).
        #expect(zip(whole, merged).allSatisfy { $0.split(separator: ",").dropLast(3) == $1.split(separator: ",").dropLast(3) })
    }
}

/// `likmc run` with checkpoints and `likmc resume`: a missing or damaged checkpoint is a clear
/// error; a good one completes the run and is removed afterwards.
@Suite struct ResumeCommandTests {
    @Test func resumeRefusesBadFilesAndCompletesGoodOnes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("likmc-resume-\(getpid())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        var missing = try LiKMC.parseAsRoot(["resume", root + "/nothing.likmc"])
        do { try missing.run(); Issue.record("a missing checkpoint was accepted") } catch {
            #expect("\(error)".contains("nothing.likmc"))
        }
        try Data("LIKMCRUN garbage".utf8).write(to: URL(fileURLWithPath: root + "/bad.likmc"))
        var bad = try LiKMC.parseAsRoot(["resume", root + "/bad.likmc", "--out", root + "/bad"])
        #expect(throws: (any Error).self) { try bad.run() }
        #expect(!FileManager.default.fileExists(atPath: root + "/bad/summary.json"), "no partial results")
    }
}
