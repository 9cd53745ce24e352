import Foundation
import Output

/// The scalar observables of every replica: what the ensemble statistics are computed from, and
/// what a shard hands to `likmc merge` (replicas.csv, exact: numbers are written in Swift's
/// shortest round-trip form and read back bit for bit).
public struct ReplicaTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var replica: Int
        public var values: [Double]
    }

    /// Columns that depend on the wall clock, left out of comparable outputs.
    public static let timingNames: Set<String> = ["events_per_second", "wall_seconds"]

    /// Observable names, in summary order.
    public let names: [String]
    public private(set) var rows: [Row]

    public init(names: [String], rows: [Row]) {
        self.names = names
        self.rows = rows.sorted { $0.replica < $1.replica }
    }

    /// The table of `results`: every observable of a single run, then events and events/s.
    public init(results: [RunResult]) {
        let names = (results.first?.observables.map(\.0) ?? []) + ["events", "events_per_second"]
        self.init(names: names, rows: results.map { result in
            Row(replica: result.replica, values: result.observables.map(\.1)
                + [Double(result.events), result.eventsPerSecond])
        })
    }

    /// Reads replicas.csv; fails on a malformed file, naming the line.
    public init(csv text: String) throws(MergeError) {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw .malformed("replicas.csv \(error)") }
        guard table.columns.first == "replica" else { throw .malformed("replicas.csv: the first column must be 'replica'") }
        self.init(names: Array(table.columns.dropFirst()),
                  rows: table.rows.map { Row(replica: Int($0[0]), values: Array($0.dropFirst())) })
    }

    /// The values of observable `name`, one per replica in replica order.
    public func values(_ name: String) -> [Double] {
        guard let column = names.firstIndex(of: name) else { return [] }
        return rows.map { $0.values[column] }
    }

    /// replicas.csv; without timings the wall-clock dependent column is left out.
    public func csv(includeTimings: Bool = true) -> String {
        let kept = names.indices.filter { includeTimings || !Self.timingNames.contains(names[$0]) }
        var table = CSVTable(columns: ["replica"] + kept.map { names[$0] })
        for row in rows { table.append([Double(row.replica)] + kept.map { row.values[$0] }) }
        return table.rendered()
    }

    /// The union of shard tables; each replica must appear exactly once.
    public static func merging(_ tables: [ReplicaTable]) throws(MergeError) -> ReplicaTable {
        guard let first = tables.first else { throw .malformed("nothing to merge") }
        guard tables.allSatisfy({ $0.names == first.names }) else {
            throw .mismatch("the shards have different observables (different scenarios or versions)")
        }
        let rows = tables.flatMap(\.rows)
        let replicas = rows.map(\.replica)
        if let duplicate = Dictionary(grouping: replicas, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw .mismatch("replica \(duplicate) appears in more than one shard")
        }
        return ReplicaTable(names: first.names, rows: rows)
    }
}

/// Why shards cannot be merged.
public enum MergeError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case mismatch(String)

    public var description: String {
        switch self {
        case let .malformed(what), let .mismatch(what): return what
        }
    }
}
