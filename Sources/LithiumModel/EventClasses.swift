import Kinetics
import Lattice

/// The rate classes of the Li model and, per event of ``EventTable``, the look-up from a site's
/// neighbour key to the event's class. Classes of equal type and rate are merged.
struct EventClasses: Sendable {
    var rates: [Double] = []
    var types: [Int] = []
    private var index: [ClassKey: Int] = [:]

    /// How `classify` finds the class of an event: the flattened ``ClassInputs`` of its rule.
    enum Finder: Int, Sendable {
        case none, key, keyIfConnected, keyIfConnectedNeighbor, hopTargets, columnUp, keyAndColumn
    }
    /// Per kind × slot (``EventSlot/perSite`` slots per kind), in one word so that classifying
    /// loads it once: the ``Finder`` (low 3 bits) and where the rule's row of `byKey` and
    /// `candidates` starts (row × key count, above). See ``finder(_:)`` and ``rowStart(_:)``.
    var entries: [Int]
    @inline(__always) static func finder(_ entry: Int) -> Finder { Finder(rawValue: entry & 7).unsafelyUnwrapped }
    @inline(__always) static func rowStart(_ entry: Int) -> Int { entry >> 3 }
    /// byKey[rowStart + key]: the class of the event at a site with that key (−1: none).
    var byKey: [Int16] = []
    /// candidates[rowStart + key]: the key's count of the neighbours a ``ClassInputs/keyIfConnectedNeighbor``
    /// rule needs one connected of; the classifier subtracts the dead ones.
    var candidates: [UInt8] = []
    /// Conductor and Li neighbours per key (the connectivity test reads them).
    var conductorCount: [UInt8]
    var lithiumCount: [UInt8]
    var bindingIndex: [UInt16]
    /// Solid neighbours per key (a hop target needs two: the mover and one more).
    var solidCount: [UInt8]
    /// hop[bindingIndex · 64 + targets]: class of the hop event (the ``ClassInputs/hopTargets`` rule)
    /// of a Li site whose hop targets are the directions set in `targets` (``CellLayout/hopTargets(_:)``):
    /// the class of as many targets as bits are set, −1 for none.
    var hop: [Int16] = []
    static let hopRow = 1 << Neighbors.directions

    init(table: EventTable, parameters p: ModelParameters, constants k: RateConstants, coordinations: Set<Int>) {
        let keys = NeighborKeySpace.shared, keyCount = keys.keyCount
        conductorCount = [UInt8](repeating: 0, count: keyCount)
        lithiumCount = conductorCount
        solidCount = conductorCount
        bindingIndex = [UInt16](repeating: 0, count: keyCount)
        let slots = SiteKind.capacity * EventSlot.perSite
        entries = [Int](repeating: Finder.none.rawValue, count: slots)
        var keyed: [(rule: EventRule, row: Int, column: Bool)] = []
        var hopRule: EventRule?
        for rule in table.rules {
            let at = Int(rule.kind) * EventSlot.perSite + rule.slot
            let finder: Finder
            switch rule.reads {
            case .key: finder = .key
            case .keyIfConnected: finder = .keyIfConnected
            case .keyIfConnectedNeighbor: finder = .keyIfConnectedNeighbor
            case .keyIfColumnMoves: finder = .columnUp
            case .keyAndColumn: finder = .keyAndColumn
            case .hopTargets:
                precondition(hopRule == nil && rule.kind == SiteKind.lithium, "one hop rule, of Li (the cell counts Li's hop targets)")
                entries[at] = Finder.hopTargets.rawValue
                hopRule = rule
                continue
            }
            entries[at] = (keyed.count * keyCount) << 3 | finder.rawValue
            keyed.append((rule, keyed.count, false))
            // A rule reading its column has a second row, for a column that allows the move: it follows the first.
            if rule.reads == .keyAndColumn { keyed.append((rule, keyed.count, true)) }
        }
        byKey = [Int16](repeating: -1, count: max(keyed.count, 1) * keyCount)
        candidates = [UInt8](repeating: 0, count: max(keyed.count, 1) * keyCount)

        var bindings: [RateInputs] = []
        var bindingOf: [Double: Int] = [:]
        let bonds = p.pairEnergies, li = Int(SiteKind.lithium)
        for key in 0..<keyCount {
            let n = NeighborCounts(keys.counts[key])
            guard coordinations.contains(n.total) else { continue }
            solidCount[key] = UInt8(n.solid)
            conductorCount[key] = UInt8((0..<UInt8(SiteKind.capacity)).reduce(0) { $0 + (table.isConductor($1) ? n[$1] : 0) })
            lithiumCount[key] = UInt8(n.lithium)
            // Kinds beyond the named ones (beyond the bond table) do not bond to Li.
            let b = bonds.binding(of: li, neighborCounts: (0..<SiteKind.count).map { n[UInt8($0)] })
            let bIn = k.alloyBindingBase + Double(n.lithium) * (bonds[li, Int(SiteKind.alloy)] - bonds[li, Int(SiteKind.substrate)])
            let inputs = RateInputs(n: n, binding: b, alloyBinding: bIn, k: k, lithiophilic: p.substrate.lithiophilic)
            if bindingOf[b] == nil {
                bindingOf[b] = bindings.count
                bindings.append(inputs)
            }
            bindingIndex[key] = UInt16(bindingOf[b]!)
            for (rule, row, column) in keyed {
                var inputs = inputs
                inputs.column = column
                byKey[row * keyCount + key] = classFor(rule.type, rate: rule.rate(inputs))
                if case let .keyIfConnectedNeighbor(kinds) = rule.reads {
                    candidates[row * keyCount + key] = UInt8(kinds.reduce(0) { $0 + n[$1] })
                }
            }
        }
        hop = [Int16](repeating: -1, count: bindings.count * Self.hopRow)
        if let hopRule {
            for (i, inputs) in bindings.enumerated() {
                // Numbered by target count, 1 … 6, as when the cell held a count.
                let byCount = [-1] + (1...Neighbors.directions).map { classFor(hopRule.type, rate: Double($0) * hopRule.rate(inputs)) }
                for targets in 1..<Self.hopRow { hop[i * Self.hopRow + targets] = byCount[targets.nonzeroBitCount] }
            }
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
