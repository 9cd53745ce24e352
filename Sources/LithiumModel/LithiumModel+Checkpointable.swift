import BinaryCoding
import Kinetics
import Lattice

/// The Li model's checkpoint: its parameters, the lattice's site kinds, its counters and the
/// electrochemical control. The neighbour keys and the dead flags are functions of the lattice and
/// are rebuilt on reading (the dead flags by a flood fill), then checked by the engine.
extension LithiumModel: CheckpointableApplication {
    public static let checkpointName = "lithium-model/1"

    public func encodeState(into writer: inout BinaryWriter) {
        for size in [shape.lx, shape.ly, shape.lz] { writer.write(UInt64(size)) }
        let p = parameters
        writer.write(array: [p.temperature, p.siteEdge, p.lithiumBondEnergy, p.lithiumSEIBondEnergy, p.lithiumDiffusivity,
                             p.exchangeCurrentDensity, p.transferCoefficient, p.seiExchangeCurrentDensity,
                             p.seiTransferCoefficient, p.substrate.lithiumBondEnergy, p.substrate.alloyingFreeEnergy,
                             p.substrate.alloyDiffusivity, p.lithiumAlloyBondEnergy ?? .nan])
        writer.write(UInt64(p.substrateLayers))
        writer.write(p.tracksConnectivity)
        writer.write(p.substrate.lithiophilic)
        writer.write(p.substrate.name)
        writer.write(p.substrate.source)
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
        let shape = try LatticeShape(lx: lx, ly: ly, lz: lz)
        let v = try reader.readDoubleArray("parameters", limit: 13)
        guard v.count == 13 else { throw ModelError.impossible("checkpoint: \(v.count) parameters, expected 13") }
        let layers = Int(try reader.read(UInt64.self, "substrate layers"))
        let tracks = try reader.readBool("tracks connectivity")
        let lithiophilic = try reader.readBool("lithiophilic")
        let name = try reader.readString("substrate name"), source = try reader.readString("substrate source")
        var p = ModelParameters(substrate: Substrate(name: name, lithiumBondEnergy: v[9], lithiophilic: lithiophilic,
                                                     alloyingFreeEnergy: v[10], alloyDiffusivity: v[11], source: source))
        (p.temperature, p.siteEdge, p.lithiumBondEnergy, p.lithiumSEIBondEnergy, p.lithiumDiffusivity) = (v[0], v[1], v[2], v[3], v[4])
        (p.exchangeCurrentDensity, p.transferCoefficient, p.seiExchangeCurrentDensity, p.seiTransferCoefficient)
            = (v[5], v[6], v[7], v[8])
        p.lithiumAlloyBondEnergy = v[12].isNaN ? nil : v[12]
        p.substrateLayers = layers
        p.tracksConnectivity = tracks
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
}
