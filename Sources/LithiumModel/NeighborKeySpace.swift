import Lattice

/// The neighbour key of the Li model: the multiset of site kinds among a site's face neighbours (at
/// most six, of up to ``SiteKind/capacity`` = 8 kinds), as its rank among all such multisets — 3003
/// of them, so 12 bits. That leaves the 32-bit cell room for the kind, the electronic state and the
/// hop targets (``CellLayout``), and keeps every key → class table at 3003 entries (a base-7 count
/// per kind, the lattice gas's key, would need 7⁸ ≈ 5.8 million for 8 kinds).
///
/// Ranks follow the base-7 order of the counts (Σ count(k)·7^k, what the key was when it was that
/// number), so rate classes are numbered as they were then and trajectories did not change.
/// Ranks do not add: a neighbour's change of kind is a look-up in a table of transitions
/// (``transitions``, one row of 6 KB per pair of kinds) instead of one addition.
struct NeighborKeySpace: @unchecked Sendable {
    static let maximumNeighbors = 6
    /// The count of each kind, per key.
    let counts: [SIMD8<UInt8>]
    /// [key·8 + kind]: the key with one neighbour of `kind` more (`none` when it has six).
    let adding: [UInt16]
    static let none = UInt16.max
    /// [(old · capacity + new) · keyCount + key]: the key after one neighbour of kind `old` became
    /// `new` (``transitionRow(from:to:keyCount:)``): `removing` then `adding` in one load. 8 × 8 rows of 3003
    /// entries, 384 KB, of which a run touches the rows of the changes its events make. Built once
    /// for the shared key space and never freed (every model's ``EventLookup`` points into it).
    let transitions: UnsafePointer<UInt16>

    var keyCount: Int { counts.count }
    /// The key of a site with no neighbours.
    static let noNeighbors: UInt32 = 0

    /// The one key space of the model (immutable, built once).
    static let shared = NeighborKeySpace()

    private init() {
        precondition(SiteKind.capacity == 8, "keys are made for 8 kinds")
        var all: [SIMD8<UInt8>] = []
        func extend(_ c: SIMD8<UInt8>, kind: Int, left: Int) {
            if kind == SiteKind.capacity { all.append(c); return }
            for n in 0...left {
                var next = c
                next[kind] = UInt8(n)
                extend(next, kind: kind + 1, left: left - n)
            }
        }
        extend(SIMD8(), kind: 0, left: Self.maximumNeighbors)
        func value(_ c: SIMD8<UInt8>) -> Int { (0..<SiteKind.capacity).reversed().reduce(0) { $0 * 7 + Int(c[$1]) } }
        all.sort { value($0) < value($1) }
        var rank: [SIMD8<UInt8>: Int] = [:]
        for (i, c) in all.enumerated() { rank[c] = i }
        var adding = [UInt16](repeating: Self.none, count: all.count * 8)
        // [key·8 + kind], as `adding`: the key with one neighbour of `kind` less (`none` when it has none).
        var removing = adding
        for (i, c) in all.enumerated() {
            for kind in 0..<SiteKind.capacity {
                var more = c, fewer = c
                more[kind] &+= 1
                if let r = rank[more] { adding[i * 8 + kind] = UInt16(r) }
                if c[kind] > 0 {
                    fewer[kind] -= 1
                    removing[i * 8 + kind] = UInt16(rank[fewer]!)
                }
            }
        }
        counts = all
        self.adding = adding
        let kinds = SiteKind.capacity
        let transitions = UnsafeMutablePointer<UInt16>.allocate(capacity: kinds * kinds * all.count)
        for old in 0..<kinds {
            for new in 0..<kinds {
                for key in all.indices {
                    let fewer = removing[key * kinds + old]
                    transitions[Self.transitionRow(from: UInt8(old), to: UInt8(new), keyCount: all.count) + key] = fewer == Self.none ? Self.none : adding[Int(fewer) * kinds + new]
                }
            }
        }
        self.transitions = UnsafePointer(transitions)
    }

    /// Where the row of ``transitions`` for a neighbour of kind `old` becoming `new` starts.
    @inline(__always) static func transitionRow(from old: UInt8, to new: UInt8, keyCount: Int) -> Int {
        (Int(old) &* SiteKind.capacity &+ Int(new)) &* keyCount
    }

    /// The key of `site` in `grid`, counted one neighbour at a time (start-up, checks).
    func key(of site: UInt32, in grid: SiteGrid) -> UInt32 {
        var key = Self.noNeighbors
        for neighbor in grid.shape.neighbors(of: site) { key = UInt32(adding[Int(key) * 8 + Int(grid[neighbor])]) }
        return key
    }
}
