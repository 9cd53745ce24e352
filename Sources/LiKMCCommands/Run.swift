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
    @OptionGroup var checkpoints: CheckpointOptions

    func run() throws {
        let allOverrides = overrides + (seed.map { ["seed=\($0)"] } ?? [])
        if let file, try ScenarioLoader.kind(file, overrides: allOverrides) == .segregation {
            let (scenario, text) = try SegregationOutput.load(file, overrides: allOverrides)
            try SegregationOutput.run(scenario, text: text, into: try OutputDirectory(path: out, replace: force))
            return
        }
        let (scenario, text) = try ScenarioLoader.load(file, overrides: allOverrides)
        let directory = try OutputDirectory(path: out, replace: force)
        try directory.checkWritable(RunOutput.files(cycling: scenario.cycling != nil))
        var simulation = try ElectrodeRun(scenario: scenario)
        simulation.recordsSnapshots = true
        simulation.scenarioText = text
        try RunOutput.complete(&simulation, in: directory, checkpointEvery: checkpoints.checkpointEvery, quiet: quiet)
    }
}

/// Reads a scenario file, or the built-in default.
enum ScenarioLoader {
    /// The scenario and its text after the overrides (what manifest.json records).
    static func load(_ path: String?, overrides: [String] = []) throws -> (Scenario, String) {
        try load(text: path.map(read) ?? Scenario.defaultYAML, label: path ?? "default scenario", overrides: overrides)
    }

    /// The text of a scenario file.
    static func read(_ path: String) throws -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CommandError("cannot read scenario '\(path)': \(error.localizedDescription)")
        }
    }

    /// ``load(_:overrides:)`` of a scenario text; errors start with `label`.
    static func load(text: String, label: String, overrides: [String] = []) throws -> (Scenario, String) {
        do {
            let effective = try ScenarioOverrides.apply(overrides, to: text)
            return (try Scenario.parse(yaml: effective), effective)
        } catch {
            throw CommandError("\(label): \(error)")
        }
    }

    /// The scenario text after the overrides (the built-in default without a path).
    static func text(_ path: String?, overrides: [String]) throws -> String {
        let text = try path.map(read) ?? Scenario.defaultYAML
        do { return try ScenarioOverrides.apply(overrides, to: text) } catch {
            throw CommandError("\(path ?? "default scenario"): \(error)")
        }
    }

    /// What kind of scenario `path` holds (after the overrides).
    static func kind(_ path: String, overrides: [String]) throws -> ScenarioKind {
        do { return try ScenarioKind.of(yaml: try text(path, overrides: overrides)) } catch let error as ScenarioError {
            throw CommandError("\(path): \(error)")
        }
    }
}

/// A failure outside argument parsing: printed as "Error: …" with exit status 1, no usage text.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
