import Analysis
import Output

/// The SVG plots written next to results: η(t) (with a 95 % CI band for ensembles), nucleus
/// density during the first plating, and CE and dead-Li fraction per cycle.
public enum RunPlots {
    /// η(t) of one run.
    public static func overpotential(_ result: RunResult) -> SVGPlot {
        var plot = SVGPlot(title: "\(result.scenario.name): overpotential (window averages)", xLabel: "time (s)",
                           yLabel: "η (mV, positive = cathodic)")
        plot.series.append(.init(name: result.scenario.parameters.substrate.name,
                                 x: result.series.samples.map(\.time), y: result.series.samples.map(\.overpotential)))
        return plot
    }

    /// Mean η(t) over replicas with its 95 % confidence band.
    public static func overpotential(_ statistics: TimeSeriesStatistics, title: String, label: String) -> SVGPlot {
        var plot = SVGPlot(title: title, xLabel: "time (s)", yLabel: "η (mV), mean and 95 % CI")
        let p = statistics.points
        plot.series.append(.init(name: label, x: p.map(\.time), y: p.map(\.summary.mean),
                                 band: (p.map(\.summary.confidenceInterval95.lowerBound), p.map(\.summary.confidenceInterval95.upperBound))))
        return plot
    }

    /// Nuclei per cm² during the first plating.
    public static func nuclei(_ result: RunResult) -> SVGPlot {
        var plot = SVGPlot(title: "\(result.scenario.name): nuclei during the first plating", xLabel: "time (s)",
                           yLabel: "nucleus density (cm⁻²)")
        let samples = result.series.firstPlating
        plot.series.append(.init(name: result.scenario.parameters.substrate.name, x: samples.map(\.time),
                                 y: samples.map { Double($0.nuclei) / result.area }))
        return plot
    }

    /// CE and dead-Li fraction per cycle, mean and 95 % CI over the runs (one run: no band).
    public static func cycles(_ results: [RunResult]) -> SVGPlot? {
        let count = results.map(\.cycles.count).min() ?? 0
        guard count > 0 else { return nil }
        var plot = SVGPlot(title: "\(results[0].scenario.name): per cycle" + (results.count > 1 ? " (\(results.count) replicas, 95 % CI)" : ""),
                           xLabel: "cycle", yLabel: "fraction of the plated charge")
        let cycles = (0..<count).map { Double($0 + 1) }
        for (name, value) in [("Coulombic efficiency", \CycleRecord.coulombicEfficiency), ("dead-Li fraction", \CycleRecord.deadFraction)] {
            let summaries = (0..<count).map { i in SampleSummary(results.map { $0.cycles[i][keyPath: value] }) }
            plot.series.append(.init(name: name, x: cycles, y: summaries.map(\.mean),
                                     band: results.count > 1 ? (summaries.map(\.confidenceInterval95.lowerBound),
                                                                summaries.map(\.confidenceInterval95.upperBound)) : nil,
                                     markers: true))
        }
        return plot
    }
}
