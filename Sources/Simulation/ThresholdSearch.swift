import Foundation

/// Where to probe next when looking for the current density j* at which a fraction that rises with
/// current (Li plated on top of a coating) reaches 1/2 on average: bracket, then bisect in ln j.
///
/// Bracketing: from `start`, multiply (mean below 1/2) or divide (mean at or above 1/2) by `factor`
/// until the probes hold a current with the mean below 1/2 under one with the mean at or above it.
/// Bisection: the next current is the geometric mean of the bracket — the highest current below 1/2
/// that lies under the lowest current at or above 1/2 — until high/low ≤ 1 + `tolerance` or
/// `maximumProbes` probes are spent. A pure function of the probes so far, so a killed search
/// resumed from its probes' results takes the same path. Noise can make the means non-monotone; the
/// bracket then follows the rule above and the final logistic fit (``ThresholdSummary``) uses every
/// replica of every probe anyway.
public struct ThresholdSearch: Sendable, Equatable {
    /// Current density, mA/cm², of the first probe.
    public var start: Double
    /// Step of the bracketing, > 1.
    public var factor: Double
    /// The search stops when the bracket's high/low ≤ 1 + tolerance.
    public var tolerance: Double
    public var maximumProbes: Int
    /// The currents the scenario accepts (protocol.current_density_mA_cm2).
    public var allowed: ClosedRange<Double>

    public init(start: Double, factor: Double, tolerance: Double, maximumProbes: Int, allowed: ClosedRange<Double> = 1e-12...1e6) {
        (self.start, self.factor, self.tolerance, self.maximumProbes, self.allowed) = (start, factor, tolerance, maximumProbes, allowed)
    }

    /// The level whose crossing is sought.
    public static let level = 0.5

    /// What to do after `probes` (current, mean fraction), in the order they ran.
    public enum Step: Sendable, Equatable {
        case probe(Double)
        case stop(String)
    }

    /// The bracket the probes give — the highest current with the mean below 1/2 under the lowest
    /// current with the mean at or above it — or nil.
    public static func bracket(_ probes: [(current: Double, mean: Double)]) -> ClosedRange<Double>? {
        guard let high = probes.filter({ $0.mean >= level }).map(\.current).min(),
              let low = probes.filter({ $0.mean < level && $0.current < high }).map(\.current).max() else { return nil }
        return low...high
    }

    public func next(after probes: [(current: Double, mean: Double)]) -> Step {
        guard !probes.isEmpty else { return .probe(start) }
        if let bracket = Self.bracket(probes) {
            if bracket.upperBound / bracket.lowerBound <= 1 + tolerance {
                return .stop(String(format: "bracket %g … %g mA/cm² within the tolerance", bracket.lowerBound, bracket.upperBound))
            }
            if probes.count >= maximumProbes { return .stop("probe budget (\(maximumProbes)) spent") }
            return .probe((bracket.lowerBound * bracket.upperBound).squareRoot())
        }
        if probes.count >= maximumProbes { return .stop("probe budget (\(maximumProbes)) spent before a bracket was found") }
        let currents = probes.map(\.current)
        if probes.allSatisfy({ $0.mean < Self.level }) {
            let next = currents.max()! * factor
            guard next <= allowed.upperBound else {
                return .stop(String(format: "the mean stays below 1/2 up to %g mA/cm² (the largest current allowed is %g)",
                                    currents.max()!, allowed.upperBound))
            }
            return .probe(next)
        }
        if probes.allSatisfy({ $0.mean >= Self.level }) {
            let next = currents.min()! / factor
            guard next >= allowed.lowerBound else {
                return .stop(String(format: "the mean stays at or above 1/2 down to %g mA/cm²", currents.min()!))
            }
            return .probe(next)
        }
        // Means below 1/2 only above every current at or above 1/2: the fraction falls with current.
        return .stop("the mean fraction falls with current (below 1/2 only at currents above every probe at or above 1/2)")
    }
}
