import Analysis
import Foundation
import GSLRandom
import Testing

/// The 1/2 crossing of a logistic fraction: exact on exact data, refused where it has no meaning,
/// and a 95 % interval that covers the true crossing at its level.
@Suite struct LogisticFitTests {
    /// Fractions exactly on 1/(1 + e^−3(x − ln 2)): the score vanishes at the true curve, so the fit
    /// returns it, with no scatter and an interval of zero width at the crossing.
    @Test func exactLogisticIsRecovered() throws {
        let truth = log(2.0), slope = 3.0
        let points = stride(from: -1.0, through: 2.0, by: 0.25).map { x in
            LogisticFit.Point(x: x, y: 1 / (1 + exp(-slope * (x - truth))))
        }
        let fit = try LogisticFit(points)
        #expect(abs(fit.crossing - truth) < 1e-10 && abs(fit.slope - slope) < 1e-9)
        #expect(abs(fit.value(at: 1.3) - 1 / (1 + exp(-slope * (1.3 - truth)))) < 1e-10)
        let interval = try #require(fit.crossingInterval95)
        #expect(abs(interval.lowerBound - truth) < 1e-6 && abs(interval.upperBound - truth) < 1e-6)
    }

    /// A falling fraction has a negative slope and the same crossing.
    @Test func fallingFractionCrossesToo() throws {
        let points = [-1.0, -0.5, 0, 0.5, 1, 1.5].map { x in LogisticFit.Point(x: x, y: 1 / (1 + exp(2 * (x - 0.2)))) }
        let fit = try LogisticFit(points)
        #expect(abs(fit.crossing - 0.2) < 1e-10 && abs(fit.slope + 2) < 1e-9)
    }

    /// Three noisy observations by hand: y = 0.2, 0.5, 0.8 at x = −1, 0, 1. By symmetry the crossing
    /// is 0 and a = 0; the score equation for b is Σ (y − p)x = 0, so p(1) = 0.8 and b = ln 4.
    /// Residuals are zero, so the sandwich is zero too and the interval is the point.
    @Test func threePointsByHand() throws {
        let fit = try LogisticFit([.init(x: -1, y: 0.2), .init(x: 0, y: 0.5), .init(x: 1, y: 0.8)])
        #expect(abs(fit.slope - log(4)) < 1e-12 && abs(fit.crossing) < 1e-12)
        // Now with scatter: replicas 0.1 and 0.3 at x = −1, 0.7 and 0.9 at x = 1, 0.4 and 0.6 at 0.
        // Same means, same fit; the sandwich meat is Σ r² z zᵀ with r = ±0.1, bread 1/Σ p(1 − p) z zᵀ.
        let noisy = try LogisticFit([-1, -1, 0, 0, 1, 1].enumerated().map { i, x in
            LogisticFit.Point(x: x, y: [0.1, 0.3, 0.4, 0.6, 0.7, 0.9][i])
        })
        #expect(abs(noisy.slope - log(4)) < 1e-12 && abs(noisy.crossing) < 1e-12)
        // H_bb = 4·0.16 = 0.64 (x = ±1, p(1 − p) = 0.16), B_bb = 4·0.01 = 0.04; Var b = 0.04/0.64² · 6/4.
        #expect(abs(noisy.slopeStandardError - (0.04 / (0.64 * 0.64) * 1.5).squareRoot()) < 1e-12)
        // H_aa = 0.64 + 0.5, B_aa = 0.06: Var a = 0.06/1.14² · 1.5; with a = 0 Fieller gives ±t·σ_a/b.
        let half = noisy.quantile * (0.06 / (1.14 * 1.14) * 1.5).squareRoot() / log(4)
        let interval = try #require(noisy.crossingInterval95)
        // Fieller's interval for a = 0: c² (b² − t² Vbb) ≤ t² Vaa (Vab = 0 by symmetry).
        let fieller = (noisy.quantile * noisy.quantile * 0.06 / (1.14 * 1.14) * 1.5
            / (log(4) * log(4) - noisy.quantile * noisy.quantile * noisy.slopeStandardError * noisy.slopeStandardError)).squareRoot()
        #expect(abs(interval.upperBound - fieller) < 1e-12 && abs(interval.lowerBound + fieller) < 1e-12)
        #expect(fieller > half, "Fieller's interval is wider than the delta method's ±t·σ_a/b")
    }

    @Test func meaninglessFitsAreRefused() throws {
        let good = [LogisticFit.Point(x: 0, y: 0.2), .init(x: 1, y: 0.5), .init(x: 2, y: 0.9)]
        #expect(throws: LogisticFit.Failure.tooFewPoints(2)) { try LogisticFit(Array(good.prefix(2))) }
        #expect(throws: LogisticFit.Failure.outOfRange(x: 3, y: 1.5)) { try LogisticFit(good + [.init(x: 3, y: 1.5)]) }
        #expect(throws: (LogisticFit.Failure).self) { try LogisticFit(good + [.init(x: 3, y: .nan)]) }
        #expect(throws: LogisticFit.Failure.sameAbscissa) { try LogisticFit(good.map { .init(x: 1, y: $0.y) }) }
        // A step: 0, 0 below, 1, 1 above, anything at the cut.
        let step = [LogisticFit.Point(x: 0, y: 0), .init(x: 1, y: 0), .init(x: 2, y: 0.3), .init(x: 3, y: 1), .init(x: 4, y: 1)]
        #expect(throws: LogisticFit.Failure.separated(cut: 2)) { try LogisticFit(step) }
        #expect(throws: LogisticFit.Failure.separated(cut: -1)) { try LogisticFit(step.map { .init(x: $0.x, y: 1) }) }
        // One fraction strictly between 0 and 1 off the cut is enough for a finite fit.
        _ = try LogisticFit(step + [.init(x: 1, y: 0.1)])
    }

    /// 2000 synthetic threshold studies: at ln j for j = 0.5, 1, 1.5, 2, 3, 4, 8 (mA/cm², say),
    /// `replicas` replicas each, a replica's fraction is k/m with k binomial(m, p), p = 1/(1 + (j*/j)^b),
    /// j* = 2, b = 2.5. The 95 % interval of ln j* must cover ln 2 in 95 % of the studies within
    /// 4 binomial standard deviations (±0.019). Binary replicas (m = 1) are the hardest case.
    @Test(arguments: [(4, 30), (8, 30), (8, 1)])
    func intervalCoversTheTrueCrossingAtItsLevel(replicas: Int, atoms: Int) throws {
        let random = try RandomStream(seed: 4242 + UInt64(replicas * 100 + atoms))
        let currents = [0.5, 1, 1.5, 2, 3, 4, 8], truth = log(2.0), slope = 2.5
        let runs = 2000
        var covered = 0, unbounded = 0
        for _ in 0..<runs {
            var points: [LogisticFit.Point] = []
            for j in currents {
                let p = 1 / (1 + exp(-slope * (log(j) - truth)))
                for _ in 0..<replicas {
                    let k = (0..<atoms).reduce(0) { n, _ in n + (random.uniform() < p ? 1 : 0) }
                    points.append(.init(x: log(j), y: Double(k) / Double(atoms)))
                }
            }
            guard let interval = try LogisticFit(points).crossingInterval95 else { unbounded += 1; continue }
            if interval.contains(truth) { covered += 1 }
        }
        let rate = Double(covered) / Double(runs)
        print("logistic fit, \(replicas) replicas of \(atoms) atoms: coverage \(rate), \(unbounded) unbounded intervals")
        #expect(abs(rate - 0.95) < 4 * (0.95 * 0.05 / Double(runs)).squareRoot(), "coverage \(rate), unbounded \(unbounded)")
    }
}
