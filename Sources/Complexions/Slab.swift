import GSLRandom
import Lattice

/// A Li–M slab on a simple-cubic lattice, periodic in x and y: layers z < ``top`` are solid (Li or
/// M), the layers above are electrolyte (empty). The lowest ``frozenLayers`` layers never change:
/// they stand for the bulk below (a fixed bottom). z = 0 is a wall (no bonds below it).
///
/// The sampler's moves never turn a solid site empty or back, so the solid and mobile sites are
/// fixed between ``strip(layers:)`` calls; the M count of each layer is kept up to date by the
/// moves, which makes the composition profile O(layers) per sample.
public struct Slab: Sendable, Equatable {
    public let shape: LatticeShape
    public private(set) var states: [UInt8]
    /// First empty layer: solid layers are 0 ..< top.
    public private(set) var top: Int
    public let frozenLayers: Int
    /// M sites per layer z (0 ..< shape.lz).
    public private(set) var soluteCount: [Int]
    /// Sites that moves may change (solid, above the frozen layers), in increasing order.
    public private(set) var mobileSites: [UInt32]

    /// A slab with the given site states; fails unless solids fill exactly the layers below an
    /// empty layer and the frozen layers are below the top.
    public init(shape: LatticeShape, states: [UInt8], frozenLayers: Int) throws(ComplexionError) {
        guard states.count == shape.siteCount else {
            throw .impossible("\(states.count) site states for \(shape.siteCount) sites")
        }
        guard !shape.periodicZ else { throw .impossible("a slab needs walls along z (a free surface on top)") }
        let area = shape.lx * shape.ly
        var top = 0
        while top < shape.lz, states[(top * area)..<((top + 1) * area)].allSatisfy({ $0 != SlabSpecies.empty }) { top += 1 }
        guard top < shape.lz else { throw .impossible("no empty layer above the slab: lz must exceed the slab layers") }
        guard states[(top * area)...].allSatisfy({ $0 == SlabSpecies.empty }) else {
            throw .impossible("layers 0 ..< \(top) are solid but an empty site is missing above them: the slab must be whole layers")
        }
        guard states.allSatisfy({ $0 < UInt8(SlabSpecies.count) }) else { throw .impossible("a site state outside 0 ..< 3") }
        guard frozenLayers >= 0, frozenLayers < top else {
            throw .invalid(field: "frozen_bottom_layers", value: Double(frozenLayers), allowed: "0 … \(max(0, top - 1)) (below the top)")
        }
        self.shape = shape
        self.states = states
        self.top = top
        self.frozenLayers = frozenLayers
        soluteCount = (0..<shape.lz).map { z in states[(z * area)..<((z + 1) * area)].count { $0 == SlabSpecies.solute } }
        mobileSites = (UInt32(frozenLayers * area)..<UInt32(top * area)).map { $0 }
    }

    /// Sites per layer, Lx·Ly.
    public var layerArea: Int { shape.lx * shape.ly }

    /// M fraction of every solid layer, z = 0 ..< top.
    public var profile: [Double] { (0..<top).map { Double(soluteCount[$0]) / Double(layerArea) } }

    public var soluteTotal: Int { soluteCount.reduce(0, +) }

    /// Sets the state of a mobile site from Li to M or back, keeping the layer counts.
    @inline(__always)
    mutating func set(_ site: UInt32, to state: UInt8, layer z: Int) {
        states[Int(site)] = state
        soluteCount[z] += state == SlabSpecies.solute ? 1 : -1
    }

    /// Bond energy −Σ ε(sᵢ, sⱼ) over all face-neighbour pairs (each once), eV.
    public func bondEnergy(_ energies: PairEnergies) -> Double {
        var sum = 0.0
        for site in 0..<UInt32(shape.siteCount) {
            let a = Int(states[Int(site)])
            for d in [0, 2, 4] {  // +x, +y, +z: every pair once
                let n = shape.neighbors(of: site)[d]
                if n != Neighbors.none { sum += energies[a, Int(states[Int(n)])] }
            }
        }
        return -sum
    }

    /// Removes the top `layers` solid layers (they become electrolyte): the surface phase is
    /// stripped off and the layer below becomes the new surface.
    public mutating func strip(layers: Int) throws(ComplexionError) {
        guard layers >= 1, top - layers > frozenLayers else {
            throw .invalid(field: "strip_layers", value: Double(layers), allowed: "1 … \(top - frozenLayers - 1)")
        }
        let area = layerArea
        for z in (top - layers)..<top {
            for i in (z * area)..<((z + 1) * area) { states[i] = SlabSpecies.empty }
            soluteCount[z] = 0
        }
        top -= layers
        mobileSites = (UInt32(frozenLayers * area)..<UInt32(top * area)).map { $0 }
    }
}

extension Slab {
    /// A slab of `layers` solid layers under `lz − layers` empty ones, every solid site M with
    /// probability `soluteFraction` (independently): a clean surface at the bulk composition.
    public static func random(
        lx: Int, ly: Int, lz: Int, layers: Int, frozenLayers: Int, soluteFraction: Double, random: RandomStream
    ) throws(ComplexionError) -> Slab {
        guard (0...1).contains(soluteFraction) else {
            throw .invalid(field: "m_fraction", value: soluteFraction, allowed: "[0, 1]")
        }
        guard layers >= 1, layers < lz else {
            throw .invalid(field: "slab_layers", value: Double(layers), allowed: "1 … lz − 1 = \(lz - 1)")
        }
        let shape: LatticeShape
        do { shape = try LatticeShape(lx: lx, ly: ly, lz: lz) } catch { throw .impossible("\(error)") }
        let area = lx * ly
        var states = [UInt8](repeating: SlabSpecies.empty, count: shape.siteCount)
        for i in 0..<(layers * area) {
            states[i] = random.uniform() < soluteFraction ? SlabSpecies.solute : SlabSpecies.lithium
        }
        return try Slab(shape: shape, states: states, frozenLayers: frozenLayers)
    }
}
