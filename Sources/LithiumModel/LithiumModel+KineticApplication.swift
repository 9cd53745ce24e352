import GSLRandom
import Kinetics
import Lattice

extension LithiumModel: KineticApplication {
    public var eventCount: Int { sites.shape.siteCount * EventSlot.perSite }

    @inline(__always) func kind(_ cell: UInt32) -> UInt8 { CellLayout.kind(cell) }
    @inline(__always) func key(_ cell: UInt32) -> Int { CellLayout.key(cell) }

    public func classify(_ event: UInt32) -> Int? {
        let site = event / 3, slot = event % 3
        let cell = cells[Int(site)]
        let c: Int16
        switch (kind(cell), slot) {
        case (SiteKind.empty, 0):
            let connected = classes.conductorCount[key(cell)] &- CellLayout.deadNeighbors(cell)
            c = connected > 0 ? classes.reduction[key(cell)] : -1
        case (SiteKind.empty, 1):
            let connected = classes.lithiumCount[key(cell)] &- CellLayout.deadNeighbors(cell)
            c = connected > 0 ? classes.sei[key(cell)] : -1
        case (SiteKind.lithium, 0):
            let targets = CellLayout.hopTargets(cell)
            c = targets == 0 ? -1 : classes.hop[Int(classes.bindingIndex[key(cell)]) * 7 + targets]
        case (SiteKind.lithium, 1): c = CellLayout.isDead(cell) ? -1 : classes.oxidation[key(cell)]
        case (SiteKind.lithium, 2): c = classes.alloying[key(cell)]
        case (SiteKind.alloy, 0): c = classes.dealloying[key(cell)]
        case (SiteKind.alloy, 1): c = classes.transport[key(cell)]
        case (SiteKind.alloy, 2): c = classes.alloyOxidation[key(cell)]
        case (SiteKind.substrate, 0): c = classes.alloyReduction[key(cell)]
        default: c = -1
        }
        return c < 0 ? nil : Int(c)
    }

    /// An event at a site rewrites the cells around it and re-classifies the events of its
    /// neighbours and theirs (hop targets and support reach two sites out): the cells and the
    /// rate-table entries (three events per site) of the rows and planes around the site are
    /// requested at once, so their cache misses overlap.
    public func prefetch(for event: UInt32, rates: RateClassTable) {
        let site = Int(event / 3)
        prefetchSite(site, rates: rates)
        definition.prefetchOffsets.forEachSite(around: site) { prefetchSite($0, rates: rates) }
    }

    @inline(__always) private func prefetchSite(_ site: Int, rates: RateClassTable) {
        cells.prefetch(site)
        rates.prefetch(site &* 3)
        rates.prefetch(site &* 3 &+ 2)
    }

    /// The support rule of hops: a site with neighbour key `key` touches a solid besides the
    /// mover (two solid neighbours, the mover included), so Li may hop onto it if it is empty.
    @inline(__always) func supportsHop(_ key: Int, _ solidCount: [UInt8]) -> Bool { solidCount[key] >= 2 }

    /// Whether a site with cell `cell` is a hop target of the Li next to it.
    @inline(__always) func isHopTarget(_ cell: UInt32, _ solidCount: [UInt8]) -> Bool {
        kind(cell) == SiteKind.empty && supportsHop(key(cell), solidCount)
    }

    /// Empty neighbours of `site` that a hop may reach.
    @inline(__always) func hopTargets(of site: UInt32) -> TargetList {
        let solidCount = classes.solidCount
        var list = TargetList()
        for neighbor in sites.shape.neighbors(of: site) where isHopTarget(cells[Int(neighbor)], solidCount) {
            list.append(neighbor)
        }
        return list
    }

    /// How many hop targets `site` has, counted afresh: what a Li cell's hop-target bits must equal.
    func hopTargetCount(of site: UInt32) -> Int { hopTargets(of: site).count }

    /// Neighbours of `site` of the given kind.
    @inline(__always) func neighbors(of site: UInt32, ofKind wanted: UInt8) -> TargetList {
        var list = TargetList()
        for neighbor in sites.shape.neighbors(of: site) where kind(cells[Int(neighbor)]) == wanted { list.append(neighbor) }
        return list
    }

    public mutating func perform(
        _ event: UInt32, rateClass: Int, uniform: Double, random: inout UniformBuffer, affected: AffectedEvents
    ) {
        let site = event / 3, slot = event % 3
        eventTally[rateCatalog.types[rateClass]] += 1
        switch (kind(cells[Int(site)]), slot) {
        case (SiteKind.empty, 0):
            change(site, to: SiteKind.lithium, affected: affected)
            reductions += 1
            netFaradaicEvents += 1
        case (SiteKind.empty, 1):
            change(site, to: SiteKind.sei, affected: affected)
            seiFormations += 1
            netFaradaicEvents += 1
        case (SiteKind.lithium, 0):
            // The destination is chosen before `move` starts mutating (an argument that reads the
            // model inside a mutating call makes the compiler copy the whole model first).
            let destination = hopTargets(of: site).pick(uniform)
            move(from: site, to: destination, leaving: SiteKind.empty, arriving: SiteKind.lithium, affected: affected)
        case (SiteKind.lithium, 1):
            change(site, to: SiteKind.empty, affected: affected)
            oxidations += 1
            netFaradaicEvents -= 1
        case (SiteKind.lithium, 2):
            let destination = neighbors(of: site, ofKind: SiteKind.substrate).pick(uniform)
            move(from: site, to: destination, leaving: SiteKind.empty, arriving: SiteKind.alloy, affected: affected)
        case (SiteKind.alloy, 0):
            let destination = neighbors(of: site, ofKind: SiteKind.empty).pick(uniform)
            move(from: site, to: destination, leaving: SiteKind.substrate, arriving: SiteKind.lithium, affected: affected)
        case (SiteKind.alloy, 1):
            let destination = neighbors(of: site, ofKind: SiteKind.substrate).pick(uniform)
            move(from: site, to: destination, leaving: SiteKind.substrate, arriving: SiteKind.alloy, affected: affected)
        case (SiteKind.alloy, 2):
            change(site, to: SiteKind.substrate, affected: affected)
            oxidations += 1
            netFaradaicEvents -= 1
        case (SiteKind.substrate, 0):
            change(site, to: SiteKind.alloy, affected: affected)
            reductions += 1
            netFaradaicEvents += 1
        default:
            preconditionFailure("event \(event) has no action for its site")
        }
    }

    public mutating func didPerform(rates: RateClassTable) {
        control.apply(to: rates, constants: constants)
    }

    /// Li leaves `origin` (which becomes `leaving`) for `destination` (which becomes `arriving`).
    /// The destination changes first, so that a Li atom sliding along a neck is seen by the
    /// local connectivity test at its origin and no cluster dies for a moment.
    mutating func move(from origin: UInt32, to destination: UInt32, leaving: UInt8, arriving: UInt8,
                       affected: AffectedEvents) {
        change(destination, to: arriving, affected: affected)
        change(origin, to: leaving, affected: affected)
    }

    /// Sets the kind of `site`, updates its neighbours' keys and lists every event whose class
    /// may change: the site's own, its neighbours', and — where a neighbouring empty site's
    /// support crossed the two-solid threshold — the hops of the Li atoms around that site.
    mutating func change(_ site: UInt32, to new: UInt8, affected: AffectedEvents) {
        let cell = cells[Int(site)]
        let old = kind(cell)
        let wasDead = CellLayout.isDead(cell)
        kindTally[Int(old)] -= 1
        kindTally[Int(new)] += 1
        if wasDead { deadSites -= 1 }
        sites.set(site, to: new)
        let words = cells.mutablePointer()
        words[Int(site)] = UInt32(new) << 16 | (cell & CellLayout.keptOnKindChange)
        let solidCount = classes.solidCount
        // Whether the site itself is a hop target for the Li atoms next to it, before and after.
        let supported = supportsHop(key(cell), solidCount)
        let targetChange = (new == SiteKind.empty && supported ? 1 : 0) - (old == SiteKind.empty && supported ? 1 : 0)
        // The neighbours' keys move by the kind change and, if the site held dead Li, their
        // dead-neighbour counts drop by one.
        let delta = NeighborCounts.weight(of: new) &- NeighborCounts.weight(of: old)
            &- (wasDead ? CellLayout.deadNeighborUnit : 0)
        let solidityChanged = SiteKind.isSolid(old) != SiteKind.isSolid(new)
        for slot in 0..<UInt32(EventSlot.perSite) { affected.append(site * 3 + slot) }  // old kind's events go too
        for neighbor in sites.shape.neighbors(of: site) {
            let before = words[Int(neighbor)]
            var after = before &+ delta
            if targetChange != 0 && kind(after) == SiteKind.lithium {
                after = targetChange > 0 ? after &+ CellLayout.hopTargetUnit : after &- CellLayout.hopTargetUnit
            }
            words[Int(neighbor)] = after
            Self.listEvents(of: neighbor, kind: kind(after), affected: affected)
            guard solidityChanged && kind(after) == SiteKind.empty else { continue }
            let wasTarget = supportsHop(key(before), solidCount), isTarget = supportsHop(key(after), solidCount)
            guard wasTarget != isTarget else { continue }
            // This empty neighbour became (or stopped being) a hop target of the Li around it.
            for second in sites.shape.neighbors(of: neighbor) where second != site {
                let secondCell = words[Int(second)]
                guard kind(secondCell) == SiteKind.lithium else { continue }
                words[Int(second)] = isTarget ? secondCell &+ CellLayout.hopTargetUnit : secondCell &- CellLayout.hopTargetUnit
                affected.append(second * 3)
            }
        }
        if new == SiteKind.lithium {
            words[Int(site)] |= UInt32(hopTargetCount(of: site)) << 28
        }
        guard tracksConnectivity else { return }
        if old == SiteKind.lithium && !SiteKind.isConductor(new) && !wasDead {
            conductorRemoved(at: site, affected: affected)
        } else if new == SiteKind.lithium && !SiteKind.isConductor(old) {
            lithiumAdded(at: site, affected: affected)
        }
    }

    /// The event slots that exist for `kind`, the kind now at `site`. Static, so that a caller
    /// in the middle of a mutation need not copy the model to call it.
    @inline(__always)
    static func listEvents(of site: UInt32, kind: UInt8, affected: AffectedEvents) {
        let base = site * 3
        switch kind {
        case SiteKind.lithium: affected.append(base); affected.append(base + 1); affected.append(base + 2)
        case SiteKind.alloy: affected.append(base); affected.append(base + 1); affected.append(base + 2)
        case SiteKind.empty: affected.append(base); affected.append(base + 1)
        case SiteKind.substrate: affected.append(base)
        default: break
        }
    }
}

/// Up to six candidate sites, chosen among with one uniform number.
struct TargetList {
    private var sites: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0)
    private(set) var count = 0

    mutating func append(_ site: UInt32) {
        switch count {
        case 0: sites.0 = site
        case 1: sites.1 = site
        case 2: sites.2 = site
        case 3: sites.3 = site
        case 4: sites.4 = site
        default: sites.5 = site
        }
        count += 1
    }

    /// The ⌊u·count⌋-th site, u ∈ [0, 1).
    func pick(_ u: Double) -> UInt32 {
        precondition(count > 0, "no candidate site")
        switch min(Int(u * Double(count)), count - 1) {
        case 0: return sites.0
        case 1: return sites.1
        case 2: return sites.2
        case 3: return sites.3
        case 4: return sites.4
        default: return sites.5
        }
    }
}
