import Analysis
import GSLRandom
import Kinetics
import RealModule

/// The self-healing experiment (docs/MODEL.md §11):
/// 1. **Two starts, one equilibrium.** Semi-grand Metropolis at Δμ from (a) a clean surface — the
///    slab at a uniform composition — and (b) the same slab with its top `depositLayers` layers
///    replaced by pure M (a thick deposit). The thickness depends on Δμ, T and the bonds only, so
///    both must reach the same h.
/// 2. **Rebuild.** The equilibrated slab (a) loses its top `stripLayers` layers — the surface phase
///    is stripped off — and Kawasaki-exchange KMC (``ExchangeKinetics``, conserved M) rebuilds it from
///    the M left in the bulk. The M fraction of the surface layer, c_s(t), and Γ_M(t) are sampled
///    `samples` times over `kmcEvents` events. The rebuild time τ is the first sample at which c_s
///    has gone 1 − 1/e of the way from its value just after the strip to its plateau (the time
///    average over the second half of the KMC run). c_s is the surface phase itself and, over Lx·Ly
///    sites, far less noisy than Γ_M, which sums ten layers' fluctuations. In a finite slab the
///    plateaus are below the pre-strip values: the bulk that feeds the new layer is depleted.
public struct SelfHealing: Sendable {
    public var parameters: ComplexionParameters
    public var rates = ExchangeRates()
    public var lx = 10, ly = 10, lz = 24, layers = 22, frozenLayers = 0
    public var initialFraction = 0.05
    public var depositLayers = 3
    public var sweeps = 8000
    public var stripLayers = 2
    public var kmcEvents = 2_000_000
    public var samples = 200

    public init(parameters: ComplexionParameters) { self.parameters = parameters }

    public struct Outcome: Sendable {
        public let clean: CompositionProfile
        public let deposited: CompositionProfile
        /// (time s, Γ_M per nm², surface-layer M fraction) after the strip.
        public let rebuild: [(Double, Double, Double)]
        public let excessBeforeStrip: Double
        public let excessAfterStrip: Double
        /// Time-weighted batch means of Γ_M over the second half of the KMC run.
        public let plateau: SampleSummary
        public let surfaceFractionBeforeStrip: Double
        public let surfaceFractionAfterStrip: Double
        /// Time-weighted batch means of the surface-layer M fraction over the second half.
        public let surfaceFractionPlateau: SampleSummary
        public let rebuildTime: Double
        public let kmcEvents: UInt64
    }

    public func run(stream: RandomStream) throws(ComplexionError) -> Outcome {
        let start = try Slab.random(lx: lx, ly: ly, lz: lz, layers: layers, frozenLayers: frozenLayers,
                                    soluteFraction: initialFraction, random: stream)
        let area = lx * ly
        var states = start.states
        for i in ((layers - depositLayers) * area)..<(layers * area) { states[i] = SlabSpecies.solute }
        let deposit = try Slab(shape: start.shape, states: states, frozenLayers: frozenLayers)
        var random = UniformBuffer(stream: stream)
        var profiles: [CompositionProfile] = []
        var equilibrated = start
        for (k, slab) in [start, deposit].enumerated() {
            var sampler = try MetropolisSampler(slab: slab, parameters: parameters, ensemble: .semiGrand, random: random)
            var record = SweepRecord()
            sampler.run(sweeps: sweeps, into: &record)
            profiles.append(CompositionProfile(record: record, frozenLayers: frozenLayers, siteEdge: parameters.siteEdge))
            random = sampler.random
            if k == 0 { equilibrated = sampler.slab }
        }
        func excess(_ slab: Slab) -> Double {
            SurfaceExcess.of(slab.profile, frozenLayers: frozenLayers, siteEdge: parameters.siteEdge).excess
        }
        func surface(_ slab: Slab) -> Double { slab.profile.last ?? .nan }
        let before = excess(equilibrated), surfaceBefore = surface(equilibrated)
        try equilibrated.strip(layers: stripLayers)
        let after = excess(equilibrated), surfaceAfter = surface(equilibrated)
        var engine = KineticEngine(application: try ExchangeKinetics(slab: equilibrated, parameters: parameters, rates: rates),
                                   random: random)
        var curve: [(Double, Double, Double)] = [(0, after, surfaceAfter)]
        let chunk = UInt64(max(1, kmcEvents / samples))
        for k in 1...samples {
            if engine.run(.events(UInt64(k) * chunk)) == .noEvents { break }
            curve.append((engine.clock.time, excess(engine.application.slab), surface(engine.application.slab)))
        }
        let end = curve.last!.0
        var excessBatches = TimeWeightedBatches(batchDuration: max(end / 2 / 10, .leastNormalMagnitude))
        var surfaceBatches = excessBatches
        for (a, b) in zip(curve, curve.dropFirst()) where a.0 >= end / 2 {
            excessBatches.add(a.1, duration: b.0 - a.0)
            surfaceBatches.add(a.2, duration: b.0 - a.0)
        }
        let plateau = surfaceBatches.summary.mean
        let target = surfaceAfter + (1 - Double.exp(-1)) * (plateau - surfaceAfter)
        let tau = curve.first { plateau > surfaceAfter ? $0.2 >= target : $0.2 <= target }?.0 ?? .nan
        return Outcome(clean: profiles[0], deposited: profiles[1], rebuild: curve, excessBeforeStrip: before,
                       excessAfterStrip: after, plateau: excessBatches.summary, surfaceFractionBeforeStrip: surfaceBefore,
                       surfaceFractionAfterStrip: surfaceAfter, surfaceFractionPlateau: surfaceBatches.summary,
                       rebuildTime: tau, kmcEvents: engine.clock.events)
    }
}
