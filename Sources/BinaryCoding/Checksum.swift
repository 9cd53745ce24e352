/// FNV-1a, 64 bit: a fast checksum that catches truncation and flipped bytes in saved files.
/// (Not cryptographic: it guards against accidents, not against tampering.)
public enum Checksum {
    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
