import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc resume CHECKPOINT|DIR`: continues a killed run from its checkpoint, or finishes a killed
/// ensemble, sweep or shard from what its directory holds, and writes what an uninterrupted run writes.
struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Continue a run from its checkpoint, or finish an interrupted ensemble, sweep, converge, threshold or shard directory.",
        discussion: """
            A resumed run follows the same trajectory as if never interrupted, and a resumed ensemble keeps its \
            finished replicas and continues its running ones from their checkpoints: the results are those of an \
            uninterrupted run (timings aside). For a directory that is complete already, nothing is done.
            """
    )

    @Argument(help: "A checkpoint written by likmc run (DIR/checkpoint.likmc), or a directory of likmc run, ensemble, sweep, converge or threshold.")
    var path: String
    @Option(help: "Output directory of a resumed run (default: the checkpoint's directory).") var out: String?
    @Option(help: "Threads for an ensemble or sweep (≥ 1; default: all cores).") var threads = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var checkpoints: CheckpointOptions
    @Flag(help: "Replace existing result files of a resumed run.") var force = false
    @Flag(help: "No progress line on stderr.") var quiet = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return try resumeRun(checkpoint: path)
        }
        let directory = try OutputDirectory(path: path, replace: false)
        if FileManager.default.fileExists(atPath: directory.file(ConvergePlan.path)) {
            try ConvergePlan(savedIn: path).run(into: path, resume: true, force: false, threads: threads,
                                                checkpointEvery: checkpoints.checkpointEvery, quiet: quiet)
            return
        }
        if FileManager.default.fileExists(atPath: directory.file(ThresholdPlan.path)) {
            try ThresholdPlan(savedIn: path).run(into: path, resume: true, force: false, threads: threads,
                                                 checkpointEvery: checkpoints.checkpointEvery, quiet: quiet)
            return
        }
        if FileManager.default.fileExists(atPath: directory.file(SweepPlan.path)) {
            try SweepPlan(savedIn: path).run(in: directory, resume: true, force: false, threads: threads,
                                             checkpointEvery: checkpoints.checkpointEvery, quiet: quiet)
            return
        }
        switch try EnsembleOutput.state(of: directory) {
        case let .interrupted(plan):
            let scenario: Scenario
            do { scenario = try Scenario.parse(yaml: plan.scenarioYAML) } catch { throw CommandError("\(path): plan scenario: \(error)") }
            try EnsembleCommand.finish(plan, scenario: scenario, fresh: false, threads: threads,
                                       checkpointEvery: checkpoints.checkpointEvery, in: directory, quiet: quiet)
        case .complete:
            try EnsembleOutput.removeLeftovers(in: directory)
            print("\(path) is complete already: nothing to resume")
        case .fresh:
            let checkpoint = directory.file("checkpoint.likmc")
            guard FileManager.default.fileExists(atPath: checkpoint) else {
                throw CommandError("'\(path)' holds nothing to resume: no checkpoint.likmc, no interrupted ensemble or sweep")
            }
            try resumeRun(checkpoint: checkpoint)
        }
    }

    /// Continues a single run from its checkpoint file.
    func resumeRun(checkpoint: String) throws {
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
