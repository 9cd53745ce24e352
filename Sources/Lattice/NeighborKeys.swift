/// The neighbour key shared by the applications: what surrounds a site, as the count of each
/// state among its face neighbours, in one base-7 number (a site has at most six neighbours, so
/// each count is one digit): key = Σ_s 7^s · count(s). With at most five states the key fits in
/// 16 bits, and a site's 32-bit cell is `state << 16 | key`.
public enum NeighborKeys {
    /// The largest number of states a key can encode in 16 bits.
    public static let maximumStates = 5

    /// 7^s: what one neighbour in state s adds to the key.
    @inlinable @inline(__always) public static func weight(ofState state: Int) -> UInt32 {
        var w: UInt32 = 1
        for _ in 0..<state { w &*= 7 }
        return w
    }

    /// Number of distinct keys for `stateCount` states (7^stateCount).
    public static func keyCount(stateCount: Int) -> Int { Int(weight(ofState: stateCount)) }

    /// The neighbour count of each state encoded in `key`.
    public static func counts(in key: Int, stateCount: Int) -> [Int] {
        var rest = key
        return (0..<stateCount).map { _ in
            defer { rest /= 7 }
            return rest % 7
        }
    }

    /// The cell of `site` computed one neighbour at a time: the reference the incremental
    /// bookkeeping is tested against.
    public static func cell(of site: UInt32, in grid: SiteGrid) -> UInt32 {
        var key: UInt32 = 0
        for neighbor in grid.shape.neighbors(of: site) { key += weight(ofState: Int(grid[neighbor])) }
        return UInt32(grid[site]) << 16 | key
    }

    /// Every site's cell, from scratch, with the bit-parallel neighbour count of each state's bit
    /// plane (start-up, checkpoint restore).
    public static func cells(of grid: SiteGrid) -> [UInt32] {
        precondition(grid.stateCount <= maximumStates, "a 16-bit key encodes at most \(maximumStates) states")
        let shape = grid.shape
        var cells = grid.states.map { UInt32($0) << 16 }
        for state in 0..<grid.stateCount {
            let counts = NeighborCounting.bitParallel(grid.plane(UInt8(state)), shape: shape)
            let weight = weight(ofState: state)
            cells.withUnsafeMutableBufferPointer { cells in
                for site in cells.indices { cells[site] &+= UInt32(counts[site]) &* weight }
            }
        }
        return cells
    }
}
