import BinaryCoding
import Foundation
import Output
import Simulation

/// What a sweep runs — the scenario text before the grid's overrides, the `--set` grid, replicas per
/// point and the shard — and how it runs it. Saved as DIR/progress/sweep.json when the sweep starts,
/// so that `likmc resume DIR` can finish a killed sweep: complete points are read back, interrupted
/// ones resumed, the rest run, and sweep.csv and sweep.json (written last) are those of an
/// uninterrupted sweep.
struct SweepPlan: Equatable {
    var scenarioYAML: String
    var assignments: [String]
    var replicas: Int
    var shard: Shard?

    static let path = ReplicaStore.folder + "/sweep.json"

    var json: JSONValue {
        .object([
            ("scenario_yaml", .string(scenarioYAML)),
            ("assignments", .array(assignments.map { .string($0) })),
            ("replicas_per_point", .integer(replicas)),
            ("shard", shard.map { .string($0.description) } ?? .null),
        ])
    }

    init(scenarioYAML: String, assignments: [String], replicas: Int, shard: Shard?) {
        (self.scenarioYAML, self.assignments, self.replicas, self.shard) = (scenarioYAML, assignments, replicas, shard)
    }

    /// Reads the plan a sweep saved in `directory`.
    init(savedIn directory: String) throws {
        let text = try Merge.read(Self.path, in: directory)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let yaml = object["scenario_yaml"] as? String, let assignments = object["assignments"] as? [String],
              let replicas = object["replicas_per_point"] as? Int else {
            throw CommandError("\(directory)/\(Self.path) is malformed")
        }
        let shard: Shard?
        do { shard = try (object["shard"] as? String).map { try Shard(parsing: $0) } } catch {
            throw CommandError("\(directory)/\(Self.path): \(error)")
        }
        self.init(scenarioYAML: yaml, assignments: assignments, replicas: replicas, shard: shard)
    }

    /// Runs the sweep into `root`; with `resume`, finishes what an earlier, killed run of the same
    /// plan left there. Without it, an interrupted sweep in `root` is refused unless `force`.
    func run(in root: OutputDirectory, resume: Bool, force: Bool, threads: Int, checkpointEvery: Double, quiet: Bool) throws {
        let grid = try SweepGrid(assignments: assignments)
        // Every point is validated before anything runs.
        let points = try (0..<grid.count).map {
            try ScenarioLoader.load(text: scenarioYAML, label: "sweep scenario", overrides: grid.overrides($0))
        }
        let jobs = shard?.replicas(of: grid.count * replicas) ?? 0..<(grid.count * replicas)
        let planPath = root.file(Self.path)
        let state = try SavedPlan.state(of: root, planPath: planPath, finalFile: "sweep.json", resume: resume, force: force,
                                        work: "sweep", differences: "scenario, grid, replica count or shard") {
            try SweepPlan(savedIn: root.path) == self
        }
        if state == .complete { return }
        try root.checkWritable(["sweep.csv", "sweep.json"])
        try FileManager.default.createDirectory(atPath: root.file(ReplicaStore.folder), withIntermediateDirectories: true)
        try AtomicFile.write(json.rendered() + "\n", to: planPath)
        let progress = ProgressLine(enabled: !quiet)
        var summaries: [(Int, EnsembleSummary)] = []
        for (index, (scenario, text)) in points.enumerated() {
            let low = max(jobs.lowerBound, index * replicas) - index * replicas
            let high = min(jobs.upperBound, (index + 1) * replicas) - index * replicas
            guard low < high else { continue }  // this shard holds no replica of the point
            let directory = try OutputDirectory(path: root.file(SweepGrid.directoryName(index)), replace: force)
            let wanted = RunManifest.wanted(scenarioYAML: text, scenario: scenario, replicasTotal: replicas, replicas: low..<high,
                                            shard: shard, threads: threads)
            guard let (plan, fresh) = try EnsembleOutput.plan(wanted, in: directory, resume: resume, force: force,
                                                              files: EnsembleOutput.files(cycling: scenario.cycling != nil)) else {
                summaries.append((index, try EnsembleOutput.summary(ofComplete: directory.path)))
                continue
            }
            let count = grid.count
            let summary = try EnsembleOutput.run(plan, scenario: scenario, fresh: fresh, threads: threads,
                                                 checkpointEvery: checkpointEvery, into: directory) { done in
                progress.update(fraction: Double(index) / Double(count), detail: "point \(index + 1)/\(count), \(done) replicas")
            }
            summaries.append((index, summary))
        }
        progress.finish()
        let replacing = try OutputDirectory(path: root.path, replace: true)  // checked above
        try replacing.write(SweepTable.csv(grid: grid, summaries: summaries), to: "sweep.csv")
        try replacing.write(SweepTable.description(of: grid, replicas: replicas).rendered() + "\n", to: "sweep.json")
        try ReplicaStore.remove(root.file(ReplicaStore.folder))
        print("\(summaries.count) of \(grid.count) points in \(root.path)" + (shard.map { " (shard \($0))" } ?? "")
            + ": wrote sweep.csv, sweep.json and point-*/")
    }
}
