import RealModule

/// Mean, standard deviation, standard error and a Student-t 95 % confidence interval of a
/// sample of independent values (Welford's one-pass algorithm, stable for large n).
public struct SampleSummary: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var sumOfSquares = 0.0

    public init() {}

    public init(_ values: some Sequence<Double>) {
        for value in values { add(value) }
    }

    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquares += delta * (value - mean)
    }

    /// Sample variance (n − 1 in the denominator); 0 for fewer than two values.
    public var variance: Double { count > 1 ? sumOfSquares / Double(count - 1) : 0 }
    public var standardDeviation: Double { variance.squareRoot() }
    public var standardError: Double { count > 0 ? standardDeviation / Double(count).squareRoot() : .nan }

    /// Two-sided 95 % confidence interval of the mean, t-distribution with n − 1 degrees of freedom.
    public var confidenceInterval95: ClosedRange<Double> {
        guard count > 1 else { return mean...mean }
        let half = StudentT.quantile975(degreesOfFreedom: count - 1) * standardError
        return (mean - half)...(mean + half)
    }
}
