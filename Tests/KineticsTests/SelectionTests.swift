import Analysis
import GSLRandom
import Kinetics
import Testing

/// Event selection by one scan over the classes: each event is chosen with probability rate/R,
/// and the leftover uniform handed to the application (where u·R fell inside the event's interval)
/// is uniform on [0, 1) and independent of which class and event were chosen.
@Suite struct SelectionTests {
    @Test func choicesFollowRatesAndTheLeftoverIsAFreshUniform() throws {
        let catalog = try RateCatalog(rates: [1, 2.5, 7, 0.25], types: [0, 0, 1, 1], typeCount: 2)
        let table = RateClassTable(eventCount: 40, catalog: catalog)
        // 40 events in four classes of unequal sizes: 10 × 1, 5 × 2.5, 3 × 7, 22 × 0.25.
        let sizes = [10, 5, 3, 22]
        var event: UInt32 = 0
        for (c, n) in sizes.enumerated() { for _ in 0..<n { table.assign(event, to: c); event += 1 } }
        let random = try RandomStream(seed: 41)
        let draws = 200_000
        var counts = [Double](repeating: 0, count: 40)
        var fractions: [Double] = [], byClass: [[Double]] = [[], [], [], []]
        for _ in 0..<draws {
            let (e, c, fraction) = table.select(target: random.uniform() * table.totalRate)
            counts[Int(e)] += 1
            fractions.append(fraction)
            byClass[c].append(fraction)
            #expect(table.rateClass(of: e) == c)
        }
        let probabilities = (0..<40).map { table.rate(ofClass: table.rateClass(of: UInt32($0))!) / table.totalRate }
        let chi2 = ChiSquared.statistic(observed: counts, probabilities: probabilities)
        #expect(chi2 < ChiSquared.criticalValue(degreesOfFreedom: 39, alpha: 1e-4), "χ² = \(chi2)")
        let uniformCDF = { (x: Double) in min(max(x, 0), 1) }
        let d = KolmogorovSmirnov.statistic(fractions, cdf: uniformCDF)
        #expect(KolmogorovSmirnov.pValue(statistic: d, sampleSize: draws) > 1e-4, "all: D = \(d)")
        for (c, sample) in byClass.enumerated() {
            let dc = KolmogorovSmirnov.statistic(sample, cdf: uniformCDF)
            #expect(KolmogorovSmirnov.pValue(statistic: dc, sampleSize: sample.count) > 1e-4, "class \(c): D = \(dc)")
        }
        #expect(fractions.allSatisfy { $0 >= 0 && $0 < 1 })
    }
}
