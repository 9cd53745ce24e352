import RealModule

/// Quantiles of Student's t distribution.
public enum StudentT {
    /// t such that P(T ≤ t) = 0.975 for `degreesOfFreedom` ν ≥ 1: exact table values for
    /// ν ≤ 30, the Cornish–Fisher expansion beyond (error < 1e-4 there).
    public static func quantile975(degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1, "degrees of freedom must be ≥ 1")
        if nu <= table.count { return table[nu - 1] }
        let z = 1.959_963_984_540_054
        let n = Double(nu)
        let g1 = (z * z * z + z) / 4
        let g2 = (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / 96
        let g3 = (3 * pow(z, 7) + 19 * pow(z, 5) + 17 * z * z * z - 15 * z) / 384
        return z + g1 / n + g2 / (n * n) + g3 / (n * n * n)
    }

    private static func pow(_ x: Double, _ n: Int) -> Double { Double.pow(x, n) }

    /// t₀.₉₇₅ for ν = 1 … 30 (standard tables).
    private static let table: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]
}
