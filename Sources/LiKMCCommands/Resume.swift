import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc resume CHECKPOINT`: continues a run from its checkpoint and writes what `run` writes.
struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Continue a run from a checkpoint (DIR/checkpoint.likmc) and write its results.",
        discussion: "The resumed run follows the same trajectory as if never interrupted: its results are those of an uninterrupted run."
    )

    @Argument(help: "Checkpoint file written by likmc run.") var checkpoint: String
    @Option(help: "Output directory (default: the checkpoint's directory).") var out: String?
    @OptionGroup var checkpoints: CheckpointOptions
    @Flag(help: "Replace existing result files.") var force = false
    @Flag(help: "No progress line on stderr.") var quiet = false

    func run() throws {
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: checkpoint))) } catch {
            throw CommandError("cannot read checkpoint '\(checkpoint)': \(error.localizedDescription)")
        }
        var simulation: ElectrodeRun
        do { simulation = try ElectrodeRun(resuming: bytes, path: checkpoint) } catch {
            throw CommandError("\(checkpoint): \(error)")
        }
        let parent = (checkpoint as NSString).deletingLastPathComponent
        let directory = try OutputDirectory(path: out ?? (parent.isEmpty ? "." : parent), replace: force)
        try directory.checkWritable(RunOutput.files(cycling: simulation.scenario.cycling != nil))
        try RunOutput.complete(&simulation, in: directory, checkpointEvery: checkpoints.checkpointEvery, quiet: quiet)
    }
}
