import Foundation
import Output

/// manifest.json: what produced a result directory — the tool and version, the command, the
/// scenario exactly as run (after --set overrides), the seed, which replicas (and which shard of a
/// job array), the thread count and the timings. `likmc merge` checks shards against it.
public struct RunManifest: Sendable, Equatable {
    public static let toolVersion = "0.3.0"

    public var command: String
    public var scenarioYAML: String
    public var scenarioName: String
    public var seed: UInt64
    public var replicasTotal: Int
    public var replicas: Range<Int>
    public var shard: Shard?
    public var threads: Int
    public var started: Date
    public var wallSeconds: Double

    public init(command: String, scenarioYAML: String, scenario: Scenario, replicasTotal: Int, replicas: Range<Int>,
                shard: Shard?, threads: Int, started: Date, wallSeconds: Double) {
        self.init(command: command, scenarioYAML: scenarioYAML, scenarioName: scenario.name, seed: scenario.seed,
                  replicasTotal: replicasTotal, replicas: replicas, shard: shard, threads: threads, started: started,
                  wallSeconds: wallSeconds)
    }

    /// The manifest of a run of any kind of scenario, named by `scenarioName` with master seed `seed`.
    public init(command: String, scenarioYAML: String, scenarioName: String, seed: UInt64, replicasTotal: Int,
                replicas: Range<Int>, shard: Shard?, threads: Int, started: Date, wallSeconds: Double) {
        self.command = command
        self.scenarioYAML = scenarioYAML
        self.scenarioName = scenarioName
        self.seed = seed
        self.replicasTotal = replicasTotal
        self.replicas = replicas
        self.shard = shard
        self.threads = threads
        self.started = started
        self.wallSeconds = wallSeconds
    }

    public var json: JSONValue {
        .object([
            ("tool", .string("likmc")),
            ("version", .string(Self.toolVersion)),
            ("command", .string(command)),
            ("scenario", .string(scenarioName)),
            ("seed", .integer(Int(seed))),
            ("replicas_total", .integer(replicasTotal)),
            ("replica_first", .integer(replicas.lowerBound)),
            ("replica_end", .integer(replicas.upperBound)),
            ("shard", shard.map { .string($0.description) } ?? .null),
            ("threads", .integer(threads)),
            ("started_utc", .string(ISO8601DateFormatter().string(from: started))),
            ("wall_seconds", .number(wallSeconds)),
            ("scenario_yaml", .string(scenarioYAML)),
        ])
    }

    /// Reads a manifest.json written by ``json``.
    public init(jsonText text: String) throws(MergeError) {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .malformed("manifest.json is not a JSON object")
        }
        func field<T>(_ key: String, _ type: T.Type) throws(MergeError) -> T {
            guard let value = object[key] as? T else { throw .malformed("manifest.json: missing or wrong '\(key)'") }
            return value
        }
        command = try field("command", String.self)
        scenarioYAML = try field("scenario_yaml", String.self)
        scenarioName = try field("scenario", String.self)
        seed = UInt64(try field("seed", Int.self))
        replicasTotal = try field("replicas_total", Int.self)
        let first = try field("replica_first", Int.self), end = try field("replica_end", Int.self)
        guard first <= end else { throw .malformed("manifest.json: replica_first > replica_end") }
        replicas = first..<end
        shard = try (object["shard"] as? String).map { (text: String) throws(MergeError) -> Shard in
            do { return try Shard(parsing: text) } catch { throw .malformed("manifest.json: shard '\(text)': \(error)") }
        }
        threads = try field("threads", Int.self)
        started = ISO8601DateFormatter().date(from: try field("started_utc", String.self)) ?? Date(timeIntervalSince1970: 0)
        wallSeconds = try field("wall_seconds", Double.self)
    }
}

/// Shard k of N of a job array (`--shard k/N`, 1 ≤ k ≤ N): a contiguous block of the replicas.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(parsing text: String) throws(ScenarioError) {
        let parts = text.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let k = parts[0], let n = parts[1], n >= 1, (1...n).contains(k) else {
            throw ScenarioError("--shard", "'\(text)' is not k/N with 1 ≤ k ≤ N (e.g. 2/4)")
        }
        index = k
        count = n
    }

    public var description: String { "\(index)/\(count)" }

    /// The replicas of this shard out of `total`: [(k−1)·total/N, k·total/N).
    public func replicas(of total: Int) -> Range<Int> { (index - 1) * total / count ..< index * total / count }
}
