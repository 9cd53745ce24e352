import Analysis
import Foundation
import Output

/// What `likmc threshold` reports: every probe (a current density and its replicas' fractions of
/// plated Li on top), the logistic fit of fraction against ln j over all replicas of all probes
/// (``LogisticFit``), and the threshold j* — where the fitted fraction is 1/2 — with its 95 % CI
/// (Fieller's interval of ln j*, mapped by exp); summary.json and the plot of fraction against current.
public struct ThresholdSummary {
    /// One probe: its current density and the observable of each replica, in replica order.
    public struct Probe: Sendable, Equatable {
        public let current: Double
        public let fractions: [Double]

        public init(current: Double, fractions: [Double]) { (self.current, self.fractions) = (current, fractions) }

        public var statistics: SampleSummary { SampleSummary(fractions) }
    }

    /// The threshold and its interval, or why there is none; `note` says how it was obtained when it
    /// is not the fit's.
    public struct Estimate: Sendable, Equatable {
        public var threshold: Double?
        public var interval: ClosedRange<Double>?
        public var note: String?
    }

    /// The run-level observable read from each replica (fraction_plated_on_top).
    public let observable: String
    /// In the order they ran (probe-000, probe-001, …).
    public let probes: [Probe]
    public let search: ThresholdSearch
    /// Why the search ended.
    public let stopReason: String
    public let scenarioName: String
    public let seed: UInt64

    /// The probes the fit uses and the fit (``fitting(_:)``), found once.
    public let fitted: (probes: [Probe], fit: Result<LogisticFit, LogisticFit.Failure>)

    public init(observable: String, probes: [Probe], search: ThresholdSearch, stopReason: String, scenarioName: String, seed: UInt64) {
        (self.observable, self.probes, self.search, self.stopReason) = (observable, probes, search, stopReason)
        (self.scenarioName, self.seed) = (scenarioName, seed)
        fitted = Self.fitting(probes)
    }

    public static let method = "logistic fit of every replica's fraction against ln j, p = 1/(1 + e^−(a + b ln j)), by "
        + "quasi-binomial maximum likelihood (fractional logit); threshold j* = e^(−a/b), where p = 1/2; 95 % CI: Fieller's "
        + "interval of −a/b from the sandwich covariance of (a, b) (× n/(n − 2)), Student t with n − 2 degrees of freedom, "
        + "n = all replicas of all probes (Analysis.LogisticFit); per probe: mean of the replicas with a Student-t 95 % CI"

    /// The logistic fit over every replica of `probes`, x = ln j.
    public static func fit(_ probes: [Probe]) -> Result<LogisticFit, LogisticFit.Failure> {
        Result { () throws(LogisticFit.Failure) in
            try LogisticFit(probes.flatMap { p in p.fractions.map { LogisticFit.Point(x: log(p.current), y: $0) } })
        }
    }

    /// The probes the fit uses and the fit. All of them, unless the logistic does not describe them
    /// (lack of fit p < ``lackOfFitLevel``): j* is a local property and the logistic a local model, so then
    /// the probe farthest in ln j from the fitted crossing is left out and the fit redone, while the misfit
    /// persists and more than three probes remain (a fraction that levels off below 1 far above the
    /// crossing no longer drags j* away from where the data cross ½).
    public static func fitting(_ probes: [Probe]) -> (probes: [Probe], fit: Result<LogisticFit, LogisticFit.Failure>) {
        var used = probes
        var result = Self.fit(used)
        while used.count > 3, case let .success(f) = result, f.slope > 0,
              let misfit = Self.lackOfFit(f, used), misfit.pValue < Self.lackOfFitLevel {
            let farthest = used.indices.max { abs(log(used[$0].current) - f.crossing) < abs(log(used[$1].current) - f.crossing) }!
            used.remove(at: farthest)
            result = Self.fit(used)
        }
        return (used, result)
    }

    /// The fit j* comes from (``fitted``).
    public var fit: Result<LogisticFit, LogisticFit.Failure> { fitted.fit }

    /// Whether the logistic describes the probes' means: X² = Σ ((mean − p̂(j))/SE)² over the probes with
    /// scatter, K − 2 degrees of freedom (two fitted parameters). Each SE is estimated from n replicas, so
    /// each term is a squared t with n − 1 degrees of freedom, of mean (n − 1)/(n − 3) rather than 1; X² is
    /// divided by that (n ≥ 4) so that the χ² p-value is not too small. nil with fewer than 3 such probes.
    public struct LackOfFit: Sendable, Equatable {
        public let statistic: Double
        public let degreesOfFreedom: Int
        public var pValue: Double { ChiSquared.pValue(statistic, degreesOfFreedom: degreesOfFreedom) }
    }

    /// Below this p-value summary.json says that the logistic does not describe the probes.
    public static let lackOfFitLevel = 0.001

    public static func lackOfFit(_ fit: LogisticFit, _ probes: [Probe]) -> LackOfFit? {
        var statistic = 0.0, terms = 0
        for p in probes {
            let s = p.statistics
            guard s.count >= 4, s.standardError > 0 else { continue }
            let z = (s.mean - fit.value(at: log(p.current))) / s.standardError
            statistic += z * z * Double(s.count - 3) / Double(s.count - 1)
            terms += 1
        }
        return terms >= 3 ? LackOfFit(statistic: statistic, degreesOfFreedom: terms - 2) : nil
    }

    /// The bracket of the search: the probes around the 1/2 crossing of the means.
    public var bracket: ClosedRange<Double>? { ThresholdSearch.bracket(probes.map { ($0.current, $0.statistics.mean) }) }

    public var estimate: Estimate {
        let (used, fit) = fitted
        switch fit {
        case let .success(f) where f.slope > 0:
            guard let ci = f.crossingInterval95 else {
                return Estimate(threshold: exp(f.crossing), interval: nil,
                                note: "the fitted slope is not significantly > 0: the 95 % interval is unbounded")
            }
            var note: String?
            if used.count < probes.count, case let .success(all) = Self.fit(probes), let misfit = Self.lackOfFit(all, probes) {
                note = String(format: "the logistic does not describe all %d probes' means (lack of fit p = %.2g: the fraction is not "
                    + "a 0-to-1 logistic in ln j over the probed range, e.g. it levels off below 1), so the fit uses the %d "
                    + "probes nearest the crossing (logistic.probes_used)", probes.count, misfit.pValue, used.count)
            }
            if let misfit = Self.lackOfFit(f, used), misfit.pValue < Self.lackOfFitLevel {
                note = String(format: "the logistic does not describe the probes' means even near the crossing (lack of fit "
                    + "p = %.2g), so j* and its CI depend on that model; compare bracket_mA_per_cm2", misfit.pValue)
            }
            return Estimate(threshold: exp(f.crossing), interval: exp(ci.lowerBound)...exp(ci.upperBound), note: note)
        case .success:
            return Estimate(threshold: nil, interval: nil, note: "the fitted fraction falls with current: no rising threshold")
        case let .failure(.separated(cut)):
            // A step between probes: every replica below is 0, every one above is 1. The crossing lies
            // between the nearest probes on either side, whatever the shape of the curve.
            let currents = probes.map(\.current)
            guard let low = currents.filter({ log($0) < cut }).max(), let high = currents.filter({ log($0) > cut }).min() else {
                return Estimate(threshold: nil, interval: nil, note: "every replica's fraction is \(probes.first?.fractions.first ?? 0): no crossing in the probed range")
            }
            let below = probes.filter { log($0.current) < cut }.allSatisfy { $0.fractions.allSatisfy { $0 == 0 } }
            return Estimate(threshold: exp(cut), interval: low...high,
                            note: "the fraction steps from all \(below ? 0 : 1) to all \(below ? 1 : 0) between \(low) and \(high) mA/cm²: "
                                + "no logistic slope; the threshold is bounded by those probes (the interval), not a 95 % CI")
        case let .failure(why):
            return Estimate(threshold: nil, interval: nil, note: "no fit: \(why)")
        }
    }

    /// summary.json: the threshold and its CI, the replicas per probe, every probe, then the fit, the
    /// bracket, the search and what it ran on.
    public func json() -> JSONValue {
        let e = estimate
        let replicas = probes.map(\.fractions.count).max() ?? 0
        var pairs: [(String, JSONValue)] = [
            ("threshold_current_mA_per_cm2", e.threshold.map { .number($0) } ?? .null),
            ("ci95_low", e.interval.map { .number($0.lowerBound) } ?? .null),
            ("ci95_high", e.interval.map { .number($0.upperBound) } ?? .null),
            ("replicas", .integer(replicas)),
            ("probes", .array(probes.enumerated().map { index, p in
                let s = p.statistics, ci = s.confidenceInterval95
                return .object([
                    ("current_mA_per_cm2", .number(p.current)), ("fraction_on_top_mean", .number(s.mean)),
                    ("ci95_low", .number(ci.lowerBound)), ("ci95_high", .number(ci.upperBound)),
                    ("stderr", .number(s.standardError)), ("n", .integer(s.count)), ("directory", .string(Self.directoryName(index))),
                ])
            })),
        ]
        if let note = e.note { pairs.append(("note", .string(note))) }
        let (used, fit) = fitted
        if case let .success(f) = fit {
            pairs.append(("logistic", .object([
                ("probes_used", .array(used.map { .number($0.current) })),
                ("slope_per_ln_current", .number(f.slope)), ("slope_stderr", .number(f.slopeStandardError)),
                // j at p = 0.9 over j at p = 0.1: how sharp the transition is, e^(2 ln 9 / b).
                ("current_ratio_10_to_90_percent", .number(exp(2 * log(9) / abs(f.slope)))),
                ("ln_threshold", .number(f.crossing)), ("ln_threshold_stderr_delta_method", .number(f.crossingStandardError)),
                ("observations", .integer(f.count)),
                ("lack_of_fit", Self.lackOfFit(f, used).map { m in .object([("chi2", .number(m.statistic)),
                                                                 ("degrees_of_freedom", .integer(m.degreesOfFreedom)),
                                                                 ("p_value", .number(m.pValue))]) } ?? .null),
            ])))
        }
        pairs += [
            ("bracket_mA_per_cm2", bracket.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null),
            ("stopped", .string(stopReason)),
            ("observable", .string(observable)),
            ("search", .object([("start_mA_per_cm2", .number(search.start)), ("factor", .number(search.factor)),
                                ("tolerance", .number(search.tolerance)), ("max_probes", .integer(search.maximumProbes))])),
            ("scenario", .string(scenarioName)),
            ("seed", .integer(Int(seed))),
            ("method", .string(Self.method)),
        ]
        return .object(pairs)
    }

    /// Fraction against current (log x): every replica, each probe's mean with its 95 % CI, and the
    /// fitted logistic curve.
    public func plot() -> SVGPlot {
        var plot = SVGPlot(title: "\(scenarioName): \(observable) vs current density", xLabel: "current density j (mA/cm²)",
                           yLabel: observable.replacingOccurrences(of: "_", with: " "))
        plot.xScale = .logarithmic
        let sorted = probes.sorted { $0.current < $1.current }
        let all = sorted.flatMap { p in p.fractions.map { (p.current, $0) } }
        plot.series.append(.points(name: "replicas", x: all.map(\.0), y: all.map(\.1)))
        let stats = sorted.map(\.statistics)
        plot.series.append(.points(name: "mean, 95 % CI", x: sorted.map(\.current), y: stats.map(\.mean),
                                   bars: (stats.map(\.confidenceInterval95.lowerBound), stats.map(\.confidenceInterval95.upperBound))))
        let used = fitted.probes.map(\.current)
        if case let .success(f) = fit, let low = used.min(), let high = used.max() {
            let grid = (0...100).map { low * pow(high / low, Double($0) / 100) }
            let e = estimate
            let label = e.threshold.map { t in
                String(format: "logistic fit: j* = %.3g", t) + (e.interval.map { String(format: " [%.3g, %.3g]", $0.lowerBound, $0.upperBound) } ?? "")
            } ?? "logistic fit"
            plot.series.append(.init(name: label, x: grid, y: grid.map { f.value(at: log($0)) }))
        }
        return plot
    }

    /// Directory of probe `index` inside the threshold's output directory.
    public static func directoryName(_ index: Int) -> String {
        NumberedDirectory.name("probe", index)
    }

    public static let plotFile = "fraction-on-top.svg"
}
