import Analysis
import Foundation
import GSLRandom
import Simulation
import Testing

/// The threshold search (bracket, then bisect in ln j) and what it reports, on synthetic probes
/// whose true threshold is known: the path on exact fractions, every way it stops, and the 95 %
/// interval of the whole procedure — adaptive probes and logistic fit — covering the truth at its level.
@Suite struct ThresholdSearchTests {
    /// Runs the search with `probe` giving the replicas' fractions at a current.
    static func search(_ search: ThresholdSearch, probe: (Double) -> [Double]) -> ThresholdSummary {
        var probes: [ThresholdSummary.Probe] = []
        var step = search.next(after: [])
        while case let .probe(current) = step {
            probes.append(.init(current: current, fractions: probe(current)))
            step = search.next(after: probes.map { ($0.current, $0.statistics.mean) })
        }
        guard case let .stop(reason) = step else { fatalError() }
        return ThresholdSummary(observable: "fraction_plated_on_top", probes: probes, search: search, stopReason: reason,
                                scenarioName: "synthetic", seed: 1)
    }

    static func logistic(_ j: Double, threshold: Double, slope: Double) -> Double { 1 / (1 + pow(threshold / j, slope)) }

    /// Exact fractions around j* = 2.7: up from 1 by ×4 to 4 (bracket [1, 4]), then geometric
    /// midpoints 2, 2√2, (2·2√2)^½ … until high/low ≤ 1.1; the fit recovers j* exactly.
    @Test func exactFractionsTakeTheBisectionPath() throws {
        let truth = 2.7
        let search = ThresholdSearch(start: 1, factor: 4, tolerance: 0.1, maximumProbes: 12)
        let result = Self.search(search) { j in [0.9, 1.0, 1.1].map { Self.logistic(j, threshold: truth, slope: 3) * $0 } }
        var expected = [1.0, 4], low = 1.0, high = 4.0
        while high / low > 1.1 {
            let mid = (low * high).squareRoot()
            expected.append(mid)
            if Self.logistic(mid, threshold: truth, slope: 3) < 0.5 { low = mid } else { high = mid }
        }
        #expect(result.probes.map(\.current) == expected)
        #expect(result.stopReason.contains("within the tolerance"))
        #expect(result.bracket == low...high && (low...high).contains(truth))
        let estimate = result.estimate
        #expect(abs(try #require(estimate.threshold) - truth) < 1e-8, "scaled replicas ×0.9, ×1, ×1.1 keep the mean on the curve")
        #expect(try #require(estimate.interval).contains(truth))
    }

    @Test func bracketingGoesDownFromAboveAndStopsAtTheBudgetOrTheLimit() {
        let down = Self.search(ThresholdSearch(start: 100, factor: 2, tolerance: 0.05, maximumProbes: 5)) { j in
            [Self.logistic(j, threshold: 3, slope: 2)]
        }
        #expect(down.probes.map(\.current) == [100, 50, 25, 12.5, 6.25])
        #expect(down.stopReason.contains("before a bracket was found") && down.bracket == nil)
        let never = Self.search(ThresholdSearch(start: 1, factor: 1000, tolerance: 0.1, maximumProbes: 10)) { _ in [0.1, 0.2] }
        #expect(never.probes.map(\.current) == [1, 1000, 1e6] && never.stopReason.contains("largest current allowed"))
        #expect(never.estimate.threshold == nil && never.estimate.note != nil)
        let falling = Self.search(ThresholdSearch(start: 1, factor: 2, tolerance: 0.1, maximumProbes: 10)) { j in [j < 1.5 ? 0.8 : 0.2] }
        #expect(falling.probes.map(\.current) == [1, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625, 0.001953125])
        // Bracketing alone never leaves a mean below 1/2 above every one at or above it (it steps down only
        // from above and up only from below); given such probes, as noise could make them, it stops.
        let search = ThresholdSearch(start: 1, factor: 2, tolerance: 0.1, maximumProbes: 10)
        #expect(search.next(after: [(1, 0.8), (4, 0.2)]) == .stop("the mean fraction falls with current (below 1/2 only at currents above every probe at or above 1/2)"))
        #expect(search.next(after: [(1, 0.2), (4, 0.8), (8, 0.3)]) == .probe(2), "a noisy point outside the bracket is passed over")
    }

    /// A step (every replica 0 below 2.5, 1 above): no logistic slope; the threshold is bounded by
    /// the probes around the step, and summary.json says so.
    @Test func aStepIsBoundedByItsProbes() throws {
        let result = Self.search(ThresholdSearch(start: 1, factor: 2, tolerance: 0.2, maximumProbes: 12)) { j in j < 2.5 ? [0, 0] : [1, 1] }
        let e = result.estimate
        let bracket = try #require(result.bracket)
        #expect(e.interval == bracket && bracket.contains(2.5) && e.note?.contains("not a 95 % CI") == true)
        #expect(abs(try #require(e.threshold) - (bracket.lowerBound * bracket.upperBound).squareRoot()) < 1e-12)
    }

    /// A fraction that levels off at 0.7 (as Li plated on top of a thin coating did in a first coated run)
    /// is not the 0-to-1 logistic the fit assumes: the lack-of-fit test says so, the fit keeps the probes
    /// nearest the crossing, and its interval covers where 0.7/(1 + (1/j)³) crosses ½, j = e^(logit(1/1.4)/3)
    /// = 1.357; for a logistic fraction the test stays quiet and every probe is used.
    @Test func aFractionThatLevelsOffIsFlagged() throws {
        let random = try RandomStream(seed: 77)
        func search(ceiling: Double) -> ThresholdSummary {
            Self.search(ThresholdSearch(start: 1, factor: 4, tolerance: 0.05, maximumProbes: 12)) { j in
                let p = ceiling * Self.logistic(j, threshold: 1, slope: 3)
                return (0..<8).map { _ in Double((0..<100).filter { _ in random.uniform() < p }.count) / 100 }
            }
        }
        let levelling = search(ceiling: 0.7)
        #expect(levelling.estimate.note?.contains("does not describe") == true)
        let misfit = try #require(ThresholdSummary.lackOfFit(try ThresholdSummary.fit(levelling.probes).get(), levelling.probes))
        #expect(misfit.pValue < ThresholdSummary.lackOfFitLevel)
        #expect(levelling.fitted.probes.count < levelling.probes.count)
        let crossing = exp(log(1 / 1.4 / (1 - 1 / 1.4)) / 3)
        #expect(try #require(levelling.estimate.interval).contains(crossing), "\(levelling.estimate)")
        let logistic = search(ceiling: 1)
        #expect(logistic.estimate.note == nil && logistic.fitted.probes.count == logistic.probes.count)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(logistic.json().rendered().utf8)) as? [String: Any])
        #expect((json["logistic"] as? [String: Any])?["lack_of_fit"] is [String: Any])
    }

    /// The interface of summary.json: the threshold, its CI, the replicas and every probe with its
    /// mean fraction on top and CI, in the order they ran.
    @Test func summaryHasTheInterfaceKeys() throws {
        let random = try RandomStream(seed: 5)
        let result = Self.search(ThresholdSearch(start: 0.5, factor: 3, tolerance: 0.1, maximumProbes: 8)) { j in
            (0..<6).map { _ in Double((0..<20).filter { _ in random.uniform() < Self.logistic(j, threshold: 2, slope: 2) }.count) / 20 }
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.json().rendered().utf8)) as? [String: Any])
        for key in ["threshold_current_mA_per_cm2", "ci95_low", "ci95_high"] { #expect(json[key] is Double, "\(key)") }
        #expect(json["replicas"] as? Int == 6)
        let probes = try #require(json["probes"] as? [[String: Any]])
        #expect(probes.count == result.probes.count)
        for (p, probe) in zip(probes, result.probes) {
            // Foundation's JSON reader can be one unit in the last place off the shortest round-trip text.
            #expect(abs((p["current_mA_per_cm2"] as? Double ?? .nan) - probe.current) <= 1e-12 * probe.current)
            #expect(abs((p["fraction_on_top_mean"] as? Double ?? .nan) - probe.statistics.mean) <= 1e-12)
            #expect((p["ci95_low"] as? Double ?? 2) <= probe.statistics.mean && probe.statistics.mean <= (p["ci95_high"] as? Double ?? -1))
        }
        let low = try #require(json["ci95_low"] as? Double), high = try #require(json["ci95_high"] as? Double)
        #expect(low < (json["threshold_current_mA_per_cm2"] as? Double ?? 0) && (json["threshold_current_mA_per_cm2"] as? Double ?? 0) < high)
        let svg = result.plot().rendered()
        #expect(svg.contains("logistic fit: j* = ") && svg.contains("<circle") && svg.hasSuffix("</svg>\n"))
    }

    /// 1000 synthetic searches, j* = 2.7 mA/cm², slope 2 per ln j, from 0.5 mA/cm² by ×4, tolerance
    /// 0.1, 8 replicas per probe, each replica's fraction k/20 with k binomial(20, p(j)). The 95 %
    /// interval of the whole procedure (the probes depend on earlier results) must cover 2.7 in 95 %
    /// of the searches within 4 binomial standard deviations (±0.028).
    @Test func intervalOfTheWholeSearchCoversTheTruthAtItsLevel() throws {
        let random = try RandomStream(seed: 1616)
        let truth = 2.7, runs = 1000
        var covered = 0, probes = 0, flagged = 0
        for _ in 0..<runs {
            let result = Self.search(ThresholdSearch(start: 0.5, factor: 4, tolerance: 0.1, maximumProbes: 12)) { j in
                let p = Self.logistic(j, threshold: truth, slope: 2)
                return (0..<8).map { _ in Double((0..<20).filter { _ in random.uniform() < p }.count) / 20 }
            }
            probes += result.probes.count
            if result.estimate.interval?.contains(truth) == true { covered += 1 }
            if result.estimate.note != nil { flagged += 1 }
        }
        let rate = Double(covered) / Double(runs)
        print("threshold search: coverage \(rate), \(Double(probes) / Double(runs)) probes per search, \(flagged) flagged as not logistic")
        #expect(abs(rate - 0.95) < 4 * (0.95 * 0.05 / Double(runs)).squareRoot(),
                "coverage \(rate), \(Double(probes) / Double(runs)) probes per search")
    }
}
