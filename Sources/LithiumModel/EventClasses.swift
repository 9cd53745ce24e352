import Kinetics

/// The rate classes of the Li model and the look-up tables from a site's neighbour key to the
/// class of each of its events. Classes of equal type and rate are merged.
struct EventClasses: Sendable {
    var rates: [Double] = []
    var types: [Int] = []
    private var index: [ClassKey: Int] = [:]

    /// Per key: the class of a Li site's oxidation / alloying, an LiM site's de-alloying /
    /// transport, an empty site's reduction (-1: no such event), and a Li site's binding index.
    var oxidation = [Int16](repeating: -1, count: NeighborCounts.keyCount)
    var alloying = [Int16](repeating: -1, count: NeighborCounts.keyCount)
    var dealloying = [Int16](repeating: -1, count: NeighborCounts.keyCount)
    var transport = [Int16](repeating: -1, count: NeighborCounts.keyCount)
    var reduction = [Int16](repeating: -1, count: NeighborCounts.keyCount)
    /// Reduction into an M site, oxidation of an LiM site (lithiophilic substrates).
    var alloyReduction = [Int16](repeating: -1, count: NeighborCounts.keyCount)
    var alloyOxidation = [Int16](repeating: -1, count: NeighborCounts.keyCount)
    /// SEI formation at an empty site with Li neighbours (when one of them is connected).
    var sei = [Int16](repeating: -1, count: NeighborCounts.keyCount)
    /// Conductor and Li neighbours per key; the classifier subtracts the dead ones.
    var conductorCount = [UInt8](repeating: 0, count: NeighborCounts.keyCount)
    var lithiumCount = [UInt8](repeating: 0, count: NeighborCounts.keyCount)
    var bindingIndex = [UInt16](repeating: 0, count: NeighborCounts.keyCount)
    /// Solid neighbours per key (a hop target needs two: the mover and one more).
    var solidCount = [UInt8](repeating: 0, count: NeighborCounts.keyCount)
    /// hop[bindingIndex·7 + targets]: class of a Li site's hop event.
    var hop: [Int16] = []

    init(parameters p: ModelParameters, constants k: RateConstants, coordinations: Set<Int>) {
        var bindings: [Double] = []
        var bindingOf: [Double: Int] = [:]
        let bonds = p.pairEnergies, li = Int(SiteKind.lithium)
        for key in 0..<NeighborCounts.keyCount {
            let n = NeighborCounts(key: key)
            guard coordinations.contains(n.total) else { continue }
            solidCount[key] = UInt8(n.solid)
            conductorCount[key] = UInt8(n.conductors)
            lithiumCount[key] = UInt8(n.lithium)
            let b = bonds.binding(of: li, neighborCounts: [n.empty, n.lithium, n.substrate, n.alloy, n.sei])
            if bindingOf[b] == nil {
                bindingOf[b] = bindings.count
                bindings.append(b)
            }
            bindingIndex[key] = UInt16(bindingOf[b]!)
            let bIn = k.alloyBindingBase + Double(n.lithium) * (bonds[li, Int(SiteKind.alloy)] - bonds[li, Int(SiteKind.substrate)])
            // The new atom must touch the electrolyte, as its oxidation (the reverse) requires: no
            // reduction fills a sealed one-site pocket.
            if n.conductors > 0 && n.empty > 0 { reduction[key] = classFor(.reduction, rate: k.k0) }
            if n.lithium > 0 { sei[key] = classFor(.seiFormation, rate: k.seiRate) }
            if n.empty > 0 { oxidation[key] = classFor(.oxidation, rate: k.oxidation(binding: b)) }
            if n.substrate > 0 && p.substrate.lithiophilic {
                alloying[key] = classFor(.alloying, rate: Double(n.substrate) * k.alloying(binding: b))
                transport[key] = classFor(.alloyTransport, rate: Double(n.substrate) * k.alloyTransport(alloyBinding: bIn))
            }
            if n.empty > 0 && p.substrate.lithiophilic {
                dealloying[key] = classFor(.dealloying, rate: Double(n.empty) * k.dealloying(alloyBinding: bIn))
                alloyReduction[key] = classFor(.reduction, rate: k.k0)
                alloyOxidation[key] = classFor(.oxidation, rate: k.alloyOxidation(alloyBinding: bIn))
            }
        }
        hop = [Int16](repeating: -1, count: bindings.count * 7)
        for (i, b) in bindings.enumerated() {
            for targets in 1...6 { hop[i * 7 + targets] = classFor(.hop, rate: Double(targets) * k.hop(binding: b)) }
        }
    }

    private struct ClassKey: Hashable, Sendable {
        let type: Int
        let rate: Double
    }

    private mutating func classFor(_ type: EventType, rate: Double) -> Int16 {
        guard rate > 0 else { return -1 }
        let key = ClassKey(type: type.rawValue, rate: rate)
        if let c = index[key] { return Int16(c) }
        index[key] = rates.count
        rates.append(rate)
        types.append(type.rawValue)
        precondition(rates.count < Int(Int16.max), "too many rate classes")
        return Int16(rates.count - 1)
    }

    func catalog() throws -> RateCatalog {
        try RateCatalog(rates: rates, types: types, typeCount: EventType.allCases.count)
    }
}
