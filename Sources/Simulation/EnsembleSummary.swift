import Analysis
import Output

/// Statistics over replicas: for every scalar observable of a single run, the mean, standard
/// deviation, standard error, Student-t 95 % confidence interval and n, under the same key.
/// Built from a ``ReplicaTable``, so a merged set of shards gives the same file as one machine.
public struct EnsembleSummary {
    public let table: ReplicaTable
    public let scenario: Scenario
    /// Sum of the replicas' wall-clock seconds (a timing: left out of the comparable output).
    public let wallSecondsTotal: Double

    public init(table: ReplicaTable, scenario: Scenario, wallSecondsTotal: Double) {
        self.table = table
        self.scenario = scenario
        self.wallSecondsTotal = wallSecondsTotal
    }

    public init(results: [RunResult]) {
        self.init(table: ReplicaTable(results: results), scenario: results[0].scenario,
                  wallSecondsTotal: results.reduce(0) { $0 + $1.wallSeconds })
    }

    public var observableNames: [String] { table.names }

    /// summary.json. With `includeTimings: false` the wall-clock dependent entries are left out,
    /// so that the file is identical for any thread count and any sharding.
    public func json(includeTimings: Bool = true) -> JSONValue {
        var pairs = Self.statistics(of: table, includeTimings: includeTimings)
        pairs += [
            ("replicas", .integer(table.rows.count)),
            ("first_replica", .integer(table.rows.first?.replica ?? 0)),
            ("seed", .integer(Int(scenario.seed))),
            ("scenario", .string(scenario.name)),
            ("substrate", .string(scenario.parameters.substrate.name)),
            ("acceleration", acceleration),
        ]
        if includeTimings { pairs.append(("wall_seconds_total", .number(wallSecondsTotal))) }
        return .object(pairs)
    }

    /// For every observable of `table`: mean, std, stderr, Student-t 95 % CI and n over the replicas
    /// (non-finite values left out). Shared by every kind of scenario.
    public static func statistics(of table: ReplicaTable, includeTimings: Bool) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = []
        for name in table.names where includeTimings || !ReplicaTable.timingNames.contains(name) {
            let s = SampleSummary(table.values(name).filter(\.isFinite))
            let ci = s.confidenceInterval95
            pairs.append((name, .object([
                ("mean", .number(s.mean)), ("std", .number(s.standardDeviation)), ("stderr", .number(s.standardError)),
                ("ci95_low", .number(ci.lowerBound)), ("ci95_high", .number(ci.upperBound)), ("n", .integer(s.count)),
            ])))
        }
        return pairs
    }

    /// The mode and, for an `auto` ensemble, per channel: the smallest factor any replica had, the
    /// mean final factor and the mean share of the events (each replica's are in replicas.csv).
    var acceleration: JSONValue {
        var pairs: [(String, JSONValue)] = [("mode", .string(scenario.acceleration.mode.rawValue))]
        let prefix = "acceleration_", suffix = "_min_factor"
        let names = table.names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }
            .map { String($0.dropFirst(prefix.count).dropLast(suffix.count)) }
        pairs += names.map { name in
            let key = prefix + name
            return (name.replacingOccurrences(of: "_", with: " "), .object([
                ("min_factor", .number(table.values(key + suffix).min() ?? .nan)),
                ("final_factor", .number(SampleSummary(table.values(key + "_final_factor")).mean)),
                ("event_share", .number(SampleSummary(table.values(key + "_event_share")).mean)),
            ]))
        }
        return .object(pairs)
    }

    public func replicasCSV(includeTimings: Bool = true) -> String { table.csv(includeTimings: includeTimings) }
}
