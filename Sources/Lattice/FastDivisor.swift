/// Division and remainder of 32-bit indices by a fixed divisor without a hardware divide.
///
/// Site coordinates are recovered from flat indices on every event; a `div` costs 20–40
/// cycles, a multiply 3. This is Lemire, Kaser & Kurz, "Faster remainder by direct
/// computation" (2019): with M = ⌊(2⁶⁴ − 1)/d⌋ + 1, n/d = ⌊M·n / 2⁶⁴⌋ and
/// n mod d = ⌊(M·n mod 2⁶⁴)·d / 2⁶⁴⌋, exact for all 32-bit n and 2 ≤ d < 2³².
@frozen public struct FastDivisor: Sendable, Hashable {
    public let divisor: UInt32
    @usableFromInline let magic: UInt64

    public init(_ divisor: Int) {
        precondition(divisor >= 1 && divisor <= Int(UInt32.max), "divisor \(divisor) outside 1...2³²−1")
        self.divisor = UInt32(divisor)
        self.magic = divisor == 1 ? 0 : UInt64.max / UInt64(divisor) &+ 1
    }

    /// ⌊n / divisor⌋ and n mod divisor.
    @inlinable @inline(__always)
    public func divide(_ n: UInt32) -> (quotient: UInt32, remainder: UInt32) {
        if magic == 0 { return (n, 0) }
        let low = magic &* UInt64(n)
        let quotient = UInt32(truncatingIfNeeded: magic.multipliedFullWidth(by: UInt64(n)).high)
        let remainder = UInt32(truncatingIfNeeded: low.multipliedFullWidth(by: UInt64(divisor)).high)
        return (quotient, remainder)
    }
}
