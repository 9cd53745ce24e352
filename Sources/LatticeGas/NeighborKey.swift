/// Encodes what surrounds a site — how many empty, particle and substrate-k neighbours —
/// as one small integer, so that a site's rate class is one table look-up.
///
/// Each neighbour adds the weight of its state: empty 1, particle 7, substrate k 7^(2+k).
/// With at most six neighbours every count fits one base-7 digit, so the key is unique.
struct NeighborKey {
    static func weight(ofState state: Int) -> UInt16 {
        var w: UInt16 = 1
        for _ in 0..<state { w *= 7 }
        return w
    }

    /// Number of distinct keys for `stateCount` states (7^stateCount).
    static func keyCount(stateCount: Int) -> Int { Int(weight(ofState: stateCount)) }

    /// The neighbour count of each state encoded in `key`.
    static func counts(of key: Int, stateCount: Int) -> [Int] {
        var rest = key
        return (0..<stateCount).map { _ in
            defer { rest /= 7 }
            return rest % 7
        }
    }
}
