import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc ensemble FILE --replicas N --threads T --out DIR [--shard k/N]`.
struct EnsembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Run N replicas of a scenario on all cores; write summary.json (mean, std, stderr, 95 % CI), replicas.csv and manifest.json.",
        discussion: """
            Replica i uses the random stream derived from (seed, i): results do not depend on --threads. With \
            --shard k/N only the k-th contiguous block of the replicas runs (for a job array, e.g. SLURM \
            --array=1-N with --shard $SLURM_ARRAY_TASK_ID/N); `likmc merge` joins the shards into the result one \
            machine would give.
            """
    )

    @Argument(help: "Scenario file (YAML).") var file: String
    @Option(help: "Number of replicas (≥ 1), over all shards.") var replicas = 8
    @Option(help: "Threads (≥ 1; default: all cores).") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Run only shard k of N (k/N, 1 ≤ k ≤ N).") var shard: String?
    @Option(help: "Output directory (created if missing).") var out = "likmc-ensemble"
    @Option(name: .customLong("set"), help: "Override a scenario key (repeatable), e.g. --set protocol.current_density_mA_cm2=2.")
    var overrides: [String] = []
    @Flag(help: "Replace existing result files.") var force = false
    @Flag(help: "No progress line on stderr.") var quiet = false

    func validate() throws {
        guard replicas >= 1 else { throw ValidationError("--replicas must be ≥ 1, got \(replicas)") }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
        if let shard { do { _ = try Shard(parsing: shard) } catch { throw ValidationError("\(error)") } }
    }

    func run() throws {
        let segregation = try ScenarioLoader.kind(file, overrides: overrides) == .segregation
            ? try SegregationOutput.load(file, overrides: overrides) : nil
        let electrode = segregation == nil ? try ScenarioLoader.load(file, overrides: overrides) : nil
        let part = try shard.map { try Shard(parsing: $0) }
        let range = part?.replicas(of: replicas) ?? 0..<replicas
        guard !range.isEmpty else { throw CommandError("shard \(part!) of \(replicas) replicas is empty: use fewer shards") }
        let directory = try OutputDirectory(path: out, replace: force)
        let progress = ProgressLine(enabled: !quiet)
        let total = range.count
        let report: @Sendable (Int) -> Void = { progress.update(fraction: Double($0) / Double(total), detail: "\($0)/\(total) replicas") }
        if let (scenario, text) = segregation {
            let summary = try SegregationOutput.ensemble(scenario, text: text, replicas: range, of: replicas, shard: part,
                                                         threads: threads, into: directory, progress: report)
            progress.finish()
            if let h = summary["surface_layer_thickness_nm"], let mean = h["mean"], let low = h["ci95_low"], let high = h["ci95_high"] {
                print("\(scenario.name): \(total) replicas; surface layer thickness \(mean.rendered()) nm "
                    + "(95 % CI \(low.rendered()) … \(high.rendered()))")
            }
            print("wrote " + SegregationOutput.ensembleFiles.map { directory.file($0) }.joined(separator: ", "))
            return
        }
        guard let (scenario, text) = electrode else { return }
        let summary = try EnsembleOutput.run(scenario, text: text, replicas: range, of: replicas, shard: part, threads: threads,
                                             into: directory, progress: report)
        progress.finish()
        if let eta = summary.json()["nucleation_overpotential_mV"], let mean = eta["mean"], let low = eta["ci95_low"],
           let high = eta["ci95_high"] {
            print("\(scenario.name): \(total) replicas; nucleation overpotential \(mean.rendered()) mV "
                + "(95 % CI \(low.rendered()) … \(high.rendered()))")
        }
        print("wrote " + EnsembleOutput.files(cycling: scenario.cycling != nil).map { directory.file($0) }.joined(separator: ", "))
    }
}

/// The files of an ensemble directory, written the same way by `ensemble`, `sweep` and `merge`.
enum EnsembleOutput {
    /// Runs replicas `range` (of `total`) of `scenario` and writes the ensemble directory: the
    /// statistics, the manifest and the pictures. Existing files are refused before anything runs.
    static func run(_ scenario: Scenario, text: String, replicas range: Range<Int>, of total: Int, shard: Shard?,
                    threads: Int, into directory: OutputDirectory,
                    progress: @escaping @Sendable (Int) -> Void) throws -> EnsembleSummary {
        try directory.checkWritable(files(cycling: scenario.cycling != nil))
        let started = Date()
        let results = try Ensemble(scenario: scenario, replicas: range).run(threads: threads, progress: progress)
        let summary = EnsembleSummary(results: results)
        let manifest = RunManifest(command: CommandLine.arguments.joined(separator: " "), scenarioYAML: text, scenario: scenario,
                                   replicasTotal: total, replicas: range, shard: shard, threads: threads, started: started,
                                   wallSeconds: Date().timeIntervalSince(started))
        try write(summary, manifest: manifest, to: directory)
        try writePictures(of: results, to: directory)
        return summary
    }

    /// Every file ``run(_:text:replicas:of:shard:threads:into:progress:)`` writes.
    static func files(cycling: Bool) -> [String] { tables + pictures(cycling: cycling) }

    /// The statistics and the manifest: what `merge` can rebuild from shards.
    static let tables = ["summary.json", "replicas.csv", "manifest.json"]

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
