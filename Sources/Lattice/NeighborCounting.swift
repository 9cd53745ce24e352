/// Counts, for every site, how many of its face neighbours are set in a bit plane — used to
/// (re)build per-site neighbour data at start-up, after large changes and on checkpoint restore.
///
/// Two implementations that must agree bit for bit (a property test checks it):
/// - ``scalar(_:shape:)``: the reference, one site at a time through `neighbors(of:)`;
/// - ``bitParallel(_:shape:)``: whole rows at once. Each neighbour direction is the row (or the
///   row above/below) shifted by one bit with periodic wrap; the four to six shifted rows are
///   added with bit-sliced full adders into three bit planes (count bits 0, 1, 2), and every 8 sites'
///   counts are written as one 8-byte store through a 256-entry spread table.
public enum NeighborCounting {
    /// Reference: counts[site] = number of neighbours (as `LatticeShape.neighbors`) set in `plane`.
    public static func scalar(_ plane: BitPlane, shape: LatticeShape) -> [UInt8] {
        var counts = [UInt8](repeating: 0, count: shape.siteCount)
        for site in 0..<UInt32(shape.siteCount) {
            var n: UInt8 = 0
            for neighbor in shape.neighbors(of: site) where plane.contains(neighbor, in: shape) { n += 1 }
            counts[Int(site)] = n
        }
        return counts
    }

    /// The same counts, a row of 64-bit words at a time.
    public static func bitParallel(_ plane: BitPlane, shape: LatticeShape) -> [UInt8] {
        let words = plane.wordsPerRow, lx = shape.lx, ly = shape.ly, lz = shape.lz
        var counts = [UInt8](repeating: 0, count: shape.siteCount + 8)  // slack for 8-byte stores
        var inputs = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: 6)
        var used = 0
        plane.words.withUnsafeBufferPointer { all in
            counts.withUnsafeMutableBytes { out in
                for z in 0..<lz {
                    for y in 0..<ly {
                        let rowIndex = y + ly * z
                        let row = UnsafeBufferPointer(rebasing: all[(rowIndex * words)..<((rowIndex + 1) * words)])
                        used = 0
                        if lx > 1 {
                            shiftedTowardLowX(row, lx: lx, into: &inputs[used]); used += 1   // +x neighbour
                            shiftedTowardHighX(row, lx: lx, into: &inputs[used]); used += 1  // −x neighbour
                        }
                        if ly > 1 {
                            copyRow(all, row: (y + 1) % ly + ly * z, words: words, into: &inputs[used]); used += 1
                            copyRow(all, row: (y + ly - 1) % ly + ly * z, words: words, into: &inputs[used]); used += 1
                        }
                        if lz > 1 {
                            if z < lz - 1 || shape.periodicZ {
                                copyRow(all, row: y + ly * ((z + 1) % lz), words: words, into: &inputs[used]); used += 1
                            }
                            if z > 0 || shape.periodicZ {
                                copyRow(all, row: y + ly * ((z + lz - 1) % lz), words: words, into: &inputs[used]); used += 1
                            }
                        }
                        writeCounts(inputs, used: used, words: words, lx: lx, to: out, at: rowIndex * lx)
                    }
                }
            }
        }
        counts.removeLast(8)
        return counts
    }

    /// Bit x of the result is bit x+1 of `row` (x+1 taken modulo lx): the +x neighbour.
    static func shiftedTowardLowX(_ row: UnsafeBufferPointer<UInt64>, lx: Int, into result: inout [UInt64]) {
        let words = row.count
        for w in 0..<words {
            let next = w + 1 < words ? row[w + 1] : 0
            result[w] = row[w] >> 1 | next << 63
        }
        let first = row[0] & 1  // site 0 is the +x neighbour of site lx−1
        result[(lx - 1) >> 6] |= first << UInt64((lx - 1) & 63)
        maskTail(&result, lx: lx)
    }

    /// Bit x of the result is bit x−1 of `row` (modulo lx): the −x neighbour.
    static func shiftedTowardHighX(_ row: UnsafeBufferPointer<UInt64>, lx: Int, into result: inout [UInt64]) {
        let words = row.count
        for w in stride(from: words - 1, through: 0, by: -1) {
            let previous = w > 0 ? row[w - 1] : 0
            result[w] = row[w] << 1 | previous >> 63
        }
        let last = (row[(lx - 1) >> 6] >> UInt64((lx - 1) & 63)) & 1  // site lx−1 is the −x neighbour of 0
        result[0] = (result[0] & ~1) | last
        maskTail(&result, lx: lx)
    }

    static func maskTail(_ row: inout [UInt64], lx: Int) {
        let tail = lx & 63
        if tail != 0 { row[row.count - 1] &= (1 << UInt64(tail)) - 1 }
    }

    static func copyRow(_ all: UnsafeBufferPointer<UInt64>, row: Int, words: Int, into result: inout [UInt64]) {
        for w in 0..<words { result[w] = all[row * words + w] }
    }

    /// Adds up to six bit rows with full adders and stores the 3-bit sums, one byte per site.
    static func writeCounts(_ inputs: [[UInt64]], used: Int, words: Int, lx: Int,
                            to out: UnsafeMutableRawBufferPointer, at start: Int) {
        for w in 0..<words {
            var b0: UInt64 = 0, b1: UInt64 = 0, b2: UInt64 = 0
            for i in 0..<used {
                let v = inputs[i][w]
                let carry0 = b0 & v
                b0 ^= v
                let carry1 = b1 & carry0
                b1 ^= carry0
                b2 |= carry1  // at most six inputs: the count never exceeds 7
            }
            let sites = min(64, lx - w * 64)
            var offset = 0
            while offset < sites {
                let shift = UInt64(offset)
                let bytes = spread[Int((b0 >> shift) & 0xFF)] | spread[Int((b1 >> shift) & 0xFF)] << 1
                    | spread[Int((b2 >> shift) & 0xFF)] << 2
                let destination = start + w * 64 + offset
                if sites - offset >= 8 {
                    out.storeBytes(of: bytes.littleEndian, toByteOffset: destination, as: UInt64.self)
                } else {
                    for k in 0..<(sites - offset) {
                        out[destination + k] = UInt8(truncatingIfNeeded: bytes >> UInt64(8 * k))
                    }
                }
                offset += 8
            }
        }
    }

    /// spread[b] has byte k equal to bit k of b.
    static let spread: [UInt64] = (0..<256).map(spreadBits)

    static func spreadBits(_ b: Int) -> UInt64 {
        var result: UInt64 = 0
        for k in 0..<8 where (b >> k) & 1 == 1 { result |= UInt64(1) << UInt64(8 * k) }
        return result
    }
}
