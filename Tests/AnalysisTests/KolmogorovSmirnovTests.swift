import Analysis
import Testing

/// The KS statistic on samples whose D is known by hand, and the p-values against the tabulated
/// Kolmogorov distribution (asymptotic critical values 1.2238, 1.3581, 1.6276, 1.9495 for
/// α = 0.10, 0.05, 0.01, 0.001) and Massey's small-sample table (n = 20: D₀.₀₅ = 0.294).
@Suite struct KolmogorovSmirnovTests {
    @Test func statisticOfSmallSamples() {
        // Uniform cdf; sample {0.1, 0.4, 0.7}: D = max(1/3 − 0.1, 2/3 − 0.4, 1 − 0.7, 0.4 − 1/3, 0.7 − 2/3) = 0.3.
        let d = KolmogorovSmirnov.statistic([0.7, 0.1, 0.4]) { $0 }
        #expect(abs(d - 0.3) < 1e-15)
        // A sample at the quantile midpoints has D = 1/(2n).
        let n = 50
        let midpoints = (0..<n).map { (Double($0) + 0.5) / Double(n) }
        #expect(abs(KolmogorovSmirnov.statistic(midpoints) { $0 } - 0.5 / Double(n)) < 1e-15)
    }

    @Test(arguments: [(1.2238, 0.10), (1.3581, 0.05), (1.6276, 0.01), (1.9495, 0.001), (0.8276, 0.5)])
    func asymptoticPValuesMatchTheKolmogorovDistribution(lambda: Double, alpha: Double) {
        let n = 100_000_000
        let rootN = Double(n).squareRoot()
        let d = lambda / (rootN + 0.12 + 0.11 / rootN)
        let p = KolmogorovSmirnov.pValue(statistic: d, sampleSize: n)
        #expect(abs(p - alpha) < 2e-4 * max(1, alpha * 10), "p(λ = \(lambda)) = \(p), table \(alpha)")
    }

    @Test func smallSamplePValueMatchesMasseysTable() {
        let p = KolmogorovSmirnov.pValue(statistic: 0.294, sampleSize: 20)
        #expect(abs(p - 0.05) < 0.003, "p = \(p)")
        #expect(KolmogorovSmirnov.pValue(statistic: 0.01, sampleSize: 20) == 1)
    }
}
