import GSLRandom
import Lattice
import Testing

@Suite struct LatticeTests {
    @Test(arguments: [1, 2, 3, 7, 64, 100, 1000, 65_536, 1 << 20, 4_000_000_000])
    func fastDivisorIsExact(divisor: Int) throws {
        let d = FastDivisor(divisor)
        let random = try RandomStream(seed: UInt64(divisor))
        let edge: [UInt32] = [0, 1, UInt32(truncatingIfNeeded: divisor - 1), UInt32(truncatingIfNeeded: divisor),
                              .max, .max - 1]
        for n in edge + (0..<20_000).map({ _ in UInt32(truncatingIfNeeded: random.next()) }) {
            let (q, r) = d.divide(n)
            #expect(q == n / UInt32(divisor) && r == n % UInt32(divisor))
        }
    }

    @Test(arguments: [(5, 4, 3, false), (3, 1, 4, true), (1, 6, 1, false), (2, 2, 2, true), (130, 3, 2, false), (6, 5, 4, true)])
    func neighboursMatchCoordinateArithmetic(lx: Int, ly: Int, lz: Int, periodicZ: Bool) throws {
        let shape = try LatticeShape(lx: lx, ly: ly, lz: lz, periodicZ: periodicZ)
        for site in 0..<UInt32(shape.siteCount) {
            let c = shape.coordinates(of: site)
            #expect(shape.index(x: c.x, y: c.y, z: c.z) == site)
            let n = shape.neighbors(of: site)
            func expected(_ dx: Int, _ dy: Int, _ dz: Int, along size: Int, coordinate: Int, periodic: Bool) -> UInt32 {
                guard size > 1 else { return Neighbors.none }
                let next = coordinate + dx + dy + dz
                if !periodic && (next < 0 || next >= size) { return Neighbors.none }
                let wrapped = (next + size) % size
                return shape.index(x: dx != 0 ? wrapped : c.x, y: dy != 0 ? wrapped : c.y, z: dz != 0 ? wrapped : c.z)
            }
            #expect(n[0] == expected(1, 0, 0, along: lx, coordinate: c.x, periodic: true))
            #expect(n[1] == expected(-1, 0, 0, along: lx, coordinate: c.x, periodic: true))
            #expect(n[2] == expected(0, 1, 0, along: ly, coordinate: c.y, periodic: true))
            #expect(n[3] == expected(0, -1, 0, along: ly, coordinate: c.y, periodic: true))
            #expect(n[4] == expected(0, 0, 1, along: lz, coordinate: c.z, periodic: periodicZ))
            #expect(n[5] == expected(0, 0, -1, along: lz, coordinate: c.z, periodic: periodicZ))
        }
    }

    @Test func bitPlanesFollowStateChanges() throws {
        let shape = try LatticeShape(lx: 70, ly: 3, lz: 2)
        var grid = SiteGrid(shape: shape, stateCount: 4)
        let random = try RandomStream(seed: 2)
        for _ in 0..<5000 {
            grid.set(UInt32(try random.integer(below: shape.siteCount)), to: UInt8(try random.integer(below: 4)))
        }
        #expect(grid.checkPlanes())
        #expect((0..<4).map { grid.plane(UInt8($0)).population } == grid.populations())
    }

    @Test func largestRequiredLatticeFits() throws {
        // 1024 × 1024 × 64 sites: index range and memory estimate.
        let shape = try LatticeShape(lx: 1024, ly: 1024, lz: 64)
        #expect(shape.siteCount == 67_108_864)
        let last = UInt32(shape.siteCount - 1)
        #expect(shape.coordinates(of: last) == SiteCoordinates(x: 1023, y: 1023, z: 63))
        #expect(throws: LatticeError.self) { try MemoryBudget.check(shape: shape, bytesPerSite: 1 << 20) }
    }
}
