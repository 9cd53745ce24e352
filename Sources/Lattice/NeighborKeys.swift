/// Builds, for every site, the 32-bit cell `state << 16 | Σ_s weight(s)·(neighbours in state s)`
/// that the applications keep incrementally — from scratch, with the bit-parallel neighbour count
/// of each state's bit plane (start-up, checkpoint restore).
public enum NeighborKeys {
    public static func cells(of grid: SiteGrid, weights: [UInt32]) -> [UInt32] {
        precondition(weights.count == grid.stateCount, "one weight per state")
        let shape = grid.shape
        var cells = grid.states.map { UInt32($0) << 16 }
        for state in 0..<grid.stateCount where weights[state] != 0 {
            let counts = NeighborCounting.bitParallel(grid.plane(UInt8(state)), shape: shape)
            let weight = weights[state]
            cells.withUnsafeMutableBufferPointer { cells in
                for site in cells.indices { cells[site] &+= UInt32(counts[site]) &* weight }
            }
        }
        return cells
    }
}
