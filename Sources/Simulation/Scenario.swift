import LithiumModel

/// Everything a run needs: lattice, material, electrochemical protocol, outputs and seed.
/// Read from YAML (``Scenario/parse(yaml:)``); the schema is in docs/SCENARIOS.md.
public struct Scenario: Sendable, Equatable {
    public var name = "scenario"
    public var seed: UInt64 = 1
    public var generator = "mt19937"
    public var lx = 64, ly = 64, lz = 8
    public var parameters: ModelParameters
    public var plating: PlatingProtocol
    /// Plate/strip cycles; nil for a single plating run.
    public var cycling: Cycling?
    public var sampling = Sampling()
    /// Exact (the default) or with adaptive scaling of fast quasi-equilibrated channels.
    public var acceleration = Acceleration()

    public init(parameters: ModelParameters, plating: PlatingProtocol) {
        self.parameters = parameters
        self.plating = plating
    }

    /// How the electrode is driven and when the run ends.
    public struct PlatingProtocol: Sendable, Equatable {
        public enum Mode: String, Sendable, Equatable, CaseIterable {
            case galvanostatic, potentiostatic, deposition
        }
        public var mode = Mode.galvanostatic
        /// Applied current density j, mA/cm² (galvanostatic).
        public var currentDensity = 1.0
        /// Fixed overpotential, mV (potentiostatic).
        public var overpotential = 0.0
        /// Deposition rate per empty surface site, s⁻¹ (deposition).
        public var depositionRate = 1.0
        /// Stop after this areal capacity, mAh/cm² (nil: no charge limit).
        public var capacity: Double?
        /// Stop after this many plated monolayers of sites (nil: none).
        public var monolayers: Double?
        /// Stop at this simulated time, s (nil: none).
        public var maximumTime: Double?
        /// Stop after this many events (a safety limit).
        public var maximumEvents: UInt64 = 500_000_000
        /// Layers of Li film on the substrate at the start.
        public var lithiumFilmLayers = 0

        public init() {}
    }

    /// Plate → optional rest → strip, repeated. Each plating half-cycle follows ``plating`` (its
    /// capacity, monolayers or max_time_s end one half-cycle).
    public struct Cycling: Sendable, Equatable {
        public enum StripMode: String, Sendable, Equatable, CaseIterable { case galvanostatic, potentiostatic }
        public var cycles = 1
        /// Open-circuit rest (zero net current) after plating, s; 0 for none.
        public var restSeconds = 0.0
        public var stripMode = StripMode.galvanostatic
        /// Stripping current density, mA/cm² (galvanostatic); nil: the plating current.
        public var stripCurrentDensity: Double?
        /// Stripping overpotential, mV, negative (potentiostatic).
        public var stripOverpotential = -100.0
        /// A galvanostatic strip ends when the windowed η falls below −cutoff, mV.
        public var cutoff = 500.0
        /// A strip ends after this long, s (required for a potentiostatic strip).
        public var stripMaximumTime: Double?

        public init() {}
    }

    /// How often the time series is sampled and what counts as a nucleus.
    public struct Sampling: Sendable, Equatable {
        /// Sample every this many monolayers of charge (galvanostatic and deposition).
        public var windowMonolayers = 0.01
        /// Samples per run in potentiostatic mode (over the maximum time).
        public var potentiostaticSamples = 200
        /// A nucleus is a face-connected Li cluster of at least this many sites.
        public var nucleusMinimumSites = 2

        public init() {}
    }
}
