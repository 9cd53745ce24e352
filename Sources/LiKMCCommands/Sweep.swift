import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc sweep FILE --set key=v1,v2,… [--set …] --replicas N --out DIR [--shard k/N]`.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run an ensemble at every point of a parameter grid; write one ensemble directory per point and sweep.csv.",
        discussion: """
            Each --set key=v1,v2,… adds a key to the grid (full grid; the first key varies slowest). Point p is \
            written to DIR/point-ppp/ (summary.json, replicas.csv, manifest.json) and DIR/sweep.csv has one row \
            per point: the key values, then mean and 95 % CI of every observable. With --shard k/N the k-th \
            contiguous block of the (point, replica) jobs runs; `likmc merge` joins sweep shards like ensemble ones. \
            A sweep killed at any moment is finished by `likmc resume DIR` (or the same command with --resume).
            """
    )

    @Argument(help: "Scenario file (YAML).") var file: String
    @Option(name: .customLong("set"), help: "A swept key and its values, key.path=v1,v2,… (repeatable).") var assignments: [String] = []
    @Option(help: "Replicas per point (≥ 1).") var replicas = 8
    @Option(help: "Threads (≥ 1; default: all cores).") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Run only shard k of N (k/N) of the (point, replica) jobs.") var shard: String?
    @Option(help: "Output directory (created if missing).") var out = "likmc-sweep"
    @Flag(help: "Replace existing result files (and start over an interrupted sweep).") var force = false
    @Flag(help: "Finish the interrupted sweep in --out if there is one (a no-op when it is complete), else start it.")
    var resume = false
    @Flag(help: "No progress line on stderr.") var quiet = false
    @OptionGroup var checkpoints: CheckpointOptions

    func validate() throws {
        guard replicas >= 1 else { throw ValidationError("--replicas must be ≥ 1, got \(replicas)") }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
        do { _ = try SweepGrid(assignments: assignments) } catch { throw ValidationError("\(error)") }
        if let shard { do { _ = try Shard(parsing: shard) } catch { throw ValidationError("\(error)") } }
        if resume && force { throw ValidationError("--resume and --force exclude each other: --force starts over") }
    }

    func run() throws {
        let grid = try SweepGrid(assignments: assignments)
        if try ScenarioLoader.kind(file, overrides: grid.overrides(0)) == .segregation {
            return try runSegregation(grid: grid)
        }
        let plan = SweepPlan(scenarioYAML: try ScenarioLoader.read(file), assignments: assignments, replicas: replicas,
                             shard: try shard.map { try Shard(parsing: $0) })
        try plan.run(in: try OutputDirectory(path: out, replace: force), resume: resume, force: force, threads: threads,
                     checkpointEvery: checkpoints.checkpointEvery, quiet: quiet)
    }

    /// A sweep of a segregation scenario. It keeps no progress/ folder: `--resume` is refused.
    func runSegregation(grid: SweepGrid) throws {
        guard !resume else {
            throw CommandError("--resume: sweeps of segregation scenarios cannot be resumed; rerun them (with --force)")
        }
        // Every point is validated before anything runs.
        let points = try (0..<grid.count).map { try SegregationOutput.load(file, overrides: grid.overrides($0)) }
        let part = try shard.map { try Shard(parsing: $0) }
        let jobs = part?.replicas(of: grid.count * replicas) ?? 0..<(grid.count * replicas)
        let root = try OutputDirectory(path: out, replace: force)
        try root.checkWritable(["sweep.csv", "sweep.json"])
        let progress = ProgressLine(enabled: !quiet)
        var summaries: [(Int, [String], JSONValue)] = []
        for (index, (scenario, text)) in points.enumerated() {
            let low = max(jobs.lowerBound, index * replicas) - index * replicas
            let high = min(jobs.upperBound, (index + 1) * replicas) - index * replicas
            guard low < high else { continue }  // this shard holds no replica of the point
            let directory = try OutputDirectory(path: root.file(SweepGrid.directoryName(index)), replace: force)
            let count = grid.count
            let json = try SegregationOutput.ensemble(scenario, text: text, replicas: low..<high, of: replicas, shard: part,
                                                      threads: threads, into: directory) { done in
                progress.update(fraction: Double(index) / Double(count), detail: "point \(index + 1)/\(count), \(done) replicas")
            }
            summaries.append((index, Self.observableNames(json), json))
        }
        progress.finish()
        try root.write(SweepTable.csv(grid: grid, summaries: summaries), to: "sweep.csv")
        try root.write(SweepTable.description(of: grid, replicas: replicas).rendered() + "\n", to: "sweep.json")
        print("\(summaries.count) of \(grid.count) points in \(out)" + (part.map { " (shard \($0))" } ?? "")
            + ": wrote sweep.csv, sweep.json and point-*/")
    }

    /// The observables of an ensemble summary.json: the keys whose values carry a mean.
    static func observableNames(_ json: JSONValue) -> [String] {
        guard case let .object(pairs) = json else { return [] }
        return pairs.filter { $0.1["mean"] != nil }.map(\.0)
    }
}

/// sweep.csv and sweep.json, written the same way by `sweep` and `merge`.
enum SweepTable {
    static func csv(grid: SweepGrid, summaries: [(Int, EnsembleSummary)]) -> String {
        csv(grid: grid, summaries: summaries.map { ($0.0, $0.1.observableNames, $0.1.json()) })
    }

    /// sweep.csv from each point's observable names and summary.json, of any kind of scenario.
    static func csv(grid: SweepGrid, summaries: [(Int, [String], JSONValue)]) -> String {
        let names = summaries.first?.1 ?? []
        var lines = [(["point"] + grid.keys + names.flatMap { ["\($0)_mean", "\($0)_ci95_low", "\($0)_ci95_high"] })
            .joined(separator: ",")]
        for (index, _, json) in summaries.sorted(by: { $0.0 < $1.0 }) {
            var fields = [String(index)] + grid.point(index)
            for name in names {
                for key in ["mean", "ci95_low", "ci95_high"] { fields.append(json[name]?[key]?.rendered() ?? "") }
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func description(of grid: SweepGrid, replicas: Int) -> JSONValue {
        .object([
            ("keys", .array(grid.keys.map { .string($0) })),
            ("values", .array(grid.values.map { .array($0.map { .string($0) }) })),
            ("points", .integer(grid.count)),
            ("replicas_per_point", .integer(replicas)),
        ])
    }

    /// The grid recorded in a sweep.json.
    static func grid(fromJSON text: String) throws -> (SweepGrid, Int) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let keys = object["keys"] as? [String], let values = object["values"] as? [[String]],
              let replicas = object["replicas_per_point"] as? Int, keys.count == values.count else {
            throw CommandError("sweep.json is malformed")
        }
        return (try SweepGrid(assignments: zip(keys, values).map { "\($0)=\($1.joined(separator: ","))" }), replicas)
    }
}
