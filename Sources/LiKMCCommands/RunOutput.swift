import Foundation
import Output
import Simulation

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
                                   wallSeconds: Date().timeIntervalSince(started), provenance: ProvenanceProbe.current())
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
