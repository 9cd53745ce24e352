import ArgumentParser
import Foundation
import GSLRandom
import Kinetics
import Lattice
import LatticeGas

/// `likmc bench lattice-gas`: the lattice-gas application from a random start, timed.
struct BenchLatticeGas: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lattice-gas",
        abstract: "Run the lattice-gas application and report events/s (setup excluded)."
    )

    @Option(help: "Sites along x (≥ 1).") var lx = 256
    @Option(help: "Sites along y (≥ 1).") var ly = 256
    @Option(help: "Sites along z (≥ 1; 1 = a 2D surface).") var lz = 1
    @Option(help: "Fraction of sites holding a particle, 0…1.") var coverage = 0.5
    @Option(help: "Events to carry out (≥ 1).") var events: UInt64 = 10_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Bond energy ε, eV.") var bondEnergy = LatticeGasParameters().bondEnergy
    @Option(help: "Temperature, K (> 0).") var temperature = LatticeGasParameters().temperature
    @Flag(help: "Print one JSON object instead of text.") var json = false

    func validate() throws {
        for (name, value) in [("--lx", lx), ("--ly", ly), ("--lz", lz)] where value < 1 {
            throw ValidationError("\(name) must be ≥ 1, got \(value)")
        }
        guard (0...1).contains(coverage) else {
            throw ValidationError("--coverage must be in [0, 1], got \(coverage)")
        }
        guard events >= 1 else { throw ValidationError("--events must be ≥ 1") }
        guard temperature > 0 else { throw ValidationError("--temperature must be > 0 K, got \(temperature)") }
        do {
            try MemoryBudget.check(shape: try LatticeShape(lx: lx, ly: ly, lz: lz), bytesPerSite: LatticeGas.bytesPerSite)
        } catch {
            throw ValidationError("--lx × --ly × --lz: \(error)")
        }
    }

    func run() throws {
        let shape = try LatticeShape(lx: lx, ly: ly, lz: lz)
        let stream = try RandomStream(masterSeed: seed, replica: 0)
        let parameters = LatticeGasParameters(temperature: temperature, bondEnergy: bondEnergy)
        let states = try LatticeGas.randomStates(shape: shape, coverage: coverage, random: stream)
        let gas = try LatticeGas(shape: shape, parameters: parameters, states: states)
        var engine = KineticEngine(application: gas, random: UniformBuffer(stream: stream))
        let start = DispatchTime.now().uptimeNanoseconds
        let reason = engine.run(.events(events))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let done = engine.clock.events
        let rate = Double(done) / seconds
        if json {
            print("{\"events\": \(done), \"seconds\": \(seconds), \"events_per_second\": \(rate), "
                + "\"sites\": \(shape.siteCount), \"bytes_per_site\": \(LatticeGas.bytesPerSite), "
                + "\"simulated_seconds\": \(engine.clock.time)}")
        } else {
            print("lattice gas \(lx)×\(ly)×\(lz), coverage \(coverage), seed \(seed)")
            print("events:            \(done)\(reason == .eventLimit ? "" : " (stopped: \(reason.rawValue))")")
            print("seconds:           \(String(format: "%.3f", seconds)) (event loop only)")
            print("events per second: \(String(format: "%.4g", rate))")
            print("simulated time:    \(String(format: "%.4g", engine.clock.time)) s")
            print("memory:            \(LatticeGas.bytesPerSite) bytes/site (\(LatticeGas.bytesPerSite * shape.siteCount / 1_048_576) MiB)")
        }
    }
}
