import Kinetics

/// What the event loop reads per event — the key → class rows, the key-space updates, which slots
/// each kind has — derived once from ``EventTable``, ``EventClasses`` and ``NeighborKeySpace`` and
/// kept as raw memory: no bounds checks and no reference counting in the loop (the arrays they
/// come from stay the readable, checked source).
///
/// A value of pointers, not an object: the event loop copies what it reads into registers, and a
/// reference held across a call would be retained and released around it (measured: a retain and
/// a release per site change, about 80 instructions). ``ModelDefinition``, which owns it, frees the
/// memory (``deallocate()``); it is never written after ``init``.
struct EventLookup: @unchecked Sendable {
    let entries: UnsafeMutablePointer<Int>
    let byKey: UnsafeMutablePointer<Int16>
    let candidates: UnsafeMutablePointer<UInt8>
    let bindingIndex: UnsafeMutablePointer<UInt16>
    let hop: UnsafeMutablePointer<Int16>
    /// Conductor and Li neighbours per key (the connectivity test on removal reads them).
    let conductorCount: UnsafeMutablePointer<UInt8>
    let lithiumCount: UnsafeMutablePointer<UInt8>
    /// The shared key space's transitions (``NeighborKeySpace/transitions``; not owned).
    let transitions: UnsafePointer<UInt16>
    let actions: UnsafeMutablePointer<EventAction?>
    /// The ``EventType`` of each rate class (what the event tally counts), and its ``EventType/electrons``.
    let typeOfClass: UnsafeMutablePointer<Int>
    let electronsOfClass: UnsafeMutablePointer<Int>
    /// Per kind, four bits each (``slots(of:in:)``): the slots whose event can have a class at all
    /// under these parameters (the others are never listed: re-classifying them would only find
    /// "no class" again), and those of them whose class reads the dead-neighbour count.
    let liveSlots: UInt32
    let deadNeighborReaders: UInt32
    /// The slot of the Li hop, and the slot whose class reads the site's own connectivity.
    let hopSlot: UInt32
    let ownConnectivitySlot: UInt32
    /// Rows of `byKey` are this long (the number of neighbour keys).
    let keyCount: Int
    /// Per kind, four bits each: the slots whose class reads the site's column (0: no coating).
    let columnReaders: UInt32
    /// One bit per kind: conductors, and the conductors always connected (``EventTable``).
    let conductors: UInt8
    let collector: UInt8
    /// [``CellLayout/kindAndKey(_:)``]: what a site's kind and key say, one word that every
    /// neighbour of a changed site reads (``Facts``).
    let facts: UnsafeMutablePointer<UInt32>
    /// Per kind, its live slots as a vector (``list(liveSlotsOf:site:marked:at:)``): lanes
    /// 0 ..< n hold the slots in increasing order, lane 3 holds n.
    let liveSlotVectors: UnsafeMutablePointer<SIMD4<UInt32>>

    init(table: EventTable, classes: EventClasses, keys: NeighborKeySpace) {
        func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
            p.initialize(from: array, count: array.count)
            return p
        }
        entries = copy(classes.entries)
        byKey = copy(classes.byKey)
        candidates = copy(classes.candidates)
        bindingIndex = copy(classes.bindingIndex)
        hop = copy(classes.hop)
        conductorCount = copy(classes.conductorCount)
        lithiumCount = copy(classes.lithiumCount)
        transitions = keys.transitions
        actions = copy(table.ruleAt.map { $0 < 0 ? nil : table.actions[Int($0)] })
        typeOfClass = copy(classes.types)
        electronsOfClass = copy(classes.types.map { EventType(rawValue: $0)!.electrons })
        var live: UInt32 = 0
        for rule in table.rules {
            let entry = classes.entries[Int(rule.kind) * EventSlot.perSite + rule.slot]
            let row = EventClasses.rowStart(entry)
            let possible = EventClasses.finder(entry) == .hopTargets
                ? classes.hop.contains { $0 >= 0 }
                : classes.byKey[row ..< row + (rule.reads == .keyAndColumn ? 2 : 1) * keys.keyCount].contains { $0 >= 0 }
            if possible { live |= 1 << (UInt32(rule.kind) * 4 + UInt32(rule.slot)) }
        }
        liveSlots = live
        deadNeighborReaders = table.deadNeighborReaders & live
        hopSlot = table.hopSlot
        ownConnectivitySlot = table.ownConnectivitySlot
        columnReaders = table.columnReaders & live
        keyCount = keys.keyCount
        conductors = table.conductors
        collector = table.collector
        facts = Self.facts(table: table, classes: classes, live: live, keyCount: keys.keyCount)
        precondition(EventSlot.perSite < SIMD4<UInt32>.scalarCount, "a kind's slots and their count fill one vector")
        liveSlotVectors = copy((0..<UInt8(SiteKind.capacity)).map { kind in
            let slots = (0..<UInt32(EventSlot.perSite)).filter { Self.slots(of: kind, in: live) >> $0 & 1 != 0 }
            var vector = SIMD4<UInt32>()
            for (lane, slot) in slots.enumerated() { vector[lane] = slot }
            vector[3] = UInt32(slots.count)
            return vector
        })
    }

    /// What a site's kind and key say, packed in one word: a signature of what its events'
    /// classes read from the key, whether it is a hop target and how many Li neighbours it has.
    enum Facts {
        /// A number that stands for everything the classes of the kind's live events read from
        /// the key (their rows of `byKey`, whether the key counts a candidate for a connected
        /// neighbour, the hop's binding). Two keys with equal numbers give each such event the
        /// same class when the rest of the cell is equal and counts no dead neighbour — what a site
        /// change asks of each neighbour (``isUnchanged(_:_:facts:_:)``). A kind with an event that
        /// reads its column has the key itself: a neighbour's change of kind always changes the
        /// key, so its events are never taken as unchanged.
        static let signatureMask: UInt32 = 0xFFFF
        /// The support rule of hops: an empty site with `hopSupport` solid neighbours (the mover
        /// included) touches a solid besides the mover, so Li may hop onto it.
        static let hopTarget: UInt32 = 1 << 16
        static let hopSupport = 2
        /// How many of the neighbours are Li (bits 17–19).
        static let lithiumShift: UInt32 = 17
        @inline(__always) static func lithium(_ facts: UInt32) -> Int { Int(facts &>> lithiumShift & 7) }
    }

    /// ``facts``, read off the table and the key space: per kind, the tuple of what its live
    /// rules' classes read from a key, numbered in the order of first appearance, and the rest.
    private static func facts(table: EventTable, classes: EventClasses, live: UInt32,
                              keyCount: Int) -> UnsafeMutablePointer<UInt32> {
        precondition(keyCount <= CellLayout.keyMask + 1, "keys must fit the cell's key bits")
        let size = CellLayout.kindAndKey(UInt32(SiteKind.capacity - 1) << CellLayout.kindShift | CellLayout.keyMask) + 1
        let facts = UnsafeMutablePointer<UInt32>.allocate(capacity: size)
        facts.initialize(repeating: 0, count: size)
        for kind in 0..<UInt8(SiteKind.capacity) {
            let row = facts + CellLayout.kindAndKey(UInt32(kind) << CellLayout.kindShift)
            let rules = table.rules.filter { $0.kind == kind && slots(of: kind, in: live) >> UInt32($0.slot) & 1 != 0 }
            let readsColumn = rules.contains { $0.reads == .keyIfColumnMoves || $0.reads == .keyAndColumn }
            var seen: [[Int]: UInt32] = [:]
            for key in 0..<keyCount {
                let read: [Int] = readsColumn ? [key] : rules.flatMap { rule -> [Int] in
                    let entry = classes.entries[Int(kind) * EventSlot.perSite + rule.slot]
                    let at = EventClasses.rowStart(entry) + key
                    switch EventClasses.finder(entry) {
                    case .hopTargets: return [Int(classes.bindingIndex[key])]
                    case .keyIfConnectedNeighbor: return [Int(classes.byKey[at]), classes.candidates[at] > 0 ? 1 : 0]
                    default: return [Int(classes.byKey[at])]
                    }
                }
                let signature = seen[read] ?? UInt32(seen.count)
                seen[read] = signature
                precondition(signature <= Facts.signatureMask, "signatures fit their bits")
                let target = kind == SiteKind.empty && Int(classes.solidCount[key]) >= Facts.hopSupport
                row[key] = signature | (target ? Facts.hopTarget : 0) | UInt32(classes.lithiumCount[key]) << Facts.lithiumShift
            }
        }
        return facts
    }

    /// The facts of a site with cell `cell`.
    @inline(__always) func facts(_ cell: UInt32) -> UInt32 { facts[CellLayout.kindAndKey(cell)] }

    /// Whether a site with cell `cell` is a hop target of the Li next to it.
    @inline(__always) func isHopTarget(_ cell: UInt32) -> Bool { facts(cell) & Facts.hopTarget != 0 }

    /// Whether a neighbour whose cell went from `before` (facts `f0`) to `after` (`f1`) — its key,
    /// hop targets or dead neighbours changed by one site's change — keeps the class of every live
    /// event it has: the same signature, nothing else in the cell changed, and no dead neighbour
    /// counted (the signature reads a candidate count as "some", which is exact only then).
    @inline(__always) static func isUnchanged(_ before: UInt32, _ after: UInt32, facts f0: UInt32, _ f1: UInt32) -> Bool {
        (f0 ^ f1) & Facts.signatureMask | (before ^ after) & ~CellLayout.keyMask | before & CellLayout.deadNeighborMask == 0
    }

    /// (`&>>`: a kind is below 8, so the masking shift is the same test without the over-shift check
    /// `>>` compiles to; the removal test calls this 26 times per block.)
    @inline(__always) func isConductor(_ kind: UInt8) -> Bool { conductors &>> kind & 1 != 0 }
    @inline(__always) func isCollector(_ kind: UInt8) -> Bool { collector &>> kind & 1 != 0 }
    /// Whether a site with neighbour key `key` touches a collector site: the key counts more
    /// conductors than Li (the conductors are Li and the collector's kinds, ``ModelDefinition``).
    @inline(__always) func touchesCollector(_ key: Int) -> Bool { conductorCount[key] > lithiumCount[key] }

    /// Frees the tables (the owner's `deinit`; no copy may be used afterwards).
    func deallocate() {
        entries.deallocate(); byKey.deallocate(); candidates.deallocate(); bindingIndex.deallocate()
        hop.deallocate(); conductorCount.deallocate(); lithiumCount.deallocate()
        actions.deallocate(); typeOfClass.deallocate()
        electronsOfClass.deallocate(); facts.deallocate(); liveSlotVectors.deallocate()
    }

    /// The four bits of `kind` in a per-kind word (``liveSlots``, ``deadNeighborReaders``).
    /// (`&>>`: a kind is below 8, so the shift is below 32 and needs no over-shift check.)
    @inline(__always) static func slots(of kind: UInt8, in packed: UInt32) -> UInt32 { packed &>> (UInt32(kind) &* 4) & 15 }

    /// Appends event `3·site + s` for every bit s of `slots`, in increasing s.
    @inline(__always) static func list(_ slots: UInt32, of site: UInt32, to affected: AffectedEvents) {
        affected.commit(upTo: list(slots, of: site, marked: 0, at: affected.reserve(EventSlot.perSite)))
    }

    /// Writes event `3·site + s`, marked with `mark` (0, or ``ModelDefinition/unchangedMark``), for every
    /// bit s of `slots` in increasing s at `out`, and returns the new end. Branch-free: it writes
    /// all three and advances past the listed ones, so `out` needs room for one more than it lists.
    @inline(__always) static func list(_ slots: UInt32, of site: UInt32, marked mark: UInt32,
                                       at out: UnsafeMutablePointer<UInt32>) -> UnsafeMutablePointer<UInt32> {
        let first = site &* 3 | mark
        var end = out
        end[0] = first
        end += Int(slots & 1)
        end[0] = first &+ 1
        end += Int(slots &>> 1 & 1)
        end[0] = first &+ 2
        return end + Int(slots &>> 2 & 1)
    }

    /// Writes the live events of a site of `kind`, marked with `mark`, at `out` and returns the new
    /// end: one vector store (``liveSlotVectors``), so `out` needs room for four.
    @inline(__always) func list(liveSlotsOf kind: UInt8, site: UInt32, marked mark: UInt32,
                                at out: UnsafeMutablePointer<UInt32>) -> UnsafeMutablePointer<UInt32> {
        let slots = liveSlotVectors[Int(kind)]
        UnsafeMutableRawPointer(out).storeBytes(of: slots &+ SIMD4(repeating: site &* 3 | mark), as: SIMD4<UInt32>.self)
        return out + Int(slots[3])
    }

    /// Per key, the key after one neighbour of kind `old` became `new` (``NeighborKeySpace/transitions``).
    @inline(__always) func keys(replacing old: UInt8, by new: UInt8) -> UnsafePointer<UInt16> {
        transitions + NeighborKeySpace.transitionRow(from: old, to: new, keyCount: keyCount)
    }
}
