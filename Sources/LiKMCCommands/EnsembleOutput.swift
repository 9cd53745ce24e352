import BinaryCoding
import Foundation
import Output
import Simulation

/// The files of an ensemble directory, written the same way by `ensemble`, `sweep`, `merge` and
/// `resume`, and how far a directory got.
enum EnsembleOutput {
    /// How far an ensemble directory got.
    enum State {
        /// Nothing of an ensemble yet (or only files of another kind).
        case fresh
        /// Started and killed: progress/plan.json says what it was running.
        case interrupted(RunManifest)
        /// manifest.json is written (it is written last).
        case complete(RunManifest)
    }

    static func state(of directory: OutputDirectory) throws -> State {
        let manifest = directory.file("manifest.json")
        if FileManager.default.fileExists(atPath: manifest) {
            return .complete(try RunManifest(jsonText: try Merge.read("manifest.json", in: directory.path)))
        }
        let plan = (directory.file(ReplicaStore.folder) as NSString).appendingPathComponent(ReplicaStore.planName)
        guard FileManager.default.fileExists(atPath: plan) else { return .fresh }
        do { return .interrupted(try RunManifest(jsonText: try String(contentsOfFile: plan, encoding: .utf8))) } catch {
            throw CommandError("\(plan): \(error)")
        }
    }

    /// What the ensemble command does with a directory that already holds (part of) an ensemble:
    /// the plan to run (the saved one when resuming), or nil when the work is already complete.
    /// Without `resume` an interrupted or complete ensemble is refused unless `force` is set.
    static func plan(_ plan: RunManifest, in directory: OutputDirectory, resume: Bool, force: Bool,
                     files: [String]) throws -> (plan: RunManifest, fresh: Bool)? {
        switch try state(of: directory) {
        case let .complete(saved) where resume:
            guard saved.describesSameWork(as: plan) else { throw differentWork(directory) }
            try removeLeftovers(in: directory)
            return nil
        case let .interrupted(saved) where resume:
            guard saved.describesSameWork(as: plan) else { throw differentWork(directory) }
            return (saved, false)
        case .interrupted where !force:
            throw CommandError("'\(directory.path)' holds an interrupted ensemble: finish it with `likmc resume "
                + "\(directory.path)` (or the same command with --resume), or pass --force to start over")
        default:
            try directory.checkWritable(files)
            return (plan, true)
        }
    }

    /// Removes what a kill during the final clean-up of a complete directory left of progress/.
    static func removeLeftovers(in directory: OutputDirectory) throws {
        let folder = directory.file(ReplicaStore.folder)
        if FileManager.default.fileExists(atPath: folder) { try ReplicaStore.remove(folder) }
    }

    static func differentWork(_ directory: OutputDirectory) -> CommandError {
        CommandError("'\(directory.path)' holds an ensemble of another scenario, replica count or shard: "
            + "choose another --out, or pass --force (without --resume) to start over")
    }

    /// Runs the ensemble `plan` describes into `directory` — from the start when `fresh`, else
    /// continuing what its progress/ folder holds — and writes the statistics, the pictures and,
    /// last, manifest.json; then removes progress/. Killed at any moment, it can be run again
    /// with `fresh: false` and writes the same files (timings aside).
    static func run(_ plan: RunManifest, scenario: Scenario, fresh: Bool, threads: Int, checkpointEvery: Double,
                    into directory: OutputDirectory, progress: @escaping @Sendable (Int) -> Void) throws -> EnsembleSummary {
        let folder = directory.file(ReplicaStore.folder)
        if fresh, FileManager.default.fileExists(atPath: folder) { try FileManager.default.removeItem(atPath: folder) }
        let store = try ReplicaStore(directory: directory.path, scenarioText: plan.scenarioYAML, checkpointEvery: checkpointEvery)
        if fresh { try AtomicFile.write(plan.json.rendered() + "\n", to: store.file(ReplicaStore.planName)) } else {
            let saved = store.saved(of: plan.replicas)
            print("resuming \(directory.path): \(saved.results) of \(plan.replicas.count) replicas done, "
                + "\(saved.checkpoints) continued from checkpoints")
        }
        let results = try Ensemble(scenario: scenario, replicas: plan.replicas).run(threads: threads, store: store,
                                                                                   progress: progress)
        let summary = EnsembleSummary(results: results)
        var manifest = plan
        manifest.command = CommandLine.arguments.joined(separator: " ")
        manifest.threads = threads
        manifest.wallSeconds = Date().timeIntervalSince(plan.started)
        manifest.provenance = ProvenanceProbe.current()
        let replacing = try OutputDirectory(path: directory.path, replace: true)  // this ensemble's own files
        try writePictures(of: results, to: replacing)
        try write(summary, manifest: manifest, to: replacing)
        try store.remove()
        return summary
    }

    /// The summary of a complete ensemble directory, rebuilt from its replicas.csv (exact).
    static func summary(ofComplete path: String) throws -> EnsembleSummary {
        let (manifest, table) = try Merge.shard(path)
        let scenario: Scenario
        do { scenario = try Scenario.parse(yaml: manifest.scenarioYAML) } catch { throw CommandError("\(path)/manifest.json scenario: \(error)") }
        return EnsembleSummary(table: table, scenario: scenario, wallSecondsTotal: manifest.wallSeconds)
    }

    /// Every file ``run(_:scenario:fresh:threads:checkpointEvery:into:progress:)`` writes.
    static func files(cycling: Bool) -> [String] { tables + pictures(cycling: cycling) }

    /// The statistics and the manifest: what `merge` can rebuild from shards.
    static let tables = ["summary.json", "replicas.csv", "manifest.json"]

    /// Writes the statistics, manifest.json last: a directory with a manifest is complete.
    static func write(_ summary: EnsembleSummary, manifest: RunManifest, to directory: OutputDirectory) throws {
        try directory.write(summary.replicasCSV(), to: "replicas.csv")
        try directory.write(summary.json().rendered() + "\n", to: "summary.json")
        try directory.write(manifest.json.rendered() + "\n", to: "manifest.json")
    }

    /// The files ``writePictures(of:to:)`` writes.
    static func pictures(cycling: Bool) -> [String] { ["timeseries_mean.csv", "eta.svg"] + (cycling ? ["cycles.svg"] : []) }

    /// Time series on a common grid (mean, SE, 95 % CI), η(t) with its CI band and, for cycling,
    /// CE and dead-Li fraction per cycle. Needs the runs themselves, so `merge` cannot redo them.
    static func writePictures(of results: [RunResult], to directory: OutputDirectory) throws {
        let scenario = results[0].scenario
        let eta = TimeSeriesStatistics(results, name: "overpotential_mV") { $0.overpotential }
        let statistics = [eta, TimeSeriesStatistics(results, name: "charge_mC_per_cm2") { $0.charge },
                          TimeSeriesStatistics(results, name: "dead_li_atoms") { $0.deadAtoms },
                          TimeSeriesStatistics(results, name: "nuclei") { Double($0.nuclei) }]
        try directory.write(TimeSeriesStatistics.csv(statistics), to: "timeseries_mean.csv")
        try directory.write(RunPlots.overpotential(eta, title: "\(scenario.name): η over \(results.count) replicas",
                                                   label: scenario.parameters.substrate.name).rendered(), to: "eta.svg")
        if let plot = RunPlots.cycles(results) { try directory.write(plot.rendered(), to: "cycles.svg") }
    }
}
