import ArgumentParser
import LiKMCCommands
import Testing

/// Bad arguments are refused with a message naming the flag and its allowed range.
@Suite struct CommandLineTests {
    static let badArguments: [([String], String)] = [
        (["rng", "--count", "0"], "--count"),
        (["rng", "--count", "-5"], "--count"),
        (["rng", "--generator", "nope"], "mt19937"),
        (["rng", "--replica", "-1"], "--replica"),
        (["bench", "lattice-gas", "--lx", "0"], "--lx"),
        (["bench", "lattice-gas", "--coverage", "1.5"], "--coverage"),
        (["bench", "lattice-gas", "--events", "0"], "--events"),
        (["bench", "lattice-gas", "--temperature", "-3"], "--temperature"),
        (["bench", "lattice-gas", "--lx", "100000", "--ly", "100000", "--lz", "400"], "sites"),
        (["bench", "lattice-gas", "--lx", "60000", "--ly", "60000", "--lz", "1"], "MiB"),
    ]

    @Test(arguments: badArguments)
    func badArgumentsAreClearErrors(arguments: [String], mentions: String) {
        do {
            _ = try LiKMC.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            let message = LiKMC.message(for: error)
            #expect(message.contains(mentions), "message was: \(message)")
            #expect(LiKMC.exitCode(for: error) != .success)
        }
    }

    @Test func goodArgumentsParse() throws {
        _ = try LiKMC.parseAsRoot(["rng", "--generator", "taus2", "--seed", "3", "--count", "5"])
        _ = try LiKMC.parseAsRoot(["bench", "lattice-gas", "--lx", "64", "--ly", "64", "--json"])
    }
}
