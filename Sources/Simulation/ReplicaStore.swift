import BinaryCoding
import Foundation

/// The `progress/` folder of an ensemble directory: what lets an ensemble killed at any moment be
/// finished later without losing or redoing work. It holds `plan.json` (the manifest of the
/// ensemble being run: scenario text, seed, replicas, shard), one `replica-NNNNNN.result` per
/// finished replica and one `replica-NNNNNN.checkpoint` per running replica, saved every
/// `checkpointEvery` wall-clock seconds. Every file is written atomically (temporary file, then
/// rename), so a kill leaves whole files or none; a replica's checkpoint is removed only after
/// its result is saved. When the ensemble's outputs are written the folder is removed.
public struct ReplicaStore: Sendable {
    public static let folder = "progress"
    public static let planName = "plan.json"

    /// The folder's path.
    public let path: String
    /// The scenario text the checkpoints store (a resumed replica rebuilds its run from it).
    public let scenarioText: String
    /// Seconds of wall-clock time between checkpoints of a running replica; 0: never.
    public let checkpointEvery: Double

    /// The store inside ensemble directory `directory` (the folder is created when missing).
    public init(directory: String, scenarioText: String, checkpointEvery: Double) throws {
        path = (directory as NSString).appendingPathComponent(Self.folder)
        self.scenarioText = scenarioText
        self.checkpointEvery = checkpointEvery
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    func resultPath(_ replica: Int) -> String { file(String(format: "replica-%06d.result", replica)) }
    func checkpointPath(_ replica: Int) -> String { file(String(format: "replica-%06d.checkpoint", replica)) }

    /// The saved result of `replica`, or nil when it has not finished.
    func result(of replica: Int, scenario: Scenario) throws -> RunResult? {
        let path = resultPath(replica)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try RunResult(decoding: try AtomicFile.read(path), scenario: scenario, replica: replica, path: path)
    }

    /// The run of `replica`: continued from its checkpoint when there is one, else from the start.
    func run(of replica: Int, scenario: Scenario) throws -> ElectrodeRun {
        let path = checkpointPath(replica)
        guard FileManager.default.fileExists(atPath: path) else {
            var run = try ElectrodeRun(scenario: scenario, replica: replica)
            run.scenarioText = scenarioText
            return run
        }
        let run = try ElectrodeRun(resuming: try AtomicFile.read(path), path: path)
        guard run.replica == replica, run.scenario == scenario else {
            throw StoreError("\(path) is a checkpoint of another scenario or replica")
        }
        return run
    }

    /// How many of `replicas` are saved finished, and how many running ones have a checkpoint.
    public func saved(of replicas: Range<Int>) -> (results: Int, checkpoints: Int) {
        let exists = { FileManager.default.fileExists(atPath: $0) }
        let results = replicas.filter { exists(resultPath($0)) }
        return (results.count, replicas.filter { !results.contains($0) && exists(checkpointPath($0)) }.count)
    }

    /// When to checkpoint `replica` while it runs (nil: never).
    func checkpointPolicy(for replica: Int) -> CheckpointPolicy? {
        checkpointEvery > 0 ? .every(seconds: checkpointEvery, to: checkpointPath(replica)) : nil
    }

    /// Saves a finished replica, then drops its checkpoint (in this order, so a kill in between
    /// leaves the result, which wins over the checkpoint).
    func save(_ result: RunResult) throws {
        try AtomicFile.write(result.encoded(), to: resultPath(result.replica))
        try? FileManager.default.removeItem(atPath: checkpointPath(result.replica))
    }

    /// Removes the folder: the ensemble's outputs are written and nothing is left to resume. The
    /// plan goes last, so that a kill half-way leaves no result or checkpoint without its plan.
    public func remove() throws { try Self.remove(path) }

    /// Removes the store folder at `path`, plan last.
    public static func remove(_ path: String) throws {
        let plan = (path as NSString).appendingPathComponent(planName)
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name != planName {
            try FileManager.default.removeItem(atPath: (path as NSString).appendingPathComponent(name))
        }
        if FileManager.default.fileExists(atPath: plan) { try FileManager.default.removeItem(atPath: plan) }
        try FileManager.default.removeItem(atPath: path)
    }

    /// A store that cannot be used as it is.
    public struct StoreError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
