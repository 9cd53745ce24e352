import Analysis
import Foundation
import LithiumModel
import Output
import Kinetics

/// What one run produced, and the observables computed from it (definitions in docs/MODEL.md).
public struct RunResult: Sendable {
    public let scenario: Scenario
    public let replica: Int
    public let series: TimeSeries
    /// The Li accounting of every completed plate/strip cycle (empty for a plating run).
    public let cycles: [CycleRecord]
    /// Why the run ended ("charge reached", "time limit", …).
    public let stopReason: String
    public let events: UInt64
    public let simulatedSeconds: Double
    public let wallSeconds: Double
    public let finalNuclei: [ClusterCensus.Cluster]
    public let constants: RateConstants
    public let surfaceSites: Int
    /// Where the Li and the coating are at the end (nil without a coating).
    public let coating: CoatingCensus?
    /// The acceleration mode and what the channel scaling did (summary.json `acceleration`).
    public let acceleration: AccelerationRecord

    init(scenario: Scenario, replica: Int, series: TimeSeries, cycles: [CycleRecord], stopReason: String, events: UInt64,
         simulatedSeconds: Double, wallSeconds: Double, finalNuclei: [ClusterCensus.Cluster],
         constants: RateConstants, surfaceSites: Int, coating: CoatingCensus?, acceleration: AccelerationRecord) {
        self.coating = coating
        self.scenario = scenario
        self.replica = replica
        self.series = series
        self.cycles = cycles
        self.stopReason = stopReason
        self.events = events
        self.simulatedSeconds = simulatedSeconds
        self.wallSeconds = wallSeconds
        self.finalNuclei = finalNuclei
        self.constants = constants
        self.surfaceSites = surfaceSites
        self.acceleration = acceleration
    }

    /// Events per wall-clock second of the run (a timing, not an observable).
    public var eventsPerSecond: Double { Double(events) / max(wallSeconds, 1e-9) }

    /// Electrode area, cm².
    public var area: Double { constants.siteArea * Double(surfaceSites) }

    /// Plateau overpotential, mV: mean of the windowed η over the second half of the first
    /// plating phase.
    public var plateauOverpotential: Double {
        let overpotentials = series.firstPlating.map(\.overpotential)
        guard !overpotentials.isEmpty else { return .nan }
        let late = overpotentials[(overpotentials.count / 2)...]
        return late.reduce(0, +) / Double(late.count)
    }

    /// Nucleation overpotential, mV: the peak of the windowed η in the first half of the run
    /// minus the plateau. On an inert substrate this is the initial voltage dip; on a
    /// lithiophilic one it is about zero.
    public var nucleationOverpotential: Double {
        let overpotentials = series.firstPlating.map(\.overpotential)
        guard !overpotentials.isEmpty else { return .nan }
        let early = overpotentials[..<max(1, overpotentials.count / 2)]
        return early.max()! - plateauOverpotential
    }

    /// What the nucleation overpotential would read on a trace with no dip at all, mV: the expected
    /// maximum of n independent windows with the plateau's scatter, σ_plateau·E[max of n N(0,1)]
    /// (Blom's approximation Φ⁻¹((n − 0.375)/(n + 0.25)), n = windows in the first half). Taking the
    /// peak of noisy windows biases η_nuc upwards by about this much.
    public var nucleationNoiseFloor: Double {
        let overpotentials = series.firstPlating.map(\.overpotential)
        let early = max(1, overpotentials.count / 2)
        let late = SampleSummary(Array(overpotentials[(overpotentials.count / 2)...]))
        guard early > 1, late.count > 1 else { return .nan }
        let n = Double(early)
        return late.standardDeviation * NormalQuantile.lower((n - 0.375) / (n + 0.25))
    }

    /// The largest number of nuclei seen per cm² (the saturation density of nucleation theory).
    public var nucleusDensity: Double {
        Double(series.firstPlating.map(\.nuclei).max() ?? 0) / area
    }

    public var finalNucleusDensity: Double { Double(finalNuclei.count) / area }

    /// Mean equivalent-circle diameter of the nuclei at the end, nm: d = 2ℓ·√(footprint/π).
    public var meanNucleusSize: Double {
        guard !finalNuclei.isEmpty else { return .nan }
        let edge = scenario.parameters.siteEdge
        let diameters = finalNuclei.map { 2 * edge * (Double($0.footprint) / .pi).squareRoot() }
        return diameters.reduce(0, +) / Double(diameters.count)
    }

    /// Cycle averages of the Coulombic efficiency and of the dead-Li fraction (NaN without cycles).
    public var coulombicEfficiency: Double { Self.mean(cycles.map(\.coulombicEfficiency)) }
    public var deadLithiumFraction: Double { Self.mean(cycles.map(\.deadFraction)) }

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }

    /// The scalar observables of this run, in summary.json order.
    public var observables: [(String, Double)] {
        let last = series.samples.last
        var cycling: [(String, Double)] = []
        if let first = cycles.first, let final = cycles.last {
            let atoms = constants.atomsPerSite
            cycling = [
                ("coulombic_efficiency", coulombicEfficiency),
                ("dead_li_fraction", deadLithiumFraction),
                ("first_cycle_coulombic_efficiency", first.coulombicEfficiency),
                ("dead_li0_atoms", Double(final.total.dead) * atoms),
                ("sei_li_plus", Double(final.total.sei) * atoms),
                ("dead_clusters", Double(final.deadClusters.count)),
            ]
        }
        return cycling + [
            ("nucleation_overpotential_mV", nucleationOverpotential),
            ("plateau_overpotential_mV", plateauOverpotential),
            ("nucleation_noise_floor_mV", nucleationNoiseFloor),
            ("nucleus_density_per_cm2", nucleusDensity),
            ("final_nucleus_density_per_cm2", finalNucleusDensity),
            ("mean_nucleus_size_nm", meanNucleusSize),
            ("charge_mC_per_cm2", last?.charge ?? 0),
            ("li_atoms", last?.lithiumAtoms ?? 0),
            ("alloyed_li_atoms", last?.alloyedAtoms ?? 0),
            ("simulated_seconds", simulatedSeconds),
        ] + coatingObservables + accelerationObservables
    }

    /// Per scaled channel of an `auto` run: its smallest and final factor and its share of the
    /// events (so that ensembles average them); none for an exact run, whose outputs stay as they were.
    var accelerationObservables: [(String, Double)] {
        guard acceleration.mode == .auto else { return [] }
        return acceleration.channels.flatMap { c in
            let key = "acceleration_" + c.name.replacingOccurrences(of: " ", with: "_")
            return [(key + "_min_factor", c.minimumFactor), (key + "_final_factor", c.finalFactor),
                    (key + "_event_share", c.eventShare)]
        }
    }

    public func summaryJSON(command: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = observables.map { ($0.0, .number($0.1)) }
        if !cycles.isEmpty {
            let atoms = Int(constants.atomsPerSite)
            pairs.append(("cycles", .array(cycles.map {
                $0.json(atomsPerSite: atoms, siteEdge: scenario.parameters.siteEdge,
                        substrateLayers: scenario.parameters.substrateLayers, coated: coating != nil)
            })))
        }
        pairs += [
            ("events", .integer(Int(events))),
            ("events_per_second", .number(eventsPerSecond)),
            ("wall_seconds", .number(wallSeconds)),
            ("seed", .integer(Int(scenario.seed))),
            ("replica", .integer(replica)),
            ("stop_reason", .string(stopReason)),
            ("scenario", .string(scenario.name)),
            ("substrate", .string(scenario.parameters.substrate.name)),
            ("area_cm2", .number(area)),
            ("atoms_per_site", .number(constants.atomsPerSite)),
            ("samples", .integer(series.samples.count)),
            ("acceleration", acceleration.json),
        ]
        if let command { pairs.append(("command", .string(command))) }
        return .object(pairs)
    }

    /// dead_clusters.csv: one row per dead cluster at the end of each cycle.
    public func deadClustersCSV() -> String {
        let atoms = constants.atomsPerSite, edge = scenario.parameters.siteEdge
        let layers = Double(scenario.parameters.substrateLayers)
        var table = CSVTable(columns: ["cycle", "atoms", "sites", "footprint_sites", "distance_nm", "mean_height_nm"])
        for record in cycles {
            for c in record.deadClusters {
                table.append([Double(record.cycle), Double(c.size) * atoms, Double(c.size), Double(c.footprint),
                              (Double(c.lowestZ) - layers) * edge, (c.meanZ - layers + 0.5) * edge])
            }
        }
        return table.rendered()
    }

    public func timeSeriesCSV() -> String {
        var table = CSVTable(columns: TimeSeries.columns)
        for row in series.rows { table.append(row) }
        return table.rendered()
    }
}
