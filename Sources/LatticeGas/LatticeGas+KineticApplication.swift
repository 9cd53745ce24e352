import GSLRandom
import Kinetics
import Lattice

extension LatticeGas: KineticApplication {
    public var eventCount: Int { sites.shape.siteCount }

    @inlinable @inline(__always)
    public func classify(_ event: UInt32) -> Int? {
        guard sites[event] == SiteState.particle else { return nil }
        let c = classOfKey.withUnsafeBufferPointer { table in
            keys.withUnsafeBufferPointer { table[Int($0[Int(event)])] }
        }
        return c < 0 ? nil : Int(c)
    }

    /// Moves the particle at `event` to one of its empty neighbours, chosen uniformly.
    @inlinable @inline(__always)
    public mutating func perform(
        _ event: UInt32, rateClass: Int, uniform: Double, random: inout UniformBuffer, affected: AffectedEvents
    ) {
        let targets = targetsOfClass.withUnsafeBufferPointer { $0[rateClass] }
        let weights = stateWeights
        recentHop = keys.withUnsafeMutableBufferPointer { keys in
            sites.withMutableAccess { grid in
                let around = grid.shape.neighbors(of: event)
                var pick = Int(uniform * Double(targets))
                var direction = 0
                for d in 0..<Neighbors.directions {
                    let site = around[d]
                    if site != Neighbors.none, grid[site] == SiteState.empty {
                        if pick == 0 { direction = d; break }
                        pick &-= 1
                    }
                }
                let destination = around[direction]
                let delta = weights[Int(SiteState.particle)] &- weights[Int(SiteState.empty)]
                grid.set(event, to: SiteState.empty)
                Self.shift(keys, around: around, by: 0 &- delta, grid: grid, affected: affected)
                grid.set(destination, to: SiteState.particle)
                Self.shift(keys, around: grid.shape.neighbors(of: destination), by: delta, grid: grid,
                           affected: affected)
                affected.append(event)
                affected.append(destination)
                return Hop(origin: event, destination: destination, direction: direction)
            }
        }
    }

    /// Adds `delta` to the neighbour keys of the sites `around` a changed site and lists the
    /// mobile ones, whose class may have changed.
    @inlinable @inline(__always)
    static func shift(
        _ keys: UnsafeMutableBufferPointer<UInt16>, around: Neighbors, by delta: UInt16,
        grid: MutableSiteAccess, affected: AffectedEvents
    ) {
        for neighbor in around {
            keys[Int(neighbor)] &+= delta
            if grid[neighbor] == SiteState.particle { affected.append(neighbor) }
        }
    }
}
