import Lattice

/// Face-connected clusters of sites whose state satisfies a predicate: nuclei, islands, dead
/// Li. A breadth-first search over the whole lattice, O(sites); meant for sampling, not for
/// every event.
public struct ClusterCensus: Sendable {
    /// One cluster: its sites, the (x, y) columns it covers, and its z range.
    public struct Cluster: Sendable, Equatable {
        public var size: Int
        public var footprint: Int
        public var lowestZ: Int
        public var highestZ: Int
    }

    public let clusters: [Cluster]

    public init(grid: SiteGrid, where member: (UInt8) -> Bool) {
        let shape = grid.shape
        var seen = [Bool](repeating: false, count: shape.siteCount)
        var queue: [UInt32] = []
        var found: [Cluster] = []
        let states = grid.states
        for start in 0..<shape.siteCount where !seen[start] && member(states[start]) {
            seen[start] = true
            queue.removeAll(keepingCapacity: true)
            queue.append(UInt32(start))
            var head = 0
            var columns = Set<Int>()
            var low = Int.max, high = Int.min
            while head < queue.count {
                let site = queue[head]
                head += 1
                let c = shape.coordinates(of: site)
                columns.insert(c.x + shape.lx * c.y)
                low = min(low, c.z)
                high = max(high, c.z)
                for neighbor in shape.neighbors(of: site) where !seen[Int(neighbor)] && member(states[Int(neighbor)]) {
                    seen[Int(neighbor)] = true
                    queue.append(neighbor)
                }
            }
            found.append(Cluster(size: queue.count, footprint: columns.count, lowestZ: low, highestZ: high))
        }
        clusters = found
    }

    /// Clusters of at least `minimumSize` sites.
    public func clusters(minimumSize: Int) -> [Cluster] { clusters.filter { $0.size >= minimumSize } }
}
