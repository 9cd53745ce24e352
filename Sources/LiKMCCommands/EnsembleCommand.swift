import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc ensemble FILE --replicas N --threads T --out DIR`.
struct EnsembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Run N replicas of a scenario on all cores; write summary.json (mean, std, stderr, 95 % CI) and replicas.csv.",
        discussion: "Replica i uses the random stream derived from (seed, i): results do not depend on --threads."
    )

    @Argument(help: "Scenario file (YAML).") var file: String
    @Option(help: "Number of replicas (≥ 1).") var replicas = 8
    @Option(help: "Threads (≥ 1; default: all cores).") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Output directory (created if missing).") var out = "likmc-ensemble"
    @Option(name: .customLong("set"), help: "Override a scenario key (repeatable), e.g. --set protocol.current_density_mA_cm2=2.")
    var overrides: [String] = []
    @Flag(help: "Replace existing result files.") var force = false
    @Flag(help: "No progress line on stderr.") var quiet = false

    func validate() throws {
        guard replicas >= 1 else { throw ValidationError("--replicas must be ≥ 1, got \(replicas)") }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
    }

    func run() throws {
        let scenario = try ScenarioLoader.load(file, overrides: overrides)
        let directory = try OutputDirectory(path: out, replace: force)
        try directory.checkWritable(["summary.json", "replicas.csv"])
        let progress = ProgressLine(enabled: !quiet)
        let total = replicas
        let results = try Ensemble(scenario: scenario, replicas: 0..<replicas)
            .run(threads: threads) { progress.update(fraction: Double($0) / Double(total), detail: "\($0)/\(total) replicas") }
        progress.finish()
        let summary = EnsembleSummary(results: results)
        try directory.write(summary.replicasCSV(), to: "replicas.csv")
        try directory.write(summary.json(command: CommandLine.arguments.joined(separator: " ")).rendered() + "\n",
                            to: "summary.json")
        if let eta = summary.json()["nucleation_overpotential_mV"], let mean = eta["mean"], let low = eta["ci95_low"],
           let high = eta["ci95_high"] {
            print("\(scenario.name): \(replicas) replicas; nucleation overpotential \(mean.rendered()) mV "
                + "(95 % CI \(low.rendered()) … \(high.rendered()))")
        }
        print("wrote \(directory.file("summary.json")) and \(directory.file("replicas.csv"))")
    }
}
