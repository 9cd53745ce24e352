import GSLRandom
import Kinetics
import Lattice

extension LatticeGas: KineticApplication {
    public var eventCount: Int { shape.siteCount }

    @usableFromInline static let particleCell = UInt32(SiteState.particle) << 16
    @usableFromInline static let stateMask: UInt32 = 0xFF_0000

    @inlinable @inline(__always)
    public func classify(_ event: UInt32) -> Int? {
        let cell = cells[Int(event)]
        guard cell & Self.stateMask == Self.particleCell else { return nil }
        let c = classOfKey.withUnsafeBufferPointer { $0[Int(cell & 0xFFFF)] }
        return c < 0 ? nil : Int(c)
    }

    /// The hop rewrites the cells of `event`'s neighbours and of the destination's, and the solver
    /// re-reads their rate-table entries. Along x they share `event`'s cache line; the rows above
    /// and below, the rows two away (the destination's far side when it hops along y) and the
    /// planes above and below (3D) are other lines, requested here all at once. Measured: rows ±1
    /// 1.24× at 1024² and 1.11× at 256², adding rows ±2 another 1.11× at 1024²; no change at 64².
    @inlinable @inline(__always)
    public func prefetch(for event: UInt32, rates: RateClassTable) {
        rates.prefetch(Int(event))  // its own cell is read at once anyway
        prefetchOffsets.forEachSite(around: Int(event)) { site in
            cells.prefetch(site)
            rates.prefetch(site)
        }
    }

    /// Moves the particle at `event` to one of its empty neighbours, chosen uniformly with the
    /// free uniform number (the class says how many empty neighbours there are).
    @inlinable @inline(__always)
    public mutating func perform(
        _ event: UInt32, rateClass: Int, uniform: Double, random: inout UniformBuffer, affected: AffectedEvents
    ) {
        let targets = targetsOfClass.withUnsafeBufferPointer { $0[rateClass] }
        let delta = UInt32(stateWeights.withUnsafeBufferPointer { $0[Int(SiteState.particle)] &- $0[Int(SiteState.empty)] })
        let origin = shape.coordinates(of: event)
        let around = shape.neighbors(of: event, at: origin)
        let cells = cells.mutablePointer()
        var pick = Int(uniform * Double(targets))
        var direction = 0
        for d in 0..<Neighbors.directions {
            let site = around[d]
            if site != Neighbors.none, cells[Int(site)] & Self.stateMask == 0 {
                if pick == 0 { direction = d; break }
                pick &-= 1
            }
        }
        let destination = around[direction]
        let arrival = shape.coordinates(after: origin, direction: direction)
        cells[Int(event)] &-= Self.particleCell
        Self.shift(cells, around: around, by: 0 &- delta, affected: affected)
        cells[Int(destination)] &+= Self.particleCell
        Self.shift(cells, around: shape.neighbors(of: destination, at: arrival), by: delta, affected: affected)
        affected.append(event)
        affected.append(destination)
        recentHop = Hop(origin: event, destination: destination, direction: direction)
    }

    /// Adds `delta` to the neighbour keys of the sites `around` a changed site and lists the
    /// mobile ones, whose class may have changed.
    @inlinable @inline(__always)
    static func shift(
        _ cells: UnsafeMutablePointer<UInt32>, around: Neighbors, by delta: UInt32, affected: AffectedEvents
    ) {
        for d in 0..<Neighbors.directions {
            let neighbor = around[d]
            if neighbor == Neighbors.none { continue }
            let cell = cells[Int(neighbor)] &+ delta
            cells[Int(neighbor)] = cell
            if cell & stateMask == particleCell { affected.append(neighbor) }
        }
    }
}
