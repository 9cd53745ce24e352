import BinaryCoding
import Kinetics
import Lattice

extension LatticeGas: CheckpointableApplication {
    public static let checkpointName = "lattice-gas/1"

    public func encodeState(into writer: inout BinaryWriter) {
        for size in [shape.lx, shape.ly, shape.lz] { writer.write(UInt64(size)) }
        writer.write(shape.periodicZ)
        writer.write(parameters.temperature)
        writer.write(parameters.attemptFrequency)
        writer.write(parameters.diffusionBarrier)
        writer.write(parameters.bondEnergy)
        writer.write(array: parameters.substrateBondEnergies)
        writer.write(bytes: states)
    }

    public init(decodingState reader: inout BinaryReader) throws {
        let lx = Int(try reader.read(UInt64.self, "lx"))
        let ly = Int(try reader.read(UInt64.self, "ly"))
        let lz = Int(try reader.read(UInt64.self, "lz"))
        let shape = try LatticeShape(lx: lx, ly: ly, lz: lz, periodicZ: try reader.readBool("periodicZ"))
        let parameters = LatticeGasParameters(
            temperature: try reader.readDouble("temperature"),
            attemptFrequency: try reader.readDouble("attemptFrequency"),
            diffusionBarrier: try reader.readDouble("diffusionBarrier"),
            bondEnergy: try reader.readDouble("bondEnergy"),
            substrateBondEnergies: try reader.readDoubleArray("substrateBondEnergies", limit: Self.maximumSubstrateKinds))
        let states = try reader.readBytes("site states", limit: shape.siteCount)
        try self.init(shape: shape, parameters: parameters, states: states)
    }
}
