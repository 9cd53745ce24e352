import Analysis
import GSLRandom
import Lattice
import Foundation
import Testing

/// Sample summaries and batch means against hand-computed values, and the coverage of the 95 %
/// interval on many independent samples (a binomial count with a tolerance from its own spread).
@Suite struct SampleStatisticsTests {
    @Test func summaryOfAKnownSample() {
        let s = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(s.count == 8 && s.mean == 5)
        #expect(abs(s.variance - 32.0 / 7) < 1e-14)
        #expect(abs(s.standardError - (32.0 / 7 / 8).squareRoot()) < 1e-14)
        let half = 2.364_624_252 * s.standardError  // t₀.₉₇₅ with 7 degrees of freedom
        #expect(abs(s.confidenceInterval95.upperBound - 5 - half) < 1e-8)
        #expect(SampleSummary([3]).variance == 0 && SampleSummary([3]).confidenceInterval95 == 3...3)
    }

    @Test func batchesCutTimeExactly() {
        var b = TimeWeightedBatches(batchDuration: 1)
        b.add(0, duration: 0.5)
        b.add(1, duration: 1.0)  // straddles the first boundary
        b.add(0, duration: 0.5)
        b.add(4, duration: 2.25)  // two whole batches and a quarter left open
        #expect(b.batchAverages == [0.5, 0.5, 4, 4])
        b.add(0, duration: 0.75)
        #expect(b.batchAverages == [0.5, 0.5, 4, 4, 1])
    }

    @Test func occupationFractionsAndTheirChiSquared() {
        var o = OccupationBatches(categories: 2, batchDuration: 1)
        // Batch 1: ¾ in category 0; batch 2: ¼ in category 0 and ½ in none of them.
        o.add(0, duration: 0.75); o.add(1, duration: 0.25)
        o.add(0, duration: 0.25); o.add(nil, duration: 0.5); o.add(1, duration: 0.25)
        #expect(o.batchCount == 2)
        #expect(o.categories[0].batchAverages == [0.75, 0.25] && o.categories[1].batchAverages == [0.25, 0.25])
        // Category 1 never varies between batches: no error bar, so χ² is NaN and fails any `<` check
        // (a test cannot pass on a category it could not measure).
        #expect(o.chiSquared(expected: [0.25, 0.25]).isNaN)
        let varied = { () -> OccupationBatches in
            var v = OccupationBatches(categories: 2, batchDuration: 1)
            v.add(0, duration: 0.75); v.add(1, duration: 0.25); v.add(0, duration: 0.25); v.add(1, duration: 0.75)
            return v
        }()
        // Both categories: means ½, SE ¼; expected ¼ and ¾ → z = 1 and −1 → χ² = 2.
        #expect(abs(varied.chiSquared(expected: [0.25, 0.75]) - 2) < 1e-12)
    }

    /// Independent normal values held for unit times: the 95 % interval from 20 batches covers
    /// the true mean in 95 % of 2000 runs, within 4 binomial standard deviations (±0.019).
    @Test func batchMeanIntervalsCoverAtTheirLevel() throws {
        let random = try RandomStream(seed: 77)
        var covered = 0
        let runs = 2000
        for _ in 0..<runs {
            var b = TimeWeightedBatches(batchDuration: 10)
            for _ in 0..<200 { b.add(2 + gaussian(random), duration: 1) }
            if b.summary.confidenceInterval95.contains(2) { covered += 1 }
        }
        let rate = Double(covered) / Double(runs)
        #expect(abs(rate - 0.95) < 4 * (0.95 * 0.05 / Double(runs)).squareRoot(), "coverage \(rate)")
    }

    func gaussian(_ random: RandomStream) -> Double {
        // Box–Muller from two GSL uniforms in (0, 1).
        (-2 * Foundation.log(random.uniform())).squareRoot() * Foundation.cos(2 * Double.pi * random.uniform())
    }

    /// Clusters on a 5 × 4 × 2 lattice, periodic in x and y: a cluster that wraps across the x
    /// boundary is one cluster; a diagonal contact is not a face contact.
    @Test func clusterCensusOfAHandMadeGrid() throws {
        let shape = try LatticeShape(lx: 5, ly: 4, lz: 2)
        var members = Set<UInt32>()
        for (x, y, z) in [(0, 0, 0), (4, 0, 0), (4, 0, 1)] { members.insert(shape.index(x: x, y: y, z: z)) }  // wraps in x
        for (x, y, z) in [(2, 2, 0), (3, 3, 0)] { members.insert(shape.index(x: x, y: y, z: z)) }  // diagonal: two
        members.insert(shape.index(x: 1, y: 2, z: 1))
        let census = ClusterCensus(shape: shape) { members.contains($0) }
        let sizes = census.clusters.map(\.size).sorted()
        #expect(sizes == [1, 1, 1, 3])
        let big = try #require(census.clusters.first { $0.size == 3 })
        #expect(big.footprint == 2 && big.lowestZ == 0 && big.highestZ == 1 && abs(big.meanZ - 1.0 / 3) < 1e-15)
        #expect(census.clusters(minimumSize: 2).count == 1)
    }
}
