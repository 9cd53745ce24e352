import Dispatch
import Output

/// Replicas of a segregation scenario on all cores, like ``Ensemble``: replica i always uses the
/// stream of (seed, i) and results are stored by index, so the numbers do not depend on the thread
/// count.
public struct SegregationEnsemble {
    public let scenario: SegregationScenario
    public let replicas: Range<Int>

    public init(scenario: SegregationScenario, replicas: Range<Int>) {
        self.scenario = scenario
        self.replicas = replicas
    }

    public func run(threads: Int, progress: (@Sendable (Int) -> Void)? = nil) throws -> [SegregationResult] {
        let count = replicas.count
        let slots = ResultSlots<SegregationResult>(count: count)
        let scenario = self.scenario, first = replicas.lowerBound
        let next = Counter(), done = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            while true {
                let index = next.increment() - 1
                guard index < count else { return }
                slots.store(Result { try SegregationRun(scenario: scenario, replica: first + index).run() }, at: index)
                progress?(done.increment())
            }
        }
        return try slots.results()
    }

    /// The replica table: every observable of a single run, then the wall time.
    public static func table(_ results: [SegregationResult]) -> ReplicaTable {
        let names = (results.first?.observables.map(\.0) ?? []) + ["wall_seconds"]
        return ReplicaTable(names: names, rows: results.map {
            ReplicaTable.Row(replica: $0.replica, values: $0.observables.map(\.1) + [$0.wallSeconds])
        })
    }

    /// summary.json of an ensemble: statistics of every observable over the replicas.
    public static func summaryJSON(_ table: ReplicaTable, scenario: SegregationScenario, includeTimings: Bool = true) -> JSONValue {
        .object(EnsembleSummary.statistics(of: table, includeTimings: includeTimings) + [
            ("replicas", .integer(table.rows.count)),
            ("first_replica", .integer(table.rows.first?.replica ?? 0)),
            ("seed", .integer(Int(scenario.seed))),
            ("scenario", .string(scenario.name)),
            ("kind", .string(ScenarioKind.segregation.rawValue)),
        ])
    }
}
