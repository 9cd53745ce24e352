import Lattice

/// The rate classes of the lattice gas: one per distinct (allowed targets n_T, binding B)
/// with class rate n_T · Γ(B), fastest first (the selection scan then usually stops early),
/// and the map from neighbour key to class.
struct HopClasses {
    let rates: [Double]
    /// classOfKey[key] = class of a particle with that neighbourhood, or -1 (no empty neighbour).
    let classOfKey: [Int16]
    let targetsOfClass: [Int]

    /// Classes for the neighbourhoods that can occur: `coordinations` are the neighbour counts
    /// sites of the lattice have (4 on a periodic square lattice; 5 and 6 in a 3D box).
    init(parameters: LatticeGasParameters, stateCount: Int, coordinations: Set<Int>) {
        let keyCount = NeighborKeys.keyCount(stateCount: stateCount)
        var found: [Pair: [Int]] = [:]
        for key in 0..<keyCount {
            let counts = NeighborKeys.counts(in: key, stateCount: stateCount)
            guard coordinations.contains(counts.reduce(0, +)), counts[0] > 0 else { continue }
            var binding = parameters.bondEnergy * Double(counts[1])
            for (k, energy) in parameters.substrateBondEnergies.enumerated() { binding += energy * Double(counts[2 + k]) }
            found[Pair(targets: counts[0], binding: binding), default: []].append(key)
        }
        let pairs = found.keys.sorted {
            let ra = Double($0.targets) * parameters.hopRate(binding: $0.binding)
            let rb = Double($1.targets) * parameters.hopRate(binding: $1.binding)
            return ra != rb ? ra > rb : ($0.targets, $0.binding) < ($1.targets, $1.binding)
        }
        var classOfKey = [Int16](repeating: -1, count: keyCount)
        for (c, pair) in pairs.enumerated() { for key in found[pair]! { classOfKey[key] = Int16(c) } }
        self.classOfKey = classOfKey
        self.rates = pairs.map { Double($0.targets) * parameters.hopRate(binding: $0.binding) }
        self.targetsOfClass = pairs.map(\.targets)
    }

    private struct Pair: Hashable {
        let targets: Int
        let binding: Double
    }
}
