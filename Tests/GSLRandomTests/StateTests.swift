import GSLRandom
import Testing

@Suite struct StateTests {
    @Test(arguments: ["mt19937", "taus2", "ranlxd2"])
    func saveDrawRestoreDrawGivesIdenticalDraws(generator: String) throws {
        let stream = try RandomStream(generator: generator, seed: 7)
        for _ in 0..<12345 { _ = stream.next() }
        let saved = stream.savedState()
        let first = (0..<5000).map { _ in stream.uniform() }
        try stream.restore(from: saved)
        #expect((0..<5000).map { _ in stream.uniform() } == first)
        let revived = try RandomStream(savedState: saved)
        #expect(revived.generatorName == generator)
        #expect((0..<5000).map { _ in revived.uniform() } == first)
    }

    @Test func cloneIsIndependentAndEqual() throws {
        let stream = try RandomStream(seed: 3)
        _ = stream.next()
        let copy = stream.clone()
        let a = (0..<100).map { _ in stream.next() }
        let b = (0..<100).map { _ in copy.next() }
        #expect(a == b)
        _ = stream.next()
        #expect(stream.next() != copy.next() || stream.next() != copy.next())
    }

    @Test func corruptOrMismatchedStatesAreClearErrors() throws {
        let stream = try RandomStream(seed: 1)
        let saved = stream.savedState()
        // Truncated.
        #expect(throws: RandomStreamError.self) { try RandomStream(savedState: Array(saved.prefix(saved.count / 2))) }
        #expect(throws: RandomStreamError.self) { try RandomStream(savedState: []) }
        // One flipped byte in the generator state.
        var flipped = saved
        flipped[40] ^= 0x01
        #expect(throws: RandomStreamError.self) { try RandomStream(savedState: flipped) }
        // Another generator's state.
        let other = try RandomStream(generator: "taus2", seed: 1)
        #expect(throws: RandomStreamError.generatorMismatch(expected: "taus2", found: "mt19937")) {
            try other.restore(from: saved)
        }
    }

    @Test func uniformBufferContinuesExactlyFromASnapshot() throws {
        var buffer = UniformBuffer(stream: try RandomStream(seed: 11))
        for _ in 0..<(UniformBuffer.blockSize + 17) { _ = buffer.next() }
        let snapshot = buffer.snapshot()
        let expected = (0..<10_000).map { _ in buffer.next() }
        var resumed = try UniformBuffer(stream: RandomStream(savedState: snapshot.blockStartState), snapshot: snapshot)
        #expect((0..<10_000).map { _ in resumed.next() } == expected)
    }

    @Test func uniformBufferMatchesSingleDraws() throws {
        var buffer = UniformBuffer(stream: try RandomStream(seed: 5))
        let single = try RandomStream(seed: 5)
        for _ in 0..<(3 * UniformBuffer.blockSize) { #expect(buffer.next() == single.uniform()) }
    }

    @Test func snapshotAtBlockEndResumes() throws {
        var buffer = UniformBuffer(stream: try RandomStream(seed: 9))
        for _ in 0..<UniformBuffer.blockSize { _ = buffer.next() }
        let snapshot = buffer.snapshot()
        #expect(snapshot.used == UniformBuffer.blockSize)
        let expected = (0..<100).map { _ in buffer.next() }
        var resumed = try UniformBuffer(stream: RandomStream(savedState: snapshot.blockStartState), snapshot: snapshot)
        #expect((0..<100).map { _ in resumed.next() } == expected)
    }
}
