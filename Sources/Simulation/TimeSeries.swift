/// The sampled history of a run, one row per window.
public struct TimeSeries: Sendable, Equatable {
    public struct Sample: Sendable, Equatable {
        /// Simulated time at the end of the window, s.
        public var time: Double
        /// Time-averaged overpotential over the window, mV.
        public var overpotential: Double
        /// Net charge passed (cathodic positive), mC/cm².
        public var charge: Double
        /// Metallic Li, connected and dead (atoms).
        public var lithiumAtoms: Double
        /// Li dissolved in the substrate (atoms).
        public var alloyedAtoms: Double
        /// Dead Li⁰: metal with no electronic path to the collector (atoms).
        public var deadAtoms: Double
        /// Li⁺ bound in SEI (atoms).
        public var seiAtoms: Double
        /// Nuclei (Li clusters of at least the minimum size).
        public var nuclei: Int
        public var events: UInt64
        /// Cycle number (1 …) and phase (0 plate, 1 rest, 2 strip).
        public var cycle: Int
        public var phase: Int
        /// Changes of a channel-scaling factor so far (0 in an exact run): where it steps, the
        /// factors changed.
        public var factorChanges: Int
    }

    public private(set) var samples: [Sample] = []

    public init() {}

    public mutating func append(_ sample: Sample) { samples.append(sample) }

    public static let columns = ["time_s", "overpotential_mV", "charge_mC_per_cm2", "li_atoms", "alloyed_li_atoms",
                                 "dead_li_atoms", "sei_li_plus", "nuclei", "events", "cycle", "phase",
                                 "factor_changes"]

    /// One row per sample, in the order of ``columns``.
    public var rows: [[Double]] { samples.map(\.fields) }

    /// The samples of the first plating phase: what the nucleation observables are computed from.
    public var firstPlating: [Sample] { samples.filter { $0.cycle == 1 && $0.phase == Phase.Kind.plate.rawValue } }
}

extension TimeSeries.Sample {
    /// The sample as numbers, in the order of ``TimeSeries/columns`` (the CSV row and the checkpoint record).
    var fields: [Double] {
        [time, overpotential, charge, lithiumAtoms, alloyedAtoms, deadAtoms, seiAtoms, Double(nuclei), Double(events),
         Double(cycle), Double(phase), Double(factorChanges)]
    }

    /// The inverse of ``fields``.
    init(fields f: ArraySlice<Double>) {
        let f = Array(f)
        self.init(time: f[0], overpotential: f[1], charge: f[2], lithiumAtoms: f[3], alloyedAtoms: f[4], deadAtoms: f[5],
                  seiAtoms: f[6], nuclei: Int(f[7]), events: UInt64(f[8]), cycle: Int(f[9]), phase: Int(f[10]),
                  factorChanges: Int(f[11]))
    }
}
