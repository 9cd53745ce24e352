import Analysis
import Foundation
import GSLRandom
import Testing

/// Y ∝ Xᵖ between two measured observables: with exact x it is PowerLawFit on the means; with
/// noise in x (its own, or shared with y as when one trajectory makes both) the effective-variance
/// interval covers the true exponent at its level, where ignoring x's error does not.
@Suite struct PowerLawRelationTests {
    /// x without scatter: the relation is PowerLawFit of (x, Ȳ ± SE) exactly.
    @Test func exactAbscissaIsPowerLawFit() throws {
        let samples = [1.0, 2, 4].map { x in
            PowerLawRelation.Sample(x: [x, x, x, x], y: [0.9, 1.1, 1.05, 0.95].map { $0 * 3 * pow(x, 3) })
        }
        let relation = try PowerLawRelation(samples)
        let points = samples.map { s in
            let summary = SampleSummary(s.y)
            return PowerLawFit.Point(x: s.x[0], mean: summary.mean, standardError: summary.standardError, count: 4)
        }
        let fit = try PowerLawFit(points)
        #expect(abs(relation.fit.exponent - fit.exponent) < 1e-12 && abs(relation.fit.standardError - fit.standardError) < 1e-12)
        #expect(abs(relation.fit.exponent - 3) < 1e-12)
        // The means lie on 3·x³·1.0 exactly (the same relative scatter at every x): χ² = 0.
        #expect(relation.chiSquared < 1e-20)
    }

    @Test func meaninglessInputIsRefused() {
        #expect(throws: PowerLawRelation.Failure.unequalLengths(point: 1)) {
            try PowerLawRelation([.init(x: [1, 2], y: [1, 2]), .init(x: [1, 2], y: [1])])
        }
        #expect(throws: PowerLawRelation.Failure.fit(.notPositive(x: -1, mean: -1))) {
            try PowerLawRelation([.init(x: [1, 2], y: [1, 2]), .init(x: [-1, -1], y: [1, 2])])
        }
        #expect(throws: PowerLawRelation.Failure.fit(.tooFewReplicas(x: 1, count: 1))) {
            try PowerLawRelation([.init(x: [1], y: [1]), .init(x: [1, 2], y: [1, 2])])
        }
    }

    /// 2000 synthetic sweeps like a current series: at four "currents" the true x is 10, 14, 20, 28;
    /// each of n replicas has x = x₀(1 + 0.08u) and y = ξ³(1 + 0.1v), u, v standard normal, where
    /// ξ = x (`correlated`: one trajectory makes both, x's scatter propagates into y) or ξ = x₀ (x is
    /// measured with an error of its own). The effective-variance interval covers 3 at 95 % within
    /// 4 binomial SD in both cases. Treating x̄ as exact (PowerLawFit on the y means) does not: it
    /// under-covers when x's error is its own (the error of x̄ is left out) and over-covers when
    /// it is shared (y's scatter along the line is counted as error). The mean χ² is that of a true power law.
    @Test(arguments: [(4, true), (8, true), (4, false), (8, false)])
    func intervalCoversTheTrueExponentAtItsLevel(replicas: Int, correlated: Bool) throws {
        let random = try RandomStream(seed: 1913 + UInt64(replicas) + (correlated ? 100 : 0))
        let runs = 2000, truth = 3.0
        var covered = 0, naive = 0, chiSquared = 0.0
        for _ in 0..<runs {
            let samples = [10.0, 14, 20, 28].map { x0 in
                var xs: [Double] = [], ys: [Double] = []
                for _ in 0..<replicas {
                    let x = x0 * (1 + 0.08 * gaussian(random))
                    xs.append(x)
                    ys.append(pow(correlated ? x : x0, truth) * (1 + 0.1 * gaussian(random)))
                }
                return PowerLawRelation.Sample(x: xs, y: ys)
            }
            let relation = try PowerLawRelation(samples)
            if relation.fit.confidenceInterval95.contains(truth) { covered += 1 }
            chiSquared += relation.chiSquared
            let means = samples.map { s in
                let y = SampleSummary(s.y)
                return PowerLawFit.Point(x: SampleSummary(s.x).mean, mean: y.mean, standardError: y.standardError, count: y.count)
            }
            if try PowerLawFit(means).confidenceInterval95.contains(truth) { naive += 1 }
        }
        let rate = Double(covered) / Double(runs), naiveRate = Double(naive) / Double(runs)
        let sd = (0.95 * 0.05 / Double(runs)).squareRoot()
        #expect(abs(rate - 0.95) < 4 * sd, "coverage \(rate)")
        #expect(abs(naiveRate - 0.95) > 8 * sd, "coverage with x taken as exact \(naiveRate)")
        // χ² of a true power law: 2 dof with known weights; with weights estimated from n replicas each
        // term is nearer a squared t of n − 1 dof, mean (n − 1)/(n − 3). Its mean lies between.
        let meanChiSquared = chiSquared / Double(runs), n = Double(replicas)
        #expect(meanChiSquared > 2 && meanChiSquared < 2 * (n - 1) / (n - 3), "mean χ² \(meanChiSquared)")
    }

    func gaussian(_ random: RandomStream) -> Double {
        (-2 * Foundation.log(random.uniform())).squareRoot() * Foundation.cos(2 * Double.pi * random.uniform())
    }
}
