import GSLRandom
import Kinetics
import Lattice

extension ExchangeKinetics: KineticApplication {
    public var eventCount: Int { 3 * slab.shape.siteCount }

    public func classify(_ event: UInt32) -> Int? {
        guard let (i, j, _) = ends(of: event), i >= frozenLimit, j >= frozenLimit else { return nil }
        let a = slab.states[Int(i)], b = slab.states[Int(j)]
        guard a != b, a != SlabSpecies.empty, b != SlabSpecies.empty else { return nil }
        let first = a == SlabSpecies.solute ? 1 : 0
        let key = (first * ExchangeClasses.keySpace + countKey(i, skip: j)) * ExchangeClasses.keySpace + countKey(j, skip: i)
        let c = classes.classOfKey[key]
        return c < 0 ? nil : Int(c)
    }

    /// Swaps the two ends and lists every bond event with an end on or next to either of them
    /// (their ΔH reads the swapped sites).
    public mutating func perform(
        _ event: UInt32, rateClass: Int, uniform: Double, random: inout UniformBuffer, affected: AffectedEvents
    ) {
        guard let (i, j, _) = ends(of: event) else { preconditionFailure("event \(event) has no partner") }
        let a = slab.states[Int(i)], b = slab.states[Int(j)]
        slab.set(i, to: b, layer: slab.shape.coordinates(of: i).z)
        slab.set(j, to: a, layer: slab.shape.coordinates(of: j).z)
        for end in [i, j] {
            list(end, affected)
            for n in slab.shape.neighbors(of: end) { list(n, affected) }
        }
    }

    /// The six bond events with an end at `site`: its own three and the three that end at it.
    private func list(_ site: UInt32, _ affected: AffectedEvents) {
        let around = slab.shape.neighbors(of: site)
        for k in 0..<3 {
            affected.append(3 * site + UInt32(k))
            let back = around[2 * k + 1]
            if back != Neighbors.none { affected.append(3 * back + UInt32(k)) }
        }
    }
}
