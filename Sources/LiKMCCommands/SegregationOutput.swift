import Foundation
import Output
import Simulation

/// The result files of a segregation scenario (`kind: segregation`), for `run`, `ensemble` and `sweep`.
enum SegregationOutput {
    static func files(_ scenario: SegregationScenario) -> [String] {
        ["summary.json", "profile.csv", "manifest.json"] + (scenario.isotherm.isEmpty ? [] : ["isotherm.csv"])
            + (scenario.selfHealing == nil ? [] : ["rebuild.csv"])
    }

    /// Loads a segregation scenario (after `--set` overrides): the scenario and its text.
    static func load(_ path: String, overrides: [String]) throws -> (SegregationScenario, String) {
        let text = try ScenarioLoader.text(path, overrides: overrides)
        do { return (try SegregationScenario.parse(yaml: text), text) } catch {
            throw CommandError("\(path): \(error)")
        }
    }

    /// `likmc run` of a segregation scenario: every file is checked before anything runs and
    /// written atomically after it completes.
    static func run(_ scenario: SegregationScenario, text: String, into directory: OutputDirectory) throws {
        try directory.checkWritable(files(scenario))
        let started = Date()
        let result = try SegregationRun(scenario: scenario).run()
        let command = CommandLine.arguments.joined(separator: " ")
        try directory.write(result.profileCSV(), to: "profile.csv")
        if !scenario.isotherm.isEmpty { try directory.write(result.isothermCSV(), to: "isotherm.csv") }
        if scenario.selfHealing != nil { try directory.write(result.rebuildCSV(), to: "rebuild.csv") }
        try directory.write(result.summaryJSON(command: command).rendered() + "\n", to: "summary.json")
        let manifest = RunManifest(command: command, scenarioYAML: text, scenarioName: scenario.name, seed: scenario.seed,
                                   generator: scenario.generator, replicasTotal: 1, replicas: 0..<1, shard: nil, threads: 1,
                                   started: started, wallSeconds: Date().timeIntervalSince(started),
                                   provenance: ProvenanceProbe.current())
        try directory.write(manifest.json.rendered() + "\n", to: "manifest.json")
        let p = result.profile
        print(String(format: "%@: Γ_M = %.4g /nm² [%.4g, %.4g], h = %.4g nm [%.4g, %.4g], c_b = %.4g, h_EQ(continuum) = %.4g nm",
                     scenario.name, p.surfaceExcess.mean, p.surfaceExcess.confidenceInterval95.lowerBound,
                     p.surfaceExcess.confidenceInterval95.upperBound, p.thickness.mean,
                     p.thickness.confidenceInterval95.lowerBound, p.thickness.confidenceInterval95.upperBound,
                     p.bulkComposition.mean, result.continuumThickness))
        if let h = result.selfHealing {
            print(String(format: "self-healing: clean start h = %.4g nm, deposit start h = %.4g nm; surface M fraction %.3g → "
                         + "stripped %.3g → rebuilt %.3g (Γ_M %.4g → %.4g → %.4g /nm²), τ = %.4g s",
                         h.clean.thickness.mean, h.deposited.thickness.mean, h.surfaceFractionBeforeStrip,
                         h.surfaceFractionAfterStrip, h.surfaceFractionPlateau.mean, h.excessBeforeStrip, h.excessAfterStrip,
                         h.plateau.mean, h.rebuildTime))
        }
        print("wrote " + files(scenario).map { directory.file($0) }.joined(separator: ", "))
    }

    /// The files of an ensemble directory of a segregation scenario.
    static let ensembleFiles = ["summary.json", "replicas.csv", "manifest.json"]

    /// `likmc ensemble` (and each point of `sweep`) for a segregation scenario.
    static func ensemble(_ scenario: SegregationScenario, text: String, replicas range: Range<Int>, of total: Int,
                         shard: Shard?, threads: Int, into directory: OutputDirectory,
                         progress: @escaping @Sendable (Int) -> Void) throws -> JSONValue {
        try directory.checkWritable(ensembleFiles)
        let started = Date()
        let results = try SegregationEnsemble(scenario: scenario, replicas: range).run(threads: threads, progress: progress)
        let table = SegregationEnsemble.table(results)
        let summary = SegregationEnsemble.summaryJSON(table, scenario: scenario)
        let manifest = RunManifest(command: CommandLine.arguments.joined(separator: " "), scenarioYAML: text,
                                   scenarioName: scenario.name, seed: scenario.seed, generator: scenario.generator,
                                   replicasTotal: total, replicas: range, shard: shard, threads: threads, started: started,
                                   wallSeconds: Date().timeIntervalSince(started), provenance: ProvenanceProbe.current())
        try directory.write(table.csv(), to: "replicas.csv")
        try directory.write(summary.rendered() + "\n", to: "summary.json")
        try directory.write(manifest.json.rendered() + "\n", to: "manifest.json")
        return summary
    }
}
