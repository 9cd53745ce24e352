/// Where a Monte Carlo series has forgotten its start, detected from the data: the MSER-5 rule
/// (White, Simulation 69, 323 (1997); Franklin & White 2008). The series is cut into batches of 5;
/// the truncation d (in batches) minimises the squared standard error of the mean of what is
/// left, Σ_{k ≥ d} (y_k − ȳ_d)² / (m − d)². d is searched in the first half only: a minimum at the
/// end of that range means the run never settled (``isConverged`` false).
public struct Equilibration: Sendable, Equatable {
    public static let batch = 5
    /// Sweeps to discard.
    public let truncation: Int
    /// False when the best truncation is at the edge of the searched half: run longer.
    public let isConverged: Bool

    public init(series: [Double]) {
        let m = series.count / Self.batch
        guard m >= 4 else {
            truncation = 0
            isConverged = false
            return
        }
        let y = (0..<m).map { k in series[(k * Self.batch)..<((k + 1) * Self.batch)].reduce(0, +) / Double(Self.batch) }
        var sum = 0.0, squares = 0.0
        var best = (d: 0, value: Double.infinity)
        var statistics = [Double](repeating: .infinity, count: m)
        for d in stride(from: m - 1, through: 0, by: -1) {  // suffix sums
            sum += y[d]
            squares += y[d] * y[d]
            let n = Double(m - d)
            statistics[d] = max(0, squares - sum * sum / n) / (n * n)
        }
        for d in 0...(m / 2) where statistics[d] < best.value { best = (d, statistics[d]) }
        truncation = best.d * Self.batch
        isConverged = best.d < m / 2
    }

    /// The later of the truncations of several series (all must have settled).
    public init(all series: [[Double]]) {
        let each = series.map(Equilibration.init(series:))
        truncation = each.map(\.truncation).max() ?? 0
        isConverged = each.allSatisfy(\.isConverged)
    }
}
