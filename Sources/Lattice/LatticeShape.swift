/// The geometry of a simple-cubic lattice: Lx × Ly × Lz sites, periodic in x and y.
///
/// z = 0 is the plane on the current collector; along z the lattice ends in walls (a site at
/// z = 0 or z = Lz − 1 has no neighbour beyond it) unless `periodicZ` is set, which only the
/// validation applications use. Sites are numbered x fastest, then y, then z:
/// `index = x + Lx·(y + Ly·z)`, stored as `UInt32` so that index arrays stay small.
public struct LatticeShape: Sendable, Hashable {
    public let lx: Int
    public let ly: Int
    public let lz: Int
    public let periodicZ: Bool
    @usableFromInline let xDivisor: FastDivisor
    @usableFromInline let yDivisor: FastDivisor

    /// The largest number of sites a lattice may have: site indices are 32-bit.
    public static let maximumSiteCount = Int(UInt32.max) - 1

    public init(lx: Int, ly: Int, lz: Int = 1, periodicZ: Bool = false) throws(LatticeError) {
        for (name, value) in [("lx", lx), ("ly", ly), ("lz", lz)] where value < 1 {
            throw .invalidSize(field: name, value: value)
        }
        let (count, overflow) = lx.multipliedReportingOverflow(by: ly)
        let (total, overflow2) = count.multipliedReportingOverflow(by: lz)
        guard !overflow, !overflow2, total <= Self.maximumSiteCount else {
            throw .tooManySites(lx: lx, ly: ly, lz: lz, maximum: Self.maximumSiteCount)
        }
        self.lx = lx
        self.ly = ly
        self.lz = lz
        self.periodicZ = periodicZ
        self.xDivisor = FastDivisor(lx)
        self.yDivisor = FastDivisor(ly)
    }

    /// Wrapping products: `init` checked that they fit, and the event loop asks every event.
    @inlinable public var siteCount: Int { lx &* ly &* lz }

    /// 1 (a line), 2 (a surface or a cross-section) or 3: the number of axes longer than one site.
    public var dimension: Int { [lx, ly, lz].filter { $0 > 1 }.count }

    /// The neighbour counts that occur on this lattice. x and y are periodic, so a site's count
    /// depends on z only, and all interior planes are alike: 4 on a periodic square lattice, 5 and 6
    /// in a box with walls.
    public var coordinationNumbers: Set<Int> {
        Set([0, min(1, lz - 1), lz - 1].map { neighbors(of: index(x: 0, y: 0, z: $0)).count })
    }

    @inlinable public func index(x: Int, y: Int, z: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: x + lx * (y + ly * z))
    }

    @inlinable @inline(__always)
    public func coordinates(of site: UInt32) -> SiteCoordinates {
        let (row, x) = xDivisor.divide(site)
        let (z, y) = yDivisor.divide(row)
        return SiteCoordinates(x: Int(x), y: Int(y), z: Int(z))
    }

    /// The face neighbours of `site` in the order +x, −x, +y, −y, +z, −z; a neighbour across a
    /// wall is ``Neighbors/none``. An axis of length one has no neighbours along it; an axis of
    /// length two has the same site as its + and − neighbour (periodic images).
    @inlinable @inline(__always)
    public func neighbors(of site: UInt32) -> Neighbors {
        neighbors(of: site, at: coordinates(of: site))
    }

    /// ``neighbors(of:)`` for a site whose coordinates are already known (no division).
    /// (A fast path for sites away from every boundary saved the Li model 51 instructions per event
    /// but cost the 2D lattice gas 155 — its sites are never interior in z — so there is none.)
    @inlinable @inline(__always)
    public func neighbors(of site: UInt32, at c: SiteCoordinates) -> Neighbors {
        let plane = UInt32(truncatingIfNeeded: lx &* ly)
        let rowLength = UInt32(truncatingIfNeeded: lx)
        var n = Neighbors()
        if lx > 1 {
            n[0] = c.x == lx - 1 ? site &- (rowLength &- 1) : site &+ 1
            n[1] = c.x == 0 ? site &+ (rowLength &- 1) : site &- 1
        }
        if ly > 1 {
            let span = plane &- rowLength
            n[2] = c.y == ly - 1 ? site &- span : site &+ rowLength
            n[3] = c.y == 0 ? site &+ span : site &- rowLength
        }
        if lz > 1 {
            let span = plane &* UInt32(truncatingIfNeeded: lz - 1)
            if c.z < lz - 1 { n[4] = site &+ plane } else if periodicZ { n[4] = site &- span }
            if c.z > 0 { n[5] = site &- plane } else if periodicZ { n[5] = site &+ span }
        }
        return n
    }
}

extension LatticeShape {
    /// The coordinates one step from `c` in direction `d` (0 = +x, 1 = −x, 2 = +y, 3 = −y, 4 = +z,
    /// 5 = −z), wrapping periodic axes; the step must not cross a wall.
    @inlinable @inline(__always)
    public func coordinates(after c: SiteCoordinates, direction d: Int) -> SiteCoordinates {
        var n = c
        switch d {
        case 0: n.x = c.x == lx - 1 ? 0 : c.x + 1
        case 1: n.x = c.x == 0 ? lx - 1 : c.x - 1
        case 2: n.y = c.y == ly - 1 ? 0 : c.y + 1
        case 3: n.y = c.y == 0 ? ly - 1 : c.y - 1
        case 4: n.z = c.z == lz - 1 ? 0 : c.z + 1
        default: n.z = c.z == 0 ? lz - 1 : c.z - 1
        }
        return n
    }
}

/// Integer lattice coordinates of a site.
public struct SiteCoordinates: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var z: Int
    @inlinable public init(x: Int, y: Int, z: Int) {
        self.x = x
        self.y = y
        self.z = z
    }
}
