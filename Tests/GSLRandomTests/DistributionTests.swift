import Analysis
import GSLRandom
import RealModule
import Testing

/// Moments within bounds derived from the sample size: |mean − μ| < 5σ/√n (a false alarm
/// about once in 1.7 million runs; the seeds are fixed, so the tests are deterministic).
@Suite struct DistributionTests {
    static let n = 200_000

    @Test func uniformMomentsAndRange() throws {
        let stream = try RandomStream(seed: 17)
        let values = stream.uniforms(Self.n)
        #expect(values.allSatisfy { $0 > 0 && $0 < 1 })
        let summary = SampleSummary(values)
        let sigma = (1.0 / 12).squareRoot()
        #expect(abs(summary.mean - 0.5) < 5 * sigma / Double(Self.n).squareRoot())
        // Variance of a uniform: 1/12; the sample variance has std √((μ4 − σ⁴)/n), μ4 = 1/80.
        let varianceError = ((1.0 / 80 - 1.0 / 144) / Double(Self.n)).squareRoot()
        #expect(abs(summary.variance - 1.0 / 12) < 5 * varianceError)
    }

    @Test func openClosedUniformNeverZero() throws {
        let stream = try RandomStream(seed: 2)
        for _ in 0..<100_000 {
            let u = stream.uniformOpenClosed()
            #expect(u > 0 && u <= 1)
        }
    }

    @Test func exponentialMomentsAndKolmogorovSmirnov() throws {
        let stream = try RandomStream(seed: 23)
        let mean = 2.5
        var values = [Double](repeating: 0, count: Self.n)
        values.withUnsafeMutableBufferPointer { stream.fillExponential($0, mean: mean) }
        let summary = SampleSummary(values)
        #expect(abs(summary.mean - mean) < 5 * mean / Double(Self.n).squareRoot())
        let d = KolmogorovSmirnov.statistic(values) { 1 - Double.exp(-$0 / mean) }
        #expect(KolmogorovSmirnov.pValue(statistic: d, sampleSize: values.count) > 1e-4)
    }

    @Test func bulkFillEqualsSingleDraws() throws {
        let bulk = try RandomStream(generator: "taus2", seed: 8)
        let single = try RandomStream(generator: "taus2", seed: 8)
        var buffer = [UInt](repeating: 0, count: 777)
        buffer.withUnsafeMutableBufferPointer { bulk.fillRaw($0) }
        #expect(buffer == (0..<777).map { _ in single.next() })
        #expect(bulk.uniforms(500) == (0..<500).map { _ in single.uniform() })
    }

    @Test func integersBelowAreUniformChiSquared() throws {
        let stream = try RandomStream(seed: 31)
        let bins = 17
        var counts = [Double](repeating: 0, count: bins)
        for _ in 0..<Self.n { counts[try stream.integer(below: bins)] += 1 }
        let chi2 = ChiSquared.statistic(observed: counts, probabilities: Array(repeating: 1.0 / Double(bins), count: bins))
        #expect(chi2 < ChiSquared.criticalValue(degreesOfFreedom: bins - 1, alpha: 1e-4))
        #expect(throws: RandomStreamError.self) { try stream.integer(below: 0) }
    }
}
