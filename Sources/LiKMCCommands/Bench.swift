import ArgumentParser

/// `likmc bench …`: timed runs of the event loop.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure events per second of a KMC application.",
        subcommands: [BenchLatticeGas.self, BenchLithium.self]
    )
}
