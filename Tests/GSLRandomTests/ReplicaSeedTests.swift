import GSLRandom
import Testing

@Suite struct ReplicaSeedTests {
    /// Pinned values of scheme version 1, computed outside Swift from its documented definition
    /// (MurmurHash3's fmix32 of the folded master seed, plus the replica index, fmix32 again, 0 → 2³² − 1):
    /// a change of the derivation must be deliberate (and bump schemeVersion).
    @Test(arguments: [
        (UInt64(1), 0, UInt64(804_215_951)), (1, 1, 2_726_825_882), (2024, 3, 3_729_282_117),
        (0, 0, 4_294_967_295), (.max, 7, 415_870_660), (9, 100_000, 3_460_382_004),
    ])
    func derivedSeedsArePinned(master: UInt64, replica: Int, seed: UInt64) throws {
        #expect(ReplicaSeed.schemeVersion == 1)
        #expect(ReplicaSeed.derive(master: master, replica: replica) == seed)
        // The replica's stream is GSL's generator seeded with exactly that seed.
        let derived = try RandomStream(masterSeed: master, replica: replica), direct = try RandomStream(seed: seed)
        #expect((0..<100).map { _ in derived.next() } == (0..<100).map { _ in direct.next() })
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
