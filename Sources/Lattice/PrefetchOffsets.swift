/// The site offsets whose cache lines an event at a site touches beyond the site's own line —
/// rows one and two above and below, planes above and below — for applications' prefetch hints.
/// Each is reduced modulo the site count and made non-negative, so that `site + offset` needs one
/// conditional subtraction to land in range: on the periodic image across an x/y boundary (the
/// row really needed), across a z wall on a site of the far plane (a wasted hint, never a fault).
/// Planes only count in 3D (``hasPlanes``).
public struct PrefetchOffsets: Sendable {
    public let siteCount: Int
    public let rowUp: Int, rowDown: Int, twoRowsUp: Int, twoRowsDown: Int
    public let planeUp: Int, planeDown: Int
    /// Whether the lattice has more than one plane (in 2D the plane offsets are 0).
    public let hasPlanes: Bool

    public init(shape: LatticeShape) {
        let n = shape.siteCount
        func up(_ offset: Int) -> Int { offset % n }
        func down(_ offset: Int) -> Int { (n - offset % n) % n }
        siteCount = n
        rowUp = up(shape.lx)
        rowDown = down(shape.lx)
        twoRowsUp = up(2 * shape.lx)
        twoRowsDown = down(2 * shape.lx)
        planeUp = up(shape.lx * shape.ly)
        planeDown = down(shape.lx * shape.ly)
        hasPlanes = shape.lz > 1
    }

    /// Calls `body` with every site the offsets reach from `site` (rows ±1, ±2; planes ±1 in 3D),
    /// wrapped into range: the other lines an application's prefetch hint requests.
    @inlinable @inline(__always) public func forEachSite(around site: Int, _ body: (Int) -> Void) {
        for offset in [rowUp, rowDown, twoRowsUp, twoRowsDown] { body(self.site(site, plus: offset)) }
        if hasPlanes {
            for offset in [planeUp, planeDown] { body(self.site(site, plus: offset)) }
        }
    }

    /// The site `offset` (one of the fields) away from `site`, wrapped into `0 ..< siteCount`.
    @inlinable @inline(__always) public func site(_ site: Int, plus offset: Int) -> Int {
        let target = site &+ offset
        return target >= siteCount ? target &- siteCount : target
    }
}
