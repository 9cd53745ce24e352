import GSLRandom
import Kinetics
import Lattice

extension LithiumModel: KineticApplication {
    public var eventCount: Int { sites.shape.siteCount * EventSlot.perSite }

    @inline(__always) func kind(_ cell: UInt32) -> UInt8 { CellLayout.kind(cell) }
    @inline(__always) func key(_ cell: UInt32) -> Int { CellLayout.key(cell) }

    /// The class of `event`, found as its ``EventTable`` rule says: from the site's neighbour key
    /// alone, or with its own or its neighbours' connectivity, or with its hop-target count.
    public func classify(_ event: UInt32) -> Int? {
        let c = classNumber(event)
        return c < 0 ? nil : Int(c)
    }

    /// Re-classifies the listed events with ``classNumber(_:)`` inlined into the loop (changes
    /// nothing in the model).
    public mutating func reclassify(_ events: AffectedEvents, in rates: RateClassTable) {
        for i in 0..<events.count {
            let e = events[i]
            let c = classNumber(e)
            rates.assign(e, to: c < 0 ? nil : Int(c))
        }
    }

    /// ``classify(_:)`` as a class number, −1 for none.
    @inline(__always) func classNumber(_ event: UInt32) -> Int16 {
        let site = event / 3, slot = event % 3
        let cell = cells[Int(site)]
        let key = key(cell)
        let lookup = definition.lookup
        let entry = lookup.entries[Int(kind(cell)) &* EventSlot.perSite &+ Int(slot)]
        let at = EventClasses.rowStart(entry) &+ key
        switch EventClasses.finder(entry) {
        case .key: return lookup.byKey[at]
        case .keyIfConnected: return CellLayout.isDead(cell) ? -1 : lookup.byKey[at]
        case .keyIfConnectedNeighbor:
            let connected = lookup.candidates[at] &- CellLayout.deadNeighbors(cell)
            return connected > 0 ? lookup.byKey[at] : -1
        case .hopTargets:
            let targets = CellLayout.hopTargets(cell)
            return targets == 0 ? -1 : lookup.hop[Int(lookup.bindingIndex[key]) &* 7 &+ targets]
        case .columnUp: return columnMoves(site, hostAbove: false) ? lookup.byKey[at] : -1
        case .keyAndColumn: return lookup.byKey[columnMoves(site, hostAbove: true) ? at &+ lookup.keyCount : at]
        case .none: return -1
        }
    }

    /// An event at a site rewrites the cells around it and re-classifies the events of its
    /// neighbours and theirs (hop targets and support reach two sites out): the cells and the
    /// rate-table entries (three events per site) of the rows and planes around the site are
    /// requested at once, so their cache misses overlap.
    /// (Inlinable, and no method of the model is called: a call on the model from the engine's
    /// loop copies the model, 512 bytes, first.)
    @inlinable @inline(__always) public func prefetch(for event: UInt32, rates: RateClassTable) {
        let site = Int(event / 3)
        Self.prefetch(site, cells: cells, rates: rates)
        definition.prefetchOffsets.forEachSite(around: site) { Self.prefetch($0, cells: cells, rates: rates) }
    }

    @usableFromInline @inline(__always) static func prefetch(_ site: Int, cells: SiteWords, rates: RateClassTable) {
        cells.prefetch(site)
        rates.prefetch(site &* 3)
        rates.prefetch(site &* 3 &+ 2)
    }

    /// The support rule of hops: a site with neighbour key `key` touches a solid besides the
    /// mover (two solid neighbours, the mover included), so Li may hop onto it if it is empty.
    @inline(__always) static func supportsHop(_ key: Int, _ solidCount: UnsafeMutablePointer<UInt8>) -> Bool {
        solidCount[key] >= 2
    }

    /// Whether a site with cell `cell` is a hop target of the Li next to it.
    @inline(__always) static func isHopTarget(_ cell: UInt32, _ solidCount: UnsafeMutablePointer<UInt8>) -> Bool {
        CellLayout.kind(cell) == SiteKind.empty && supportsHop(CellLayout.key(cell), solidCount)
    }

    /// Empty neighbours of `site` that a hop may reach.
    @inline(__always) func hopTargets(of site: UInt32) -> TargetList {
        let solidCount = definition.lookup.solidCount
        var list = TargetList()
        for neighbor in sites.shape.neighbors(of: site) where Self.isHopTarget(cells[Int(neighbor)], solidCount) {
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

    /// Neighbours of `site` of either kind.
    func neighbors(of site: UInt32, ofKind wanted: UInt8, or other: UInt8) -> TargetList {
        var list = TargetList()
        for neighbor in sites.shape.neighbors(of: site) {
            let k = kind(cells[Int(neighbor)])
            if k == wanted || k == other { list.append(neighbor) }
        }
        return list
    }

    /// Carries out the action of the event's ``EventTable`` rule.
    public mutating func perform(
        _ event: UInt32, rateClass: Int, uniform: Double, random: inout UniformBuffer, affected: AffectedEvents
    ) {
        let site = event / 3, slot = Int(event % 3)
        let lookup = definition.lookup
        eventTally.record(lookup.typeOfClass[rateClass], electrons: lookup.electronsOfClass[rateClass])
        switch lookup.actions[Int(kind(cells[Int(site)])) &* EventSlot.perSite &+ slot] {
        case let .become(new)?:
            change(site, to: new, affected: affected)
        case let .move(to: destination, leaving, arriving)?:
            // The destination is chosen before `move` starts mutating (an argument that reads the
            // model inside a mutating call makes the compiler copy the whole model first).
            let target: UInt32
            switch destination {
            case .hopTarget: target = hopTargets(of: site).pick(uniform)
            case let .neighbor(wanted): target = neighbors(of: site, ofKind: wanted).pick(uniform)
            }
            move(from: site, to: target, leaving: leaving, arriving: arriving, affected: affected)
        case let .shiftColumn(up)?:
            shiftColumn(at: site, up: up, affected: affected)
        case let .coatingMove(ontoSurface)?:
            let target = neighbors(of: site, ofKind: SiteKind.coating, or: ontoSurface ? SiteKind.empty : SiteKind.coating).pick(uniform)
            let arriving = kind(cells[Int(target)]) == SiteKind.coating ? SiteKind.lithiatedCoating : SiteKind.lithium
            move(from: site, to: target, leaving: SiteKind.coating, arriving: arriving, affected: affected)
        case let .intoCoating(viaNeighbors)?:
            // The choices: each host C around (with `viaNeighbors`), then the column move if the column allows it.
            let hosts = viaNeighbors ? neighbors(of: site, ofKind: SiteKind.coating) : TargetList()
            let column = columnMoves(site, hostAbove: true)
            let choices = hosts.count + (column ? 1 : 0)
            let pick = min(Int(uniform * Double(choices)), choices - 1)
            if pick < hosts.count {
                move(from: site, to: hosts.pick((Double(pick) + 0.5) / Double(hosts.count)), leaving: SiteKind.empty,
                     arriving: SiteKind.lithiatedCoating, affected: affected)
            } else {
                shiftColumn(at: site, up: false, affected: affected)
            }
        case nil:
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
        change(origin, to: leaving, affected: affected, after: destination)
    }

    /// Sets the kind of `site`, updates its neighbours' keys and lists every event whose class
    /// may change: the site's own, its neighbours', and — where a neighbouring empty site's
    /// support crossed the two-solid threshold — the hops of the Li atoms around that site.
    /// The site's coordinates are found once; its neighbours' and theirs follow from them.
    ///
    /// `previous`, if given, is a neighbour changed earlier in the same event: that change listed
    /// the events of `site` (of its kind then, `old`) and all of its own, so they are not listed
    /// twice (a second listing of an event is a no-op, but re-classifying it is not free).
    mutating func change(_ site: UInt32, to new: UInt8, affected: AffectedEvents, after previous: UInt32 = Neighbors.none) {
        let shape = sites.shape
        let c = shape.coordinates(of: site)
        let around = shape.neighbors(of: site, at: c)
        let cell = cells[Int(site)]
        let old = kind(cell)
        let wasDead = CellLayout.isDead(cell)
        kindTally[Int(old)] -= 1
        kindTally[Int(new)] += 1
        if wasDead { deadSites -= 1 }
        sites.mutableAccess().set(site, at: c, to: new)
        let words = cells.mutablePointer()
        words[Int(site)] = UInt32(new) << CellLayout.kindShift | (cell & CellLayout.keptOnKindChange)
        let lookup = definition.lookup, solidCount = lookup.solidCount
        // Whether the site itself is a hop target for the Li atoms next to it, before and after.
        let supported = Self.supportsHop(key(cell), solidCount)
        let targetChange = (new == SiteKind.empty && supported ? 1 : 0) - (old == SiteKind.empty && supported ? 1 : 0)
        // The neighbours' keys move by the kind change and, if the site held dead Li, their
        // dead-neighbour counts drop by one.
        let deadDrop = wasDead ? CellLayout.deadNeighborUnit : 0
        let solidityChanged = SiteKind.isSolid(old) != SiteKind.isSolid(new)
        let live = lookup.liveSlots
        // The old kind's events go, the new kind's come (the old kind's are listed already if a
        // neighbour changed before).
        let oldSlots = EventLookup.slots(of: old, in: live)
        let ownSlots = previous == Neighbors.none ? oldSlots | EventLookup.slots(of: new, in: live)
            : EventLookup.slots(of: new, in: live) & ~oldSlots
        EventLookup.list(ownSlots, of: site, to: affected)
        for d in 0..<Neighbors.directions {
            let neighbor = around[d]
            if neighbor == Neighbors.none { continue }
            let before = words[Int(neighbor)]
            var after = (before & ~CellLayout.keyMask | lookup.key(key(before), replacing: old, by: new)) &- deadDrop
            if targetChange != 0 && kind(after) == SiteKind.lithium {
                after = targetChange > 0 ? after &+ CellLayout.hopTargetUnit : after &- CellLayout.hopTargetUnit
            }
            words[Int(neighbor)] = after
            if neighbor != previous { EventLookup.list(EventLookup.slots(of: kind(after), in: live), of: neighbor, to: affected) }
            guard solidityChanged && kind(after) == SiteKind.empty else { continue }
            let wasTarget = Self.supportsHop(key(before), solidCount), isTarget = Self.supportsHop(key(after), solidCount)
            guard wasTarget != isTarget else { continue }
            // This empty neighbour became (or stopped being) a hop target of the Li around it —
            // as many as its key counts, less the site itself if it is Li now (the search stops
            // at the last of them; most often there is none).
            var lithium = Int(lookup.lithiumCount[key(after)]) - (new == SiteKind.lithium ? 1 : 0)
            guard lithium > 0 else { continue }
            let seconds = shape.neighbors(of: neighbor, at: shape.coordinates(after: c, direction: d))
            for second in seconds where second != site {
                let secondCell = words[Int(second)]
                guard kind(secondCell) == SiteKind.lithium else { continue }
                words[Int(second)] = isTarget ? secondCell &+ CellLayout.hopTargetUnit : secondCell &- CellLayout.hopTargetUnit
                affected.append(second * 3 + lookup.hopSlot)
                lithium -= 1
                if lithium == 0 { break }
            }
        }
        if new == SiteKind.lithium {
            var targets: UInt32 = 0
            for neighbor in around where Self.isHopTarget(words[Int(neighbor)], solidCount) { targets &+= 1 }
            words[Int(site)] |= targets << CellLayout.hopTargetShift
        }
        if lookup.columnReaders != 0 {
            Self.listColumnEvents(below: site, stride: UInt32(shape.lx &* shape.ly), words: words,
                                  readers: lookup.columnReaders, affected: affected)
        }
        guard tracksConnectivity else { return }
        let wasConductor = lookup.isConductor(old)
        if wasConductor && !lookup.isConductor(new) && !wasDead {
            conductorRemoved(at: site, c, around, affected: affected)
        } else if new == SiteKind.lithium && (!wasConductor || lookup.isCollector(old)) {
            // A C_Li site of a conducting coating turning into Li (plating underneath) has the coating
            // host right above it: the new Li is connected, and so is everything the coating held.
            lithiumAdded(at: site, around, affected: affected)
        } else if lookup.isCollector(new) && !wasConductor {
            // A conducting coating site appeared (its column moved up): it revives dead Li it touches.
            for neighbor in around where isDeadLithium(neighbor) { revive(from: neighbor, affected: affected) }
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
