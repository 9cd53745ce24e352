/// The 32-bit cell the Li model keeps per site, so that classifying an event is one load:
///
/// | bits  | meaning                                                                  |
/// |-------|--------------------------------------------------------------------------|
/// | 0–15  | neighbour key: the count of each ``SiteKind`` among the face neighbours   |
/// | 16–23 | the site's own ``SiteKind``                                                |
/// | 24    | dead: a Li site with no electronic path to the collector                  |
/// | 25–27 | how many face neighbours are dead Li                                      |
/// | 28–30 | a Li site's hop targets: empty neighbours that touch a second solid        |
///
/// The key counts dead and connected Li alike (the energy of a bond does not depend on it); the
/// dead-neighbour count tells the two apart where it matters: reduction needs a *connected*
/// conductor next to the site, SEI growth connected Li. The hop-target count is kept so that
/// re-classifying a Li atom's hop is a load, not a walk over its neighbours' neighbourhoods.
enum CellLayout {
    static let keyMask: UInt32 = 0xFFFF
    static let deadFlag: UInt32 = 1 << 24
    static let deadNeighborUnit: UInt32 = 1 << 25
    static let deadNeighborMask: UInt32 = 7 << 25
    static let hopTargetUnit: UInt32 = 1 << 28
    /// What a change of the site's own kind keeps: its key and its dead-neighbour count.
    static let keptOnKindChange: UInt32 = keyMask | deadNeighborMask

    @inline(__always) static func kind(_ cell: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: cell >> 16) }
    @inline(__always) static func key(_ cell: UInt32) -> Int { Int(cell & keyMask) }
    @inline(__always) static func isDead(_ cell: UInt32) -> Bool { cell & deadFlag != 0 }
    @inline(__always) static func deadNeighbors(_ cell: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: cell >> 25) & 7 }
    @inline(__always) static func hopTargets(_ cell: UInt32) -> Int { Int(cell >> 28) & 7 }
}
