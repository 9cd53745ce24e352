import BinaryCoding
import Kinetics
import Lattice

/// The Li model's checkpoint: its parameters, the lattice's site kinds, its counters and the
/// electrochemical control. The neighbour keys and the dead flags are functions of the lattice and
/// are rebuilt on reading (the dead flags by a flood fill), then checked by the engine.
///
/// The parameters are stored by name, one (key, value) pair per entry of ``ModelParameters/table``
/// (an absent optional value as NaN): a file that lacks a parameter of this build, or holds one it
/// does not know, is refused naming it. Files of earlier versions are refused by name: version 1
/// stored 13 numbers by position, version 2 did not store whether z is periodic (a model on a
/// lattice periodic in z came back with walls).
extension LithiumModel: CheckpointableApplication {
    public static let checkpointName = "lithium-model/3"

    public func encodeState(into writer: inout BinaryWriter) {
        for size in [shape.lx, shape.ly, shape.lz] { writer.write(UInt64(size)) }
        writer.write(shape.periodicZ)
        let p = parameters
        writer.write(p.substrate.name)
        writer.write(p.substrate.source)
        writer.write(UInt64(ModelParameters.table.count))
        for parameter in ModelParameters.table {
            writer.write(parameter.key)
            writer.write(parameter.value(in: p) ?? .nan)
        }
        writer.write(p.tracksConnectivity)
        writer.write(bytes: grid.states)
        writer.write(array: [netFaradaicEvents, reductions, oxidations, seiFormations].map(Int64.init))
        writer.write(array: eventsByType.map(Int64.init))
        switch control.mode {
        case let .galvanostatic(rate): writer.write(UInt8(0)); writer.write(rate)
        case let .potentiostatic(eta): writer.write(UInt8(1)); writer.write(eta)
        case let .deposition(rate): writer.write(UInt8(2)); writer.write(rate)
        }
    }

    public init(decodingState reader: inout BinaryReader) throws {
        let lx = Int(try reader.read(UInt64.self, "lx")), ly = Int(try reader.read(UInt64.self, "ly"))
        let lz = Int(try reader.read(UInt64.self, "lz"))
        let shape = try LatticeShape(lx: lx, ly: ly, lz: lz, periodicZ: try reader.readBool("periodic z"))
        let name = try reader.readString("substrate name"), source = try reader.readString("substrate source")
        var p = ModelParameters(substrate: Substrate(name: name, contactAngleDegrees: 90, lithiophilic: false, source: source))
        try Self.readParameters(from: &reader, into: &p)
        p.tracksConnectivity = try reader.readBool("tracks connectivity")
        let kinds = try reader.readBytes("site kinds", limit: shape.siteCount)
        let counters = try reader.readArray(Int64.self, "counters", limit: 4)
        let tally = try reader.readArray(Int64.self, "events by type", limit: EventType.allCases.count)
        guard counters.count == 4, tally.count == EventType.allCases.count else {
            throw ModelError.impossible("checkpoint: counters of the wrong length")
        }
        let mode: ElectrochemicalControl.Mode
        switch try reader.read(UInt8.self, "control mode") {
        case 0: mode = .galvanostatic(eventsPerSecond: try reader.readDouble("current"))
        case 1: mode = .potentiostatic(overpotential: try reader.readDouble("overpotential"))
        case 2: mode = .deposition(ratePerSite: try reader.readDouble("deposition rate"))
        default: throw ModelError.impossible("checkpoint: unknown control mode")
        }
        try self.init(shape: shape, parameters: p, kinds: kinds, control: ElectrochemicalControl(mode: mode))
        for (type, count) in tally.enumerated() { eventTally[type] = Int(count) }
        // The faradaic counters are sums over the tally; saved for readers of the file, checked here.
        guard [netFaradaicEvents, reductions, oxidations, seiFormations] == counters.map({ Int($0) }) else {
            throw ModelError.impossible("checkpoint: faradaic counters disagree with the events by type")
        }
    }

    /// Reads the (key, value) pairs: every key of the table exactly once, each value admitted.
    private static func readParameters(from reader: inout BinaryReader, into p: inout ModelParameters) throws {
        let count = Int(try reader.read(UInt64.self, "parameter count"))
        guard count <= 10 * ModelParameters.table.count else { throw ModelError.impossible("checkpoint: \(count) parameters") }
        var seen: Set<String> = []
        for _ in 0..<count {
            let key = try reader.readString("parameter name"), value = try reader.readDouble("parameter \(key)")
            guard let parameter = ModelParameters.descriptor(key) else {
                throw ModelError.impossible("checkpoint: parameter '\(key)' is not one this build knows (written by another version of likmc)")
            }
            guard seen.insert(key).inserted else { throw ModelError.impossible("checkpoint: parameter '\(key)' twice") }
            if value.isNaN && parameter.isOptional {
                parameter.set(nil, in: &p)
            } else {
                guard parameter.admits(value) else {
                    throw ModelError.invalid(field: key, value: parameter.text(value), allowed: parameter.allowedText)
                }
                parameter.set(value, in: &p)
            }
        }
        if let missing = ModelParameters.table.first(where: { !seen.contains($0.key) }) {
            throw ModelError.impossible("checkpoint: parameter '\(missing.key)' is missing (written by another version of likmc)")
        }
    }
}
