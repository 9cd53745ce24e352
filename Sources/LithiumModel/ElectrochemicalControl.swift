import Foundation
import Kinetics

/// How the electrode potential is set. After every event the control fixes the overpotential η
/// and scales the reduction rates by exp(αfη) and the oxidation rates by exp(−(1−α)fη).
public struct ElectrochemicalControl: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        /// Net faradaic rate (reduction − oxidation) held at this many events per second: η is
        /// solved after every event (closed form for α = ½, Newton otherwise).
        case galvanostatic(eventsPerSecond: Double)
        /// Fixed overpotential, V.
        case potentiostatic(overpotential: Double)
        /// Fixed deposition rate per reduction site (s⁻¹) and no oxidation: the classical
        /// submonolayer-deposition setting of nucleation theory.
        case deposition(ratePerSite: Double)
    }

    public var mode: Mode
    /// The overpotential in force, V (positive: cathodic, drives reduction).
    public private(set) var overpotential = 0.0
    /// Set when galvanostatic control had no reduction site to carry the current.
    public private(set) var starved = false

    public init(mode: Mode) { self.mode = mode }

    /// Largest |η| the galvanostatic solve will set, V.
    public static let overpotentialLimit = 5.0

    /// Sets η for the current state and applies it to the rate table.
    public mutating func apply(to rates: RateClassTable, constants k: RateConstants) {
        let reduction = EventType.reduction.rawValue, oxidation = EventType.oxidation.rawValue
        switch mode {
        case let .deposition(ratePerSite):
            overpotential = 0
            rates.setTypeFactor(reduction, to: ratePerSite / k.k0)
            rates.setTypeFactor(oxidation, to: 0)
            return
        case let .potentiostatic(eta):
            overpotential = eta
        case let .galvanostatic(current):
            let n = rates.baseRateSum(ofType: reduction)
            let s = rates.baseRateSum(ofType: oxidation)
            let (eta, starved) = Self.solve(current: current, reduction: n, oxidation: s, alpha: k.alpha, f: k.f)
            overpotential = eta
            self.starved = starved
        }
        rates.setTypeFactor(reduction, to: exp(k.alpha * k.f * overpotential))
        rates.setTypeFactor(oxidation, to: exp(-(1 - k.alpha) * k.f * overpotential))
    }

    /// η with n·e^{αfη} − s·e^{−(1−α)fη} = current; n, s are the base reduction and oxidation
    /// rate sums (s⁻¹). Monotone in η, so the root is unique.
    public static func solve(current: Double, reduction n: Double, oxidation s: Double,
                             alpha: Double, f: Double) -> (eta: Double, starved: Bool) {
        guard n > 0 else { return (current > 0 ? overpotentialLimit : -overpotentialLimit, current > 0) }
        guard s > 0 || current > 0 else { return (-overpotentialLimit, false) }
        // α = ½: x = e^{fη/2} solves n·x² − I·x − s = 0.
        let x = (current + (current * current + 4 * n * s).squareRoot()) / (2 * n)
        var eta = 2 * log(x) / f
        if abs(alpha - 0.5) > 1e-12 {
            for _ in 0..<60 {
                let red = n * exp(alpha * f * eta), ox = s * exp(-(1 - alpha) * f * eta)
                let step = (red - ox - current) / (f * (alpha * red + (1 - alpha) * ox))
                eta -= step
                if abs(step) < 1e-13 { break }
            }
        }
        let clamped = min(max(eta, -overpotentialLimit), overpotentialLimit)
        return (clamped, clamped != eta)
    }
}
