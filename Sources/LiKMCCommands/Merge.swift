import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc merge DIR… --out DIR`: joins the shards of an ensemble or of a sweep into the result one
/// machine gives.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join shards (written with --shard k/N by ensemble or sweep) into one result.",
        discussion: """
            Every shard must come from the same scenario text (and sweep grid), seed and replica count, and \
            together they must hold each replica exactly once. The merged summary.json equals the one a single \
            machine writes, apart from timings.
            """
    )

    @Argument(help: "Shard output directories.") var directories: [String]
    @Option(help: "Output directory of the merged result.") var out = "likmc-merged"
    @Flag(help: "Replace existing result files.") var force = false

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("give at least one shard directory") }
    }

    func run() throws {
        let sweeps = directories.map { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("sweep.json")) }
        if sweeps.allSatisfy({ $0 }) {
            try mergeSweep()
        } else if sweeps.contains(true) {
            throw CommandError("cannot merge sweep shards with ensemble shards")
        } else {
            let directory = try OutputDirectory(path: out, replace: force)
            let count = try Self.mergeEnsemble(directories, into: directory).replicas
            print("merged \(directories.count) shards, \(count) replicas: wrote \(directory.file("summary.json"))")
        }
    }

    func mergeSweep() throws {
        let texts = try directories.map { try Self.read("sweep.json", in: $0) }
        guard texts.allSatisfy({ $0 == texts[0] }) else { throw CommandError("the shards come from different sweep grids") }
        let (grid, _) = try SweepTable.grid(fromJSON: texts[0])
        let root = try OutputDirectory(path: out, replace: force)
        try root.checkWritable(["sweep.csv", "sweep.json"])
        var summaries: [(Int, [String], JSONValue)] = []
        for index in 0..<grid.count {
            let name = SweepGrid.directoryName(index)
            let parts = directories.map { ($0 as NSString).appendingPathComponent(name) }
                .filter { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("manifest.json")) }
            guard !parts.isEmpty else { throw CommandError("point \(index) (\(grid.overrides(index).joined(separator: " "))) is in no shard") }
            let directory = try OutputDirectory(path: root.file(name), replace: force)
            let merged = try Self.mergeEnsemble(parts, into: directory)
            summaries.append((index, merged.names, merged.json))
        }
        try root.write(SweepTable.csv(grid: grid, summaries: summaries), to: "sweep.csv")
        try root.write(texts[0], to: "sweep.json")
        print("merged \(directories.count) sweep shards, \(grid.count) points: wrote \(root.file("sweep.csv"))")
    }

    static func read(_ name: String, in path: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        do { return try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw CommandError("cannot read '\(file)': is '\(path)' a likmc output directory?")
        }
    }

    /// The manifest and replica table of a complete ensemble directory.
    static func shard(_ path: String) throws -> (RunManifest, ReplicaTable) {
        do {
            return (try RunManifest(jsonText: try read("manifest.json", in: path)),
                    try ReplicaTable(csv: try read("replicas.csv", in: path)))
        } catch let error as MergeError { throw CommandError("\(path): \(error)") }
    }

    /// Merges ensemble shard directories (of any kind of scenario) into `directory` and returns the
    /// merged summary.json, its observable names and the replica count.
    static func mergeEnsemble(_ paths: [String], into directory: OutputDirectory) throws
        -> (names: [String], json: JSONValue, replicas: Int) {
        var manifests: [RunManifest] = [], tables: [ReplicaTable] = []
        for path in paths {
            let (manifest, table) = try shard(path)
            manifests.append(manifest)
            tables.append(table)
        }
        let first = manifests[0]
        for (path, m) in zip(paths, manifests) where m.scenarioYAML != first.scenarioYAML || m.replicasTotal != first.replicasTotal {
            throw CommandError("\(path) comes from a different scenario or replica count than \(paths[0])")
        }
        let table: ReplicaTable
        do { table = try ReplicaTable.merging(tables) } catch { throw CommandError("\(error)") }
        let missing = Set(0..<first.replicasTotal).subtracting(table.rows.map(\.replica))
        guard missing.isEmpty else {
            throw CommandError("replicas missing from the shards: \(missing.sorted().prefix(10).map(String.init).joined(separator: ", "))"
                + (missing.count > 10 ? " … (\(missing.count) in all)" : ""))
        }
        let wall = manifests.reduce(0) { $0 + $1.wallSeconds }
        let threads = manifests.map(\.threads).max() ?? 1, started = manifests.map(\.started).min() ?? Date()
        let command = CommandLine.arguments.joined(separator: " ")
        if (try? ScenarioKind.of(yaml: first.scenarioYAML)) == .segregation {
            let scenario: SegregationScenario
            do { scenario = try SegregationScenario.parse(yaml: first.scenarioYAML) } catch {
                throw CommandError("manifest scenario: \(error)")
            }
            try directory.checkWritable(SegregationOutput.ensembleFiles)
            let json = SegregationEnsemble.summaryJSON(table, scenario: scenario)
            let manifest = RunManifest(command: command, scenarioYAML: first.scenarioYAML, scenarioName: scenario.name,
                                       seed: scenario.seed, generator: scenario.generator, replicasTotal: first.replicasTotal,
                                       replicas: 0..<first.replicasTotal, shard: nil, threads: threads, started: started,
                                       wallSeconds: wall, provenance: ProvenanceProbe.current())
            try directory.write(table.csv(), to: "replicas.csv")
            try directory.write(json.rendered() + "\n", to: "summary.json")
            try directory.write(manifest.json.rendered() + "\n", to: "manifest.json")
            return (table.names, json, table.rows.count)
        }
        let scenario: Scenario
        do { scenario = try Scenario.parse(yaml: first.scenarioYAML) } catch { throw CommandError("manifest scenario: \(error)") }
        try directory.checkWritable(EnsembleOutput.tables)
        let summary = EnsembleSummary(table: table, scenario: scenario, wallSecondsTotal: wall)
        let manifest = RunManifest(command: command, scenarioYAML: first.scenarioYAML, scenario: scenario,
                                   replicasTotal: first.replicasTotal, replicas: 0..<first.replicasTotal, shard: nil,
                                   threads: threads, started: started, wallSeconds: wall, provenance: ProvenanceProbe.current())
        try EnsembleOutput.write(summary, manifest: manifest, to: directory)
        return (summary.observableNames, summary.json(), table.rows.count)
    }
}
