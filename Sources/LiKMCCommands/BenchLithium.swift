import ArgumentParser
import Foundation
import Simulation

/// `likmc bench li-model`: galvanostatic plating on a fresh substrate, or stripping of a Li film,
/// timed; `--connectivity off` measures what the dead-Li bookkeeping costs.
struct BenchLithium: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "li-model",
        abstract: "Run Li plating or stripping (galvanostatic) and report events/s of the Li model (setup excluded)."
    )

    @Option(help: "Sites along x (≥ 1).") var lx = 256
    @Option(help: "Sites along y (≥ 1).") var ly = 256
    @Option(help: "Sites along z (≥ 3).") var lz = 8
    @Option(help: "Substrate preset (Cu, Au, Ag, Mg, Zn, Sn).") var substrate = "Cu"
    @Option(help: "Current density, mA/cm² (> 0).") var current = 1.0
    @Option(help: "Events to carry out (≥ 1).") var events: UInt64 = 2_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Li film layers on the substrate at the start (stripping needs some).") var filmLayers = 0
    @Flag(help: "Strip (anodic current) instead of plating.") var strip = false
    @Option(help: "Electronic connectivity: exact (dead Li tracked) or off (all Li connected; for measuring its cost).")
    var connectivity = "exact"

    func validate() throws {
        guard ["exact", "off"].contains(connectivity) else {
            throw ValidationError("--connectivity must be exact or off, got '\(connectivity)'")
        }
        guard !strip || filmLayers > 0 else { throw ValidationError("--strip needs --film-layers ≥ 1 (something to strip)") }
    }
    @Flag(help: "Print one JSON object instead of text.") var json = false

    func run() throws {
        let yaml = """
            name: bench
            seed: \(seed)
            lattice: {lx: \(lx), ly: \(ly), lz: \(lz)}
            material: {substrate: \(substrate), substrate_layers: 1}
            protocol: {mode: galvanostatic, current_density_mA_cm2: \(current), monolayers: \(strip ? "1e-9" : "1000000"),
                       max_events: \(events), li_film_layers: \(filmLayers)}
            \(strip ? "cycling: {cycles: 1, strip_cutoff_mV: 5000}" : "")
            sampling: {window_monolayers: 1000}
            """
        var scenario: Scenario
        do { scenario = try Scenario.parse(yaml: yaml) } catch { throw ValidationError("\(error)") }
        scenario.parameters.tracksConnectivity = connectivity == "exact"
        var simulation = try ElectrodeRun(scenario: scenario)
        let result = simulation.run()
        let rate = Double(result.events) / result.wallSeconds
        if json {
            print("{\"events\": \(result.events), \"seconds\": \(result.wallSeconds), \"events_per_second\": \(rate), "
                + "\"sites\": \(lx * ly * lz), \"simulated_seconds\": \(result.simulatedSeconds)}")
        } else {
            print("Li model \(strip ? "stripping" : "plating"), \(substrate), \(lx)×\(ly)×\(lz), \(current) mA/cm², "
                + "connectivity \(connectivity): \(result.events) events in "
                + String(format: "%.3f s: %.4g events/s", result.wallSeconds, rate))
        }
    }
}
