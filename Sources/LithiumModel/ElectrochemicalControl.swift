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

    public var mode: Mode { didSet { settled = nil } }
    /// The overpotential in force, V (positive: cathodic, drives reduction).
    public private(set) var overpotential = 0.0
    /// Set when galvanostatic control had no reduction site to carry the current.
    public private(set) var starved = false
    /// The last galvanostatic solve — applied current, and the base rate sums of reduction, SEI
    /// growth, oxidation and sub-grid nucleation (lanes 4–7), and what came out — and the type factors last written to a table:
    /// an event that leaves the sums bit for bit as they were (a Li atom hopping along a flat
    /// surface, say) gives the same η, so neither the solve nor the exponentials are redone.
    private var lastSolve: (inputs: SIMD8<Double>, overpotential: Double, starved: Bool)?
    private var applied: (overpotential: Double, factors: SIMD4<Double>)?
    /// Where a galvanostatic apply last left things: the table, its ``RateClassTable/factorVersion``
    /// after η's factors were written, and the watched sums η was solved for. While all three
    /// stay, another ``apply(to:constants:)`` would solve for the same η and write nothing, so it
    /// is skipped (``pending(in:)``).
    @usableFromInline var settled: (table: ObjectIdentifier, factorVersion: UInt64, sums: SIMD4<Double>)?

    public init(mode: Mode) { self.mode = mode }

    /// What ``apply(to:constants:sums:)`` has to do after an event.
    public enum Pending {
        /// Nothing: it would leave everything as it is.
        case nothing
        /// Solve for these watched sums (the table and its factors are as the control left them).
        case solve(sums: SIMD4<Double>)
        /// Start afresh: another mode, another table, or factors set since.
        case everything
    }

    /// Nothing when ``apply(to:constants:sums:)`` would leave everything as it is: galvanostatic
    /// control, the same table with the factors it wrote, and the same watched sums, bit for bit (a
    /// Li atom hopping along a flat surface leaves them so). It reads the sums alone, where a full
    /// apply also builds its inputs and reads back four factors (about 80 instructions instead of
    /// 230), and hands them on when they changed.
    @inlinable @inline(__always) public func pending(in rates: RateClassTable) -> Pending {
        guard let settled, settled.factorVersion == rates.factorVersion, settled.table == ObjectIdentifier(rates) else {
            return .everything
        }
        let sums = rates.watchedBaseRateSums()
        return sums == settled.sums ? .nothing : .solve(sums: sums)
    }

    /// Largest |η| the galvanostatic solve will set, V.
    public static let overpotentialLimit = 5.0

    /// Sets η for the current state and applies it to the rate table.
    /// (Inlined down to the five constants the control reads: handing it the model's whole
    /// ``RateConstants``, a computed property, copied 136 bytes per event.)
    /// `sums`, if given, are the table's watched sums now (``pending(in:)``).
    @inlinable @inline(__always)
    public mutating func apply(to rates: RateClassTable, constants k: RateConstants, sums: SIMD4<Double>? = nil) {
        apply(to: rates, k: Coefficients(k), sums: sums)
    }

    /// What the control reads of the rate constants.
    @usableFromInline struct Coefficients {
        @usableFromInline let f: Double, alpha: Double, seiAlpha: Double, k0: Double, nucleationBarrier: Double

        @inlinable @inline(__always) init(_ k: RateConstants) {
            (f, alpha, seiAlpha, k0, nucleationBarrier) = (k.f, k.alpha, k.seiAlpha, k.k0, k.nucleationBarrier)
        }
    }

    @usableFromInline mutating func apply(to rates: RateClassTable, k: Coefficients, sums: SIMD4<Double>?) {
        let reduction = EventType.reduction.rawValue, oxidation = EventType.oxidation.rawValue
        let sei = EventType.seiFormation.rawValue, nucleation = EventType.nucleation.rawValue
        switch mode {
        case let .deposition(ratePerSite):
            overpotential = 0
            rates.setTypeFactor(reduction, to: ratePerSite / k.k0)
            rates.setTypeFactor(oxidation, to: 0)
            rates.setTypeFactor(sei, to: 0)
            rates.setTypeFactor(nucleation, to: 0)
            return
        case let .potentiostatic(eta):
            overpotential = eta
        case let .galvanostatic(current):
            // The table keeps the non-empty faradaic classes apart, so their sums cost a pass over them alone.
            rates.watchBaseRateSums(ofTypes: SIMD4(reduction, sei, oxidation, nucleation))
            let inputs = SIMD8(lowHalf: SIMD4(current, 0, 0, 0), highHalf: sums ?? rates.watchedBaseRateSums())
            if let last = lastSolve, last.inputs == inputs {
                (overpotential, starved) = (last.overpotential, last.starved)
            } else {
                let currents = Currents(reduction: inputs[4], oxidation: inputs[6], sideReaction: inputs[5],
                                        alpha: k.alpha, sideAlpha: k.seiAlpha, f: k.f,
                                        nucleation: inputs[7], nucleationBarrier: k.nucleationBarrier)
                (overpotential, starved) = currents.solve(net: current)
                lastSolve = (inputs, overpotential, starved)
            }
        }
        let inTable = SIMD4(rates.factor(ofType: reduction), rates.factor(ofType: oxidation), rates.factor(ofType: sei),
                            rates.factor(ofType: nucleation))
        if let applied, applied.overpotential == overpotential, applied.factors == inTable {
            settleIfGalvanostatic(in: rates)
            return
        }
        // A type with no rate class (SEI growth when its exchange current is 0) keeps its factor:
        // it scales nothing, and its exponential would cost a third of this call.
        if rates.hasClasses(ofType: reduction) { rates.setTypeFactor(reduction, to: exp(k.alpha * k.f * overpotential)) }
        if rates.hasClasses(ofType: oxidation) { rates.setTypeFactor(oxidation, to: exp(-(1 - k.alpha) * k.f * overpotential)) }
        if rates.hasClasses(ofType: sei) { rates.setTypeFactor(sei, to: exp(k.seiAlpha * k.f * overpotential)) }
        if rates.hasClasses(ofType: nucleation) {
            rates.setTypeFactor(nucleation, to: RateConstants.nucleationFactor(overpotential: overpotential, barrier: k.nucleationBarrier))
        }
        applied = (overpotential, SIMD4(rates.factor(ofType: reduction), rates.factor(ofType: oxidation), rates.factor(ofType: sei),
                                        rates.factor(ofType: nucleation)))
        settleIfGalvanostatic(in: rates)
    }

    /// Remembers where a galvanostatic apply left the table (``settled``).
    @usableFromInline mutating func settleIfGalvanostatic(in rates: RateClassTable) {
        guard case .galvanostatic = mode, let lastSolve else { return }
        settled = (ObjectIdentifier(rates), rates.factorVersion, lastSolve.inputs.highHalf)
    }

    /// Equal mode and state; what is remembered to skip repeated solves does not count.
    public static func == (a: Self, b: Self) -> Bool {
        a.mode == b.mode && a.overpotential == b.overpotential && a.starved == b.starved
    }
}

/// The faradaic currents as functions of η, in events per second: reduction N·e^{αfη}, the
/// SEI side reaction Q·e^{α_s·fη} (it takes electrons too), sub-grid nucleation G·e^{−B/η²}
/// (η > 0; B = B_n·f(θ)) and oxidation S·e^{−(1−α)fη}, with N, Q, G, S the base rate sums of the
/// four event types.
public struct Currents: Sendable {
    public var reduction: Double, oxidation: Double, sideReaction: Double
    public var alpha: Double, sideAlpha: Double, f: Double
    public var nucleation: Double, nucleationBarrier: Double

    public init(reduction: Double, oxidation: Double, sideReaction: Double, alpha: Double, sideAlpha: Double, f: Double,
                nucleation: Double = 0, nucleationBarrier: Double = 0) {
        (self.reduction, self.oxidation, self.sideReaction) = (reduction, oxidation, sideReaction)
        (self.alpha, self.sideAlpha, self.f) = (alpha, sideAlpha, f)
        (self.nucleation, self.nucleationBarrier) = (nucleation, nucleationBarrier)
    }

    func nucleationFactor(_ eta: Double) -> Double { RateConstants.nucleationFactor(overpotential: eta, barrier: nucleationBarrier) }

    /// Net cathodic rate at η: reduction + side reaction + nucleation − oxidation. Increasing in η.
    public func net(at eta: Double) -> Double {
        reduction * exp(alpha * f * eta) + sideReaction * exp(sideAlpha * f * eta) + nucleation * nucleationFactor(eta)
            - oxidation * exp(-(1 - alpha) * f * eta)
    }

    /// The η (V) at which the net rate equals `current`, within ±``ElectrochemicalControl/overpotentialLimit``;
    /// `starved` when no η can carry it (no reduction site for a cathodic current, nothing to
    /// oxidise for an anodic one). Closed form for α = ½ when the side reaction has α_s ∈ {0, ½};
    /// otherwise safeguarded Newton (the function is monotone, so the root is unique; bisection
    /// whenever a Newton step leaves the bracket or fails to halve the step before last).
    public func solve(net current: Double) -> (eta: Double, starved: Bool) {
        let limit = ElectrochemicalControl.overpotentialLimit
        guard reduction > 0 || nucleation > 0 else { return (current > 0 ? limit : -limit, current > 0) }
        guard oxidation > 0 || current > 0 else { return (-limit, current < 0) }
        var eta = reduction > 0 ? closedFormEstimate(current) : 0
        if !isExact {
            var (low, high) = (-limit, limit)
            var step = high - low
            for _ in 0..<100 {
                let g = net(at: eta) - current
                if g > 0 { high = min(high, eta) } else { low = max(low, eta) }
                let slope = f * (alpha * reduction * exp(alpha * f * eta) + sideAlpha * sideReaction * exp(sideAlpha * f * eta)
                    + (1 - alpha) * oxidation * exp(-(1 - alpha) * f * eta))
                    + (eta > 0 ? nucleation * nucleationFactor(eta) * 2 * nucleationBarrier / (eta * eta * eta) : 0)
                // Bisect when Newton leaves the bracket or would not halve the step before last
                // (Numerical Recipes' rtsafe): e^{−B/η²} bends the wrong way for Newton below its
                // inflection, where plain Newton can cycle between two points.
                var next = eta - g / slope
                if !(next > low && next < high) || abs(2 * g) > abs(step * slope) { next = (low + high) / 2 }
                step = abs(next - eta)
                if step < 1e-13 { eta = next; break }
                eta = next
            }
        }
        let clamped = min(max(eta, -limit), limit)
        guard clamped != eta else { return (clamped, false) }  // inside the limits: the root carries the current
        let reachable = net(at: clamped) - current
        return (clamped, current > 0 ? reachable < 0 : reachable > 0)
    }

    /// True when ``closedFormEstimate(_:)`` is the exact root.
    var isExact: Bool {
        nucleation == 0 && abs(alpha - 0.5) < 1e-12 && (sideReaction == 0 || sideAlpha == 0 || abs(sideAlpha - 0.5) < 1e-12)
    }

    /// With x = e^{fη/2}: (N + Q)x² − I·x − S = 0 (α_s = ½) or N·x² − (I − Q)·x − S = 0 (α_s = 0).
    func closedFormEstimate(_ current: Double) -> Double {
        let constantSide = sideAlpha == 0 ? sideReaction : 0
        let n = reduction + (sideAlpha == 0 ? 0 : sideReaction)
        let i = current - constantSide
        let x = (i + (i * i + 4 * n * oxidation).squareRoot()) / (2 * n)
        return x > 0 ? 2 * log(x) / f : -ElectrochemicalControl.overpotentialLimit
    }
}
