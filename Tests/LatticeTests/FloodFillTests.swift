import GSLRandom
import Lattice
import Testing

/// The bit-parallel flood fill equals the scalar breadth-first search, and the 3 × 3 × 3 block
/// test groups face neighbours exactly as a search on the block's graph does (property-based:
/// random shapes, fills and seeds, fixed seeds).
@Suite struct FloodFillTests {
    /// A random plane of `shape` with each site set with probability `fill`.
    static func randomPlane(_ shape: LatticeShape, fill: Double, _ random: RandomStream) -> BitPlane {
        var plane = BitPlane(shape: shape, filled: false)
        for site in 0..<UInt32(shape.siteCount) where random.uniform() < fill { plane.insert(site, in: shape) }
        return plane
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func bitParallelEqualsScalar(seed: UInt64) throws {
        let random = try RandomStream(seed: seed)
        for _ in 0..<10 {
            let lx = 1 + (try random.integer(below: 150))
            let ly = 1 + (try random.integer(below: 9))
            let lz = 1 + (try random.integer(below: 9))
            let shape = try LatticeShape(lx: lx, ly: ly, lz: lz, periodicZ: random.uniform() < 0.3)
            // Fills near the 3D percolation threshold (0.31) give long winding paths.
            let mask = Self.randomPlane(shape, fill: 0.2 + 0.6 * random.uniform(), random)
            let seeds = Self.randomPlane(shape, fill: 0.02 * random.uniform(), random)
            let fast = FloodFill.bitParallel(mask: mask, seeds: seeds, shape: shape)
            #expect(fast == FloodFill.scalar(mask: mask, seeds: seeds, shape: shape), "\(lx)×\(ly)×\(lz)")
        }
    }

    @Test func windingPathAcrossWordsAndTheWrap() throws {
        // A serpentine in one z plane of 130 × 5: the fill must follow it across word boundaries,
        // around the periodic wrap in x and back along every row.
        let shape = try LatticeShape(lx: 130, ly: 5, lz: 1)
        var mask = BitPlane(shape: shape, filled: false)
        for y in stride(from: 0, to: 5, by: 2) { for x in 0..<130 { mask.insert(shape.index(x: x, y: y, z: 0), in: shape) } }
        mask.insert(shape.index(x: 129, y: 1, z: 0), in: shape)
        mask.insert(shape.index(x: 0, y: 3, z: 0), in: shape)
        var seeds = BitPlane(shape: shape, filled: false)
        seeds.insert(shape.index(x: 5, y: 0, z: 0), in: shape)
        let filled = FloodFill.bitParallel(mask: mask, seeds: seeds, shape: shape)
        #expect(filled == mask)
        #expect(filled == FloodFill.scalar(mask: mask, seeds: seeds, shape: shape))
    }

    @Test func blockConstants() {
        #expect(NeighborhoodCube.bits { dx, _, _ in dx == 1 } == 0x492_4924)
        #expect(NeighborhoodCube.bits { dx, _, _ in dx == -1 } == 0x124_9249)
        #expect(NeighborhoodCube.bits { _, dy, _ in dy == 1 } == 0x703_81C0)
        #expect(NeighborhoodCube.bits { _, dy, _ in dy == -1 } == 0x01C_0E07)
        let faces = [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)]
        for (d, face) in faces.enumerated() {
            #expect(NeighborhoodCube.bits { $0 == face.0 && $1 == face.1 && $2 == face.2 } == 1 << NeighborhoodCube.faceBits[d])
        }
    }

    /// The block mask read through fixed offsets (interior sites) equals the general one at every
    /// site of random lattices, boundaries included (where it falls back to the general one).
    @Test func interiorOffsetsGiveTheGeneralMask() throws {
        let random = try RandomStream(seed: 12)
        for (lx, ly, lz) in [(5, 4, 6), (3, 3, 3), (7, 1, 5), (2, 6, 4), (9, 8, 1)] {
            let shape = try LatticeShape(lx: lx, ly: ly, lz: lz)
            let member = try (0..<shape.siteCount).map { _ in try random.integer(below: 2) == 1 }
            let offsets = NeighborhoodCube.InteriorOffsets(shape: shape)
            var interior = 0
            for site in 0..<UInt32(shape.siteCount) {
                let c = shape.coordinates(of: site)
                if offsets.isInterior(c) { interior += 1 }
                let fast = NeighborhoodCube.mask(around: site, at: c, offsets: offsets) { member[Int($0)] }
                #expect(fast == NeighborhoodCube.mask(around: c, in: shape) { member[Int($0)] }, "\(lx)×\(ly)×\(lz) site \(site)")
            }
            #expect(interior == max(lx - 2, 0) * max(ly - 2, 0) * max(lz - 2, 0))
        }
    }

    /// The face groups found by reading faces and edges first equal those of the whole block, at
    /// every site of random lattices (boundaries included) and at several member densities.
    @Test func faceGroupsAroundASiteGiveTheBlocksGroups() throws {
        let random = try RandomStream(seed: 13)
        var shortcuts = 0
        for (lx, ly, lz) in [(6, 5, 7), (3, 3, 3), (7, 1, 5), (2, 6, 4), (8, 8, 6)] {
            let shape = try LatticeShape(lx: lx, ly: ly, lz: lz)
            let offsets = NeighborhoodCube.InteriorOffsets(shape: shape)
            for density in [2, 5, 8] {  // tenths of the sites are members
                let member = try (0..<shape.siteCount).map { _ in try random.integer(below: 10) < density }
                for site in 0..<UInt32(shape.siteCount) {
                    let c = shape.coordinates(of: site)
                    var reads = 0
                    let groups = NeighborhoodCube.faceGroups(around: site, at: c, offsets: offsets) { reads += 1; return member[Int($0)] }
                    let whole = NeighborhoodCube.faceGroups(of: NeighborhoodCube.mask(around: c, in: shape) { member[Int($0)] })
                    #expect(groups == whole, "\(lx)×\(ly)×\(lz) site \(site)")
                    if reads < 26 { shortcuts += 1 }
                }
            }
        }
        #expect(shortcuts > 100)
    }

    /// Face groups of random block masks against a breadth-first search on the 26 block sites.
    @Test func faceGroupsMatchASearchOnTheBlock() throws {
        let random = try RandomStream(seed: 11)
        func offset(_ bit: Int) -> (Int, Int, Int) { (bit % 3 - 1, bit / 3 % 3 - 1, bit / 9 - 1) }
        for _ in 0..<20_000 {
            let mask = UInt32(try random.integer(below: 1 << 27)) & ~(1 << 13)
            var label = [Int](repeating: -1, count: 27)
            var next = 0
            for start in 0..<27 where mask & (1 << UInt32(start)) != 0 && label[start] < 0 {
                label[start] = next
                var queue = [start]
                while let bit = queue.popLast() {
                    let (x, y, z) = offset(bit)
                    for other in 0..<27 where mask & (1 << UInt32(other)) != 0 && label[other] < 0 {
                        let (u, v, w) = offset(other)
                        if abs(u - x) + abs(v - y) + abs(w - z) == 1 { label[other] = next; queue.append(other) }
                    }
                }
                next += 1
            }
            let faceLabels = (0..<6).map { Int(NeighborhoodCube.faceBits[$0]) }.filter { mask & (1 << UInt32($0)) != 0 }
                .map { label[$0] }
            let groups = NeighborhoodCube.faceGroups(of: mask)
            #expect(groups.count == Set(faceLabels).count, "mask \(String(mask, radix: 2))")
        }
    }
}
