import ArgumentParser
import Foundation
import Lattice
import LithiumModel
import Simulation

/// `likmc validate FILE`: checks a scenario without running it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file (keys, types, ranges, memory) without running it."
    )

    @Argument(help: "Scenario file (YAML).") var file: String
    @Option(name: .customLong("set"), help: "Override a scenario key (repeatable).") var overrides: [String] = []

    func run() throws {
        if try ScenarioLoader.kind(file, overrides: overrides) == .segregation {
            let (s, _) = try SegregationOutput.load(file, overrides: overrides)
            print("\(file): valid — segregation \(s.name), \(s.lx)×\(s.ly)×\(s.lz) sites, \(s.layers) solid layers, "
                + "\(s.ensemble.rawValue), J = \(s.parameters.isingCoupling) eV, Δμ_coex = \(s.parameters.coexistenceChemicalPotential) eV, "
                + "\(s.isotherm.count) isotherm points" + (s.selfHealing == nil ? "" : ", self-healing"))
            return
        }
        // Scenario.parse checks every key and the lattice's size (fuzzed in ScenarioFuzzTests), then this machine's memory.
        let (scenario, _) = try ScenarioLoader.load(file, overrides: overrides)
        do { try scenario.checkFitsInMemory() } catch { throw CommandError("\(file): \(error)") }
        let shape = try LatticeShape(lx: scenario.lx, ly: scenario.ly, lz: scenario.lz)
        let constants = RateConstants(scenario.parameters)
        let megabytes = Double(shape.siteCount * LithiumModel.bytesPerSite) / 1_048_576
        print("\(file): valid — \(scenario.name), \(scenario.parameters.substrate.name), "
            + "\(scenario.lx)×\(scenario.ly)×\(scenario.lz) sites (~\(Int(megabytes.rounded(.up))) MiB), "
            + String(format: "k0 = %.3g /s per site, hop %.3g /s, %.0f atoms per site",
                     constants.k0, constants.hopPrefactor, constants.atomsPerSite))
    }
}
