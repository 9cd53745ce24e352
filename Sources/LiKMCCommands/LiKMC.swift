import ArgumentParser
import Simulation

/// `likmc`: the LithiumKMC command line.

public struct LiKMC: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "likmc",
        abstract: "Kinetic Monte Carlo of lithium-metal anodes: nucleation, growth and dead Li.",
        version: RunManifest.toolVersion,
        subcommands: [Run.self, Resume.self, EnsembleCommand.self, Sweep.self, Converge.self, Threshold.self, Relate.self, Merge.self, Plot.self, Validate.self, Bench.self, RNG.self]
    )
}
