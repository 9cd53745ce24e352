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
    let solidCount: UnsafeMutablePointer<UInt8>
    /// Conductor and Li neighbours per key (the connectivity test on removal reads them).
    let conductorCount: UnsafeMutablePointer<UInt8>
    let lithiumCount: UnsafeMutablePointer<UInt8>
    let keyAdding: UnsafeMutablePointer<UInt16>
    let keyRemoving: UnsafeMutablePointer<UInt16>
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
        solidCount = copy(classes.solidCount)
        conductorCount = copy(classes.conductorCount)
        lithiumCount = copy(classes.lithiumCount)
        keyAdding = copy(keys.adding)
        keyRemoving = copy(keys.removing)
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
    }

    /// (`&>>`: a kind is below 8, so the masking shift is the same test without the over-shift check
    /// `>>` compiles to; the removal test calls this 26 times per block.)
    @inline(__always) func isConductor(_ kind: UInt8) -> Bool { conductors &>> kind & 1 != 0 }
    @inline(__always) func isCollector(_ kind: UInt8) -> Bool { collector &>> kind & 1 != 0 }

    /// Frees the tables (the owner's `deinit`; no copy may be used afterwards).
    func deallocate() {
        entries.deallocate(); byKey.deallocate(); candidates.deallocate(); bindingIndex.deallocate()
        hop.deallocate(); solidCount.deallocate(); conductorCount.deallocate(); lithiumCount.deallocate()
        keyAdding.deallocate(); keyRemoving.deallocate(); actions.deallocate(); typeOfClass.deallocate()
        electronsOfClass.deallocate()
    }

    /// The four bits of `kind` in a per-kind word (``liveSlots``, ``deadNeighborReaders``).
    @inline(__always) static func slots(of kind: UInt8, in packed: UInt32) -> UInt32 { packed >> (UInt32(kind) &* 4) & 15 }

    /// Appends event `3·site + s` for every bit s of `slots`, in increasing s.
    @inline(__always) static func list(_ slots: UInt32, of site: UInt32, to affected: AffectedEvents) {
        if slots & 1 != 0 { affected.append(site &* 3) }
        if slots & 2 != 0 { affected.append(site &* 3 &+ 1) }
        if slots & 4 != 0 { affected.append(site &* 3 &+ 2) }
    }

    /// The key after one neighbour of kind `old` became `new` (two look-ups: ranks do not add).
    @inline(__always) func key(_ key: Int, replacing old: UInt8, by new: UInt8) -> UInt32 {
        UInt32(keyAdding[Int(keyRemoving[key &* 8 &+ Int(old)]) &* 8 &+ Int(new)])
    }
}
