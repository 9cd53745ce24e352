/// The sites of a mask connected to a set of seeds through face-neighbour paths inside the mask
/// (for the Li model: the conductors electronically connected to the collector).
///
/// ``bitParallel(mask:seeds:shape:)`` works on bit planes, 64 sites per machine word: each x-row is
/// filled to its fixed point with a logarithmic occluded fill, then rows are seeded from their
/// y and z neighbour rows (dilate-and-mask), sweeping forward and backward through the rows until
/// nothing changes. ``scalar(mask:seeds:shape:)`` is the site-by-site breadth-first search it is
/// tested against.
public enum FloodFill {
    /// Breadth-first search from every seed in the mask: the reference.
    public static func scalar(mask: BitPlane, seeds: BitPlane, shape: LatticeShape) -> BitPlane {
        var reached = BitPlane(shape: shape, filled: false)
        var queue: [UInt32] = []
        for site in 0..<UInt32(shape.siteCount) where seeds.contains(site, in: shape) && mask.contains(site, in: shape) {
            reached.insert(site, in: shape)
            queue.append(site)
        }
        var head = 0
        while head < queue.count {
            let site = queue[head]
            head += 1
            for neighbor in shape.neighbors(of: site)
            where mask.contains(neighbor, in: shape) && !reached.contains(neighbor, in: shape) {
                reached.insert(neighbor, in: shape)
                queue.append(neighbor)
            }
        }
        return reached
    }

    /// The same set as ``scalar(mask:seeds:shape:)``, computed on whole words.
    public static func bitParallel(mask: BitPlane, seeds: BitPlane, shape: LatticeShape) -> BitPlane {
        precondition(mask.words.count == seeds.words.count, "mask and seeds differ in size")
        var filled = zip(mask.words, seeds.words).map { $0 & $1 }
        let rows = RowGeometry(shape: shape, wordsPerRow: mask.wordsPerRow)
        mask.words.withUnsafeBufferPointer { m in
            filled.withUnsafeMutableBufferPointer { f in
                var changed = true
                var forward = true
                while changed {
                    changed = false
                    for i in 0..<rows.count where rows.sweep(forward ? i : rows.count - 1 - i, filled: f, mask: m) {
                        changed = true
                    }
                    forward.toggle()
                }
            }
        }
        return BitPlane(wordsPerRow: mask.wordsPerRow, rowCount: mask.rowCount, words: filled)
    }
}

/// Row addressing for the bit-parallel fill: row = y + Ly·z, each `wordsPerRow` words.
struct RowGeometry {
    let lx: Int, ly: Int, lz: Int
    let periodicZ: Bool
    let wordsPerRow: Int
    var count: Int { ly * lz }

    init(shape: LatticeShape, wordsPerRow: Int) {
        (lx, ly, lz, periodicZ) = (shape.lx, shape.ly, shape.lz, shape.periodicZ)
        self.wordsPerRow = wordsPerRow
    }

    /// Seeds `row` from its neighbour rows along y (periodic) and z (walls unless periodic), then
    /// fills it along x; true if it gained sites.
    func sweep(_ row: Int, filled f: UnsafeMutableBufferPointer<UInt64>, mask m: UnsafeBufferPointer<UInt64>) -> Bool {
        let base = row * wordsPerRow
        var any: UInt64 = 0
        for w in 0..<wordsPerRow { any |= m[base + w] }
        guard any != 0 else { return false }
        let y = row % ly, z = row / ly
        var gained = false
        func seed(from other: Int) {
            let source = other * wordsPerRow
            for w in 0..<wordsPerRow {
                let add = f[source + w] & m[base + w] & ~f[base + w]
                if add != 0 { f[base + w] |= add; gained = true }
            }
        }
        if ly > 1 {
            seed(from: (y + 1) % ly + ly * z)
            seed(from: (y + ly - 1) % ly + ly * z)
        }
        if lz > 1 {
            if z + 1 < lz { seed(from: row + ly) } else if periodicZ { seed(from: y) }
            if z > 0 { seed(from: row - ly) } else if periodicZ { seed(from: y + ly * (lz - 1)) }
        }
        if fillAlongX(base: base, filled: f, mask: m) { gained = true }
        return gained
    }

    /// Spreads the row's filled sites along x through the mask, periodic in x; true if it grew.
    func fillAlongX(base: Int, filled f: UnsafeMutableBufferPointer<UInt64>, mask m: UnsafeBufferPointer<UInt64>) -> Bool {
        var grew = false
        let last = base + wordsPerRow - 1
        let topBit = UInt64(1) << UInt64((lx - 1) & 63)
        var changed = true
        while changed {
            changed = false
            for w in base...last {
                let before = f[w]
                f[w] = Self.occludedFill(before, through: m[w])
                // Carry across word boundaries (within the row) and around the periodic wrap.
                if w < last, f[w] >> 63 != 0, m[w + 1] & 1 != 0, f[w + 1] & 1 == 0 { f[w + 1] |= 1; changed = true }
                if w > base, f[w] & 1 != 0, m[w - 1] >> 63 != 0, f[w - 1] >> 63 == 0 {
                    f[w - 1] |= 1 << 63; changed = true
                }
                if f[w] != before { grew = true }
            }
            if lx > 1 {
                if f[last] & topBit != 0, m[base] & 1 != 0, f[base] & 1 == 0 { f[base] |= 1; changed = true; grew = true }
                if f[base] & 1 != 0, m[last] & topBit != 0, f[last] & topBit == 0 {
                    f[last] |= topBit; changed = true; grew = true
                }
            }
        }
        return grew
    }

    /// Every bit of `mask` joined to a bit of `seeds` by a run of mask bits, within one word, in
    /// 12 shift-and-mask steps (Kogge–Stone occluded fill, both directions).
    @inline(__always) static func occludedFill(_ seeds: UInt64, through mask: UInt64) -> UInt64 {
        var up = seeds & mask, down = up
        var pUp = mask, pDown = mask
        for shift: UInt64 in [1, 2, 4, 8, 16, 32] {
            up |= pUp & (up << shift)
            pUp &= pUp << shift
            down |= pDown & (down >> shift)
            pDown &= pDown >> shift
        }
        return up | down
    }
}
