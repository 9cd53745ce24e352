import ArgumentParser
import Foundation
import Simulation

/// `likmc threshold FILE --out DIR`: the current density at which half of the plated Li ends up on
/// top of a coating.
struct Threshold: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the current density at which half of the plated Li ends up on top of the coating, with a 95 % CI.",
        discussion: """
            Runs an ensemble at each probe current (protocol.current_density_mA_cm2, each probe with a seed of its \
            own), brackets the current where the mean of the runs' fraction_plated_on_top crosses 1/2 with \
            geometric steps from --start, then bisects in ln j until the bracket is within --tolerance or \
            --max-probes probes ran. The threshold and its 95 % CI come from a logistic fit of every replica's \
            fraction against ln j (docs/MODEL.md, "Coating threshold"). Probe k is written to DIR/probe-kkk/ (an \
            ensemble directory); DIR/summary.json has threshold_current_mA_per_cm2, ci95_low, ci95_high, replicas \
            and probes, and DIR/fraction-on-top.svg plots the fractions and the fit. The scenario must be an \
            electrode under galvanostatic control whose runs report the observable (one replica is run first to \
            check, before anything is written). Killed at any moment, it is finished by `likmc resume DIR` (or \
            the same command with --resume).
            """
    )

    @Argument(help: "Scenario file (YAML) of an electrode with a coating, galvanostatic.") var file: String
    @Option(help: "Replicas per probe (≥ 2: a CI needs them).") var replicas = 8
    @Option(help: "Current density of the first probe, mA/cm² (> 0, ≤ 1e6; default: the scenario's).") var start: Double?
    @Option(help: "Step of the bracketing: multiply or divide the current by this (> 1, ≤ 1000).") var factor = 4.0
    @Option(help: "Stop when the bracket's high/low ≤ 1 + tolerance (> 0, ≤ 100).") var tolerance = 0.1
    @Option(help: "At most this many probes (3 … 999).") var maxProbes = 12
    @Option(help: "The run-level observable whose 1/2 crossing is sought (a fraction in [0, 1] that rises with current).")
    var observable = ThresholdPlan.defaultObservable
    @Option(help: "Threads (≥ 1; default: all cores).") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Output directory (created if missing).") var out = "likmc-threshold"
    @Option(name: .customLong("set"), help: "Override a scenario key (repeatable).") var overrides: [String] = []
    @Flag(help: "Replace existing result files (and start over an interrupted search).") var force = false
    @Flag(help: "Finish the interrupted search in --out if there is one (a no-op when it is complete), else start it.")
    var resume = false
    @Flag(help: "No progress line on stderr.") var quiet = false
    @OptionGroup var checkpoints: CheckpointOptions

    func validate() throws {
        guard replicas >= 2 else { throw ValidationError("--replicas must be ≥ 2 (a confidence interval needs two), got \(replicas)") }
        if let start, !(start > 0 && start <= 1e6) {
            throw ValidationError("--start must be a current density in mA/cm², > 0 and ≤ 1e6, got \(start)")
        }
        guard factor > 1 && factor <= 1000 else { throw ValidationError("--factor must be > 1 and ≤ 1000, got \(factor)") }
        guard tolerance > 0 && tolerance <= 100 else { throw ValidationError("--tolerance must be > 0 and ≤ 100, got \(tolerance)") }
        guard (3...999).contains(maxProbes) else { throw ValidationError("--max-probes must be in 3 … 999, got \(maxProbes)") }
        guard !observable.isEmpty else { throw ValidationError("--observable must name a run-level observable, got ''") }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
        if resume && force { throw ValidationError("--resume and --force exclude each other: --force starts over") }
    }

    func run() throws {
        guard try ScenarioLoader.kind(file, overrides: overrides) == .electrode else {
            throw CommandError("\(file): threshold runs electrode scenarios only (a segregation scenario has no current density)")
        }
        let text = try ScenarioLoader.text(file, overrides: overrides)
        let (scenario, _) = try ScenarioLoader.load(text: text, label: file)
        let search = ThresholdSearch(start: start ?? scenario.plating.currentDensity, factor: factor, tolerance: tolerance,
                                     maximumProbes: maxProbes)
        let plan = ThresholdPlan(scenarioYAML: text, observable: observable, replicas: replicas, search: search)
        try plan.run(into: out, resume: resume, force: force, threads: threads, checkpointEvery: checkpoints.checkpointEvery,
                     quiet: quiet)
    }
}
