import ArgumentParser

/// `likmc`: the LithiumKMC command line.
@main
struct LiKMC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "likmc",
        abstract: "Kinetic Monte Carlo of lithium-metal anodes: nucleation, growth and dead Li.",
        version: Version.current,
        subcommands: [Bench.self, RNG.self]
    )
}

enum Version {
    static let current = "0.1.0"
}
