import Foundation
import Kinetics
import LithiumModel
import Output
import Simulation
import Testing

/// `acceleration: {mode: auto}` runs (docs/MODEL.md §12): the scenario keys, the run still carries
/// the applied current with its alloy transport scaled, the summary reports the factors, and the
/// run is as reproducible as an exact one (resume, thread count).
@Suite struct AccelerationRunTests {
    /// Au with Li moving in the alloy at the LixAg rate: ~10⁵ times faster than reduction per site.
    static let yaml = """
        name: tiny-au-auto
        seed: 5
        lattice: {lx: 10, ly: 10, lz: 5}
        material: {substrate: Au, substrate_layers: 1}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 1, monolayers: 1.5}
        sampling: {window_monolayers: 0.05}
        acceleration: {mode: auto, separation: 100, window: 20000}
        """

    static func message(_ yaml: String) -> String {
        do { _ = try Scenario.parse(yaml: yaml) } catch { return error.description }
        return "accepted"
    }

    @Test func keysDefaultToExactAndBadValuesAreRefusedNamingKeyAndRange() throws {
        let base = "protocol: {monolayers: 1}\n"
        #expect(try Scenario.parse(yaml: base).acceleration == Acceleration())
        #expect(Acceleration().mode == .off)
        let auto = try Scenario.parse(yaml: try ScenarioOverrides.apply(["acceleration.mode=auto"], to: base))
        #expect(auto.acceleration.mode == .auto && auto.acceleration.settings == ScalingSettings())
        let set = try Scenario.parse(yaml: base + "acceleration: {mode: auto, separation: 500, tolerance: 0.1, window: 5000}")
        #expect(set.acceleration.settings == ScalingSettings(separation: 500, tolerance: 0.1, window: 5000))
        #expect(try Scenario.parse(yaml: base + "acceleration: {mode: off}").acceleration.mode == .off)
        let bad = [
            ("acceleration: {mode: fast}", "acceleration.mode", "off, auto"),
            ("acceleration: {mode: auto, separation: 2}", "acceleration.separation", "1000000000"),
            ("acceleration: {mode: auto, tolerance: 0.9}", "acceleration.tolerance", "0.5"),
            ("acceleration: {mode: auto, window: 10}", "acceleration.window", "100"),
            ("acceleration: {mode: auto, speed: 3}", "acceleration.speed", "allowed keys"),
        ]
        for (text, key, allowed) in bad {
            let said = Self.message(base + text)
            #expect(said.hasPrefix(key) && said.contains(allowed), "\(text): \(said)")
        }
    }

    @Test func anAutoRunScalesTheAlloyTransportAndStillCarriesTheAppliedCurrent() throws {
        let scenario = try Scenario.parse(yaml: Self.yaml)
        var run = try ElectrodeRun(scenario: scenario)
        let result = run.run()
        let model = run.engine.application
        let record = result.acceleration
        #expect(record.mode == .auto && record.channels.map(\.name) == LithiumModel.channels.map(\.name))
        let transport = try #require(record.channels.first { $0.name == "alloy transport" })
        #expect(transport.minimumFactor < 0.01, "alloy transport smallest factor \(transport.minimumFactor)")
        #expect(record.channels.first { $0.name == "faradaic" }!.minimumFactor == 1)
        #expect(abs(record.channels.map(\.eventShare).reduce(0, +) + Double(model.seiFormations) / Double(result.events) - 1) < 1e-12)
        // Galvanostatic: the net faradaic events grow at I per second of the (scaled) clock. At the
        // end, N − I·T is a sum of ± unit jumps, standard deviation √(reductions + oxidations); 5σ.
        let current = model.constants.eventsPerSecond(currentDensity: 1, surfaceSites: model.surfaceSites)
        let n = Double(model.netFaradaicEvents), gross = Double(model.reductions + model.oxidations)
        #expect(abs(n - current * result.simulatedSeconds) < 5 * gross.squareRoot(),
                "net \(n) events in \(result.simulatedSeconds) s at \(current) s⁻¹ (gross \(gross))")
        // The summary names the mode and each channel's factors and share; the time series marks
        // where factors changed.
        let json = result.summaryJSON()
        let entry = try #require(json["acceleration"]?["alloy transport"])
        for key in ["min_factor", "final_factor", "event_share"] { #expect(entry[key] != nil, "missing \(key)") }
        #expect(json["acceleration"]?["mode"] == .string("auto"))
        let changes = result.series.samples.map(\.factorChanges)
        #expect(changes == changes.sorted() && changes.last! > 0 && changes.last! == run.scaling!.changes)
    }

    @Test func anExactRunSaysSoAndHasNoScaling() throws {
        let scenario = try Scenario.parse(yaml: Self.yaml.replacingOccurrences(of: "mode: auto", with: "mode: off")
            .replacingOccurrences(of: "substrate: Au", with: "substrate: Cu"))
        var run = try ElectrodeRun(scenario: scenario)
        let result = run.run()
        #expect(run.scaling == nil && result.acceleration.mode == .off)
        #expect(result.acceleration.channels.allSatisfy { $0.minimumFactor == 1 && $0.finalFactor == 1 })
        #expect(!result.observables.contains { $0.0.hasPrefix("acceleration") })
        #expect(result.series.samples.allSatisfy { $0.factorChanges == 0 })
    }

    @Test func resumedAutoRunsEqualTheUninterruptedRunAndThreadsDoNotMatter() throws {
        func fresh() throws -> ElectrodeRun {
            var run = try ElectrodeRun(scenario: try Scenario.parse(yaml: Self.yaml))
            run.scenarioText = Self.yaml
            return run
        }
        func fingerprint(_ result: RunResult) -> [String] {
            guard case let .object(pairs) = result.summaryJSON() else { return [] }
            let kept = pairs.filter { !["events_per_second", "wall_seconds"].contains($0.0) }
            return [JSONValue.object(kept).rendered(), result.timeSeriesCSV()]
        }
        var whole = try fresh()
        let reference = fingerprint(whole.run())
        var saved: [[UInt8]] = []
        var samples = 0
        var interrupted = try fresh()
        let policy = CheckpointPolicy(isDue: { samples += 1; return samples % 9 == 0 }, save: { saved.append($0) })
        #expect(fingerprint(try interrupted.run(checkpoint: policy)) == reference)
        #expect(saved.count >= 3)
        for bytes in saved {
            var resumed = try ElectrodeRun(resuming: bytes)
            #expect(fingerprint(resumed.run()) == reference, "a resumed auto run differs")
        }
        let scenario = try Scenario.parse(yaml: Self.yaml)
        let one = try Ensemble(scenario: scenario, replicas: 0..<3).run(threads: 1)
        let two = try Ensemble(scenario: scenario, replicas: 0..<3).run(threads: 2)
        let a = EnsembleSummary(results: one).json(includeTimings: false), b = EnsembleSummary(results: two).json(includeTimings: false)
        #expect(a.rendered() == b.rendered())
        #expect(a["acceleration"]?["alloy transport"]?["min_factor"] != nil)
    }
}
