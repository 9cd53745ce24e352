import Foundation
import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Testing

/// Galvanostatic control: the η the solver returns against a root found independently in
/// extended precision (closed forms for α = ½ with α_SEI ∈ {0, ½}, Newton otherwise), for
/// plating, stripping and rest; the 5 V cap and starvation; and runs that carry the applied
/// current: net faradaic events = I·t within the counting noise.
@Suite struct GalvanostaticTests {
    /// Net cathodic rate N·e^{αfη} + Q·e^{α_s fη} + G·e^{−B/η²} (η > 0) − S·e^{−(1−α)fη} in 80-bit precision.
    static func net(_ c: Currents, _ eta: Float80) -> Float80 {
        let f = Float80(c.f)
        let nucleation = eta > 0 ? Float80(c.nucleation) * exp(-Float80(c.nucleationBarrier) / (eta * eta)) : 0
        return Float80(c.reduction) * exp(Float80(c.alpha) * f * eta)
            + Float80(c.sideReaction) * exp(Float80(c.sideAlpha) * f * eta) + nucleation
            - Float80(c.oxidation) * exp(-(1 - Float80(c.alpha)) * f * eta)
    }

    /// The root by bisection on [−5, 5] V in 80-bit precision (200 halvings: to the last bit).
    static func referenceRoot(_ c: Currents, current: Double) -> Float80 {
        var (low, high): (Float80, Float80) = (-5, 5)
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if net(c, mid) > Float80(current) { high = mid } else { low = mid }
        }
        return (low + high) / 2
    }

    struct Case: Sendable, CustomStringConvertible {
        let n: Double, q: Double, s: Double, alpha: Double, sideAlpha: Double, current: Double
        /// Sub-grid nucleation: base rate sum G and barrier B (V²).
        var g = 0.0, b = 0.0
        var f = 1 / 0.025_69
        var description: String { "N=\(n) Q=\(q) S=\(s) α=\(alpha) α_s=\(sideAlpha) I=\(current) G=\(g) B=\(b)" }
    }

    static let cases: [Case] = {
        var list: [Case] = []
        for (alpha, sideAlpha) in [(0.5, 0.5), (0.5, 0.0), (0.3, 0.5), (0.7, 0.2), (0.5, 0.35)] {
            for (n, q, s, current) in [
                (100.0, 0.0, 5.0, 70.0), (100.0, 3.0, 5.0, 70.0),  // plating, without and with SEI
                (1.0, 0.5, 1e6, 3.0), (50.0, 2.0, 0.0, 10.0),  // strongly anodic state; nothing to oxidise
                (10.0, 0.1, 1e-3, 1e4),  // far cathodic
                (40.0, 1.0, 900.0, -300.0), (1e6, 0.0, 1.0, -1e6 + 10),  // stripping, the second near cancellation
                (30.0, 2.0, 45.0, 0.0),  // rest (open circuit)
            ] {
                list.append(Case(n: n, q: q, s: s, alpha: alpha, sideAlpha: sideAlpha, current: current))
            }
        }
        // Sub-grid nucleation: alone on a bare substrate (no reduction site), beside growth, beside
        // stripping (it adds nothing at η < 0), with a barrier small and large against (kT/e)².
        for (n, q, s, g, b, current) in [(0.0, 0.0, 0.0, 1000.0, 2e-4, 173.0), (0.0, 0.0, 2.0, 50.0, 1e-3, 30.0),
                                         (100.0, 3.0, 5.0, 400.0, 2e-4, 300.0), (40.0, 1.0, 900.0, 200.0, 2e-4, -300.0),
                                         (5.0, 0.0, 1.0, 1e4, 5e-3, 2000.0)] {
            list.append(Case(n: n, q: q, s: s, alpha: 0.5, sideAlpha: 0.5, current: current, g: g, b: b))
        }
        // A state of a Cu run (B_n = 200 mV², 120°) where plain Newton cycled between 4.3 and 50 mV.
        list.append(Case(n: 98.51462971581311, q: 0, s: 409.1258431168312, alpha: 0.5, sideAlpha: 0.5, current: 172.73798087156274,
                         g: 532, b: 1.6875e-4, f: 38.92174449688273))
        return list
    }()

    @Test(arguments: cases)
    func overpotentialEqualsAnIndependentRoot(_ item: Case) {
        let f = item.f
        let c = Currents(reduction: item.n, oxidation: item.s, sideReaction: item.q, alpha: item.alpha,
                         sideAlpha: item.sideAlpha, f: f, nucleation: item.g, nucleationBarrier: item.b)
        let (eta, starved) = c.solve(net: item.current)
        let reference = Self.referenceRoot(c, current: item.current)
        #expect(!starved)
        // 10⁻¹¹ kT/e: e^{fη} to 10⁻¹¹, a few hundred ulps of the terms that cancel at the root.
        #expect(abs(Float80(eta) - reference) < 1e-11 / Float80(f), "η = \(eta), reference \(reference)")
    }

    @Test func capAndStarvation() {
        let f = 1 / 0.025_69
        // Plating with no reduction site: starved, η at the +5 V cap.
        var (eta, starved) = Currents(reduction: 0, oxidation: 3, sideReaction: 0, alpha: 0.5, sideAlpha: 0.5, f: f)
            .solve(net: 5)
        #expect(starved && eta == 5)
        // Stripping with nothing to oxidise: starved at −5 V.
        (eta, starved) = Currents(reduction: 2, oxidation: 0, sideReaction: 0, alpha: 0.5, sideAlpha: 0.5, f: f).solve(net: -1)
        #expect(starved && eta == -5)
        // A current beyond what +5 V can carry: capped and starved; one just within it: neither.
        let c = Currents(reduction: 1e-30, oxidation: 1, sideReaction: 0, alpha: 0.5, sideAlpha: 0.5, f: f)
        let atCap = c.net(at: 5)
        (eta, starved) = c.solve(net: 2 * atCap)
        #expect(starved && eta == 5)
        (eta, starved) = c.solve(net: atCap / 2)
        #expect(!starved && eta < 5 && abs(c.net(at: eta) / (atCap / 2) - 1) < 1e-9)
        // Rest with nothing to oxidise and no current: the lowest potential, and that is no starvation.
        (eta, starved) = Currents(reduction: 2, oxidation: 0, sideReaction: 0, alpha: 0.5, sideAlpha: 0.5, f: f).solve(net: 0)
        #expect(!starved && eta == -5)
    }

    /// The rate table carries I after every event, and net faradaic events − I·t is a martingale whose
    /// variance is the expected number of faradaic events, so |net − I·t| < 5·√(gross) (I from j with
    /// CODATA constants and ℓ³/Ω = 370 atoms).
    /// Stripping and rest start from a 4-layer film.
    /// The fourth argument turns sub-grid nucleation on (J₀, cm⁻² s⁻¹; B_n = 200 mV²): Li then first
    /// appears on the bare Cu by nucleation alone, so the control carries I through J(η).
    @Test(arguments: [(1.0, 0.0, 0.5, 0.0), (2.0, 0.1, 0.0, 0.0), (2.0, 0.1, 0.5, 0.0), (-1.5, 0.0, 0.5, 0.0), (-1.0, 0.05, 0.0, 0.0),
                      (0.0, 0.0, 0.5, 0.0), (1.0, 0.0, 0.5, 1e14), (2.0, 0.1, 0.5, 1e13)])
    func runsCarryTheAppliedCurrent(currentDensity j: Double, seiCurrent: Double, seiAlpha: Double, nucleation: Double) throws {
        var p = try ModelParameters(substrateNamed: "Cu")
        p.seiExchangeCurrentDensity = seiCurrent
        p.seiTransferCoefficient = seiAlpha
        (p.subgridNucleationPrefactor, p.subgridNucleationBarrier) = (nucleation, 200)
        let made = try Self.galvanostaticEngine(p, currentDensity: j, seed: 31)
        var engine = made.engine
        let (eventsPerSecond, kinds) = (made.eventsPerSecond, made.kinds)
        let duration = j < 0 ? 600 / -eventsPerSecond : 4.0  // strip ~60 % of the film; plate ≤ 5.4 monolayers
        // At every event the rate table itself carries I: reduction + SEI − oxidation summed over the
        // classes with the factors the control applied (to rounding).
        var worst = 0.0
        while engine.step(timeLimit: duration) == nil {
            let rates = engine.rates
            let (red, ox) = (rates.totalRate(ofType: EventType.reduction.rawValue), rates.totalRate(ofType: EventType.oxidation.rawValue))
            let sei = rates.totalRate(ofType: EventType.seiFormation.rawValue)
            let nuc = rates.totalRate(ofType: EventType.nucleation.rawValue)
            worst = max(worst, abs(red + sei + nuc - ox - eventsPerSecond) / (red + sei + nuc + ox))
        }
        #expect(worst < 1e-9, "the applied rates miss I by \(worst) of the gross rate")
        let m = engine.application
        let net = m.lithiumSites + m.alloySites + m.seiSites - kinds.filter { $0 == SiteKind.lithium }.count
        let nucleated = m.eventsByType[EventType.nucleation.rawValue]
        let gross = m.reductions + m.oxidations + m.seiFormations + nucleated
        #expect(!m.control.starved)
        #expect((nucleated > 0) == (nucleation > 0), "\(nucleated) sub-grid nuclei")
        #expect(gross > 500)
        #expect(abs(Double(net) - eventsPerSecond * duration) < 5 * Double(gross).squareRoot(),
                "net \(net) vs I·t = \(eventsPerSecond * duration) (gross \(gross))")
        if seiCurrent > 0 { #expect(m.seiFormations > 0) }
    }
    /// A 16 × 16 × 10 electrode with one substrate layer (and a 4-layer Li film to strip when
    /// j ≤ 0) under galvanostatic control at j mA/cm², η set for the start; the applied net rate in
    /// events per second (CODATA e, ℓ³/Ω = 370 atoms per site); and the initial kinds.
    static func galvanostaticEngine(_ parameters: ModelParameters, currentDensity j: Double, seed: UInt64) throws
        -> (engine: KineticEngine<LithiumModel>, eventsPerSecond: Double, kinds: [UInt8]) {
        var p = parameters
        p.substrateLayers = 1
        let shape = try LatticeShape(lx: 16, ly: 16, lz: 10)
        let eventsPerSecond = j * 1e-3 * 256 * 4e-14 / (1.602_176_634e-19 * 370)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1, lithiumLayers: j <= 0 ? 4 : 0)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .galvanostatic(eventsPerSecond: eventsPerSecond)))
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: seed, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        return (engine, eventsPerSecond, kinds)
    }

    /// After every event, η and the factors in the table are what a control that remembers nothing
    /// would set: the applies it skips (``ElectrochemicalControl/pending(in:)``: same table, same
    /// factors, same watched sums) and the solves it reuses change nothing. Plating and stripping on
    /// Cu with SEI growth; most events leave the sums as they were, so the skip is exercised.
    @Test(arguments: [2.0, -1.5])
    func skippedAppliesLeaveWhatAFreshApplySets(currentDensity j: Double) throws {
        var p = try ModelParameters(substrateNamed: "Cu")
        p.seiExchangeCurrentDensity = 0.1
        var engine = try Self.galvanostaticEngine(p, currentDensity: j, seed: 5).engine
        var sums = engine.rates.watchedBaseRateSums(), unchanged = 0, mismatches = 0
        for _ in 0..<20_000 {
            guard engine.step() == nil else { break }
            let rates = engine.rates, control = engine.application.control
            let now = rates.watchedBaseRateSums()
            if now == sums { unchanged += 1 }
            sums = now
            let version = rates.factorVersion
            var fresh = ElectrochemicalControl(mode: control.mode)
            fresh.apply(to: rates, constants: engine.application.constants)
            if fresh.overpotential.bitPattern != control.overpotential.bitPattern || fresh.starved != control.starved
                || rates.factorVersion != version { mismatches += 1 }
        }
        #expect(engine.clock.events == 20_000)
        #expect(mismatches == 0, "\(mismatches) events where a fresh apply set another η or other factors")
        #expect(unchanged > 1_000, "only \(unchanged) events left the watched sums as they were")
    }
}
