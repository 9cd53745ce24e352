import Lattice

/// Face-connected clusters of sites whose state satisfies a predicate: nuclei, islands, dead
/// Li. A breadth-first search over the whole lattice, O(sites); meant for sampling, not for
/// every event.
public struct ClusterCensus: Sendable {
    /// One cluster: its sites, the (x, y) columns it covers, its z range and mean z.
    public struct Cluster: Sendable, Equatable {
        public var size: Int
        public var footprint: Int
        public var lowestZ: Int
        public var highestZ: Int
        public var meanZ: Double

        public init(size: Int, footprint: Int, lowestZ: Int, highestZ: Int, meanZ: Double) {
            (self.size, self.footprint, self.lowestZ, self.highestZ, self.meanZ) = (size, footprint, lowestZ, highestZ, meanZ)
        }
    }

    public let clusters: [Cluster]

    /// Clusters of sites whose state in `grid` satisfies `member`.
    public init(grid: SiteGrid, where member: (UInt8) -> Bool) {
        let states = grid.states
        self.init(shape: grid.shape) { member(states[Int($0)]) }
    }

    /// Clusters of the sites for which `member(site)` holds.
    public init(shape: LatticeShape, sites member: (UInt32) -> Bool) {
        var seen = [Bool](repeating: false, count: shape.siteCount)
        var queue: [UInt32] = []
        var found: [Cluster] = []
        for start in 0..<shape.siteCount where !seen[start] && member(UInt32(start)) {
            seen[start] = true
            queue.removeAll(keepingCapacity: true)
            queue.append(UInt32(start))
            var head = 0
            var columns = Set<Int>()
            var low = Int.max, high = Int.min, zSum = 0
            while head < queue.count {
                let site = queue[head]
                head += 1
                let c = shape.coordinates(of: site)
                columns.insert(c.x + shape.lx * c.y)
                low = min(low, c.z)
                high = max(high, c.z)
                zSum += c.z
                for neighbor in shape.neighbors(of: site) where !seen[Int(neighbor)] && member(neighbor) {
                    seen[Int(neighbor)] = true
                    queue.append(neighbor)
                }
            }
            found.append(Cluster(size: queue.count, footprint: columns.count, lowestZ: low, highestZ: high,
                                 meanZ: Double(zSum) / Double(queue.count)))
        }
        clusters = found
    }

    /// Clusters of at least `minimumSize` sites.
    public func clusters(minimumSize: Int) -> [Cluster] { clusters.filter { $0.size >= minimumSize } }
}
