import Foundation
import Output

/// manifest.json: what produced a result directory — the tool, its version and the git commit it
/// was built from (when known), the host, the command, the scenario exactly as run (after --set
/// overrides), the seed and random number generator, which replicas (and which shard of a job
/// array), the thread count and the timings. `likmc merge` checks shards against it.
public struct RunManifest: Sendable, Equatable {
    /// The version of LithiumKMC, stated once: `likmc --version` prints it and every manifest records it.
    public static let toolVersion = "0.3.0"

    public var command: String
    public var scenarioYAML: String
    public var scenarioName: String
    public var seed: UInt64
    /// The random number generator (a GSL name, e.g. mt19937).
    public var generator: String
    /// Where and from what the result was made; see ``Provenance``.
    public var provenance: Provenance
    public var replicasTotal: Int
    public var replicas: Range<Int>
    public var shard: Shard?
    public var threads: Int
    public var started: Date
    public var wallSeconds: Double

    public init(command: String, scenarioYAML: String, scenario: Scenario, replicasTotal: Int, replicas: Range<Int>,
                shard: Shard?, threads: Int, started: Date, wallSeconds: Double, provenance: Provenance) {
        self.init(command: command, scenarioYAML: scenarioYAML, scenarioName: scenario.name, seed: scenario.seed,
                  generator: scenario.generator, replicasTotal: replicasTotal, replicas: replicas, shard: shard,
                  threads: threads, started: started, wallSeconds: wallSeconds, provenance: provenance)
    }

    /// The manifest of a run of any kind of scenario, named by `scenarioName` with master seed `seed`
    /// and random-number generator `generator`.
    public init(command: String, scenarioYAML: String, scenarioName: String, seed: UInt64, generator: String,
                replicasTotal: Int, replicas: Range<Int>, shard: Shard?, threads: Int, started: Date, wallSeconds: Double,
                provenance: Provenance) {
        self.command = command
        self.scenarioYAML = scenarioYAML
        self.scenarioName = scenarioName
        self.seed = seed
        self.generator = generator
        self.provenance = provenance
        self.replicasTotal = replicasTotal
        self.replicas = replicas
        self.shard = shard
        self.threads = threads
        self.started = started
        self.wallSeconds = wallSeconds
    }

    /// Whether `other` runs the same replicas of the same scenario (text, seed, replica count,
    /// shard): a resumed ensemble must be the one that was interrupted.
    public func describesSameWork(as other: RunManifest) -> Bool {
        scenarioYAML == other.scenarioYAML && replicasTotal == other.replicasTotal && replicas == other.replicas
            && shard == other.shard
    }

    public var json: JSONValue {
        .object([
            ("tool", .string("likmc")),
            ("version", .string(Self.toolVersion)),
            ("git_commit", .string(provenance.commit)),
            ("host", .string(provenance.host)),
            ("command", .string(command)),
            ("scenario", .string(scenarioName)),
            ("seed", .integer(Int(seed))),
            ("generator", .string(generator)),
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
        // Manifests written before 0.3.0 recorded neither the generator nor the provenance.
        generator = object["generator"] as? String ?? "mt19937"
        provenance = Provenance(commit: object["git_commit"] as? String ?? Provenance.unknown,
                                host: object["host"] as? String ?? Provenance.unknown)
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
