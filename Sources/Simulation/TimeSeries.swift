/// The sampled history of a run, one row per window.
public struct TimeSeries: Sendable, Equatable {
    public struct Sample: Sendable, Equatable {
        /// Simulated time at the end of the window, s.
        public var time: Double
        /// Time-averaged overpotential over the window, mV.
        public var overpotential: Double
        /// Net plated charge, mC/cm².
        public var charge: Double
        /// Metallic Li (atoms, ℓ³/Ω per site).
        public var lithiumAtoms: Double
        /// Li dissolved in the substrate (atoms).
        public var alloyedAtoms: Double
        /// Nuclei (Li clusters of at least the minimum size).
        public var nuclei: Int
        public var events: UInt64
    }

    public private(set) var samples: [Sample] = []

    public init() {}

    public mutating func append(_ sample: Sample) { samples.append(sample) }

    public static let columns = ["time_s", "overpotential_mV", "charge_mC_per_cm2", "li_atoms", "alloyed_li_atoms",
                                 "nuclei", "events"]

    public var rows: [[Double]] {
        samples.map { [$0.time, $0.overpotential, $0.charge, $0.lithiumAtoms, $0.alloyedAtoms, Double($0.nuclei), Double($0.events)] }
    }
}
