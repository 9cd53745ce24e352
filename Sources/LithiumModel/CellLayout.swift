/// The 32-bit cell the Li model keeps per site, so that classifying an event is one load:
///
/// | bits  | meaning                                                                  |
/// |-------|--------------------------------------------------------------------------|
/// | 0–11  | neighbour key: which kinds the face neighbours are (``NeighborKeySpace``) |
/// | 12–15 | the site's own ``SiteKind`` (8 kinds in use at most, 16 encodable)         |
/// | 16    | dead: a Li site with no electronic path to the collector                  |
/// | 17–19 | how many face neighbours are dead Li                                      |
/// | 20–22 | a Li site's hop targets: empty neighbours that touch a second solid        |
/// | 23–31 | free                                                                      |
///
/// The key counts dead and connected Li alike (the energy of a bond does not depend on it); the
/// dead-neighbour count tells the two apart where it matters: reduction needs a *connected*
/// conductor next to the site, SEI growth connected Li. The hop-target count is kept so that
/// re-classifying a Li atom's hop is a load, not a walk over its neighbours' neighbourhoods.
enum CellLayout {
    static let keyMask: UInt32 = 0xFFF
    static let kindShift: UInt32 = 12
    static let kindMask: UInt32 = 0xF << 12
    static let deadFlag: UInt32 = 1 << 16
    static let deadNeighborUnit: UInt32 = 1 << 17
    static let deadNeighborMask: UInt32 = 7 << 17
    static let hopTargetShift: UInt32 = 20
    static let hopTargetUnit: UInt32 = 1 << 20
    /// Bits no field uses (zero in every cell).
    static let unused: UInt32 = ~0 << 23
    /// What a change of the site's own kind keeps: its key and its dead-neighbour count.
    static let keptOnKindChange: UInt32 = keyMask | deadNeighborMask

    @inline(__always) static func kind(_ cell: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: cell >> 12) & 0xF }
    @inline(__always) static func key(_ cell: UInt32) -> Int { Int(cell & keyMask) }
    @inline(__always) static func isDead(_ cell: UInt32) -> Bool { cell & deadFlag != 0 }
    @inline(__always) static func deadNeighbors(_ cell: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: cell >> 17) & 7 }
    @inline(__always) static func hopTargets(_ cell: UInt32) -> Int { Int(cell >> 20) & 7 }
}
