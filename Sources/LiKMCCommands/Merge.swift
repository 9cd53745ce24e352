import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc merge DIR… --out DIR`: joins the shards of an ensemble into the result one machine gives.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join ensemble shards (directories written with --shard k/N) into one summary.json and replicas.csv.",
        discussion: "Every shard must come from the same scenario text, seed and replica count, and together they must hold each replica exactly once."
    )

    @Argument(help: "Shard output directories.") var directories: [String]
    @Option(help: "Output directory of the merged result.") var out = "likmc-merged"
    @Flag(help: "Replace existing result files.") var force = false

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("give at least one shard directory") }
    }

    func run() throws {
        var manifests: [RunManifest] = [], tables: [ReplicaTable] = []
        for path in directories {
            let directory = (path as NSString)
            func read(_ name: String) throws -> String {
                let file = directory.appendingPathComponent(name)
                do { return try String(contentsOfFile: file, encoding: .utf8) } catch {
                    throw CommandError("cannot read '\(file)': is '\(path)' an ensemble output directory?")
                }
            }
            do {
                manifests.append(try RunManifest(jsonText: try read("manifest.json")))
                tables.append(try ReplicaTable(csv: try read("replicas.csv")))
            } catch let error as MergeError { throw CommandError("\(path): \(error)") }
        }
        let first = manifests[0]
        for (path, m) in zip(directories, manifests) where m.scenarioYAML != first.scenarioYAML || m.replicasTotal != first.replicasTotal {
            throw CommandError("\(path) comes from a different scenario or replica count than \(directories[0])")
        }
        let table: ReplicaTable
        do { table = try ReplicaTable.merging(tables) } catch { throw CommandError("\(error)") }
        let missing = Set(0..<first.replicasTotal).subtracting(table.rows.map(\.replica))
        guard missing.isEmpty else {
            throw CommandError("replicas missing from the shards: \(missing.sorted().prefix(10).map(String.init).joined(separator: ", "))"
                + (missing.count > 10 ? " … (\(missing.count) in all)" : ""))
        }
        let scenario: Scenario
        do { scenario = try Scenario.parse(yaml: first.scenarioYAML) } catch { throw CommandError("manifest scenario: \(error)") }
        let directory = try OutputDirectory(path: out, replace: force)
        try directory.checkWritable(["summary.json", "replicas.csv", "manifest.json"])
        let wall = manifests.reduce(0) { $0 + $1.wallSeconds }
        let summary = EnsembleSummary(table: table, scenario: scenario, wallSecondsTotal: wall)
        let manifest = RunManifest(command: CommandLine.arguments.joined(separator: " "), scenarioYAML: first.scenarioYAML,
                                   scenario: scenario, replicasTotal: first.replicasTotal, replicas: 0..<first.replicasTotal,
                                   shard: nil, threads: manifests.map(\.threads).max() ?? 1,
                                   started: manifests.map(\.started).min() ?? Date(), wallSeconds: wall)
        try EnsembleOutput.write(summary, manifest: manifest, to: directory)
        print("merged \(directories.count) shards, \(table.rows.count) replicas: wrote \(directory.file("summary.json"))")
    }
}
