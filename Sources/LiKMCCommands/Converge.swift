import ArgumentParser
import Foundation
import Simulation

/// `likmc converge FILE --site-edges LIST --replicas N --out DIR`.
struct Converge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the same physical scenario at several site edges; report each observable's mean and 95 % CI per "
            + "site edge and the exponent d ln X / d ln ℓ with its CI.",
        discussion: """
            Every site edge ℓ runs an ensemble of the scenario rescaled to ℓ: the box fixed in nm, charges in \
            mC/cm², thicknesses in nm, currents, potentials and times unchanged (docs/MODEL.md, "Resolution"). \
            Point ℓ is written to DIR/site-edge-ℓnm/ (an ensemble directory); DIR/summary.json has, per observable, \
            exponent, ci95_low, ci95_high and by_site_edge, and DIR/OBSERVABLE.svg plots X against ℓ on log–log \
            axes. A box that is not a whole number of sites of some ℓ is refused; a thickness that is not a whole \
            number of layers is rounded and summary.json says so. Killed at any moment, it is finished by \
            `likmc resume DIR` (or the same command with --resume).
            """
    )

    @Argument(help: "Scenario file (YAML) of an electrode; its own site_edge_nm is the reference ℓ₀.") var file: String
    @Option(help: "Site edges ℓ, nm, comma-separated (at least 2, distinct, > 0), e.g. 4,2,1.") var siteEdges: String
    @Option(help: "Replicas per site edge (≥ 2: a CI needs them).") var replicas = 8
    @Option(help: "Threads (≥ 1; default: all cores).") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Output directory (created if missing).") var out = "likmc-converge"
    @Option(name: .customLong("set"), help: "Override a scenario key before rescaling (repeatable).") var overrides: [String] = []
    @Flag(help: "Replace existing result files (and start over an interrupted run).") var force = false
    @Flag(help: "Finish the interrupted run in --out if there is one (a no-op when it is complete), else start it.")
    var resume = false
    @Flag(help: "No progress line on stderr.") var quiet = false
    @OptionGroup var checkpoints: CheckpointOptions

    func validate() throws {
        do { _ = try ConvergePlan.siteEdges(parsing: siteEdges) } catch { throw ValidationError("\(error)") }
        guard replicas >= 2 else { throw ValidationError("--replicas must be ≥ 2 (a confidence interval needs two), got \(replicas)") }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
        if resume && force { throw ValidationError("--resume and --force exclude each other: --force starts over") }
    }

    func run() throws {
        guard try ScenarioLoader.kind(file, overrides: overrides) == .electrode else {
            throw CommandError("\(file): converge runs electrode scenarios only (a segregation scenario has no site edge)")
        }
        let plan = ConvergePlan(scenarioYAML: try ScenarioLoader.text(file, overrides: overrides),
                                siteEdges: try ConvergePlan.siteEdges(parsing: siteEdges), replicas: replicas)
        try plan.run(into: out, resume: resume, force: force, threads: threads, checkpointEvery: checkpoints.checkpointEvery,
                     quiet: quiet)
    }
}
