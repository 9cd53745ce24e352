import Lattice

/// The site offsets whose cache lines a hop will touch beyond the origin's own line — rows one
/// and two above and below, planes above and below — each reduced modulo the site count and
/// made non-negative, so that `origin + offset` needs one conditional subtraction to land on the
/// periodic image (prefetching the row across the boundary is then exact, and no bounds check
/// is needed). Planes only count in 3D (``hasPlanes``).
@usableFromInline struct PrefetchOffsets: Sendable {
    @usableFromInline let siteCount: Int
    @usableFromInline let rowUp: Int, rowDown: Int, twoRowsUp: Int, twoRowsDown: Int
    @usableFromInline let planeUp: Int, planeDown: Int
    /// Whether the lattice has more than one plane (in 2D the plane offsets are 0).
    @usableFromInline let hasPlanes: Bool

    init(shape: LatticeShape) {
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

    /// The site `offset` (one of the fields) away from `site`, wrapped into `0 ..< siteCount`.
    @inlinable @inline(__always) func site(_ site: Int, plus offset: Int) -> Int {
        let target = site &+ offset
        return target >= siteCount ? target &- siteCount : target
    }
}
