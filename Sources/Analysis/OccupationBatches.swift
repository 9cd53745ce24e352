/// The fraction of time a process spends in each of several categories (the configurations of a
/// small system, say), each with a batch-means error bar, and the χ² of those fractions against
/// expected probabilities: the detailed-balance tests' statistic.
public struct OccupationBatches: Sendable {
    public private(set) var categories: [TimeWeightedBatches]

    public init(categories count: Int, batchDuration: Double) {
        categories = (0..<count).map { _ in TimeWeightedBatches(batchDuration: batchDuration) }
    }

    /// Records that the process was in `category` (nil: in none of them) for `duration`.
    public mutating func add(_ category: Int?, duration: Double) {
        for k in categories.indices { categories[k].add(k == category ? 1 : 0, duration: duration) }
    }

    /// Completed batches.
    public var batchCount: Int { categories.first?.batchAverages.count ?? 0 }

    /// Σ_k ((f_k − p_k)/SE_k)² over the categories, f_k the time fraction, SE_k its batch-means
    /// error: about χ² with (categories − 1) degrees of freedom when the fractions sum to one. NaN
    /// when a category's fraction never varied between batches (no error bar to judge it by).
    public func chiSquared(expected: [Double]) -> Double {
        precondition(expected.count == categories.count, "one probability per category")
        return zip(categories, expected).reduce(0) { sum, pair in
            let summary = pair.0.summary
            let z = (summary.mean - pair.1) / summary.standardError
            return sum + z * z
        }
    }
}
