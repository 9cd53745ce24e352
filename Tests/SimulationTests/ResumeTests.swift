import Foundation
import Output
import Simulation
import Testing

/// A run resumed from a checkpoint taken anywhere (plating, rest, stripping) gives exactly the
/// results of the run never interrupted; damaged checkpoints are refused.
@Suite struct ResumeTests {
    static let yaml = """
        name: resume
        seed: 8
        lattice: {lx: 10, ly: 10, lz: 7}
        material: {substrate: Cu, substrate_layers: 1, sei_exchange_current_density_mA_cm2: 0.05}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 1.5}
        cycling: {cycles: 2, rest_s: 0.05}
        sampling: {window_monolayers: 0.05, potentiostatic_samples: 5}
        """

    static func fresh() throws -> ElectrodeRun {
        var run = try ElectrodeRun(scenario: try Scenario.parse(yaml: yaml))
        run.scenarioText = yaml
        run.recordsSnapshots = true
        return run
    }

    /// What must match: summary.json without timings, the time series, the dump frames.
    static func fingerprint(_ run: ElectrodeRun, _ result: RunResult) -> [String] {
        guard case let .object(pairs) = result.summaryJSON() else { return [] }
        let kept = pairs.filter { !["events_per_second", "wall_seconds"].contains($0.0) }
        return [JSONValue.object(kept).rendered(), result.timeSeriesCSV(), result.deadClustersCSV(), run.snapshots]
    }

    @Test func resumedRunsEqualTheUninterruptedRun() throws {
        var whole = try Self.fresh()
        let wholeResult = whole.run()
        let reference = Self.fingerprint(whole, wholeResult)
        var saved: [[UInt8]] = []
        var samples = 0
        var interrupted = try Self.fresh()
        let policy = CheckpointPolicy(isDue: { samples += 1; return samples % 17 == 0 }, save: { saved.append($0) })
        let result = try interrupted.run(checkpoint: policy)
        #expect(Self.fingerprint(interrupted, result) == reference, "checkpointing must not disturb the run")
        #expect(saved.count >= 4)
        for bytes in saved {
            var resumed = try ElectrodeRun(resuming: bytes)
            let result = resumed.run()
            let got = Self.fingerprint(resumed, result)
            for i in reference.indices { #expect(got[i] == reference[i], "part \(i) differs after resuming") }
        }
    }

    @Test func damagedCheckpointsAreRefused() throws {
        var saved: [UInt8] = []
        var run = try Self.fresh()
        var samples = 0
        _ = try run.run(checkpoint: CheckpointPolicy(isDue: { samples += 1; return samples == 5 }, save: { saved = $0 }))
        #expect(!saved.isEmpty)
        var flipped = saved
        flipped[flipped.count / 2] ^= 0x40
        for bad in [Array(saved.prefix(saved.count / 2)), flipped, Array("not a checkpoint at all".utf8)] {
            #expect(throws: (any Error).self) { _ = try ElectrodeRun(resuming: bad) }
        }
    }
}
