import Analysis
import Foundation
import Testing

/// The quantiles the validation suite's tolerances rest on, against tabulated values (Abramowitz &
/// Stegun tables 26.1, 26.7, 26.8; NIST/SEMATECH e-Handbook §1.3.6.7) and closed forms.
@Suite struct QuantileTests {
    @Test(arguments: [
        (1, 0.05, 3.841_459), (2, 0.05, 5.991_465), (3, 0.05, 7.814_728), (10, 0.01, 23.209_251),
        (30, 0.05, 43.772_972), (100, 0.001, 149.449_3), (20, 0.05, 31.410_433),
    ])
    func chiSquaredCriticalValuesMatchTables(k: Int, alpha: Double, table: Double) {
        let x = ChiSquared.criticalValue(degreesOfFreedom: k, alpha: alpha)
        #expect(abs(x - table) < 1e-6 * table + 5e-5, "χ²(\(k), \(alpha)) = \(x), table \(table)")
    }

    /// Exact closed forms: k = 2 has P(χ² > x) = e^{−x/2}; k = 1 is the square of a normal quantile.
    @Test func chiSquaredSmallDegreesOfFreedomAreExact() {
        for alpha in [0.5, 0.05, 1e-4, 1e-8] {
            let two = ChiSquared.criticalValue(degreesOfFreedom: 2, alpha: alpha)
            #expect(abs(two - -2 * log(alpha)) < 1e-10 * two)
            let one = ChiSquared.criticalValue(degreesOfFreedom: 1, alpha: alpha)
            let z = NormalQuantile.upper(alpha / 2)
            #expect(abs(one - z * z) < 1e-9 * one)
        }
        #expect(abs(ChiSquared.criticalValue(degreesOfFreedom: 2, alpha: 1e-4) - 18.420_681) < 1e-6)
        // The p-value is the inverse of the critical value, and e^{−x/2} for k = 2.
        for x in [0.1, 2.0, 18.420_681, 60] { #expect(abs(ChiSquared.pValue(x, degreesOfFreedom: 2) - exp(-x / 2)) < 1e-12) }
        #expect(abs(ChiSquared.pValue(23.209_251, degreesOfFreedom: 10) - 0.01) < 1e-8)
    }

    @Test func chiSquaredStatistic() {
        // (10 − 25)²/25 + (30 − 25)²/25 + (60 − 50)²/50 = 9 + 1 + 2.
        #expect(abs(ChiSquared.statistic(observed: [10, 30, 60], probabilities: [0.25, 0.25, 0.5]) - 12) < 1e-12)
    }

    @Test(arguments: [
        (1, 12.706_205), (2, 4.302_653), (5, 2.570_582), (10, 2.228_139), (30, 2.042_272), (100, 1.983_972), (1000, 1.962_339),
    ])
    func studentTQuantilesMatchTables(nu: Int, table: Double) {
        let t = StudentT.quantile975(degreesOfFreedom: nu)
        #expect(abs(t - table) < 2e-6, "t(\(nu)) = \(t), table \(table)")
    }

    @Test func studentTOneDegreeIsCauchy() {
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 1) - tan(0.475 * Double.pi)) < 1e-9)
    }

    @Test(arguments: [(0.975, 1.959_963_985), (0.999, 3.090_232_306), (1e-4, -3.719_016_485), (0.5, 0.0),
                      (0.841_344_746_068_543, 1.0), (1e-10, -6.361_340_902)])
    func normalQuantilesMatchTables(p: Double, z: Double) {
        #expect(abs(NormalQuantile.lower(p) - z) < 2e-9, "Φ⁻¹(\(p)) = \(NormalQuantile.lower(p))")
        #expect(NormalQuantile.upper(p) == -NormalQuantile.lower(p))
    }
}
