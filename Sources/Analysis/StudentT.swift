import CGSL

/// Quantiles of Student's t distribution.
public enum StudentT {
    /// t such that P(T ≤ t) = 0.975 for `degreesOfFreedom` ν ≥ 1 (GSL's inverse CDF).
    public static func quantile975(degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1, "degrees of freedom must be ≥ 1")
        return gsl_cdf_tdist_Pinv(0.975, Double(nu))
    }
}
