import Foundation
import Simulation
import Testing

/// Ensembles and sweeps that survive being killed: the built `likmc` is SIGKILLed at random
/// moments (while replicas run, while checkpoints and results are written, while the outputs are
/// written), resumed each time, and must end with the summary.json and replicas.csv of an
/// uninterrupted run (timings aside). After every kill, every file in the directory must be whole.
@Suite(.serialized) struct KillResumeTests {
    /// Big enough that a replica runs for a while and is checkpointed several times on the way.
    static let scenario = """
        name: kill-resume
        seed: 21
        lattice: {lx: 16, ly: 16, lz: 6}
        material: {substrate: Cu, substrate_layers: 1, sei_exchange_current_density_mA_cm2: 0.05}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 1}
        cycling: {cycles: 2}
        sampling: {window_monolayers: 0.05}
        """

    /// The `likmc` executable next to the test bundle (both are built into .build/<configuration>/).
    static func likmc() throws -> String {
        let directory = try #require(Bundle.main.executableURL).deletingLastPathComponent()
        let path = directory.appendingPathComponent("likmc").path
        try #require(FileManager.default.isExecutableFile(atPath: path), "build likmc first: swift build -c release")
        return path
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try likmc())
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs likmc to its end; fails the test on a non-zero exit.
    static func run(_ arguments: [String]) throws {
        let process = try start(arguments)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "likmc \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }

    /// summary.json and replicas.csv without the wall-clock dependent entries.
    static func comparable(_ path: String) throws -> String {
        try ShardMergeTests.comparable(path) + "\n" + String(contentsOfFile: path + "/replicas.csv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",").dropLast().joined(separator: ",") }.joined(separator: "\n")
    }

    /// Every file under `path` is whole: JSON parses, CSV and SVG end where they should, results
    /// and checkpoints pass their checksums; temporary files of interrupted writes only while the
    /// directory is not complete. Returns the number of files checked.
    @discardableResult
    static func expectWholeFiles(in path: String, allowingTemporaries: Bool = true) throws -> Int {
        var checked = 0
        let files = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        for name in files {
            let file = path + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let base = (name as NSString).lastPathComponent
            // A write a kill interrupted: never read as a result, replaced by the next write of that file.
            if base.hasPrefix(".") && base.hasSuffix(".partial") {
                #expect(allowingTemporaries, "a temporary file is left in a complete directory: \(file)")
                continue
            }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            switch (name as NSString).pathExtension {
            case "json":
                #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) != nil, "half-written \(file)")
            case "csv":
                #expect(bytes.last == UInt8(ascii: "\n") && bytes.count > 1, "half-written \(file)")
            case "svg":
                let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(text.hasSuffix("</svg>"), "half-written \(file)")
            case "result":
                let (scenario, replica) = try scenarioAndReplica(of: file)
                do { _ = try RunResult(decoding: bytes, scenario: scenario, replica: replica, path: file) }
                catch { Issue.record("unreadable \(file): \(error)") }
            case "checkpoint":
                do { _ = try ElectrodeRun(resuming: bytes, path: file) } catch { Issue.record("unreadable \(file): \(error)") }
            default:
                Issue.record("unexpected file \(file)")
            }
            checked += 1
        }
        return checked
    }

    /// The scenario of the plan next to a result file, and the replica its name gives.
    static func scenarioAndReplica(of file: String) throws -> (Scenario, Int) {
        let folder = (file as NSString).deletingLastPathComponent
        let plan = try RunManifest(jsonText: try String(contentsOfFile: folder + "/plan.json", encoding: .utf8))
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let replica = try #require(Int(name.dropFirst("replica-".count)))
        return (try Scenario.parse(yaml: plan.scenarioYAML), replica)
    }

    /// A deterministic generator for the kill moments (SplitMix64).
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Starts `fresh` (or, once the directory holds an interrupted run, alternately `likmc resume DIR`
    /// and `resumeFlag`), kills it after a random delay of up to `window` seconds, checks every file,
    /// and repeats until `kills` kills; a chain that completes before it is killed is compared with
    /// `reference` and a new chain starts. Returns (kills, completed chains).
    static func killAndResume(fresh: [String], resumeFlag: [String], directory: String, planFile: String, reference: String,
                              kills wanted: Int, window: Double, seed: UInt64,
                              comparable: (String) throws -> String = comparable) throws -> (Int, Int) {
        var random = SplitMix64(state: seed)
        var kills = 0, chains = 0, attempt = 0
        var seen = [0, 0, 0, 0]  // kills that left a checkpoint, a result, summary.json, an interrupted write
        while kills < wanted {
            attempt += 1
            // A new chain starts with the plain command; later, `likmc resume DIR` (which needs the
            // plan) and the command with --resume take turns.
            let started = FileManager.default.fileExists(atPath: directory)
            let planned = FileManager.default.fileExists(atPath: directory + "/" + planFile)
            let arguments = !started ? fresh
                : planned && attempt % 2 == 0 ? ["resume", directory, "--quiet", "--checkpoint-every", "0.01"] : resumeFlag
            let process = try start(arguments)
            Thread.sleep(forTimeInterval: Double.random(in: 0...window, using: &random))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                kills += 1
                try expectWholeFiles(in: directory)
                let names = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
                for (i, ending) in [".checkpoint", ".result", "summary.json", ".partial"].enumerated()
                where names.contains(where: { $0.hasSuffix(ending) }) { seen[i] += 1 }
            } else {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "\(arguments) exited \(process.terminationStatus)")
                #expect(try comparable(directory) == comparable(reference), "chain \(chains) differs from the uninterrupted run")
                #expect(!FileManager.default.fileExists(atPath: directory + "/" + ReplicaStore.folder), "progress/ left behind")
                try expectWholeFiles(in: directory, allowingTemporaries: false)
                try FileManager.default.removeItem(atPath: directory)
                chains += 1
            }
        }
        // The last chain, to its end. A kill before the plan was written leaves a directory with
        // nothing to resume (`likmc resume` says so and fails): then the command with --resume starts it.
        if FileManager.default.fileExists(atPath: directory) {
            let planned = FileManager.default.fileExists(atPath: directory + "/" + planFile)
            try run(planned ? ["resume", directory, "--quiet"] : resumeFlag)
            try run(resumeFlag)  // a complete directory: --resume does nothing
            try expectWholeFiles(in: directory, allowingTemporaries: false)
            #expect(try comparable(directory) == comparable(reference))
            chains += 1
        }
        print("kill/resume: \(kills) kills, \(chains) chains completed; after the kills the directory held checkpoints "
            + "\(seen[0]) times, results \(seen[1]), summary.json \(seen[2]), an interrupted write \(seen[3])")
        return (kills, chains)
    }

    /// sweep.csv without its events/s columns (the last three), and every point's summary and replicas.
    static func comparableSweep(_ path: String) throws -> String {
        let table = try String(contentsOfFile: path + "/sweep.csv", encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",").dropLast(3).joined(separator: ",") }.joined(separator: "\n")
        let points = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix("point-") }.sorted()
        return try ([table] + points.map { try comparable(path + "/" + $0) }).joined(separator: "\n")
    }

    @Test func sweepKilledAtRandomMomentsResumesToTheUninterruptedSweep() throws {
        let (root, _) = try ShardMergeTests.workspace("kill-sweep")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/kill.yaml"
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let common = [file, "--set", "protocol.current_density_mA_cm2=1,3", "--replicas", "2", "--threads", "2", "--quiet"]
        let began = Date()
        try Self.run(["sweep"] + common + ["--out", root + "/reference"])
        let window = max(0.2, 1.5 * Date().timeIntervalSince(began))
        let run = ["sweep"] + common + ["--out", root + "/killed", "--checkpoint-every", "0.01"]
        let (kills, chains) = try Self.killAndResume(fresh: run, resumeFlag: run + ["--resume"], directory: root + "/killed",
                                                     planFile: "progress/sweep.json", reference: root + "/reference", kills: 8,
                                                     window: window, seed: 20, comparable: Self.comparableSweep)
        #expect(kills >= 8 && chains >= 1)
    }

    /// The threshold's summary.json (it holds no timings) and every probe's summary and replicas.
    static func comparableThreshold(_ path: String) throws -> String {
        let probes = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix("probe-") }.sorted()
        return try ([String(contentsOfFile: path + "/summary.json", encoding: .utf8)] + probes.map { try comparable(path + "/" + $0) })
            .joined(separator: "\n")
    }

    /// A threshold search killed at random moments (during the first replica run that checks the
    /// observable, inside probes, between them, while summary.json is written) ends with the probes and
    /// summary.json of an uninterrupted search: the resumed search retraces the same currents.
    @Test func thresholdKilledAtRandomMomentsResumesToTheUninterruptedSearch() throws {
        let (root, _) = try ShardMergeTests.workspace("kill-threshold")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/threshold.yaml"
        try ThresholdCommandTests.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let common = [file, "--observable", "coulombic_efficiency", "--replicas", "3", "--tolerance", "0.5", "--max-probes", "5",
                      "--threads", "2", "--quiet"]
        let began = Date()
        try Self.run(["threshold"] + common + ["--out", root + "/reference"])
        let window = max(0.2, 1.5 * Date().timeIntervalSince(began))
        let run = ["threshold"] + common + ["--out", root + "/killed", "--checkpoint-every", "0.01"]
        let (kills, chains) = try Self.killAndResume(fresh: run, resumeFlag: run + ["--resume"], directory: root + "/killed",
                                                     planFile: "progress/threshold.json", reference: root + "/reference",
                                                     kills: 8, window: window, seed: 16, comparable: Self.comparableThreshold)
        #expect(kills >= 8 && chains >= 1)
    }

    @Test func ensembleKilledAtRandomMomentsResumesToTheUninterruptedResult() throws {
        let (root, _) = try ShardMergeTests.workspace("kill")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/kill.yaml"
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let common = [file, "--replicas", "5", "--threads", "2", "--quiet"]
        let began = Date()
        try Self.run(["ensemble"] + common + ["--out", root + "/reference"])
        let window = max(0.2, 1.5 * Date().timeIntervalSince(began))
        let run = ["ensemble"] + common + ["--out", root + "/killed", "--checkpoint-every", "0.01"]
        let (kills, chains) = try Self.killAndResume(fresh: run, resumeFlag: run + ["--resume"], directory: root + "/killed",
                                                     planFile: "progress/plan.json", reference: root + "/reference",
                                                     kills: 20, window: window, seed: 18)
        #expect(kills >= 20 && chains >= 1)
        // A killed shard, resumed, merges with the other into the one-machine result too. into the one-machine result too.
        try Self.run(["ensemble"] + common + ["--shard", "1/2", "--out", root + "/s1"])
        let shard = ["ensemble"] + common + ["--shard", "2/2", "--out", root + "/s2", "--checkpoint-every", "0.01"]
        let partial = try Self.start(shard)
        Thread.sleep(forTimeInterval: window / 3)
        kill(partial.processIdentifier, SIGKILL)
        partial.waitUntilExit()
        try Self.run(["resume", root + "/s2", "--quiet"])
        try Self.run(["merge", root + "/s1", root + "/s2", "--out", root + "/merged"])
        #expect(try ShardMergeTests.comparable(root + "/merged") == ShardMergeTests.comparable(root + "/reference"))
    }
}

/// What a directory holding an interrupted ensemble accepts: `--resume` or `likmc resume` of the
/// same work, nothing else; and `likmc resume` of a directory with nothing to resume is an error.
@Suite struct ResumeRefusalTests {
    static func message(_ arguments: [String]) -> String {
        do {
            try ShardMergeTests.run(arguments)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test func onlyTheSameWorkIsResumed() throws {
        let (root, file) = try ShardMergeTests.workspace("refusals")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let command = ["ensemble", file, "--replicas", "3", "--threads", "1", "--quiet"]
        try ShardMergeTests.run(command + ["--out", root + "/reference"])
        // An ensemble killed right after it started: its plan (the manifest it will write) and no replica yet.
        try FileManager.default.createDirectory(atPath: root + "/killed/progress", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/reference/manifest.json", toPath: root + "/killed/progress/plan.json")
        #expect(Self.message(command + ["--out", root + "/killed"]).contains("holds an interrupted ensemble"))
        #expect(Self.message(command + ["--out", root + "/killed", "--resume", "--replicas", "4"]).contains("another scenario"))
        #expect(Self.message(command + ["--out", root + "/killed", "--resume", "--set", "seed=9"]).contains("another scenario"))
        #expect(Self.message(command + ["--out", root + "/killed", "--resume", "--force"]).contains("exclude each other"))
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        #expect(Self.message(["resume", root + "/empty"]).contains("nothing to resume"))
        #expect(Self.message(["resume", root + "/killed", "--threads", "2", "--quiet"]) == "accepted")
        #expect(try KillResumeTests.comparable(root + "/killed") == KillResumeTests.comparable(root + "/reference"))
        #expect(!FileManager.default.fileExists(atPath: root + "/killed/progress"))
        #expect(Self.message(["resume", root + "/killed"]) == "accepted", "a complete directory: nothing to do")
        // --force starts over.
        try FileManager.default.createDirectory(atPath: root + "/killed/progress", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/reference/manifest.json", toPath: root + "/killed/progress/plan.json")
        try FileManager.default.removeItem(atPath: root + "/killed/manifest.json")
        #expect(Self.message(command + ["--out", root + "/killed", "--force", "--set", "seed=9"]) == "accepted")
    }
}
