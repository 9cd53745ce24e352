import RealModule

/// The one-sample Kolmogorov–Smirnov test against a continuous distribution.
public enum KolmogorovSmirnov {
    /// D = sup |F_n(x) − F(x)| for the sample and the cumulative distribution `cdf`.
    public static func statistic(_ sample: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return d
    }

    /// Asymptotic p-value of √n·D (Kolmogorov distribution), accurate for n ≳ 100.
    public static func pValue(statistic d: Double, sampleSize n: Int) -> Double {
        let rootN = Double(n).squareRoot()
        let lambda = (rootN + 0.12 + 0.11 / rootN) * d  // Stephens (1970) small-sample correction
        if lambda < 0.2 { return 1 }
        var sum = 0.0
        for k in 1...100 {
            let term = Double.exp(-2 * Double(k * k) * lambda * lambda)
            sum += (k % 2 == 1 ? 2 : -2) * term
            if term < 1e-16 { break }
        }
        return min(max(sum, 0), 1)
    }
}
