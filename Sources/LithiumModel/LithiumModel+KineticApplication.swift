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
    /// nothing in the model). Events listed as unchanged (``ModelDefinition/unchangedMark``) are
    /// skipped when ``skipsUnchanged`` says nothing after their listing changed them; otherwise
    /// they are re-classified where they stand, as every listed event was before the mark.
    public mutating func reclassify(_ events: AffectedEvents, in rates: RateClassTable) {
        let mark = definition.unchangedMark
        let skipped = skipsUnchanged ? mark : 0
        for i in 0..<events.count {
            let listed = events[i]
            if listed & skipped != 0 { continue }
            let e = listed & ~mark
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
        case .hopTargets: return lookup.hop[Int(lookup.bindingIndex[key]) &* EventClasses.hopRow &+ CellLayout.hopTargets(cell)]
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

    @inlinable @inline(__always) static func prefetch(_ site: Int, cells: SiteWords, rates: RateClassTable) {
        cells.prefetch(site)
        rates.prefetch(site &* 3)
        rates.prefetch(site &* 3 &+ 2)
    }

    /// One site fewer of kind `old`, one more of `new` (through a pointer: a SIMD lane indexed
    /// by a variable spills the whole vector).
    @inline(__always) mutating func tally(from old: UInt8, to new: UInt8) {
        withUnsafeMutablePointer(to: &kindTally) { vector in
            vector.withMemoryRebound(to: Int.self, capacity: SiteKind.capacity) { counts in
                counts[Int(old) & (SiteKind.capacity - 1)] &-= 1  // kinds are below the capacity, a power of 2
                counts[Int(new) & (SiteKind.capacity - 1)] &+= 1
            }
        }
    }

    /// The hop targets (``EventLookup/isHopTarget(_:)``) of `site` as its cell holds them
    /// (``CellLayout/hopTargets(_:)``), found afresh: what a Li cell's hop-target bits must equal.
    func hopTargets(of site: UInt32) -> UInt32 {
        Self.hopTargets(around: sites.shape.neighbors(of: site), lookup: definition.lookup) { cells[Int($0)] }
    }

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
        skipsUnchanged = definition.unchangedMark != 0
        switch lookup.actions[Int(kind(cells[Int(site)])) &* EventSlot.perSite &+ slot] {
        case let .become(new)?:
            change(site, to: new, affected: affected)
        case let .move(to: destination, leaving, arriving)?:
            // The destination is chosen before `move` starts mutating (an argument that reads the
            // model inside a mutating call makes the compiler copy the whole model first), as the
            // ⌊u·n⌋-th of the n candidates in direction order; a Li cell holds its n of hop targets.
            let c = sites.shape.coordinates(of: site)
            let around = sites.shape.neighbors(of: site, at: c)
            let direction: Int
            switch destination {
            case .hopTarget: direction = Self.direction(picking: uniform, among: CellLayout.hopTargets(cells[Int(site)]))
            case let .neighbor(wanted):
                direction = Self.direction(picking: uniform, among: Self.directions(around) { kind(cells[Int($0)]) == wanted })
            }
            move(from: site, at: c, around: around, toward: direction, leaving: leaving, arriving: arriving, affected: affected)
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
            let pick = Self.pick(uniform, among: choices)
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

    /// Lets the control set η for the new state; inlined into the engine's loop down to the
    /// control's check of whether anything it reads changed (``ElectrochemicalControl/pending(in:)``).
    @inlinable @inline(__always) public mutating func didPerform(rates: RateClassTable) {
        switch control.pending(in: rates) {
        case .nothing: return
        case let .solve(sums): applyControl(rates: rates, sums: sums)
        case .everything: applyControl(rates: rates, sums: nil)
        }
    }

    @usableFromInline mutating func applyControl(rates: RateClassTable, sums: SIMD4<Double>?) {
        control.apply(to: rates, constants: constants, sums: sums)
    }

    /// ⌊u·n⌋ for u ∈ [0, 1), at most n − 1: which of n candidates a move takes.
    @inline(__always) static func pick(_ u: Double, among n: Int) -> Int {
        precondition(n > 0, "no candidate site")
        return min(Int(u * Double(n)), n &- 1)
    }

    /// The position of the `index`-th set bit of `bits`, counted from the lowest (as the
    /// directions go: the `index`-th hop target of ``CellLayout/hopTargets(_:)``).
    @inline(__always) static func direction(ofBit index: Int, in bits: Int) -> Int {
        var rest = bits
        for _ in 0..<index { rest &= rest &- 1 }
        return rest.trailingZeroBitCount
    }

    /// The direction that `u` picks among the set bits of `directions` (``pick(_:among:)``).
    @inline(__always) static func direction(picking u: Double, among directions: Int) -> Int {
        direction(ofBit: pick(u, among: directions.nonzeroBitCount), in: directions)
    }

    /// Li leaves `origin` (which becomes `leaving`) for its neighbour in direction `d` (which becomes
    /// `arriving`). The destination changes first, so that a Li atom sliding along a neck is seen
    /// by the local connectivity test at its origin and no cluster dies for a moment. The
    /// destination's coordinates follow from the origin's.
    mutating func move(from origin: UInt32, at c: SiteCoordinates, around: Neighbors, toward d: Int,
                       leaving: UInt8, arriving: UInt8, affected: AffectedEvents) {
        let shape = sites.shape
        let destination = around[d]
        let cd = shape.coordinates(after: c, direction: d)
        let grid = sites.mutableAccess(), words = cells.mutablePointer()
        change(destination, to: arriving, at: cd, around: shape.neighbors(of: destination, at: cd), grid: grid, words: words,
               affected: affected, before: origin)
        change(origin, to: leaving, at: c, around: around, grid: grid, words: words, affected: affected, after: destination)
    }

    /// ``move(from:at:around:toward:leaving:arriving:affected:)`` to a given neighbour.
    mutating func move(from origin: UInt32, to destination: UInt32, leaving: UInt8, arriving: UInt8,
                       affected: AffectedEvents) {
        change(destination, to: arriving, affected: affected, before: origin)
        change(origin, to: leaving, affected: affected, after: destination)
    }

    /// The most events one site change lists in its own loop: its own slots, its neighbours', the
    /// hops of the Li around each neighbour whose support crossed (the changed site excluded), and
    /// room for the vector store's lane past the listed ones (``EventLookup/list(liveSlotsOf:site:marked:at:)``).
    static let listedPerChange = EventSlot.perSite * (1 + Neighbors.directions) + Neighbors.directions * (Neighbors.directions - 1)
        + SIMD4<UInt32>.scalarCount

    /// ``change(_:to:at:around:grid:words:affected:previous:next:)``, finding the site's coordinates and asking for write access.
    mutating func change(_ site: UInt32, to new: UInt8, affected: AffectedEvents,
                         after previous: UInt32 = Neighbors.none, before next: UInt32 = Neighbors.none) {
        let c = sites.shape.coordinates(of: site)
        let around = sites.shape.neighbors(of: site, at: c), grid = sites.mutableAccess(), words = cells.mutablePointer()
        if previous == Neighbors.none {
            change(site, to: new, at: c, around: around, grid: grid, words: words, affected: affected, before: next)
        } else {
            precondition(next == Neighbors.none, "a change between two others")
            change(site, to: new, at: c, around: around, grid: grid, words: words, affected: affected, after: previous)
        }
    }

    /// The first (or only) change of an event, before `next` if given. The site change comes in two
    /// copies, this and the one after a previous change, so that each is compiled knowing which of
    /// `previous` and `next` is none: the comparisons with it fold away.
    @inline(never)
    mutating func change(_ site: UInt32, to new: UInt8, at c: SiteCoordinates, around: Neighbors, grid: borrowing MutableSiteAccess,
                         words: UnsafeMutablePointer<UInt32>, affected: AffectedEvents, before next: UInt32 = Neighbors.none) {
        change(site, to: new, at: c, around: around, grid: grid, words: words, affected: affected, previous: Neighbors.none, next: next)
    }

    /// The second change of a move, after `previous`.
    @inline(never)
    mutating func change(_ site: UInt32, to new: UInt8, at c: SiteCoordinates, around: Neighbors, grid: borrowing MutableSiteAccess,
                         words: UnsafeMutablePointer<UInt32>, affected: AffectedEvents, after previous: UInt32) {
        change(site, to: new, at: c, around: around, grid: grid, words: words, affected: affected, previous: previous, next: Neighbors.none)
    }

    /// Sets the kind of `site` (at `c`, with neighbours `around`), updates its neighbours' keys and
    /// lists every event whose class may change: the site's own, its neighbours', and — where a
    /// neighbouring empty site's support crossed the two-solid threshold — the hops of the Li atoms
    /// around that site.
    ///
    /// A neighbour whose events all keep their class under this change (``EventLookup/isUnchanged(_:_:facts:_:)``)
    /// is listed marked as unchanged: ``reclassify(_:in:)`` skips it unless a later step of the
    /// same event may have changed it after all (``skipsUnchanged``). Marked, not left out: where
    /// an event is first listed fixes when it enters its class, hence the class's member order.
    ///
    /// `previous`, if given, is a neighbour changed earlier in the same event: that change listed
    /// the events of `site` (of its kind then, `old`) and all of its own, so they are not listed
    /// twice. `next`, if given, is the neighbour that changes next: its events are listed unmarked
    /// (its kind changes; they are listed here, where the original order has them).
    ///
    /// `grid` and `words` write the site grid and the cells, obtained by the caller once for the
    /// event (each access checks that the storage is not shared, a runtime call): the storage is
    /// unique then and stays so — nothing copies the model during an event — so they stay valid
    /// through both changes of a move and the connectivity code between them.
    @inline(__always)
    mutating func change(_ site: UInt32, to new: UInt8, at c: SiteCoordinates, around: Neighbors, grid: borrowing MutableSiteAccess,
                         words: UnsafeMutablePointer<UInt32>, affected: AffectedEvents, previous: UInt32, next: UInt32) {
        let cell = cells[Int(site)]
        let old = kind(cell)
        let wasDead = CellLayout.isDead(cell)
        tally(from: old, to: new)
        if wasDead { deadSites -= 1 }
        grid.set(site, at: c, to: new)
        words[Int(site)] = UInt32(new) << CellLayout.kindShift | (cell & CellLayout.keptOnKindChange)
        let lookup = definition.lookup, live = lookup.liveSlots
        let unchangedMark = definition.unchangedMark
        let keys = lookup.keys(replacing: old, by: new)
        // Whether the site itself is a hop target for the Li atoms next to it, before and after: if
        // that changed, a Li neighbour's bit for the direction back to the site flips.
        let targetFlips = lookup.isHopTarget(words[Int(site)]) != lookup.isHopTarget(cell) ? CellLayout.hopTargetMask : 0
        // The neighbours' keys move by the kind change and, if the site held dead Li, their
        // dead-neighbour counts drop by one.
        let deadDrop = wasDead ? CellLayout.deadNeighborUnit : 0
        var out = affected.reserve(Self.listedPerChange)
        // The old kind's events go, the new kind's come (the old kind's are listed already if a
        // neighbour changed before).
        let oldSlots = EventLookup.slots(of: old, in: live)
        let ownSlots = previous == Neighbors.none ? oldSlots | EventLookup.slots(of: new, in: live)
            : EventLookup.slots(of: new, in: live) & ~oldSlots
        out = EventLookup.list(ownSlots, of: site, marked: 0, at: out)
        var relisted = false
        Self.forEachDirection { d in
            let neighbor = around[d]
            guard neighbor != Neighbors.none else { return }
            let before = words[Int(neighbor)]
            let after = (before & ~CellLayout.keyMask | UInt32(keys[key(before)])) &- deadDrop
                ^ (before & CellLayout.kindMask == CellLayout.lithiumKind ? targetFlips & CellLayout.hopTarget(direction: d ^ 1) : 0)
            words[Int(neighbor)] = after
            let f0 = lookup.facts(before), f1 = lookup.facts(after)
            if neighbor != previous {
                let mark = neighbor != next && EventLookup.isUnchanged(before, after, facts: f0, f1) ? unchangedMark : 0
                out = lookup.list(liveSlotsOf: kind(after), site: neighbor, marked: mark, at: out)
            }
            guard (f0 ^ f1) & EventLookup.Facts.hopTarget != 0 else { return }
            // This empty neighbour became (or stopped being) a hop target of the Li around it — as
            // many as its key counts, less the site itself if it is Li now (most often none).
            guard EventLookup.Facts.lithium(f1) > (new == SiteKind.lithium ? 1 : 0) else { return }
            // A hop listed here may be one the previous change listed as unchanged: the hop of a Li next
            // to both sites, which lies from this neighbour as the previous site lies from this site (no
            // other Li two steps from this site is next to the previous one where marking is on: periodic
            // axes of 5 sites or more, ``ModelDefinition/unchangedMark``). With today's tables the previous
            // change never marks such a Li — it was a hop target of it, or its class reads the previous
            // site's kind — but a new kind or rule could.
            let toward = previous == Neighbors.none ? Neighbors.directions : Self.direction(of: previous, in: around)
            let reachedPrevious: Bool
            (out, reachedPrevious) = Self.listHops(around: neighbor, at: sites.shape.coordinates(after: c, direction: d),
                                                   in: sites.shape, but: site, words: words,
                                                   hopSlot: lookup.hopSlot, toward: toward, at: out)
            if reachedPrevious { relisted = true }
        }
        if new == SiteKind.lithium { words[Int(site)] |= Self.hopTargets(around: around, lookup: lookup) { words[Int($0)] } }
        affected.commit(upTo: out)
        if relisted { skipsUnchanged = false }
        if lookup.columnReaders != 0 {
            Self.listColumnEvents(below: site, stride: UInt32(sites.shape.lx &* sites.shape.ly), words: words,
                                  readers: lookup.columnReaders, affected: affected)
        }
        guard tracksConnectivity else { return }
        let listed = affected.count
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
        // A dead flag that changed re-lists events around it, perhaps some listed as unchanged above.
        if affected.count != listed { skipsUnchanged = false }
    }

    /// The hop-target bits (``CellLayout/hopTargets(_:)``) of a Li site with neighbours `around`,
    /// whose cells `cell` gives.
    @inline(__always) static func hopTargets(around: Neighbors, lookup: EventLookup, cell: (UInt32) -> UInt32) -> UInt32 {
        UInt32(directions(around) { lookup.isHopTarget(cell($0)) }) << CellLayout.hopTargetShift
    }

    /// The directions (bit d: direction d) in which `around` holds a site for which `holds` is true.
    @inline(__always) static func directions(_ around: Neighbors, where holds: (UInt32) -> Bool) -> Int {
        var bits = 0
        forEachDirection { d in
            if around[d] != Neighbors.none && holds(around[d]) { bits |= 1 << d }
        }
        return bits
    }

    /// `body(d)` for the six directions, unrolled: with a constant d, `Neighbors[d]` is a field.
    @inline(__always) static func forEachDirection(_ body: (Int) -> Void) {
        body(0); body(1); body(2); body(3); body(4); body(5)
    }

    /// An empty site at `c` next to `site` became or stopped being a hop target: the hop-target bit
    /// of the Li around it (but `site`) flips and their hops are listed at `out`, in direction
    /// order. Rare; kept out of the loop. Also says whether one of them lies in direction `toward`
    /// from the empty site.
    @inline(never) static func listHops(around empty: UInt32, at c: SiteCoordinates, in shape: LatticeShape, but site: UInt32,
                                        words: UnsafeMutablePointer<UInt32>, hopSlot: UInt32, toward: Int,
                                        at out: UnsafeMutablePointer<UInt32>) -> (UnsafeMutablePointer<UInt32>, Bool) {
        var end = out, reached = false
        let around = shape.neighbors(of: empty, at: c)
        forEachDirection { d in
            let second = around[d]
            guard second != Neighbors.none && second != site else { return }
            let cell = words[Int(second)]
            guard CellLayout.kind(cell) == SiteKind.lithium else { return }
            words[Int(second)] = cell ^ CellLayout.hopTarget(direction: d ^ 1)
            end[0] = second &* 3 &+ hopSlot
            end += 1
            if d == toward { reached = true }
        }
        return (end, reached)
    }

    /// The direction in which `neighbor` lies among `around`.
    static func direction(of neighbor: UInt32, in around: Neighbors) -> Int {
        guard let d = (0..<Neighbors.directions).first(where: { around[$0] == neighbor }) else {
            preconditionFailure("site \(neighbor) is no neighbour")
        }
        return d
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
        switch LithiumModel.pick(u, among: count) {
        case 0: return sites.0
        case 1: return sites.1
        case 2: return sites.2
        case 3: return sites.3
        case 4: return sites.4
        default: return sites.5
        }
    }
}
