/// Derives the seed of each replica's stream from a master seed and the replica index.
///
/// Scheme (version 1): `base = fmix32(fold(master))`, `seed(i) = fmix32(base &+ UInt32(i))`,
/// where `fold` xors the two 32-bit halves of the master seed and `fmix32` is MurmurHash3's
/// finaliser, a bijection of UInt32. Consequences:
/// - replica i's stream depends only on (master, i): not on the replica count, the thread that
///   runs it or the order replicas run in — so results are independent of the thread count;
/// - for one master seed, replicas 0 ..< 2³² get pairwise distinct seeds (bijection of distinct
///   inputs), and neighbouring indices get unrelated seeds (full avalanche);
/// - 32 bits is what GSL's mt19937, taus2 and ranlxd2 seeding use anyway.
/// GSL maps seed 0 to its default seed; the derived seed is never 0 (0 is sent to 2³² − 1,
/// which fmix32 reaches from one other input only, a 2⁻³² chance per ensemble).
public enum ReplicaSeed {
    public static let schemeVersion = 1

    public static func derive(master: UInt64, replica: Int) -> UInt64 {
        precondition(replica >= 0, "replica index must be ≥ 0")
        let base = fmix32(UInt32(truncatingIfNeeded: master) ^ UInt32(truncatingIfNeeded: master >> 32))
        let seed = fmix32(base &+ UInt32(truncatingIfNeeded: replica))
        return UInt64(seed == 0 ? UInt32.max : seed)
    }

    /// MurmurHash3's 32-bit finaliser: invertible, every input bit affects every output bit.
    static func fmix32(_ value: UInt32) -> UInt32 {
        var h = value
        h ^= h >> 16
        h &*= 0x85eb_ca6b
        h ^= h >> 13
        h &*= 0xc2b2_ae35
        h ^= h >> 16
        return h
    }
}
