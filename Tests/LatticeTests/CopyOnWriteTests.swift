import Lattice
import Testing

/// `SiteGrid` and `SiteWords` hand out raw pointers for the event loop but keep value semantics:
/// a copy taken before a mutation never sees it.
@Suite struct CopyOnWriteTests {
    @Test func gridCopiesAreIndependent() throws {
        let shape = try LatticeShape(lx: 70, ly: 3, lz: 2)
        var grid = SiteGrid(shape: shape, stateCount: 3)
        grid.set(5, to: 2)
        let snapshot = grid
        grid.mutableAccess().set(5, to: 1)
        grid.set(140, to: 2)
        #expect(snapshot[5] == 2 && snapshot[140] == 0)
        #expect(grid[5] == 1 && grid[140] == 2)
        #expect(snapshot.checkPlanes() && grid.checkPlanes())
        #expect(snapshot.populations() == [shape.siteCount - 1, 0, 1])
    }

    @Test func wordCopiesAreIndependent() {
        var words = SiteWords([1, 2, 3, 4])
        let snapshot = words
        let pointer = words.mutablePointer()
        pointer[2] = 30
        #expect(snapshot.array == [1, 2, 3, 4])
        #expect(words.array == [1, 2, 30, 4])
        #expect(words[2] == 30 && words.count == 4)
        // Unique now: a second mutation writes in place.
        #expect(words.mutablePointer() == pointer)
    }
}
