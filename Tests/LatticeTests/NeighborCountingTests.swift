import GSLRandom
import Lattice
import Testing

/// The bit-parallel neighbour count equals the scalar reference on random planes of many shapes
/// (property-based: random sizes, fill fractions and boundary conditions, fixed seeds).
@Suite struct NeighborCountingTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func bitParallelEqualsScalar(seed: UInt64) throws {
        let random = try RandomStream(seed: seed)
        for _ in 0..<12 {
            let lx = 1 + (try random.integer(below: 140))
            let ly = 1 + (try random.integer(below: 9))
            let lz = 1 + (try random.integer(below: 5))
            let shape = try LatticeShape(lx: lx, ly: ly, lz: lz, periodicZ: random.uniform() < 0.5)
            let fill = random.uniform()
            var plane = BitPlane(shape: shape, filled: false)
            for site in 0..<UInt32(shape.siteCount) where random.uniform() < fill { plane.insert(site, in: shape) }
            #expect(NeighborCounting.bitParallel(plane, shape: shape) == NeighborCounting.scalar(plane, shape: shape),
                    "\(lx)×\(ly)×\(lz) periodicZ=\(shape.periodicZ)")
        }
    }

    @Test func edgeShapes() throws {
        for (lx, ly, lz) in [(1, 1, 2), (2, 2, 2), (64, 1, 1), (65, 2, 3), (128, 3, 1), (63, 1, 4)] {
            let shape = try LatticeShape(lx: lx, ly: ly, lz: lz)
            let full = BitPlane(shape: shape, filled: true)
            #expect(NeighborCounting.bitParallel(full, shape: shape) == NeighborCounting.scalar(full, shape: shape))
        }
    }
}
