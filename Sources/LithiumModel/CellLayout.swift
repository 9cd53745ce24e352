import Lattice

/// The 32-bit cell the Li model keeps per site, so that classifying an event is one load:
///
/// | bits  | meaning                                                                  |
/// |-------|--------------------------------------------------------------------------|
/// | 0–11  | neighbour key: which kinds the face neighbours are (``NeighborKeySpace``) |
/// | 12–15 | the site's own ``SiteKind`` (8 kinds in use at most, 16 encodable)         |
/// | 16    | dead: a Li site with no electronic path to the collector                  |
/// | 17–19 | how many face neighbours are dead Li                                      |
/// | 20–25 | a Li site's hop targets: bit d for the neighbour in direction d, if it is an |
/// |       | empty site that touches a second solid (``EventLookup/isHopTarget(_:)``)     |
/// | 26–31 | free                                                                      |
///
/// The key counts dead and connected Li alike (the energy of a bond does not depend on it); the
/// dead-neighbour count tells the two apart where it matters: reduction needs a *connected*
/// conductor next to the site, SEI growth connected Li. The hop targets are kept so that
/// re-classifying a Li atom's hop is a load, not a walk over its neighbours' neighbourhoods, and
/// by direction, so that carrying out the hop finds its target without one either.
enum CellLayout {
    // Each field's place follows from the one below it and its width; the widths from what they hold.
    /// The key: a rank below 4096 (``NeighborKeySpace``).
    static let keyBits: UInt32 = 12
    /// The kind: below ``SiteKind/capacity`` (16 encodable).
    static let kindShift = keyBits, kindBits: UInt32 = 4
    static let deadShift = kindShift + kindBits
    /// The dead-neighbour count: 0 … ``Lattice/Neighbors/directions``.
    static let deadNeighborShift = deadShift + 1, deadNeighborBits: UInt32 = 3
    /// The hop targets: a bit per direction.
    static let hopTargetShift = deadNeighborShift + deadNeighborBits, hopTargetBits = UInt32(Neighbors.directions)

    static let keyMask: UInt32 = 1 << keyBits - 1
    static let kindMask: UInt32 = (1 << kindBits - 1) << kindShift
    /// The kind field of a Li cell (`cell & kindMask` compared with it: no shift).
    static let lithiumKind = UInt32(SiteKind.lithium) << kindShift
    static let deadFlag: UInt32 = 1 << deadShift
    static let deadNeighborUnit: UInt32 = 1 << deadNeighborShift
    static let deadNeighborMask: UInt32 = (1 << deadNeighborBits - 1) << deadNeighborShift
    static let hopTargetMask: UInt32 = (1 << hopTargetBits - 1) << hopTargetShift
    /// Bits no field uses (zero in every cell).
    static let unused: UInt32 = ~0 << (hopTargetShift + hopTargetBits)
    /// What a change of the site's own kind keeps: its key and its dead-neighbour count.
    static let keptOnKindChange: UInt32 = keyMask | deadNeighborMask

    @inline(__always) static func kind(_ cell: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: (cell & kindMask) >> kindShift) }
    @inline(__always) static func key(_ cell: UInt32) -> Int { Int(cell & keyMask) }
    /// The kind (below ``SiteKind/capacity`` = 8) and the key as one index, kind · 4096 + key: a
    /// per-kind table indexed by key is one load from the cell (``EventLookup/facts(_:)``, ``EventLookup/Facts/signatureMask``).
    @inline(__always) static func kindAndKey(_ cell: UInt32) -> Int {
        Int(cell & (keyMask | UInt32(SiteKind.capacity - 1) << kindShift))
    }
    @inline(__always) static func isDead(_ cell: UInt32) -> Bool { cell & deadFlag != 0 }
    @inline(__always) static func deadNeighbors(_ cell: UInt32) -> UInt8 {
        UInt8(truncatingIfNeeded: (cell & deadNeighborMask) >> deadNeighborShift)
    }
    /// The hop-target directions (bit d: direction d, as ``Lattice/Neighbors`` numbers them).
    @inline(__always) static func hopTargets(_ cell: UInt32) -> Int { Int((cell & hopTargetMask) &>> hopTargetShift) }
    /// The hop-target bit of direction `d`.
    @inline(__always) static func hopTarget(direction d: Int) -> UInt32 { 1 &<< (hopTargetShift &+ UInt32(d)) }
}
