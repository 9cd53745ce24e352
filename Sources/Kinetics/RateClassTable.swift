import CPrefetch

/// The n-fold-way (BKL) event store: every possible event sits in exactly one rate class,
/// and all events of a class have the same rate.
///
/// A class keeps its members in a dense array; a position index gives each event's slot, so
/// adding, removing and selecting are O(1) whatever the lattice size. The total rate is
/// recomputed from integer counts × class rates on every call, so it never drifts.
/// Each class belongs to an event type; a per-type factor scales all its classes at once
/// (an electrochemical model multiplies reduction by exp(αfη), say).
///
/// It stores raw memory (not Swift arrays) because it is the innermost data structure of the
/// event loop; all access goes through the methods below, which check their preconditions in
/// debug builds.
public final class RateClassTable {
    public static let noClass = UInt16.max
    @usableFromInline static let emptySlot = UInt64(noClass) << 32

    @inlinable @inline(__always) func storedClass(_ e: Int) -> UInt16 { UInt16(truncatingIfNeeded: slots[e] >> 32) }
    @inlinable @inline(__always) func storedPosition(_ e: Int) -> Int { Int(UInt32(truncatingIfNeeded: slots[e])) }
    @inlinable @inline(__always) func store(_ e: Int, rateClass: UInt16, position: Int) {
        slots[e] = UInt64(rateClass) << 32 | UInt64(UInt32(truncatingIfNeeded: position))
    }

    public let eventCount: Int
    public let classCount: Int
    public let typeCount: Int
    public let baseRates: [Double]
    public let classTypes: [Int]

    /// Per event type, whether the catalog has a class of it (``hasClasses(ofType:)``).
    @usableFromInline let typeHasClasses: [Bool]

    @usableFromInline let base: UnsafeMutablePointer<Double>
    /// Per non-empty class, its rate: base × its type's factor, the product ``rate(ofClass:)``
    /// gives, so that the scans of ``totalRate`` and ``select(target:)`` read one number per class
    /// instead of three. Written when a class becomes non-empty and, for the non-empty ones, when
    /// their factor changes (an empty class's entry may be stale).
    @usableFromInline let classRate: UnsafeMutablePointer<Double>
    /// The classes of each type: `classesByType[typeStart[t] ..< typeStart[t + 1]]`.
    let classesByType: [Int]
    let typeStart: [Int]
    @usableFromInline let typeOfClass: UnsafeMutablePointer<Int>
    @usableFromInline let factors: UnsafeMutablePointer<Double>
    /// The non-empty classes, densely, and each class's place in that list.
    @usableFromInline let active: UnsafeMutablePointer<Int>
    @usableFromInline let activePlace: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) @usableFromInline var activeCount = 0
    @usableFromInline let counts: UnsafeMutablePointer<Int>
    @usableFromInline let capacities: UnsafeMutablePointer<Int>
    @usableFromInline let members: UnsafeMutablePointer<UnsafeMutablePointer<UInt32>>
    /// Per event, packed so one cache line serves both look-ups: slot in its class's member
    /// array (low 32 bits) and class (bits 32…47, `noClass` when none).
    @usableFromInline let slots: UnsafeMutablePointer<UInt64>

    /// The watched event types (``watchBaseRateSums(ofTypes:)``; −1: no type in that lane), per
    /// class its lane (−1: not watched), and per lane the non-empty classes of its type in scan
    /// order (`watchedActive[lane · classCount + i]`, `watchedActiveCount[lane]` of them).
    @exclusivity(unchecked) @usableFromInline var watchedTypes = SIMD4<Int>(repeating: -1)
    @usableFromInline let lane: UnsafeMutablePointer<Int8>
    /// Per type, its lane (−1: not watched).
    let laneOfType: UnsafeMutablePointer<Int8>
    @usableFromInline let watchedActive: UnsafeMutablePointer<Int>
    @usableFromInline let watchedActiveCount: UnsafeMutablePointer<Int>
    /// ``factorVersion``.
    @exclusivity(unchecked) @usableFromInline var factorChanges: UInt64

    /// A table for events `0 ..< eventCount`, all initially in no class.
    public init(eventCount: Int, catalog: RateCatalog) {
        precondition(eventCount >= 0 && eventCount <= Int(UInt32.max), "eventCount outside 0...2³²−1")
        self.eventCount = eventCount
        self.classCount = catalog.rates.count
        self.typeCount = catalog.typeCount
        self.baseRates = catalog.rates
        self.classTypes = catalog.types
        var used = [Bool](repeating: false, count: catalog.typeCount)
        for type in catalog.types { used[type] = true }
        typeHasClasses = used
        base = .allocate(capacity: max(classCount, 1))
        classRate = .allocate(capacity: max(classCount, 1))
        classesByType = catalog.types.indices.sorted { (catalog.types[$0], $0) < (catalog.types[$1], $1) }
        typeStart = (0...catalog.typeCount).map { t in catalog.types.filter { $0 < t }.count }
        typeOfClass = .allocate(capacity: max(classCount, 1))
        factors = .allocate(capacity: max(typeCount, 1))
        factors.initialize(repeating: 1, count: max(typeCount, 1))
        active = .allocate(capacity: max(classCount, 1))
        activePlace = .allocate(capacity: max(classCount, 1))
        counts = .allocate(capacity: classCount)
        capacities = .allocate(capacity: classCount)
        members = .allocate(capacity: classCount)
        for c in 0..<classCount {
            base[c] = catalog.rates[c]
            typeOfClass[c] = catalog.types[c]
            counts[c] = 0
            capacities[c] = 16
            members[c] = .allocate(capacity: 16)
        }
        slots = .allocate(capacity: max(eventCount, 1))
        slots.initialize(repeating: Self.emptySlot, count: max(eventCount, 1))
        lane = .allocate(capacity: max(classCount, 1))
        lane.initialize(repeating: -1, count: max(classCount, 1))
        laneOfType = .allocate(capacity: max(typeCount, 1))
        laneOfType.initialize(repeating: -1, count: max(typeCount, 1))
        watchedActive = .allocate(capacity: 4 * max(classCount, 1))
        watchedActiveCount = .allocate(capacity: 4)
        watchedActiveCount.initialize(repeating: 0, count: 4)
        // Versions of different tables do not meet (but with odds of 2⁻⁶⁴): a control that
        // remembers a version of one table is not fooled by another's.
        factorChanges = UInt64.random(in: 0 ... .max)
    }

    deinit {
        for c in 0..<classCount { members[c].deallocate() }
        base.deallocate()
        classRate.deallocate()
        typeOfClass.deallocate()
        factors.deallocate()
        active.deallocate()
        activePlace.deallocate()
        counts.deallocate()
        capacities.deallocate()
        members.deallocate()
        slots.deallocate()
        lane.deallocate()
        laneOfType.deallocate()
        watchedActive.deallocate()
        watchedActiveCount.deallocate()
    }

    // MARK: Queries

    /// Σ (members of class c) × (rate of class c), in s⁻¹.
    @inlinable public var totalRate: Double {
        @inline(__always) get {
            var total = 0.0
            for i in 0..<activeCount {
                let c = active[i]
                total += Double(counts[c]) * classRate[c]
            }
            return total
        }
    }

    /// Whether the catalog has a class of event type `type`: a type without one has no events,
    /// so its factor scales nothing.
    @inlinable public func hasClasses(ofType type: Int) -> Bool { typeHasClasses[type] }

    /// The class `event` is in, or nil.
    @inlinable public func rateClass(of event: UInt32) -> Int? {
        let c = storedClass(Int(event))
        return c == Self.noClass ? nil : Int(c)
    }

    @inlinable public func count(ofClass c: Int) -> Int { counts[c] }

    /// The current rate of one event of class `c` (base rate × its type's factor), s⁻¹.
    @inlinable @inline(__always) public func rate(ofClass c: Int) -> Double { base[c] * factors[typeOfClass[c]] }

    /// Classes that hold at least one event, in scan order.
    public var activeClasses: [Int] { (0..<activeCount).map { active[$0] } }

    /// The slot of `event` in its class's member array (meaningless when it has no class).
    public func slot(of event: UInt32) -> Int { storedPosition(Int(event)) }

    /// Members of class `c`, in slot order (the order selection uses).
    public func members(ofClass c: Int) -> [UInt32] {
        Array(UnsafeBufferPointer(start: members[c], count: counts[c]))
    }

    /// The total rate of the events of type `type`.
    public func totalRate(ofType type: Int) -> Double { baseRateSum(ofType: type) * factors[type] }

    /// Σ count × base rate over the classes of `type`, before the type factor: what an
    /// electrochemical control needs to solve for its potential.
    @inlinable public func baseRateSum(ofType type: Int) -> Double {
        var total = 0.0
        for i in 0..<activeCount {
            let c = active[i]
            if typeOfClass[c] == type { total += Double(counts[c]) * base[c] }
        }
        return total
    }


    /// ``baseRateSum(ofType:)`` of every type at once, in one pass over the classes:
    /// `sums[t]` for each type t (the buffer holds at least `typeCount` values).
    @inlinable public func baseRateSums(into sums: UnsafeMutableBufferPointer<Double>) {
        precondition(sums.count >= typeCount, "buffer for \(typeCount) types holds \(sums.count)")
        sums.update(repeating: 0)
        for i in 0..<activeCount {
            let c = active[i]
            sums[typeOfClass[c]] += Double(counts[c]) * base[c]
        }
    }

    // MARK: Watched sums

    /// Watches the base rate sums of up to four event types (distinct; −1 for an unused lane), so
    /// that ``watchedBaseRateSums()`` gives them from the non-empty classes of these types alone.
    /// Nothing happens when these types are watched already.
    ///
    /// Why: a control that solves for its potential from a few types' sums after every event
    /// (galvanostatic control reads the faradaic ones) would otherwise pass over every non-empty
    /// class, most of them of other types (hops). The table keeps those classes per type in scan
    /// order as they come and go, which costs nothing when a class merely gains or loses a member.
    @inlinable @inline(__always) public func watchBaseRateSums(ofTypes types: SIMD4<Int>) {
        if types != watchedTypes { startWatching(types) }
    }

    @usableFromInline func startWatching(_ types: SIMD4<Int>) {
        for l in 0..<4 where types[l] >= 0 {
            precondition(types[l] < typeCount && (0..<l).allSatisfy { types[$0] != types[l] },
                         "watched types must be distinct types below \(typeCount): \(types)")
        }
        watchedTypes = types
        for t in 0..<typeCount { laneOfType[t] = Int8((0..<4).first { types[$0] == t } ?? -1) }
        for c in 0..<classCount { lane[c] = laneOfType[typeOfClass[c]] }
        listWatchedClasses()
        factorChanges &+= 1
    }

    /// The non-empty watched classes, read off the scan order.
    func listWatchedClasses() {
        for l in 0..<4 { watchedActiveCount[l] = 0 }
        for i in 0..<activeCount { appendWatched(active[i]) }
    }

    /// The base rate sums of the watched types, lane by lane (0 in a lane without a type): for
    /// each, what ``baseRateSums(into:)`` gives bit for bit — the same products added to 0 in the
    /// same order, the classes of a type being met in scan order — from its non-empty classes alone.
    @inlinable @inline(__always) public func watchedBaseRateSums() -> SIMD4<Double> {
        var sums = SIMD4<Double>()
        for l in 0..<4 {
            let list = watchedActive + l &* classCount
            var sum = 0.0, i = 0
            let n = watchedActiveCount[l]
            while i < n {  // not `for i in 0..<n`, which checks n ≥ 0 first
                let c = list[i]
                sum += Double(counts[c]) * base[c]
                i &+= 1
            }
            sums[l] = sum
        }
        return sums
    }

    /// A number that changes whenever a type factor or the watched types change: while it stays,
    /// ``factor(ofType:)`` and the lanes of ``watchedBaseRateSums()`` mean what they meant. It
    /// advances by one per change (wrapping), from a value drawn when the table was made.
    ///
    /// Why: a control that solves for its potential from the watched sums after every event can
    /// see that nothing it set or read changed from the sums and this number alone, without
    /// reading back the factors it wrote.
    @inlinable public var factorVersion: UInt64 { factorChanges }

    /// A class joined the scan order (at its end): if watched, it joins its lane's list there too.
    @inlinable @inline(__always) func appendWatched(_ c: Int) {
        let l = Int(lane[c])
        guard l >= 0 else { return }
        watchedActive[l &* classCount &+ watchedActiveCount[l]] = c
        watchedActiveCount[l] &+= 1
    }

    /// Class `c` left the scan order and class `moved` (the last one) took its place: the lists
    /// follow — `c` leaves its lane's, and `moved`, last in its lane's too, goes where its new
    /// place puts it.
    @usableFromInline func reorderWatched(deactivated c: Int, moved: Int) {
        if lane[c] >= 0 {
            let list = watchedActive + Int(lane[c]) * classCount
            let n = watchedActiveCount[Int(lane[c])]
            var i = 0
            while list[i] != c { i += 1 }
            while i < n - 1 {
                list[i] = list[i + 1]
                i += 1
            }
            watchedActiveCount[Int(lane[c])] = n - 1
        }
        if lane[moved] >= 0 && moved != c {
            let list = watchedActive + Int(lane[moved]) * classCount
            let place = activePlace[moved]
            var j = watchedActiveCount[Int(lane[moved])] - 1
            while j > 0 && activePlace[list[j - 1]] > place {
                list[j] = list[j - 1]
                j -= 1
            }
            list[j] = moved
        }
    }

    /// Starts loading the cache line that holds `event`'s class and slot, which ``assign(_:to:)``
    /// reads: a hint for applications that know, before an event, which events it will affect.
    /// `event` must be in `0 ..< eventCount` (checked in debug builds).
    @inlinable @inline(__always) public func prefetch(_ event: Int) {
        assert(event >= 0 && event < eventCount, "event \(event) outside 0..<\(eventCount)")
        likmc_prefetch_read(slots + event)
    }

    // MARK: Updates

    /// Puts `event` into class `newClass` (nil: the event cannot happen now). O(1).
    @inlinable @inline(__always)
    public func assign(_ event: UInt32, to newClass: Int?) {
        let e = Int(event)
        assert(e < eventCount, "event \(event) outside 0..<\(eventCount)")
        let old = storedClass(e)
        let new = newClass.map { UInt16(truncatingIfNeeded: $0) } ?? Self.noClass
        if old == new { return }
        if old != Self.noClass { remove(e, from: Int(old)) }
        if new != Self.noClass { insert(e, into: Int(new)) } else { slots[e] = Self.emptySlot }
    }

    @inlinable @inline(__always)
    func remove(_ e: Int, from c: Int) {
        let slot = storedPosition(e)
        let last = counts[c] &- 1
        let list = members[c]
        let moved = list[last]
        list[slot] = moved
        store(Int(moved), rateClass: UInt16(truncatingIfNeeded: c), position: slot)
        counts[c] = last
        if last == 0 { deactivate(c) }
    }

    @inlinable @inline(__always)
    func activate(_ c: Int) {
        classRate[c] = rate(ofClass: c)
        activePlace[c] = activeCount
        active[activeCount] = c
        activeCount &+= 1
        appendWatched(c)
    }

    @inlinable @inline(__always)
    func deactivate(_ c: Int) {
        let place = activePlace[c]
        activeCount &-= 1
        let moved = active[activeCount]
        active[place] = moved
        activePlace[moved] = place
        if max(lane[c], lane[moved]) >= 0 { reorderWatched(deactivated: c, moved: moved) }
    }

    @inlinable @inline(__always)
    func insert(_ e: Int, into c: Int) {
        assert(c < classCount, "class \(c) outside 0..<\(classCount)")
        if counts[c] == capacities[c] { grow(c) }
        let slot = counts[c]
        if slot == 0 { activate(c) }
        members[c][slot] = UInt32(truncatingIfNeeded: e)
        store(e, rateClass: UInt16(truncatingIfNeeded: c), position: slot)
        counts[c] = slot &+ 1
    }

    @usableFromInline func grow(_ c: Int) {
        let newCapacity = capacities[c] * 2
        let storage = UnsafeMutablePointer<UInt32>.allocate(capacity: newCapacity)
        storage.update(from: members[c], count: counts[c])
        members[c].deallocate()
        members[c] = storage
        capacities[c] = newCapacity
    }

    /// Scales every class of event type `type` by `factor` (relative to its base rate).
    /// O(classes of the type) when the factor changes (O(non-empty ones) for a watched type), O(1)
    /// when it does not.
    public func setTypeFactor(_ type: Int, to factor: Double) {
        precondition(factor >= 0 && factor.isFinite, "type factor must be finite and ≥ 0, got \(factor)")
        if factors[type].bitPattern == factor.bitPattern { return }
        factors[type] = factor
        factorChanges &+= 1
        let lane = Int(laneOfType[type])
        if lane >= 0 {  // the non-empty classes, listed
            for i in 0..<watchedActiveCount[lane] {
                let c = watchedActive[lane &* classCount &+ i]
                classRate[c] = base[c] * factor
            }
        } else {
            for c in classesByType[typeStart[type] ..< typeStart[type + 1]] where counts[c] > 0 { classRate[c] = base[c] * factor }
        }
    }

    /// The factor of each event type.
    public var typeFactors: [Double] { (0..<typeCount).map { factors[$0] } }

    /// The factor of event type `type` (1 until set).
    @inlinable public func factor(ofType type: Int) -> Double { factors[type] }

    // MARK: Selection

    /// The event whose cumulative-rate interval contains `target` ∈ [0, totalRate), and where in
    /// that interval `target` fell, as a fraction in [0, 1).
    ///
    /// Classes are scanned in order; within the chosen class the slot is the remaining part of
    /// `target` divided by the class rate. The fraction left over is uniform on [0, 1) and
    /// independent of which event was chosen, so the application may use it for a further
    /// choice (a hop direction) instead of drawing again.
    @inlinable @inline(__always)
    public func select(target: Double) -> (event: UInt32, rateClass: Int, fraction: Double) {
        var remaining = target
        var lastNonEmpty = -1
        for i in 0..<activeCount {
            let c = active[i]
            let rate = classRate[c]
            let weight = Double(counts[c]) * rate
            if weight <= 0 { continue }
            lastNonEmpty = c
            if remaining < weight {
                let position = remaining / rate
                let slot = min(Int(position), counts[c] - 1)
                return (members[c][slot], c, min(max(position - Double(slot), 0), 1.0.nextDown))
            }
            remaining -= weight
        }
        // Rounding pushed `target` past the last interval: take the last event of the last class.
        precondition(lastNonEmpty >= 0, "select called with no possible event")
        return (members[lastNonEmpty][counts[lastNonEmpty] - 1], lastNonEmpty, 1.0.nextDown)
    }

    /// Replaces all memberships by `lists` (one member list per class, in slot order), filling the
    /// classes in `order` (the saved scan order of ``activeClasses``), as saved by a checkpoint.
    /// Fails when an event appears twice or is out of range, or the order is not the non-empty classes.
    public func restore(memberLists lists: [[UInt32]], order: [Int]) throws(CheckpointError) {
        guard lists.count == classCount else {
            throw .mismatch(field: "rate classes", expected: "\(classCount)", found: "\(lists.count)")
        }
        let nonEmpty = Set(lists.indices.filter { !lists[$0].isEmpty })
        guard order.count == nonEmpty.count, Set(order) == nonEmpty else {
            throw .corrupt(reason: "active class order does not match the non-empty classes")
        }
        slots.update(repeating: Self.emptySlot, count: max(eventCount, 1))
        for c in 0..<classCount { counts[c] = 0 }
        activeCount = 0
        for l in 0..<4 { watchedActiveCount[l] = 0 }
        for c in order {
            for event in lists[c] {
                guard Int(event) < eventCount, storedClass(Int(event)) == Self.noClass else {
                    throw .corrupt(reason: "event \(event) of class \(c) is out of range or listed twice")
                }
                insert(Int(event), into: c)
            }
        }
    }
}
