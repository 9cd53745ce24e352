import ArgumentParser
import Foundation
import Simulation

/// `likmc bench li-model`: galvanostatic plating on a fresh substrate, timed.
struct BenchLithium: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "li-model",
        abstract: "Run Li plating (galvanostatic) and report events/s of the Li model (setup excluded)."
    )

    @Option(help: "Sites along x (≥ 1).") var lx = 256
    @Option(help: "Sites along y (≥ 1).") var ly = 256
    @Option(help: "Sites along z (≥ 3).") var lz = 8
    @Option(help: "Substrate preset (Cu, Au, Ag, Mg, Zn, Sn).") var substrate = "Cu"
    @Option(help: "Current density, mA/cm² (> 0).") var current = 1.0
    @Option(help: "Events to carry out (≥ 1).") var events: UInt64 = 2_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Print one JSON object instead of text.") var json = false

    func run() throws {
        let yaml = """
            name: bench
            seed: \(seed)
            lattice: {lx: \(lx), ly: \(ly), lz: \(lz)}
            material: {substrate: \(substrate), substrate_layers: 1}
            protocol: {mode: galvanostatic, current_density_mA_cm2: \(current), monolayers: 1000000, max_events: \(events)}
            sampling: {window_monolayers: 1000}
            """
        let scenario: Scenario
        do { scenario = try Scenario.parse(yaml: yaml) } catch { throw ValidationError("\(error)") }
        var simulation = try ElectrodeRun(scenario: scenario)
        let result = simulation.run()
        let rate = Double(result.events) / result.wallSeconds
        if json {
            print("{\"events\": \(result.events), \"seconds\": \(result.wallSeconds), \"events_per_second\": \(rate), "
                + "\"sites\": \(lx * ly * lz), \"simulated_seconds\": \(result.simulatedSeconds)}")
        } else {
            print("Li model, \(substrate), \(lx)×\(ly)×\(lz), \(current) mA/cm²: \(result.events) events in "
                + String(format: "%.3f s: %.4g events/s", result.wallSeconds, rate))
        }
    }
}
