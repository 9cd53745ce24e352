import GSLRandom
import Kinetics
import Lattice
import LatticeGas

/// A lattice-gas engine on `shape` from explicit states, seeded deterministically.
func makeEngine(
    shape: LatticeShape, states: [UInt8], parameters: LatticeGasParameters = LatticeGasParameters(), seed: UInt64 = 1
) throws -> KineticEngine<LatticeGas> {
    let gas = try LatticeGas(shape: shape, parameters: parameters, states: states)
    return KineticEngine(application: gas, random: UniformBuffer(stream: try RandomStream(masterSeed: seed, replica: 0)))
}

/// The displacement vector (x, y, z) of one hop in direction d.
func displacement(direction: Int) -> (Int, Int, Int) {
    switch direction {
    case 0: return (1, 0, 0)
    case 1: return (-1, 0, 0)
    case 2: return (0, 1, 0)
    case 3: return (0, -1, 0)
    case 4: return (0, 0, 1)
    default: return (0, 0, -1)
    }
}
