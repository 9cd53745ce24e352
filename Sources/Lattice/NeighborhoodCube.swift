/// The 3 × 3 × 3 block of sites around a site, as a 27-bit mask: bit (dx+1) + 3(dy+1) + 9(dz+1)
/// for the offset (dx, dy, dz) ∈ {−1, 0, 1}³, the centre at bit 13.
///
/// Why: when a site leaves a connected set, the set can only split if the site's face neighbours
/// in the set fall into different pieces *within this block* (any path through the site can be
/// rerouted around it inside the block otherwise). Most removals pass this local test, so the
/// expensive global search is needed only for the few that might be bridges.
public enum NeighborhoodCube {
    /// Bit of the face neighbour in direction d (0 = +x, 1 = −x, 2 = +y, 3 = −y, 4 = +z, 5 = −z).
    public static let faceBits: SIMD8<UInt32> = SIMD8((0..<8).map { $0 < 6 ? faceBit($0) : 0 })

    /// ``faceBits``[d] as a switch, which folds to a constant in an unrolled loop (a vector
    /// indexed at run time goes through memory, and a static one is initialised lazily).
    @inlinable @inline(__always) public static func faceBit(_ d: Int) -> UInt32 {
        switch d {
        case 0: return 14
        case 1: return 12
        case 2: return 16
        case 3: return 10
        case 4: return 22
        default: return 4
        }
    }

    @inlinable static var all: UInt32 { (1 << 27) - 1 }
    /// Block sites with dx = +1, dx = −1, dy = +1, dy = −1 (``bits(where:)`` of those offsets; a test
    /// checks the literals).
    @inlinable static var xHigh: UInt32 { 0x492_4924 }
    @inlinable static var xLow: UInt32 { 0x124_9249 }
    @inlinable static var yHigh: UInt32 { 0x703_81C0 }
    @inlinable static var yLow: UInt32 { 0x01C_0E07 }

    /// The mask of the block offsets (dx, dy, dz) for which `included` holds.
    public static func bits(where included: (Int, Int, Int) -> Bool) -> UInt32 {
        var mask: UInt32 = 0
        for dz in -1...1 { for dy in -1...1 { for dx in -1...1 where included(dx, dy, dz) {
            mask |= 1 << UInt32((dx + 1) + 3 * (dy + 1) + 9 * (dz + 1))
        } } }
        return mask
    }

    /// The mask of block sites (centre excluded) for which `member` holds. Offsets across a wall
    /// in z count as non-members; x and y wrap periodically (on an axis shorter than three sites
    /// an offset may name the same site twice, which only repeats real adjacencies).
    @inlinable
    public static func mask(around c: SiteCoordinates, in shape: LatticeShape, member: (UInt32) -> Bool) -> UInt32 {
        let xs = (c.x == 0 ? shape.lx - 1 : c.x - 1, c.x, c.x == shape.lx - 1 ? 0 : c.x + 1)
        let ys = (c.y == 0 ? shape.ly - 1 : c.y - 1, c.y, c.y == shape.ly - 1 ? 0 : c.y + 1)
        var mask: UInt32 = 0
        var bit: UInt32 = 0
        for dz in -1...1 {
            let z = c.z + dz
            guard z >= 0 && z < shape.lz else { bit += 9; continue }
            for j in 0..<3 {
                let row = shape.lx * ((j == 0 ? ys.0 : j == 1 ? ys.1 : ys.2) + shape.ly * z)
                for i in 0..<3 {
                    let x = i == 0 ? xs.0 : i == 1 ? xs.1 : xs.2
                    if bit != 13 && member(UInt32(truncatingIfNeeded: x + row)) { mask |= 1 << bit }
                    bit += 1
                }
            }
        }
        return mask
    }

    /// ``mask(around:in:member:)`` for `site` at `c`, reading the block row by row at fixed
    /// distances when it crosses no boundary (the common case: no wrap, no wall).
    @inlinable @inline(__always)
    public static func mask(around site: UInt32, at c: SiteCoordinates, offsets: InteriorOffsets,
                            member: (UInt32) -> Bool) -> UInt32 {
        guard offsets.isInterior(c) else { return mask(around: c, in: offsets.shape, member: member) }
        var mask: UInt32 = 0
        var bit: UInt32 = 0
        var plane = Int(site) &- offsets.plane &- offsets.row &- 1  // (−1, −1, −1)
        for _ in 0..<3 {
            var row = plane
            for _ in 0..<3 {
                for dx in 0..<3 {
                    if bit != 13 && member(UInt32(truncatingIfNeeded: row &+ dx)) { mask |= 1 << bit }
                    bit &+= 1
                }
                row &+= offsets.row
            }
            plane &+= offsets.plane
        }
        return mask
    }

    /// ``faceGroups(of:)`` of ``mask(around:at:offsets:member:)``, reading no more of the block
    /// than it needs where the block lies inside the lattice: the six face neighbours first — none
    /// or one of them a member is no group or one — then, between member faces, the edge sites
    /// (each touches two faces): faces joined through member edges are one group. Only when the
    /// edges do not join them all (or at a boundary) is the whole block read and grouped.
    ///
    /// Why: when a Li atom leaves a compact deposit its conductor neighbours are nearly always
    /// joined by an edge site (a hop's destination, say, by the site under it), so one or two
    /// reads settle what 26 reads and a flood of the block settled before.
    @inlinable @inline(__always)
    public static func faceGroups(around site: UInt32, at c: SiteCoordinates, offsets: InteriorOffsets,
                                  member: (UInt32) -> Bool) -> (count: Int, representatives: UInt8) {
        if offsets.isInterior(c) {
            var faces: UInt8 = 0
            for d in 0..<6 where member(UInt32(truncatingIfNeeded: Int(site) &+ offsets.step(d))) { faces |= 1 << UInt8(d) }
            let rest = faces & (faces &- 1)  // the member faces but the first
            if rest == 0 { return (faces == 0 ? 0 : 1, faces) }
            let first = faces.trailingZeroBitCount, last = 7 &- faces.leadingZeroBitCount
            let joined = rest & (rest &- 1) == 0 && first &>> 1 != last &>> 1
                // Two faces on different axes (the common case) share one edge: it alone decides.
                ? member(UInt32(truncatingIfNeeded: Int(site) &+ offsets.step(first) &+ offsets.step(last)))
                : joinedThroughEdges(faces, around: site, offsets: offsets, member: member)
            if joined { return (1, faces & (0 &- faces)) }
        }
        return faceGroups(of: mask(around: site, at: c, offsets: offsets, member: member))
    }

    /// Whether the member faces `faces` (bit d: direction d; at least two) are all joined through
    /// member edge sites of the interior block around `site`: a search over the faces from the
    /// first, reading each edge between a joined face and a face not joined yet at most once.
    @inlinable @inline(__always)
    static func joinedThroughEdges(_ faces: UInt8, around site: UInt32, offsets: InteriorOffsets,
                                   member: (UInt32) -> Bool) -> Bool {
        var joined = faces & (0 &- faces)
        var frontier = joined
        repeat {
            let d = frontier.trailingZeroBitCount
            frontier &= frontier &- 1
            // The faces orthogonal to d (its own axis is bits d & ~1 and d | 1), not joined yet.
            var candidates = faces & ~joined & (0x3F & ~(3 << UInt8(d & ~1)))
            while candidates != 0 {
                let o = candidates.trailingZeroBitCount
                candidates &= candidates &- 1
                if member(UInt32(truncatingIfNeeded: Int(site) &+ offsets.step(d) &+ offsets.step(o))) {
                    joined |= 1 << UInt8(o)
                    frontier |= 1 << UInt8(o)
                }
            }
        } while frontier != 0 && joined != faces
        return joined == faces
    }

    /// Where the block lies for a site whose block neither wraps around x or y nor meets a wall
    /// in z: rows `row` sites apart, planes `plane` apart.
    public struct InteriorOffsets: Sendable {
        public let shape: LatticeShape
        @usableFromInline let row: Int
        @usableFromInline let plane: Int
        /// How many coordinates along each axis have a neighbour on both sides (0 on an axis
        /// shorter than three sites).
        @usableFromInline let inner: (x: UInt, y: UInt, z: UInt)

        public init(shape: LatticeShape) {
            self.shape = shape
            row = shape.lx
            plane = shape.lx * shape.ly
            inner = (UInt(max(shape.lx - 2, 0)), UInt(max(shape.ly - 2, 0)), UInt(max(shape.lz - 2, 0)))
        }

        /// The distance in site numbers of the face neighbour in direction d (0 = +x, 1 = −x,
        /// 2 = +y, 3 = −y, 4 = +z, 5 = −z), inside the lattice.
        @inlinable @inline(__always) public func step(_ d: Int) -> Int {
            let axis = d &>> 1
            let length = axis == 0 ? 1 : axis == 1 ? row : plane
            return d & 1 == 0 ? length : 0 &- length
        }

        /// True when the block around `c` lies inside the lattice without wrapping: 1 ≤ x ≤ lx − 2
        /// and so on, each as one unsigned comparison (x − 1 wraps to a huge value at x = 0).
        @inlinable @inline(__always) public func isInterior(_ c: SiteCoordinates) -> Bool {
            UInt(bitPattern: c.x &- 1) < inner.x && UInt(bitPattern: c.y &- 1) < inner.y && UInt(bitPattern: c.z &- 1) < inner.z
        }
    }

    /// One face-adjacency step inside the block.
    @inlinable @inline(__always) static func dilate(_ b: UInt32) -> UInt32 {
        b | ((b & ~xHigh) << 1) | ((b & ~xLow) >> 1) | ((b & ~yHigh) << 3) | ((b & ~yLow) >> 3)
            | ((b << 9) & all) | (b >> 9)
    }

    /// The part of `mask` face-connected inside the block to the bits of `seed`.
    @inlinable public static func component(of seed: UInt32, in mask: UInt32) -> UInt32 {
        var reached = seed & mask
        while true {
            let next = dilate(reached) & mask
            if next == reached { return reached }
            reached = next
        }
    }

    /// The face directions present in `mask`, grouped by the block component they fall in: one
    /// representative direction per group, the first in direction order (at most six groups), as
    /// bit d of `representatives`.
    @inlinable
    public static func faceGroups(of mask: UInt32) -> (count: Int, representatives: UInt8) {
        var representatives: UInt8 = 0
        var count = 0
        var covered: UInt32 = 0
        for d in 0..<6 {
            let bit: UInt32 = 1 << faceBit(d)
            guard mask & bit != 0, covered & bit == 0 else { continue }
            covered |= component(of: bit, in: mask)
            representatives |= 1 << UInt8(d)
            count += 1
        }
        return (count, representatives)
    }
}
