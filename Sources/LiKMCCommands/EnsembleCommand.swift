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
            machine would give. Finished replicas and checkpoints of running ones are kept in DIR/progress/: \
            an ensemble killed at any moment is finished by `likmc resume DIR` (or the same command with \
            --resume), which writes exactly the files an uninterrupted run writes (timings aside).
            """
    )

    @Argument(help: "Scenario file (YAML).") var file: String
    @Option(help: "Number of replicas (≥ 1), over all shards.") var replicas = 8
    @Option(help: "Threads (≥ 1; default: all cores).") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Run only shard k of N (k/N, 1 ≤ k ≤ N).") var shard: String?
    @Option(help: "Output directory (created if missing).") var out = "likmc-ensemble"
    @Option(name: .customLong("set"), help: "Override a scenario key (repeatable), e.g. --set protocol.current_density_mA_cm2=2.")
    var overrides: [String] = []
    @Flag(help: "Replace existing result files (and start over an interrupted ensemble).") var force = false
    @Flag(help: "Finish the interrupted ensemble in --out if there is one (a no-op when it is complete), else start it.")
    var resume = false
    @Flag(help: "No progress line on stderr.") var quiet = false
    @OptionGroup var checkpoints: CheckpointOptions

    func validate() throws {
        guard replicas >= 1 else { throw ValidationError("--replicas must be ≥ 1, got \(replicas)") }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
        if let shard { do { _ = try Shard(parsing: shard) } catch { throw ValidationError("\(error)") } }
        if resume && force { throw ValidationError("--resume and --force exclude each other: --force starts over") }
    }

    func run() throws {
        let part = try shard.map { try Shard(parsing: $0) }
        let range = part?.replicas(of: replicas) ?? 0..<replicas
        guard !range.isEmpty else { throw CommandError("shard \(part!) of \(replicas) replicas is empty: use fewer shards") }
        if try ScenarioLoader.kind(file, overrides: overrides) == .segregation {
            return try runSegregation(range: range, shard: part)
        }
        let (scenario, text) = try ScenarioLoader.load(file, overrides: overrides)
        let directory = try OutputDirectory(path: out, replace: force)
        let wanted = RunManifest.wanted(scenarioYAML: text, scenario: scenario, replicasTotal: replicas, replicas: range,
                                        shard: part, threads: threads)
        guard let (plan, fresh) = try EnsembleOutput.plan(wanted, in: directory, resume: resume, force: force,
                                                          files: EnsembleOutput.files(cycling: scenario.cycling != nil)) else {
            print("\(out) is complete already: nothing to resume")
            return
        }
        try Self.finish(plan, scenario: scenario, fresh: fresh, threads: threads, checkpointEvery: checkpoints.checkpointEvery,
                        in: directory, quiet: quiet)
    }

    /// An ensemble of a segregation scenario. It keeps no progress/ folder: `--resume` is refused.
    func runSegregation(range: Range<Int>, shard part: Shard?) throws {
        guard !resume else {
            throw CommandError("--resume: ensembles of segregation scenarios cannot be resumed; rerun them (with --force)")
        }
        let (scenario, text) = try SegregationOutput.load(file, overrides: overrides)
        let directory = try OutputDirectory(path: out, replace: force)
        let progress = ProgressLine(enabled: !quiet)
        let total = range.count
        let summary = try SegregationOutput.ensemble(scenario, text: text, replicas: range, of: replicas, shard: part,
                                                     threads: threads, into: directory) {
            progress.update(fraction: Double($0) / Double(total), detail: "\($0)/\(total) replicas")
        }
        progress.finish()
        if let h = summary["surface_layer_thickness_nm"], let mean = h["mean"], let low = h["ci95_low"], let high = h["ci95_high"] {
            print("\(scenario.name): \(total) replicas; surface layer thickness \(mean.rendered()) nm "
                + "(95 % CI \(low.rendered()) … \(high.rendered()))")
        }
        print("wrote " + SegregationOutput.ensembleFiles.map { directory.file($0) }.joined(separator: ", "))
    }

    /// Runs (or finishes) an ensemble with a progress line and reports it: shared with `resume`.
    static func finish(_ plan: RunManifest, scenario: Scenario, fresh: Bool, threads: Int, checkpointEvery: Double,
                       in directory: OutputDirectory, quiet: Bool) throws {
        let progress = ProgressLine(enabled: !quiet)
        let total = plan.replicas.count
        let summary = try EnsembleOutput.run(plan, scenario: scenario, fresh: fresh, threads: threads,
                                             checkpointEvery: checkpointEvery, into: directory) {
            progress.update(fraction: Double($0) / Double(total), detail: "\($0)/\(total) replicas")
        }
        progress.finish()
        if let eta = summary.json()["nucleation_overpotential_mV"], let mean = eta["mean"], let low = eta["ci95_low"],
           let high = eta["ci95_high"] {
            print("\(scenario.name): \(total) replicas; nucleation overpotential \(mean.rendered()) mV "
                + "(95 % CI \(low.rendered()) … \(high.rendered()))")
        }
        print("wrote " + EnsembleOutput.files(cycling: scenario.cycling != nil).map { directory.file($0) }.joined(separator: ", "))
    }
}
