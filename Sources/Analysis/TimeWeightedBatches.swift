/// The error bar of a time average from a correlated KMC trajectory, by batch means.
///
/// An observable that holds the value x for a residence time Δt contributes x·Δt. The run is
/// cut into `batchCount` batches of equal simulated duration; if each batch is much longer than
/// the correlation time, the batch averages are nearly independent and their standard error is
/// the error of the overall time average (Flyvbjerg & Petersen 1989).
public struct TimeWeightedBatches: Sendable {
    public let batchDuration: Double
    public private(set) var batchAverages: [Double] = []
    private var weightedSum = 0.0
    private var elapsed = 0.0

    public init(batchDuration: Double) {
        precondition(batchDuration > 0)
        self.batchDuration = batchDuration
    }

    /// Records that the observable held `value` for `duration` seconds.
    public mutating func add(_ value: Double, duration: Double) {
        var remaining = duration
        while elapsed + remaining >= batchDuration {
            let part = batchDuration - elapsed
            weightedSum += value * part
            batchAverages.append(weightedSum / batchDuration)
            weightedSum = 0
            elapsed = 0
            remaining -= part
        }
        weightedSum += value * remaining
        elapsed += remaining
    }

    /// Summary over the completed batches.
    public var summary: SampleSummary { SampleSummary(batchAverages) }
}
