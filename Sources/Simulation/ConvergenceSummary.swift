import Analysis
import Foundation
import Output

/// What `likmc converge` reports: for every observable of ``ConvergenceObservable/all`` the
/// ensemble has, its mean and 95 % CI at each site edge ℓ and the exponent d ln X / d ln ℓ with its
/// 95 % CI (``PowerLawFit``), plus how each ℓ's scenario was rescaled. A converged observable has
/// an exponent whose CI lies within ±0.1 of 0.
public struct ConvergenceSummary {
    /// One site edge: its ensemble and the rescaling that made its scenario.
    public struct Point {
        public let rescaling: SiteEdgeRescaling
        public let ensemble: EnsembleSummary

        public init(rescaling: SiteEdgeRescaling, ensemble: EnsembleSummary) {
            self.rescaling = rescaling
            self.ensemble = ensemble
        }
    }

    public let points: [Point]

    public init(points: [Point]) { self.points = points.sorted { $0.rescaling.siteEdge > $1.rescaling.siteEdge } }

    public static let method = "per site edge: mean of the replicas with a Student-t 95 % CI; exponent: weighted least "
        + "squares of ln(mean) on ln(site edge), weights 1/σ² with σ = stderr/mean (delta method), 95 % CI from "
        + "Student's t with Welch–Satterthwaite degrees of freedom (Analysis.PowerLawFit)"

    /// The observables of the table that every point's summary has.
    public var observables: [ConvergenceObservable] {
        ConvergenceObservable.all.filter { o in points.allSatisfy { $0.ensemble.observableNames.contains(o.name) } }
    }

    /// The statistics of `name` at each site edge, largest ℓ first.
    public func samples(_ name: String) -> [(siteEdge: Double, summary: SampleSummary)] {
        points.map { ($0.rescaling.siteEdge, SampleSummary($0.ensemble.table.values(name).filter(\.isFinite))) }
    }

    /// The power-law fit of `name` over the site edges, or why there is none.
    public func fit(_ name: String) -> Result<PowerLawFit, PowerLawFit.Failure> {
        Result { () throws(PowerLawFit.Failure) in
            try PowerLawFit(samples(name).map {
                PowerLawFit.Point(x: $0.siteEdge, mean: $0.summary.mean, standardError: $0.summary.standardError,
                                  count: $0.summary.count)
            })
        }
    }

    /// summary.json: one entry per observable (exponent, ci95_low, ci95_high, stderr,
    /// degrees_of_freedom, by_site_edge; null exponent and a note when it cannot be fitted), then the
    /// site edges, the replicas, the method and the rescaling of every point.
    public func json() -> JSONValue {
        var pairs: [(String, JSONValue)] = observables.map { o in
            let bySiteEdge = JSONValue.array(samples(o.name).map { edge, s in
                let ci = s.confidenceInterval95
                return .object([("site_edge_nm", .number(edge)), ("mean", .number(s.mean)), ("ci95_low", .number(ci.lowerBound)),
                                ("ci95_high", .number(ci.upperBound)), ("stderr", .number(s.standardError)), ("n", .integer(s.count))])
            })
            switch fit(o.name) {
            case let .success(f):
                return (o.name, .object([
                    ("exponent", .number(f.exponent)), ("ci95_low", .number(f.confidenceInterval95.lowerBound)),
                    ("ci95_high", .number(f.confidenceInterval95.upperBound)), ("stderr", .number(f.standardError)),
                    ("degrees_of_freedom", .number(f.degreesOfFreedom)), ("by_site_edge", bySiteEdge),
                ]))
            case let .failure(why):
                return (o.name, .object([("exponent", .null), ("ci95_low", .null), ("ci95_high", .null),
                                         ("note", .string("no exponent: \(why)")), ("by_site_edge", bySiteEdge)]))
            }
        }
        pairs += [
            ("site_edges_nm", .array(points.map { .number($0.rescaling.siteEdge) })),
            ("replicas_per_site_edge", .integer(points.first?.ensemble.table.rows.count ?? 0)),
            ("scenario", .string(points.first?.ensemble.scenario.name ?? "")),
            ("method", .string(Self.method)),
            ("rescaling", .array(points.map { p in
                let s = p.ensemble.scenario
                return .object([("site_edge_nm", .number(p.rescaling.siteEdge)), ("lattice", .string("\(s.lx)×\(s.ly)×\(s.lz)")),
                                ("set", .array(p.rescaling.assignments.map { .string($0) })),
                                ("rounded", .array(p.rescaling.roundings.map { .string($0.description) }))])
            })),
        ]
        return .object(pairs)
    }

    /// X against ℓ on log–log axes: the means with their 95 % CI band and the fitted power law.
    public func plot(_ observable: ConvergenceObservable) -> SVGPlot {
        var plot = SVGPlot(title: "\(points.first?.ensemble.scenario.name ?? ""): \(observable.label) vs site edge",
                           xLabel: "site edge ℓ (nm)", yLabel: observable.label)
        plot.xScale = .logarithmic
        plot.yScale = .logarithmic
        let s = samples(observable.name)
        let edges = s.map(\.siteEdge)
        plot.series.append(.init(name: "mean, 95 % CI", x: edges, y: s.map(\.summary.mean),
                                 band: (s.map(\.summary.confidenceInterval95.lowerBound), s.map(\.summary.confidenceInterval95.upperBound)),
                                 markers: true))
        if case let .success(f) = fit(observable.name) {
            plot.series.append(.init(name: String(format: "fit: ℓ^%.2f [%.2f, %.2f]", f.exponent, f.confidenceInterval95.lowerBound,
                                                  f.confidenceInterval95.upperBound),
                                     x: edges, y: edges.map(f.value(at:))))
        }
        return plot
    }

    /// The plot file of `observable`.
    public static func plotFile(_ observable: ConvergenceObservable) -> String { "\(observable.name).svg" }
}
