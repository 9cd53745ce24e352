import Lattice
@testable import LithiumModel
import Testing

/// The cell's fields (``CellLayout``) are disjoint, fill the word from bit 0 up to the free bits,
/// and are wide enough for what they hold: every neighbour key, every kind a table may declare,
/// a dead-neighbour count of up to six, a hop-target bit per direction.
@Suite struct CellLayoutTests {
    @Test func fieldsAreDisjointAndWideEnough() {
        let fields = [CellLayout.keyMask, CellLayout.kindMask, CellLayout.deadFlag, CellLayout.deadNeighborMask,
                      CellLayout.hopTargetMask, CellLayout.unused]
        for (i, a) in fields.enumerated() {
            for b in fields[(i + 1)...] { #expect(a & b == 0, "fields \(a) and \(b) overlap") }
        }
        #expect(fields.reduce(0, |) == UInt32.max, "every bit belongs to a field or is free")
        #expect(NeighborKeySpace.shared.keyCount <= Int(CellLayout.keyMask) + 1)
        #expect(SiteKind.capacity.nonzeroBitCount == 1 && SiteKind.capacity <= Int(CellLayout.kindMask >> CellLayout.kindShift) + 1)
        #expect(Int(CellLayout.deadNeighborMask >> CellLayout.deadNeighborShift) >= Neighbors.directions)
        #expect((CellLayout.hopTargetMask >> CellLayout.hopTargetShift).nonzeroBitCount == Neighbors.directions)
    }

    /// Each reader gives back what was put in its field, whatever the others hold.
    @Test func readersReturnTheirFields() {
        for kind in 0..<UInt8(SiteKind.capacity) {
            for key in [0, 1, 2_999, NeighborKeySpace.shared.keyCount - 1] {
                for dead in [false, true] {
                    for deadNeighbors in UInt32(0)...6 {
                        let targets = UInt32(kind) * 7 % 64
                        let cell = UInt32(key) | UInt32(kind) << CellLayout.kindShift | (dead ? CellLayout.deadFlag : 0)
                            | deadNeighbors * CellLayout.deadNeighborUnit | targets << CellLayout.hopTargetShift
                        #expect(CellLayout.kind(cell) == kind && CellLayout.key(cell) == key && CellLayout.isDead(cell) == dead)
                        #expect(CellLayout.deadNeighbors(cell) == UInt8(deadNeighbors) && CellLayout.hopTargets(cell) == Int(targets))
                        #expect(CellLayout.kindAndKey(cell) == Int(kind) * (Int(CellLayout.keyMask) + 1) + key)
                    }
                }
            }
        }
    }
}
