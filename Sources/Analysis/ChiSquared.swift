import CGSL

/// Pearson's χ² goodness-of-fit test of observed counts against expected probabilities.
public enum ChiSquared {
    /// χ² = Σ (observed − n·p)² / (n·p) over the categories.
    public static func statistic(observed: [Double], probabilities: [Double]) -> Double {
        let n = observed.reduce(0, +)
        return zip(observed, probabilities).reduce(0) { sum, pair in
            let expected = n * pair.1
            return sum + (pair.0 - expected) * (pair.0 - expected) / expected
        }
    }

    /// x with P(χ²_k > x) = alpha: GSL's exact inverse of the χ² survival function (an earlier
    /// Wilson–Hilferty approximation read 19.3 instead of 18.42 at k = 2, α = 10⁻⁴).
    public static func criticalValue(degreesOfFreedom k: Int, alpha: Double) -> Double {
        precondition(k >= 1 && alpha > 0 && alpha < 1, "χ² needs k ≥ 1 and 0 < α < 1")
        return gsl_cdf_chisq_Qinv(alpha, Double(k))
    }

    /// P(χ²_k > x): the p-value of a statistic x with k degrees of freedom (GSL's survival function).
    public static func pValue(_ x: Double, degreesOfFreedom k: Int) -> Double {
        precondition(k >= 1 && x >= 0, "χ² needs k ≥ 1 and x ≥ 0")
        return gsl_cdf_chisq_Q(x, Double(k))
    }
}

/// Quantiles of the standard normal distribution (GSL's inverse CDF, full double precision).
public enum NormalQuantile {
    /// z with P(Z > z) = alpha.
    public static func upper(_ alpha: Double) -> Double { -lower(alpha) }

    /// z with P(Z ≤ z) = p.
    public static func lower(_ p: Double) -> Double {
        precondition(p > 0 && p < 1)
        return gsl_cdf_ugaussian_Pinv(p)
    }
}
