import Kinetics
import Lattice

/// Exact electronic connectivity, kept at every event.
///
/// Conductors are Li, M and LiM; M and LiM form the collector side and never stop conducting, so a
/// Li site is connected exactly when a face-neighbour path of conductors joins it to an M or LiM
/// site. The invariant — every Li site's dead flag says whether it is cut off — is restored after
/// each change of a site:
///
/// - **Li added** (reduction, hop arrival, de-alloying): connected if it touches a connected
///   conductor; then every dead cluster it touches is revived (a flood over dead Li). Otherwise it
///   is dead (it joins the dead clusters it touches).
/// - **Connected Li removed** (oxidation, hop departure, alloying): a local test on the 3 × 3 × 3
///   block (``NeighborhoodCube``) proves most removals harmless. Otherwise each piece of the
///   block's conductors is followed by a depth-first search that tries −z first and stops at the
///   first M/LiM site; a piece that exhausts its search without one is dead. A search that grows
///   beyond ``searchBudget`` hands over to a full bit-parallel flood fill (``FloodFill``), which is
///   exact too — there is no periodic or approximate refresh.
///
/// Dead Li keeps its bonds and may hop (surface diffusion needs no electron), but is never oxidised,
/// and no reduction or SEI growth happens next to it unless a connected conductor is there too.
extension LithiumModel {
    /// A connected Li site at `site` has just stopped conducting: cut off what depended on it.
    /// `c` and `neighbors` are the site's coordinates and neighbours. The tests that settle most
    /// cases from the site's own cell and its neighbours' are inlined into the site change.
    @inline(__always)
    mutating func conductorRemoved(at site: UInt32, _ c: SiteCoordinates, _ neighbors: Neighbors, affected: AffectedEvents) {
        // No Li neighbour, or a single conductor neighbour (a leaf): nothing can be cut off.
        let key = CellLayout.key(cells[Int(site)])
        let lookup = definition.lookup
        guard lookup.lithiumCount[key] > 0 && lookup.conductorCount[key] > 1 else { return }
        // Every Li around touching a collector itself (an adatom hopping on the substrate): each
        // conductor around is a collector or next to one, so nothing is cut off either.
        if lithiumTouchesCollector(around: neighbors, lookup) { return }
        cutOff(around: site, c, neighbors, affected: affected)
    }

    /// Whether each Li site among `neighbors` has a collector site next to it
    /// (``EventLookup/touchesCollector(_:)``). Stops at the first that has none (in a thick deposit, most often the first Li it meets).
    @inline(__always) func lithiumTouchesCollector(around neighbors: Neighbors, _ lookup: EventLookup) -> Bool {
        func lacks(_ neighbor: UInt32) -> Bool {
            guard neighbor != Neighbors.none else { return false }
            let cell = cells[Int(neighbor)], key = CellLayout.key(cell)
            return CellLayout.kind(cell) == SiteKind.lithium && !lookup.touchesCollector(key)
        }
        return !(lacks(neighbors[0]) || lacks(neighbors[1]) || lacks(neighbors[2]) || lacks(neighbors[3])
                 || lacks(neighbors[4]) || lacks(neighbors[5]))
    }

    /// Searches from each piece of the conductors around `site` that the faces and edges of its
    /// neighbourhood do not join, and marks the pieces that reach no collector dead.
    @inline(never)
    mutating func cutOff(around site: UInt32, _ c: SiteCoordinates, _ neighbors: Neighbors, affected: AffectedEvents) {
        let lookup = definition.lookup
        let groups = NeighborhoodCube.faceGroups(around: site, at: c, offsets: definition.cube) {
            lookup.isConductor(CellLayout.kind(cells[Int($0)]))
        }
        guard groups.count > 1 else { return }
        search.prepare(searches: groups.count)
        let firstEpoch = search.epoch &+ 1
        for d in 0..<Neighbors.directions where groups.representatives & (1 << UInt8(d)) != 0 {
            let start = neighbors[d]
            if search.stamps[Int(start)] >= firstEpoch { continue }  // met by an earlier piece's search: same fate
            switch searchForCollector(from: start) {
            case .reached: continue
            case .cutOff: for cut in search.visited { setDead(cut, true, affected: affected) }
            case .tooLarge:
                recomputeConnectivity(affected: affected)
                return
            }
        }
    }

    enum SearchOutcome { case reached, cutOff, tooLarge }

    /// Depth-first search through Li from `start` for an M or LiM site; −z is tried first, so in
    /// a compact deposit the search runs straight down to the collector.
    mutating func searchForCollector(from start: UInt32) -> SearchOutcome {
        let epoch = search.nextEpoch()
        let budget = searchBudget
        let lookup = definition.lookup
        search.stack.removeAll(keepingCapacity: true)
        search.visited.removeAll(keepingCapacity: true)
        if lookup.isCollector(sites[start]) { return .reached }
        search.stamps[Int(start)] = epoch
        search.stack.append(start)
        while let site = search.stack.popLast() {
            search.visited.append(site)
            if search.visited.count > budget { return .tooLarge }
            for neighbor in shape.neighbors(of: site) {  // pushed +x … −z: −z is popped first
                let k = sites[neighbor]
                if lookup.isCollector(k) { return .reached }
                if k == SiteKind.lithium && search.stamps[Int(neighbor)] != epoch {
                    search.stamps[Int(neighbor)] = epoch
                    search.stack.append(neighbor)
                }
            }
        }
        return .cutOff
    }

    /// A Li site has appeared at `site`: it is connected if a connected conductor touches it, and
    /// then revives the dead clusters it touches; otherwise it is dead.
    /// `neighbors` are the site's neighbours. Its cell says both without reading them: its key
    /// counts the Li around and whether a collector site is there (``EventLookup/touchesCollector(_:)``),
    /// its dead-neighbour count the dead Li among them. The common case — connected, no dead Li
    /// around — is settled inline in the site change.
    @inline(__always)
    mutating func lithiumAdded(at site: UInt32, _ neighbors: Neighbors, affected: AffectedEvents) {
        let cell = cells[Int(site)]
        let key = CellLayout.key(cell), dead = CellLayout.deadNeighbors(cell)
        let lookup = definition.lookup
        if dead == 0 && lookup.conductorCount[key] > 0 { return }  // a conductor around, none of it dead Li
        lithiumAdded(at: site, neighbors, connected: lookup.lithiumCount[key] > dead || lookup.touchesCollector(key),
                     deadAround: dead > 0, affected: affected)
    }

    /// ``lithiumAdded(at:_:affected:)`` past its inline test: `connected` says whether a connected
    /// conductor touches the new Li, `deadAround` whether dead Li does.
    @inline(never)
    mutating func lithiumAdded(at site: UInt32, _ neighbors: Neighbors, connected: Bool, deadAround: Bool,
                               affected: AffectedEvents) {
        guard connected else {  // no connected Li, no collector
            setDead(site, true, affected: affected)
            return
        }
        guard deadAround else { return }
        for neighbor in neighbors where isDeadLithium(neighbor) {
            revive(from: neighbor, affected: affected)
        }
    }

    /// Marks the dead cluster holding `start` connected.
    mutating func revive(from start: UInt32, affected: AffectedEvents) {
        search.stack.removeAll(keepingCapacity: true)
        setDead(start, false, affected: affected)
        search.stack.append(start)
        while let site = search.stack.popLast() {
            for neighbor in shape.neighbors(of: site) where isDeadLithium(neighbor) {
                setDead(neighbor, false, affected: affected)
                search.stack.append(neighbor)
            }
        }
    }

    /// Sets the dead flag of the Li site `site`, the dead-neighbour counts around it, and lists the
    /// events whose class reads them (``EventTable``): its oxidation, reduction and SEI growth next to it.
    mutating func setDead(_ site: UInt32, _ dead: Bool, affected: AffectedEvents) {
        let words = cells.mutablePointer()
        words[Int(site)] = dead ? words[Int(site)] | CellLayout.deadFlag : words[Int(site)] & ~CellLayout.deadFlag
        deadSites += dead ? 1 : -1
        let lookup = definition.lookup
        affected.append(site * 3 + lookup.ownConnectivitySlot)
        let readers = lookup.deadNeighborReaders
        for neighbor in shape.neighbors(of: site) {
            let cell = words[Int(neighbor)]
            words[Int(neighbor)] = dead ? cell &+ CellLayout.deadNeighborUnit : cell &- CellLayout.deadNeighborUnit
            EventLookup.list(EventLookup.slots(of: kind(cell), in: readers), of: neighbor, to: affected)
        }
    }

    /// The connected conductors, from a flood fill of the conductor planes seeded with the collector
    /// (M, LiM and a conducting coating).
    func connectedConductors(bitParallel: Bool = true) -> BitPlane {
        let lookup = definition.lookup
        var conductors = sites.plane(SiteKind.lithium)
        var collector = sites.plane(SiteKind.substrate)
        for k in UInt8(0)..<UInt8(SiteKind.capacity) where lookup.isCollector(k) && k != SiteKind.substrate {
            let plane = sites.plane(k)
            for w in collector.words.indices { collector.words[w] |= plane.words[w] }
        }
        for w in collector.words.indices { conductors.words[w] |= collector.words[w] }
        return bitParallel ? FloodFill.bitParallel(mask: conductors, seeds: collector, shape: shape)
            : FloodFill.scalar(mask: conductors, seeds: collector, shape: shape)
    }

    /// Recomputes every dead flag from a full flood fill and updates what changed.
    mutating func recomputeConnectivity(affected: AffectedEvents) {
        let connected = connectedConductors()
        for site in 0..<UInt32(shape.siteCount) where sites[site] == SiteKind.lithium {
            let dead = !connected.contains(site, in: shape)
            if dead != isDeadLithium(site) { setDead(site, dead, affected: affected) }
        }
    }

    /// Start-up: marks the Li that the initial configuration leaves cut off.
    mutating func markDisconnectedLithium() {
        recomputeConnectivity(affected: AffectedEvents())
    }

    /// Differences between the incremental electronic state and a scalar flood fill from scratch
    /// (empty when the bookkeeping is exact).
    public func connectivityErrors() -> [String] {
        let connected = connectedConductors(bitParallel: false)
        var errors: [String] = []
        var dead = 0
        for site in 0..<UInt32(shape.siteCount) {
            let isLithium = sites[site] == SiteKind.lithium
            let shouldBeDead = isLithium && !connected.contains(site, in: shape)
            if shouldBeDead { dead += 1 }
            if isDeadLithium(site) != shouldBeDead {
                errors.append("site \(site) \(shape.coordinates(of: site)): dead flag \(isDeadLithium(site)), flood fill says \(shouldBeDead)")
            }
            var deadNeighbors = 0
            for neighbor in shape.neighbors(of: site)
            where sites[neighbor] == SiteKind.lithium && !connected.contains(neighbor, in: shape) { deadNeighbors += 1 }
            if Int(CellLayout.deadNeighbors(cells[Int(site)])) != deadNeighbors {
                errors.append("site \(site): \(CellLayout.deadNeighbors(cells[Int(site)])) dead neighbours stored, \(deadNeighbors) true")
            }
        }
        if dead != deadSites { errors.append("dead-site tally \(deadSites), flood fill finds \(dead)") }
        return errors
    }
}

/// Scratch space of the connectivity searches: a visit stamp per site (a new epoch per search, so
/// nothing is cleared between searches), the search stack and the sites visited.
struct ConnectivitySearch {
    var stamps: [UInt32] = []
    private(set) var epoch: UInt32 = 0
    var stack: [UInt32] = []
    var visited: [UInt32] = []

    init() {}
    init(siteCount: Int) { stamps = [UInt32](repeating: 0, count: siteCount) }

    /// Makes room for `searches` new epochs without wrapping around.
    mutating func prepare(searches: Int) {
        if epoch > UInt32.max - UInt32(searches) - 1 {
            for i in stamps.indices { stamps[i] = 0 }
            epoch = 0
        }
    }

    mutating func nextEpoch() -> UInt32 {
        epoch += 1
        return epoch
    }
}
