import Analysis
import BinaryCoding
import Kinetics
import LithiumModel

/// A checkpoint of a whole run: the scenario text and replica (to rebuild the protocol), the engine
/// checkpoint (lattice, counters, rate classes, random stream position, clock), where the protocol
/// is, and what was recorded so far (time series, cycles, dump frames). Resuming it continues the
/// same trajectory bit for bit: the results equal those of a run never interrupted.
extension ElectrodeRun {
    static let frame = CheckpointFrame(magic: "LIKMCRUN", version: 3)

    /// The checkpoint file's bytes (a ``CheckpointFrame`` around the run's state).
    func checkpointBytes() throws -> [UInt8] {
        guard let scenarioText else { throw CheckpointError.corrupt(reason: "the run has no scenario text to store") }
        let engineCheckpoint = engine.checkpoint().encoded()
        return Self.frame.seal { w in
            w.write(scenarioText)
            w.write(Int64(replica))
            w.write(recordsSnapshots)
            w.write(array: [Int64(at.phaseIndex), at.inPhase ? 1 : 0, Int64(at.phaseStartCharge)])
            w.write(array: [at.phaseStartTime, at.nextSample, at.plateSeconds, at.stripSeconds, at.wallSeconds])
            w.write(at.lastEnd.rawValue)
            for inventory in [at.cycleStart, at.stripStart] { w.write(array: inventory.fields.map(Int64.init)) }
            w.write(array: series.samples.flatMap(\.fields))
            w.write(UInt64(cycles.count))
            for record in cycles { record.encode(into: &w) }
            w.write(snapshots)
            w.write(scaling != nil)
            scaling?.encode(into: &w)
            w.write(bytes: engineCheckpoint)
        }
    }

    /// Rebuilds a run from ``checkpointBytes()``; a truncated, altered or foreign file is an error.
    public init(resuming bytes: [UInt8], path: String = "checkpoint") throws {
        var r = try Self.frame.open(bytes, path: path)
        let text = try r.readString("scenario", limit: 1 << 24)
        let replica = Int(try r.read(Int64.self, "replica"))
        try self.init(scenario: try Scenario.parse(yaml: text), replica: replica)
        scenarioText = text
        recordsSnapshots = try r.readBool("records snapshots")
        let ints = try r.readArray(Int64.self, "position", limit: 3)
        let doubles = try r.readDoubleArray("position times", limit: 5)
        guard ints.count == 3, doubles.count == 5, let end = PhaseEnd(rawValue: try r.readString("last phase end")) else {
            throw CheckpointError.corrupt(reason: "run position")
        }
        at.phaseIndex = Int(ints[0])
        at.inPhase = ints[1] != 0
        at.phaseStartCharge = Int(ints[2])
        (at.phaseStartTime, at.nextSample, at.plateSeconds, at.stripSeconds, at.wallSeconds) =
            (doubles[0], doubles[1], doubles[2], doubles[3], doubles[4])
        at.lastEnd = end
        at.cycleStart = try Inventory(fields: try r.readArray(Int64.self, "cycle start", limit: Inventory.fieldCount).map(Int.init))
        at.stripStart = try Inventory(fields: try r.readArray(Int64.self, "strip start", limit: Inventory.fieldCount).map(Int.init))
        guard at.phaseIndex <= phases.count else { throw CheckpointError.corrupt(reason: "phase \(at.phaseIndex) of \(phases.count)") }
        series = try TimeSeries(fields: try r.readDoubleArray("time series"))
        let cycleCount = try r.read(UInt64.self, "cycle count")
        guard cycleCount <= 1_000_000 else { throw CheckpointError.corrupt(reason: "\(cycleCount) cycles") }
        cycles = try (0..<cycleCount).map { _ in try CycleRecord(decoding: &r) }
        snapshots = try r.readString("dump frames", limit: .max)
        guard try r.readBool("scaling") == (scaling != nil) else {
            throw CheckpointError.corrupt(reason: "the scaling state does not match the scenario's acceleration mode")
        }
        try scaling?.decode(from: &r)
        let engineCheckpoint = try Checkpoint(decoding: try r.readBytes("engine checkpoint"), path: path)
        guard r.isAtEnd else { throw CheckpointError.corrupt(reason: "trailing bytes") }
        engine = try KineticEngine(resuming: engineCheckpoint)
        engine.application.didPerform(rates: engine.rates)  // η from the restored state: the same value
    }
}

extension Inventory {
    static let fieldCount = Inventory().fields.count
    var fields: [Int] { [charge, dead, sei, active, underneath, onTop, coating] }

    init(fields: [Int]) throws {
        guard fields.count == Self.fieldCount else { throw CheckpointError.corrupt(reason: "inventory") }
        self.init()
        (charge, dead, sei, active) = (fields[0], fields[1], fields[2], fields[3])
        (underneath, onTop, coating) = (fields[4], fields[5], fields[6])
    }
}

extension TimeSeries {
    init(fields: [Double]) throws {
        let width = TimeSeries.columns.count
        guard fields.count % width == 0 else { throw CheckpointError.corrupt(reason: "time series") }
        self.init()
        for i in stride(from: 0, to: fields.count, by: width) { append(Sample(fields: fields[i..<i + width])) }
    }
}

extension CycleRecord {
    func encode(into w: inout BinaryWriter) {
        w.write(array: ([cycle, platedSites, strippedSites] + change.fields + total.fields + plating.fields).map(Int64.init))
        w.write(array: deadClusters.flatMap { [$0.size, $0.footprint, $0.lowestZ, $0.highestZ] }.map(Int64.init))
        w.write(array: deadClusters.map(\.meanZ))
        w.write(stripEnd)
        w.write(array: [plateSeconds, stripSeconds])
    }

    init(decoding r: inout BinaryReader) throws {
        let width = Inventory.fieldCount
        let n = try r.readArray(Int64.self, "cycle", limit: 3 + 3 * width).map(Int.init)
        let clusterInts = try r.readArray(Int64.self, "dead clusters").map(Int.init)
        let meanZ = try r.readDoubleArray("dead cluster heights")
        let stripEnd = try r.readString("strip end")
        let seconds = try r.readDoubleArray("cycle seconds", limit: 2)
        guard n.count == 3 + 3 * width, clusterInts.count == 4 * meanZ.count, seconds.count == 2 else {
            throw CheckpointError.corrupt(reason: "cycle record")
        }
        let clusters = meanZ.indices.map { i in
            ClusterCensus.Cluster(size: clusterInts[4 * i], footprint: clusterInts[4 * i + 1], lowestZ: clusterInts[4 * i + 2],
                                  highestZ: clusterInts[4 * i + 3], meanZ: meanZ[i])
        }
        self.init(cycle: n[0], platedSites: n[1], strippedSites: n[2], change: try Inventory(fields: Array(n[3..<3 + width])),
                  total: try Inventory(fields: Array(n[3 + width..<3 + 2 * width])),
                  plating: try Inventory(fields: Array(n[3 + 2 * width..<3 + 3 * width])), deadClusters: clusters, stripEnd: stripEnd,
                  plateSeconds: seconds[0], stripSeconds: seconds[1])
    }
}
