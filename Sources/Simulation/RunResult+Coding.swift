import Analysis
import BinaryCoding
import Kinetics
import LithiumModel

/// A finished replica as a file, so that an ensemble killed later does not run it again. It holds
/// exactly what the ensemble's outputs are computed from — the time series, the cycles, the final
/// nuclei, the counters — with every number's bits, so a result read back gives the same
/// summary.json, replicas.csv and pictures as the run that wrote it. The scenario is not stored:
/// the ensemble that reads the file knows it (and checks the seed and replica against it).
extension RunResult {
    static let frame = CheckpointFrame(magic: "LIKMCRES", version: 3)

    public func encoded() -> [UInt8] {
        Self.frame.seal { w in
            w.write(Int64(replica))
            w.write(scenario.seed)
            w.write(Int64(surfaceSites))
            w.write(stopReason)
            w.write(events)
            w.write(array: [simulatedSeconds, wallSeconds])
            w.write(array: series.samples.flatMap(\.fields))
            w.write(UInt64(cycles.count))
            for record in cycles { record.encode(into: &w) }
            w.write(array: finalNuclei.flatMap { [$0.size, $0.footprint, $0.lowestZ, $0.highestZ] }.map(Int64.init))
            w.write(array: finalNuclei.map(\.meanZ))
            w.write(array: coating.map { [Double($0.underneath), Double($0.onTop), Double($0.inCoating), Double($0.charge),
                                          $0.meanInterfaceHeight, $0.interfaceRoughness, $0.surfaceRoughness] } ?? [])
            acceleration.encode(into: &w)
        }
    }

    /// Reads ``encoded()`` for replica `replica` of `scenario`; a truncated, altered or foreign file,
    /// or one of another seed or replica, is an error.
    public init(decoding bytes: [UInt8], scenario: Scenario, replica: Int, path: String) throws {
        var r = try Self.frame.open(bytes, path: path)
        let storedReplica = Int(try r.read(Int64.self, "replica"))
        let seed = try r.read(UInt64.self, "seed")
        guard storedReplica == replica, seed == scenario.seed else {
            throw CheckpointError.corrupt(reason: "\(path) holds replica \(storedReplica) of seed \(seed), "
                + "expected replica \(replica) of seed \(scenario.seed)")
        }
        let surfaceSites = Int(try r.read(Int64.self, "surface sites"))
        let stopReason = try r.readString("stop reason")
        let events = try r.read(UInt64.self, "events")
        let seconds = try r.readDoubleArray("seconds", limit: 2)
        let series = try TimeSeries(fields: try r.readDoubleArray("time series"))
        let cycleCount = try r.read(UInt64.self, "cycle count")
        guard seconds.count == 2, cycleCount <= 1_000_000 else { throw CheckpointError.corrupt(reason: "result header") }
        let cycles = try (0..<cycleCount).map { _ in try CycleRecord(decoding: &r) }
        let ints = try r.readArray(Int64.self, "nuclei").map(Int.init)
        let meanZ = try r.readDoubleArray("nucleus heights")
        let coatingFields = try r.readDoubleArray("coating", limit: 7)
        guard coatingFields.isEmpty || coatingFields.count == 7 else { throw CheckpointError.corrupt(reason: "coating") }
        let coating = coatingFields.isEmpty ? nil : CoatingCensus(
            underneath: Int(coatingFields[0]), onTop: Int(coatingFields[1]), inCoating: Int(coatingFields[2]), charge: Int(coatingFields[3]),
            meanInterfaceHeight: coatingFields[4], interfaceRoughness: coatingFields[5], surfaceRoughness: coatingFields[6])
        let acceleration = try AccelerationRecord(decoding: &r)
        guard ints.count == 4 * meanZ.count, r.isAtEnd else { throw CheckpointError.corrupt(reason: "nuclei") }
        let nuclei = meanZ.indices.map { i in
            ClusterCensus.Cluster(size: ints[4 * i], footprint: ints[4 * i + 1], lowestZ: ints[4 * i + 2],
                                  highestZ: ints[4 * i + 3], meanZ: meanZ[i])
        }
        self.init(scenario: scenario, replica: replica, series: series, cycles: cycles, stopReason: stopReason,
                  events: events, simulatedSeconds: seconds[0], wallSeconds: seconds[1], finalNuclei: nuclei,
                  constants: RateConstants(scenario.parameters), surfaceSites: surfaceSites, coating: coating,
                  acceleration: acceleration)
    }
}
