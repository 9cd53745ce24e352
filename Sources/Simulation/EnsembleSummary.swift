import Analysis
import Output

/// Statistics over replicas: for every scalar observable of a single run, the mean, standard
/// deviation, standard error, Student-t 95 % confidence interval and n, under the same key.
public struct EnsembleSummary {
    public let results: [RunResult]

    public init(results: [RunResult]) { self.results = results }

    /// Observable names in summary order (those of a single run, plus events and events/s).
    public var observableNames: [String] { (results.first?.observables.map(\.0) ?? []) + ["events", "events_per_second"] }

    func values(_ name: String) -> [Double] {
        results.map { result in
            switch name {
            case "events": return Double(result.events)
            case "events_per_second": return Double(result.events) / max(result.wallSeconds, 1e-9)
            default: return result.observables.first { $0.0 == name }!.1
            }
        }
    }

    /// summary.json. With `includeTimings: false` the wall-clock dependent entries are left out,
    /// so that the file is identical for any thread count.
    public func json(includeTimings: Bool = true, command: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        for name in observableNames where includeTimings || name != "events_per_second" {
            let finite = values(name).filter(\.isFinite)
            let s = SampleSummary(finite)
            let ci = s.confidenceInterval95
            pairs.append((name, .object([
                ("mean", .number(s.mean)), ("std", .number(s.standardDeviation)), ("stderr", .number(s.standardError)),
                ("ci95_low", .number(ci.lowerBound)), ("ci95_high", .number(ci.upperBound)), ("n", .integer(s.count)),
            ])))
        }
        if let first = results.first {
            pairs += [
                ("replicas", .integer(results.count)),
                ("first_replica", .integer(first.replica)),
                ("seed", .integer(Int(first.scenario.seed))),
                ("scenario", .string(first.scenario.name)),
                ("substrate", .string(first.scenario.parameters.substrate.name)),
            ]
        }
        if includeTimings {
            pairs.append(("wall_seconds_total", .number(results.reduce(0) { $0 + $1.wallSeconds })))
        }
        if let command { pairs.append(("command", .string(command))) }
        return .object(pairs)
    }

    /// replicas.csv: one row per replica, the replica index then every observable.
    public func replicasCSV(includeTimings: Bool = true) -> String {
        let names = observableNames.filter { includeTimings || $0 != "events_per_second" }
        var table = CSVTable(columns: ["replica"] + names)
        for (i, result) in results.enumerated() {
            table.append([Double(result.replica)] + names.map { values($0)[i] })
        }
        return table.rendered()
    }
}
