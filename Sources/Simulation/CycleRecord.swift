import Analysis
import Output

/// The Li accounting of one plate/strip cycle (definitions in docs/MODEL.md, "Cycling").
public struct CycleRecord: Sendable {
    public let cycle: Int
    /// Net charge passed from the start of the cycle to the start of the strip (plating and the
    /// rest, whose net charge fluctuates about zero), and net anodic charge of the strip (sites).
    public let platedSites: Int
    public let strippedSites: Int
    /// What changed during the cycle, and the inventory at its end (sites).
    let change: Inventory
    let total: Inventory
    /// What changed from the start of the cycle to the start of its strip (the plating and the rest).
    let plating: Inventory
    /// Dead clusters present at the end of the cycle.
    public let deadClusters: [ClusterCensus.Cluster]
    /// Why the strip ended.
    public let stripEnd: String
    public let plateSeconds: Double
    public let stripSeconds: Double

    /// Stripped over plated charge of this cycle (1 − CE is the Li lost, as dead Li⁰, SEI Li⁺ or
    /// Li left on the electrode).
    public var coulombicEfficiency: Double { platedSites > 0 ? Double(strippedSites) / Double(platedSites) : .nan }
    /// Dead Li⁰ formed during this cycle over the Li plated in it.
    public var deadFraction: Double { platedSites > 0 ? Double(change.dead) / Double(platedSites) : .nan }

    /// One element of summary.json's `cycles`: counts in atoms (sites × atoms per site).
    /// Of the Li plated in this cycle (its net charge up to the strip), the fractions that ended up as
    /// metal underneath the coating and on top of it at the start of the strip (docs/MODEL.md §6).
    public var fractionPlatedUnderneath: Double { platedSites > 0 ? Double(plating.underneath) / Double(platedSites) : .nan }
    public var fractionPlatedOnTop: Double { platedSites > 0 ? Double(plating.onTop) / Double(platedSites) : .nan }

    func json(atomsPerSite: Int, siteEdge: Double, substrateLayers: Int, coated: Bool = false) -> JSONValue {
        let atoms = { (sites: Int) -> JSONValue in .integer(sites * atomsPerSite) }
        let sizes = deadClusters.map { Double($0.size * atomsPerSite) }
        let distances = deadClusters.map { Double($0.lowestZ - substrateLayers) * siteEdge }
        let mean = { (x: [Double]) -> JSONValue in x.isEmpty ? .null : .number(x.reduce(0, +) / Double(x.count)) }
        let coating: [(String, JSONValue)] = !coated ? [] : [
            ("plated_underneath_atoms", atoms(plating.underneath)),
            ("plated_on_top_atoms", atoms(plating.onTop)),
            ("plated_into_coating_atoms", atoms(plating.coating)),
            ("fraction_plated_underneath", .number(fractionPlatedUnderneath)),
            ("fraction_plated_on_top", .number(fractionPlatedOnTop)),
            ("li_underneath_total_atoms", atoms(total.underneath)),
            ("li_on_top_total_atoms", atoms(total.onTop)),
            ("li_in_coating_total_atoms", atoms(total.coating)),
        ]
        return .object([
            ("cycle", .integer(cycle)),
            ("plated_atoms", atoms(platedSites)),
            ("stripped_atoms", atoms(strippedSites)),
            ("dead_li0_atoms", atoms(change.dead)),
            ("sei_li_plus", atoms(change.sei)),
            ("active_atoms", atoms(change.active)),
            ("coulombic_efficiency", .number(coulombicEfficiency)),
            ("dead_li_fraction", .number(deadFraction)),
            ("dead_clusters", .integer(deadClusters.count)),
            ("dead_cluster_mean_atoms", mean(sizes)),
            ("dead_cluster_max_atoms", sizes.max().map { .number($0) } ?? .null),
            ("dead_cluster_mean_distance_nm", mean(distances)),
            ("dead_li0_total_atoms", atoms(total.dead)),
            ("sei_li_plus_total", atoms(total.sei)),
            ("active_total_atoms", atoms(total.active)),
            ("strip_end", .string(stripEnd)),
            ("plate_seconds", .number(plateSeconds)),
            ("strip_seconds", .number(stripSeconds)),
        ] + coating)
    }
}
