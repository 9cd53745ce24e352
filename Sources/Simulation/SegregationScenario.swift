import Complexions

/// A segregation study of a Li–M slab (`kind: segregation`; keys in docs/SCENARIOS.md): the
/// equilibrium profile at one Δμ, optionally an isotherm for the continuum fit and the
/// self-healing experiment.
public struct SegregationScenario: Sendable, Equatable {
    public var name = "segregation"
    public var seed: UInt64 = 1
    public var generator = "mt19937"
    public var lx = 12, ly = 12, lz = 20
    /// Solid layers at the start (z < layers), ≤ lz − 1.
    public var layers = 18
    public var frozenLayers = 0
    public var initialFraction = 0.05
    public var parameters = ComplexionParameters()
    public var ensemble = SamplingEnsemble.semiGrand
    public var sweeps = 6000
    public var flipFraction = 0.5
    public var batches = 16
    /// Δμ values of the isotherm (eV); empty: no continuum fit.
    public var isotherm: [Double] = []
    public var family: FamilyChoice = .best
    public var selfHealing: SelfHealingSettings?

    public init() {}

    public enum FamilyChoice: String, Sendable, Equatable, CaseIterable {
        case exponential, dispersion, best
    }

    public struct SelfHealingSettings: Sendable, Equatable {
        public var depositLayers = 3
        public var stripLayers = 2
        public var kmcEvents = 2_000_000
        public var samples = 200
        public var rates = ExchangeRates()
        public init() {}
    }
}
