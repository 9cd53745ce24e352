import BinaryCoding
import Foundation
import Output
import Simulation

/// What `likmc converge` runs — the scenario text (after `--set`, before rescaling), the site edges
/// and the replicas per site edge — and how it runs it: one ensemble directory per site edge (the
/// ensemble machinery: replica seeds, threads, progress/, manifests), then summary.json and the
/// plots. Saved as DIR/progress/converge.json when it starts, so that `likmc resume DIR` finishes a
/// killed run: complete site edges are read back, interrupted ones resumed, the rest run.
struct ConvergePlan: Equatable {
    var scenarioYAML: String
    var siteEdges: [Double]
    var replicas: Int

    static let path = ReplicaStore.folder + "/converge.json"

    /// Parses `--site-edges`: at least two distinct numbers > 0, comma-separated.
    static func siteEdges(parsing text: String) throws(ScenarioError) -> [Double] {
        let allowed = "allowed: site edges in nm, > 0, comma-separated, at least 2 distinct (e.g. 4,2,1)"
        var edges: [Double] = []
        for field in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let edge = Double(field) else { throw ScenarioError("--site-edges", "'\(field)' is not a number; \(allowed)") }
            guard edge > 0, edge.isFinite else { throw ScenarioError("--site-edges", "\(field) nm is not > 0; \(allowed)") }
            guard !edges.contains(edge) else { throw ScenarioError("--site-edges", "\(field) nm is given twice; \(allowed)") }
            edges.append(edge)
        }
        guard edges.count >= 2 else { throw ScenarioError("--site-edges", "\(edges.count) site edge(s); \(allowed)") }
        return edges
    }

    /// The directory of site edge `edge` inside the output directory: site-edge-4nm, site-edge-0.5nm.
    static func directoryName(_ edge: Double) -> String {
        "site-edge-" + (edge == edge.rounded() && abs(edge) < 1e15 ? String(Int(edge)) : "\(edge)") + "nm"
    }

    var json: JSONValue {
        .object([("scenario_yaml", .string(scenarioYAML)), ("site_edges_nm", .array(siteEdges.map { .number($0) })),
                 ("replicas_per_site_edge", .integer(replicas))])
    }

    init(scenarioYAML: String, siteEdges: [Double], replicas: Int) {
        (self.scenarioYAML, self.siteEdges, self.replicas) = (scenarioYAML, siteEdges, replicas)
    }

    /// Reads the plan a converge run saved in `directory`.
    init(savedIn directory: String) throws {
        let text = try Merge.read(Self.path, in: directory)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let yaml = object["scenario_yaml"] as? String, let edges = object["site_edges_nm"] as? [Double],
              let replicas = object["replicas_per_site_edge"] as? Int else {
            throw CommandError("\(directory)/\(Self.path) is malformed")
        }
        self.init(scenarioYAML: yaml, siteEdges: edges, replicas: replicas)
    }

    /// The rescaling and the scenario (with its text) of every site edge. Everything is checked
    /// here, before anything is written.
    func points() throws -> [(SiteEdgeRescaling, Scenario, String)] {
        let (base, _) = try ScenarioLoader.load(text: scenarioYAML, label: "converge scenario")
        return try siteEdges.map { edge in
            let rescaling: SiteEdgeRescaling
            do { rescaling = try SiteEdgeRescaling(base, siteEdge: edge) } catch {
                throw CommandError("site edge \(edge) nm: \(error)")
            }
            let (scenario, text) = try ScenarioLoader.load(text: scenarioYAML, label: "converge scenario at \(edge) nm",
                                                           overrides: rescaling.assignments)
            do { try scenario.checkFitsInMemory() } catch { throw CommandError("site edge \(edge) nm: \(error)") }
            return (rescaling, scenario, text)
        }
    }

    /// Runs every site edge into `out`, then writes summary.json and the plots; with `resume`,
    /// finishes what an earlier, killed run of the same plan left there.
    func run(into out: String, resume: Bool, force: Bool, threads: Int, checkpointEvery: Double, quiet: Bool) throws {
        let points = try points()
        let root = try OutputDirectory(path: out, replace: force)
        let planPath = root.file(Self.path)
        let state = try SavedPlan.state(of: root, planPath: planPath, finalFile: "summary.json", resume: resume, force: force,
                                        work: "converge run", differences: "scenario, site edges or replica count") {
            try ConvergePlan(savedIn: root.path) == self
        }
        if state == .complete { return }
        let interrupted = state == .interrupted
        // The plots of an interrupted run may be there (they are written just before summary.json).
        if !interrupted { try root.checkWritable(["summary.json"] + ConvergenceObservable.all.map(ConvergenceSummary.plotFile)) }
        try FileManager.default.createDirectory(atPath: root.file(ReplicaStore.folder), withIntermediateDirectories: true)
        try AtomicFile.write(json.rendered() + "\n", to: planPath)
        for (rescaling, _, _) in points where !rescaling.roundings.isEmpty {
            print("site edge \(String(format: "%g", rescaling.siteEdge)) nm: rounded " + rescaling.roundings.map(\.description).joined(separator: ", "))
        }
        let progress = ProgressLine(enabled: !quiet)
        var done: [ConvergenceSummary.Point] = []
        for (index, (rescaling, scenario, text)) in points.enumerated() {
            let directory = try OutputDirectory(path: root.file(Self.directoryName(rescaling.siteEdge)), replace: force)
            let wanted = RunManifest.wanted(scenarioYAML: text, scenario: scenario, replicasTotal: replicas, replicas: 0..<replicas,
                                            shard: nil, threads: threads)
            let summary: EnsembleSummary
            if let (plan, fresh) = try EnsembleOutput.plan(wanted, in: directory, resume: resume, force: force,
                                                           files: EnsembleOutput.files(cycling: scenario.cycling != nil)) {
                let count = points.count, edge = rescaling.siteEdge
                summary = try EnsembleOutput.run(plan, scenario: scenario, fresh: fresh, threads: threads,
                                                 checkpointEvery: checkpointEvery, into: directory) { finished in
                    progress.update(fraction: (Double(index) + Double(finished) / Double(plan.replicas.count)) / Double(count),
                                    detail: "ℓ = \(String(format: "%g", edge)) nm (\(index + 1)/\(count)), \(finished) replicas")
                }
            } else {
                summary = try EnsembleOutput.summary(ofComplete: directory.path)
            }
            done.append(ConvergenceSummary.Point(rescaling: rescaling, ensemble: summary))
        }
        progress.finish()
        let convergence = ConvergenceSummary(points: done)
        let replacing = try OutputDirectory(path: root.path, replace: true)  // checked above
        for observable in convergence.observables {
            try replacing.write(convergence.plot(observable).rendered(), to: ConvergenceSummary.plotFile(observable))
        }
        try replacing.write(convergence.json().rendered() + "\n", to: "summary.json")
        try ReplicaStore.remove(root.file(ReplicaStore.folder))
        print(Self.table(convergence))
        print("wrote \(root.file("summary.json")), the plots and \(points.count) ensemble directories site-edge-*nm/")
    }

    /// The exponents as a few lines of text for the terminal.
    static func table(_ convergence: ConvergenceSummary) -> String {
        convergence.observables.map { o in
            switch convergence.fit(o.name) {
            case let .success(f):
                return String(format: "%@: d ln X / d ln ℓ = %.3f (95 %% CI %.3f … %.3f)", o.name, f.exponent,
                              f.confidenceInterval95.lowerBound, f.confidenceInterval95.upperBound)
            case let .failure(why): return "\(o.name): no exponent (\(why))"
            }
        }.joined(separator: "\n")
    }
}
