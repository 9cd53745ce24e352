import Foundation
import Simulation

extension RunManifest {
    /// The manifest this invocation of `likmc` asks an ensemble directory to hold, before any
    /// replica has run: the command line, the scenario text after `--set`, the replicas, the shard
    /// and threads, started now, with the provenance of this binary. `ensemble`, `sweep`, `converge`
    /// and `threshold` compare it with what a directory already holds (`EnsembleOutput.plan`).
    static func wanted(scenarioYAML text: String, scenario: Scenario, replicasTotal: Int, replicas: Range<Int>,
                       shard: Shard?, threads: Int) -> RunManifest {
        RunManifest(command: CommandLine.arguments.joined(separator: " "), scenarioYAML: text, scenario: scenario,
                    replicasTotal: replicasTotal, replicas: replicas, shard: shard, threads: threads, started: Date(),
                    wallSeconds: 0, provenance: ProvenanceProbe.current())
    }
}
