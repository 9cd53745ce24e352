import Analysis
import Output

/// Replica time series on one common time grid: mean, standard error and Student-t 95 % CI of a
/// sampled quantity at each grid time, over the replicas whose run reaches that time.
///
/// The grid is k·Δt for k = 1, 2, … up to the longest run, Δt the median of the replicas' first
/// sampling interval; a replica's value at a grid time is linearly interpolated between its two
/// neighbouring samples (time-series samples are window averages, so this is their natural reading).
public struct TimeSeriesStatistics: Sendable {
    public struct Point: Sendable {
        public var time: Double
        public var summary: SampleSummary
    }

    public let name: String
    public let points: [Point]

    public init(_ results: [RunResult], name: String, value: (TimeSeries.Sample) -> Double) {
        self.name = name
        let firsts = results.compactMap { $0.series.samples.first?.time }.filter { $0 > 0 }.sorted()
        let end = results.compactMap { $0.series.samples.last?.time }.max() ?? 0
        guard !firsts.isEmpty, end > 0 else { points = []; return }
        let step = firsts[firsts.count / 2]
        let count = min(100_000, Int((end / step).rounded(.down)))
        points = (1...max(1, count)).map { k in
            let t = Double(k) * step
            let values = results.compactMap { Self.interpolate($0.series.samples, at: t, value: value) }
            return Point(time: t, summary: SampleSummary(values))
        }
    }

    static func interpolate(_ samples: [TimeSeries.Sample], at t: Double, value: (TimeSeries.Sample) -> Double) -> Double? {
        guard let first = samples.first, let last = samples.last, t >= first.time, t <= last.time else { return nil }
        var low = 0, high = samples.count - 1  // the last sample at or before t
        while low < high {
            let mid = (low + high + 1) / 2
            if samples[mid].time <= t { low = mid } else { high = mid - 1 }
        }
        let a = samples[low]
        guard low + 1 < samples.count, samples[low + 1].time > a.time else { return value(a) }
        let b = samples[low + 1]
        let w = (t - a.time) / (b.time - a.time)
        return value(a) * (1 - w) + value(b) * w
    }

    /// Columns time_s, NAME_mean, NAME_stderr, NAME_ci95_low, NAME_ci95_high, n for several statistics.
    public static func csv(_ statistics: [TimeSeriesStatistics]) -> String {
        guard let grid = statistics.first?.points.map(\.time) else { return "time_s\n" }
        var columns = ["time_s"]
        for s in statistics { columns += ["\(s.name)_mean", "\(s.name)_stderr", "\(s.name)_ci95_low", "\(s.name)_ci95_high"] }
        var table = CSVTable(columns: columns + ["n"])
        for (i, t) in grid.enumerated() {
            var row = [t]
            for s in statistics {
                let summary = s.points[i].summary, ci = summary.confidenceInterval95
                row += [summary.mean, summary.standardError, ci.lowerBound, ci.upperBound]
            }
            table.append(row + [Double(statistics[0].points[i].summary.count)])
        }
        return table.rendered()
    }
}
