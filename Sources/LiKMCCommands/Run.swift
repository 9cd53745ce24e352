import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc run [FILE] --out DIR`: one simulation of a scenario.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one scenario and write summary.json and timeseries.csv.",
        discussion: "Without FILE, runs the built-in default scenario (Li plating on Cu). The schema is in docs/SCENARIOS.md."
    )

    @Argument(help: "Scenario file (YAML). Omit for the built-in default.") var file: String?
    @Option(help: "Output directory (created if missing).") var out = "likmc-out"
    @Option(help: "Override the scenario's seed.") var seed: UInt64?
    @Option(name: .customLong("set"), help: "Override a scenario key, e.g. --set protocol.current_density_mA_cm2=2 (repeatable).")
    var overrides: [String] = []
    @Flag(help: "Replace existing result files in the output directory.") var force = false
    @Flag(help: "No progress line on stderr.") var quiet = false

    @Option(help: "Save DIR/checkpoint.likmc every this many wall-clock seconds (0: never); `likmc resume` continues it.")
    var checkpointEvery = 300.0

    func validate() throws {
        guard checkpointEvery >= 0 && checkpointEvery.isFinite else {
            throw ValidationError("--checkpoint-every must be ≥ 0 seconds, got \(checkpointEvery)")
        }
    }

    func run() throws {
        let (scenario, text) = try ScenarioLoader.load(file, overrides: overrides + (seed.map { ["seed=\($0)"] } ?? []))
        let directory = try OutputDirectory(path: out, replace: force)
        try directory.checkWritable(RunOutput.files(cycling: scenario.cycling != nil))
        var simulation = try ElectrodeRun(scenario: scenario)
        simulation.recordsSnapshots = true
        simulation.scenarioText = text
        try RunOutput.complete(&simulation, in: directory, checkpointEvery: checkpointEvery, quiet: quiet)
    }
}

/// `likmc resume CHECKPOINT`: continues a run from its checkpoint and writes what `run` writes.
struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Continue a run from a checkpoint (DIR/checkpoint.likmc) and write its results.",
        discussion: "The resumed run follows the same trajectory as if never interrupted: its results are those of an uninterrupted run."
    )

    @Argument(help: "Checkpoint file written by likmc run.") var checkpoint: String
    @Option(help: "Output directory (default: the checkpoint's directory).") var out: String?
    @Option(help: "Save a checkpoint every this many wall-clock seconds (0: never).") var checkpointEvery = 300.0
    @Flag(help: "Replace existing result files.") var force = false
    @Flag(help: "No progress line on stderr.") var quiet = false

    func run() throws {
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: checkpoint))) } catch {
            throw CommandError("cannot read checkpoint '\(checkpoint)': \(error.localizedDescription)")
        }
        var simulation: ElectrodeRun
        do { simulation = try ElectrodeRun(resuming: bytes, path: checkpoint) } catch {
            throw CommandError("\(checkpoint): \(error)")
        }
        let parent = (checkpoint as NSString).deletingLastPathComponent
        let directory = try OutputDirectory(path: out ?? (parent.isEmpty ? "." : parent), replace: force)
        try directory.checkWritable(RunOutput.files(cycling: simulation.scenario.cycling != nil))
        try RunOutput.complete(&simulation, in: directory, checkpointEvery: checkpointEvery, quiet: quiet)
    }
}

/// Runs a prepared simulation to its end and writes every result file of `likmc run`.
enum RunOutput {
    static func files(cycling: Bool) -> [String] {
        ["summary.json", "timeseries.csv", "manifest.json", "eta.svg", "nuclei.svg", "cross-section.png",
         "surface.png", "snapshots.dump"] + (cycling ? ["dead_clusters.csv", "cycles.svg"] : [])
    }

    static func complete(_ simulation: inout ElectrodeRun, in directory: OutputDirectory, checkpointEvery: Double,
                         quiet: Bool) throws {
        let started = Date()
        let checkpointPath = directory.file("checkpoint.likmc")
        let policy = checkpointEvery > 0 ? CheckpointPolicy.every(seconds: checkpointEvery, to: checkpointPath) : nil
        let progress = ProgressLine(enabled: !quiet)
        let result = try simulation.run(progress: {
            progress.update(fraction: $0.fraction, detail: String(format: "%.3g events, %.4g s simulated, %@",
                                                                  Double($0.events), $0.simulatedSeconds, $0.phase))
        }, checkpoint: policy)
        progress.finish()
        let scenario = simulation.scenario, files = files(cycling: scenario.cycling != nil)
        try directory.write(result.timeSeriesCSV(), to: "timeseries.csv")
        if scenario.cycling != nil { try directory.write(result.deadClustersCSV(), to: "dead_clusters.csv") }
        let model = simulation.engine.application
        try directory.write(RunPlots.overpotential(result).rendered(), to: "eta.svg")
        try directory.write(RunPlots.nuclei(result).rendered(), to: "nuclei.svg")
        if let plot = RunPlots.cycles([result]) { try directory.write(plot.rendered(), to: "cycles.svg") }
        try directory.write(try ElectrodePictures.crossSection(of: model).png(), to: "cross-section.png")
        try directory.write(try ElectrodePictures.heightMap(of: model).png(), to: "surface.png")
        try directory.write(simulation.snapshots, to: "snapshots.dump")
        let command = CommandLine.arguments.joined(separator: " ")
        try directory.write(result.summaryJSON(command: command).rendered() + "\n", to: "summary.json")
        let manifest = RunManifest(command: command, scenarioYAML: simulation.scenarioText ?? "", scenario: scenario,
                                   replicasTotal: 1, replicas: 0..<1, shard: nil, threads: 1, started: started,
                                   wallSeconds: Date().timeIntervalSince(started))
        try directory.write(manifest.json.rendered() + "\n", to: "manifest.json")
        try? FileManager.default.removeItem(atPath: checkpointPath)  // the run is complete: nothing to resume
        let s = result
        print(String(format: "%@ on %@: %llu events, %.4g s simulated, η_nuc = %.1f mV, plateau %.1f mV, "
                     + "nuclei %.3g /cm², %.3g nm", scenario.name, scenario.parameters.substrate.name,
                     s.events, s.simulatedSeconds, s.nucleationOverpotential, s.plateauOverpotential,
                     s.nucleusDensity, s.meanNucleusSize))
        if !result.cycles.isEmpty {
            print(String(format: "%d cycles (%@): CE %.4f, dead-Li fraction %.4f per cycle", result.cycles.count,
                         result.stopReason, result.coulombicEfficiency, result.deadLithiumFraction))
        }
        print("wrote " + files.map { directory.file($0) }.joined(separator: ", "))
        print("pictures: \(directory.file("eta.svg")) (η over time), \(directory.file("cross-section.png")), "
            + "\(directory.file("surface.png")); OVITO: \(directory.file("snapshots.dump"))")
    }
}

/// Reads a scenario file, or the built-in default.
enum ScenarioLoader {
    /// The scenario and its text after the overrides (what manifest.json records).
    static func load(_ path: String?, overrides: [String] = []) throws -> (Scenario, String) {
        var text = Scenario.defaultYAML
        if let path {
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw CommandError("cannot read scenario '\(path)': \(error.localizedDescription)")
            }
        }
        do {
            let effective = try ScenarioOverrides.apply(overrides, to: text)
            return (try Scenario.parse(yaml: effective), effective)
        } catch {
            throw CommandError("\(path ?? "default scenario"): \(error)")
        }
    }
}

/// A failure outside argument parsing: printed as "Error: …" with exit status 1, no usage text.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
