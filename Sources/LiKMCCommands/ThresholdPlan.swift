import BinaryCoding
import Foundation
import GSLRandom
import Output
import Simulation

/// What `likmc threshold` runs — the scenario text (after `--set`), the observable, the replicas per
/// probe and the search — and how it runs it: one ensemble directory per probe (the ensemble
/// machinery: replica seeds, threads, progress/, manifests), the next current chosen from the
/// probes so far (``ThresholdSearch``), then summary.json and the plot. Saved as
/// DIR/progress/threshold.json when it starts, so that `likmc resume DIR` finishes a killed search:
/// the search is a function of the probes' results, so it retraces the same currents, reads complete
/// probes back, resumes the interrupted one and runs the rest.
struct ThresholdPlan: Equatable {
    var scenarioYAML: String
    var observable: String
    var replicas: Int
    var search: ThresholdSearch

    static let path = ReplicaStore.folder + "/threshold.json"
    /// The run-level observable the command reads: issue 16's fraction of plated Li on top of the coating.
    static let defaultObservable = "fraction_plated_on_top"
    static let currentKey = "protocol.current_density_mA_cm2"

    var json: JSONValue {
        .object([
            ("scenario_yaml", .string(scenarioYAML)), ("observable", .string(observable)),
            ("replicas_per_probe", .integer(replicas)), ("start_mA_per_cm2", .number(search.start)),
            ("factor", .number(search.factor)), ("tolerance", .number(search.tolerance)),
            ("max_probes", .integer(search.maximumProbes)),
        ])
    }

    init(scenarioYAML: String, observable: String, replicas: Int, search: ThresholdSearch) {
        (self.scenarioYAML, self.observable, self.replicas, self.search) = (scenarioYAML, observable, replicas, search)
    }

    /// Reads the plan a threshold search saved in `directory`.
    init(savedIn directory: String) throws {
        let text = try Merge.read(Self.path, in: directory)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let yaml = object["scenario_yaml"] as? String, let observable = object["observable"] as? String,
              let replicas = object["replicas_per_probe"] as? Int, let start = object["start_mA_per_cm2"] as? Double,
              let factor = object["factor"] as? Double, let tolerance = object["tolerance"] as? Double,
              let probes = object["max_probes"] as? Int else {
            throw CommandError("\(directory)/\(Self.path) is malformed")
        }
        self.init(scenarioYAML: yaml, observable: observable, replicas: replicas,
                  search: ThresholdSearch(start: start, factor: factor, tolerance: tolerance, maximumProbes: probes))
    }

    /// The scenario of probe `index` at `current`: the current set like `--set`, and a seed of its
    /// own, ReplicaSeed.derive(seed, index), so that no two probes share a replica's random stream
    /// (the fit treats every replica as independent).
    func probe(_ index: Int, current: Double, base: Scenario) throws -> (Scenario, String) {
        let seed = ReplicaSeed.derive(master: base.seed, replica: index)
        return try ScenarioLoader.load(text: scenarioYAML, label: "threshold probe \(index) at \(current) mA/cm²",
                                       overrides: ["\(Self.currentKey)=\(current)", "seed=\(seed)"])
    }

    /// The scenario, checked: an electrode under galvanostatic control, the current the search varies.
    func scenario() throws -> Scenario {
        let kind: ScenarioKind
        do { kind = try ScenarioKind.of(yaml: scenarioYAML) } catch { throw CommandError("threshold scenario: \(error)") }
        guard kind == .electrode else {
            throw CommandError("threshold runs electrode scenarios only (kind: segregation has no current density)")
        }
        let (scenario, _) = try ScenarioLoader.load(text: scenarioYAML, label: "threshold scenario")
        guard scenario.plating.mode == .galvanostatic else {
            throw CommandError("threshold scenario: protocol.mode is '\(scenario.plating.mode.rawValue)'; allowed: galvanostatic "
                + "(the search varies \(Self.currentKey))")
        }
        if scenario.cycling != nil && observable.hasPrefix("fraction_plated_") {
            throw CommandError("threshold scenario: it cycles (a 'cycling' section), so '\(observable)' is a share of the charge "
                + "net of stripping; allowed: a plating run for the coating fractions (docs/MODEL.md §6)")
        }
        return scenario
    }

    /// The observable of every replica in `table`, checked to be a fraction.
    func fractions(in table: ReplicaTable, probe: String) throws -> [Double] {
        guard table.names.contains(observable) else {
            throw CommandError("\(probe): the run's summary has no '\(observable)' (a scenario with a coating reports it); "
                + "allowed: a run-level observable with values in [0, 1]")
        }
        let values = table.values(observable)
        if let bad = values.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw CommandError("\(probe): '\(observable)' is \(bad); allowed: a fraction in [0, 1]")
        }
        return values
    }

    /// Runs one replica of the first probe in memory, before anything is written: a scenario whose
    /// runs do not report the observable (as a fraction) is refused with nothing on disk.
    func checkObservable(_ base: Scenario) throws {
        let (scenario, _) = try probe(0, current: search.start, base: base)
        var run = try ElectrodeRun(scenario: scenario, replica: 0)
        _ = try fractions(in: ReplicaTable(results: [run.run()]), probe: "threshold scenario at \(search.start) mA/cm²")
    }

    /// Runs the search into `out`, then writes the plot and summary.json; with `resume`, finishes
    /// what an earlier, killed run of the same plan left there.
    func run(into out: String, resume: Bool, force: Bool, threads: Int, checkpointEvery: Double, quiet: Bool) throws {
        let base = try scenario()
        // What the folder holds is decided before anything is created in it, and the observable is
        // checked before the folder is created: a refused search leaves nothing behind.
        var state = SavedPlan.State.fresh
        if FileManager.default.fileExists(atPath: out) {
            let existing = try OutputDirectory(path: out, replace: force)
            state = try SavedPlan.state(of: existing, planPath: existing.file(Self.path), finalFile: "summary.json", resume: resume,
                                        force: force, work: "threshold search",
                                        differences: "scenario, observable, replica count or search") {
                try ThresholdPlan(savedIn: existing.path) == self
            }
            if state == .complete { return }
            if state != .interrupted { try existing.checkWritable(["summary.json", ThresholdSummary.plotFile]) }
        }
        if !(state == .interrupted && resume) { try checkObservable(base) }
        let root = try OutputDirectory(path: out, replace: force)
        let planPath = root.file(Self.path)
        try FileManager.default.createDirectory(atPath: root.file(ReplicaStore.folder), withIntermediateDirectories: true)
        try AtomicFile.write(json.rendered() + "\n", to: planPath)
        let progress = ProgressLine(enabled: !quiet)
        var probes: [ThresholdSummary.Probe] = []
        var step = search.next(after: [])
        while case let .probe(current) = step {
            let index = probes.count, name = ThresholdSummary.directoryName(index)
            let (scenario, text) = try probe(index, current: current, base: base)
            let directory = try OutputDirectory(path: root.file(name), replace: force)
            let wanted = RunManifest.wanted(scenarioYAML: text, scenario: scenario, replicasTotal: replicas, replicas: 0..<replicas,
                                            shard: nil, threads: threads)
            let summary: EnsembleSummary
            if let (plan, fresh) = try EnsembleOutput.plan(wanted, in: directory, resume: resume, force: force,
                                                           files: EnsembleOutput.files(cycling: scenario.cycling != nil)) {
                let budget = search.maximumProbes
                summary = try EnsembleOutput.run(plan, scenario: scenario, fresh: fresh, threads: threads,
                                                 checkpointEvery: checkpointEvery, into: directory) { finished in
                    progress.update(fraction: (Double(index) + Double(finished) / Double(plan.replicas.count)) / Double(budget),
                                    detail: String(format: "probe %d (at most %d), j = %g mA/cm², %d replicas", index + 1, budget,
                                                   current, finished))
                }
            } else {
                summary = try EnsembleOutput.summary(ofComplete: directory.path)
            }
            let probe = ThresholdSummary.Probe(current: current, fractions: try fractions(in: summary.table, probe: name))
            probes.append(probe)
            let s = probe.statistics, ci = s.confidenceInterval95
            progress.finish()
            print(String(format: "%@: j = %g mA/cm², %@ %.3f (95 %% CI %.3f … %.3f)", name, current, observable, s.mean,
                         ci.lowerBound, ci.upperBound))
            step = search.next(after: probes.map { ($0.current, $0.statistics.mean) })
        }
        guard case let .stop(reason) = step else { preconditionFailure("the loop ends on a stop") }
        let result = ThresholdSummary(observable: observable, probes: probes, search: search, stopReason: reason,
                                      scenarioName: base.name, seed: base.seed)
        let replacing = try OutputDirectory(path: root.path, replace: true)  // checked above
        try replacing.write(result.plot().rendered(), to: ThresholdSummary.plotFile)
        try replacing.write(result.json().rendered() + "\n", to: "summary.json")
        try ReplicaStore.remove(root.file(ReplicaStore.folder))
        print(Self.line(result))
        print("wrote \(root.file("summary.json")), \(root.file(ThresholdSummary.plotFile)) and \(probes.count) ensemble directories probe-*/")
    }

    /// The result in one line for the terminal.
    static func line(_ result: ThresholdSummary) -> String {
        let e = result.estimate
        var text = "stopped: \(result.stopReason); "
        if let t = e.threshold {
            text += String(format: "threshold j* = %.4g mA/cm²", t)
            if let ci = e.interval { text += String(format: " (95 %% CI %.4g … %.4g)", ci.lowerBound, ci.upperBound) }
        } else {
            text += "no threshold"
        }
        return text + (e.note.map { "; \($0)" } ?? "")
    }
}
