import ArgumentParser
import BinaryCoding
import GSLRandom

/// `likmc rng`: raw generator output, one integer per line, for comparison with GSL itself.
struct RNG: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print raw gsl_rng_get outputs of a GSL generator, one integer per line.",
        discussion: "Valid generators: \(GeneratorCatalog.names.joined(separator: ", "))."
    )

    @Option(help: "GSL generator name (see gsl_rng_types_setup).")
    var generator = GeneratorCatalog.defaultName

    @Option(help: "Seed passed to gsl_rng_set (0 … 2⁶⁴−1).")
    var seed: UInt64 = 0

    @Option(help: "How many numbers to print (≥ 1).")
    var count = 10

    @Option(help: "Derive the seed for this replica index from --seed (see ReplicaSeed) instead of using it directly.")
    var replica: Int?

    @Option(help: "Continue from a saved generator state (a file written by --save-state) instead of seeding.")
    var state: String?

    @Option(help: "After drawing, save the exact generator state to this file (atomically).")
    var saveState: String?

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be ≥ 1, got \(count)") }
        if let replica, replica < 0 { throw ValidationError("--replica must be ≥ 0, got \(replica)") }
        guard GeneratorCatalog.names.contains(generator) else {
            throw ValidationError("\(RandomStreamError.unknownGenerator(name: generator, valid: GeneratorCatalog.names))")
        }
    }

    func run() throws {
        let stream: RandomStream
        if let state {
            let bytes: [UInt8]
            do { bytes = try AtomicFile.read(state) } catch {
                throw CommandError("cannot read generator state '\(state)': \(error.localizedDescription)")
            }
            do { stream = try RandomStream(savedState: bytes) } catch { throw CommandError("\(state): \(error)") }
        } else {
            stream = try replica.map { try RandomStream(generator: generator, masterSeed: seed, replica: $0) }
                ?? RandomStream(generator: generator, seed: seed)
        }
        var output = ""
        output.reserveCapacity(min(count, 1 << 16) * 11)
        for i in 0..<count {
            output += String(stream.next())
            output += "\n"
            if i % 65_536 == 65_535 {
                print(output, terminator: "")
                output.removeAll(keepingCapacity: true)
            }
        }
        print(output, terminator: "")
        if let saveState { try AtomicFile.write(stream.savedState(), to: saveState) }
    }
}
