import CGSL

/// Quantiles of Student's t distribution (GSL's inverse CDF).
public enum StudentT {
    /// t such that P(T ≤ t) = p with ν > 0 degrees of freedom (ν need not be whole: Welch's test).
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0 && p > 0 && p < 1, "Student t needs ν > 0 and 0 < p < 1")
        return gsl_cdf_tdist_Pinv(p, nu)
    }

    /// t such that P(T ≤ t) = 0.975 for `degreesOfFreedom` ν ≥ 1: the 95 % two-sided interval.
    public static func quantile975(degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1, "degrees of freedom must be ≥ 1")
        return quantile(0.975, degreesOfFreedom: Double(nu))
    }
}
