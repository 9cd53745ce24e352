/// One bit per site, each x-row padded to whole 64-bit words (`wordsPerRow`).
///
/// Rows are ordered like sites: row = y + Ly·z. Padding bits are always zero, so a popcount
/// over the words counts sites.
public struct BitPlane: Sendable, Equatable {
    public let wordsPerRow: Int
    public let rowCount: Int
    public var words: [UInt64]

    public init(shape: LatticeShape, filled: Bool) {
        wordsPerRow = (shape.lx + 63) / 64
        rowCount = shape.ly * shape.lz
        words = [UInt64](repeating: 0, count: wordsPerRow * rowCount)
        guard filled else { return }
        let tail = shape.lx % 64
        let lastMask: UInt64 = tail == 0 ? .max : (1 << UInt64(tail)) - 1
        for row in 0..<rowCount {
            for w in 0..<wordsPerRow { words[row * wordsPerRow + w] = w == wordsPerRow - 1 ? lastMask : .max }
        }
    }

    public init(wordsPerRow: Int, rowCount: Int, words: [UInt64]) {
        precondition(words.count == wordsPerRow * rowCount)
        self.wordsPerRow = wordsPerRow
        self.rowCount = rowCount
        self.words = words
    }

    /// Word index and bit mask of `site`.
    @inlinable @inline(__always)
    public func location(of site: UInt32, in shape: LatticeShape) -> (word: Int, mask: UInt64) {
        let (row, x) = shape.xDivisor.divide(site)
        return (Int(row) * wordsPerRow + Int(x >> 6), 1 << UInt64(x & 63))
    }

    public mutating func insert(_ site: UInt32, in shape: LatticeShape) {
        let (word, mask) = location(of: site, in: shape)
        words[word] |= mask
    }

    public func contains(_ site: UInt32, in shape: LatticeShape) -> Bool {
        let (word, mask) = location(of: site, in: shape)
        return words[word] & mask != 0
    }

    /// Number of set bits.
    public var population: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
