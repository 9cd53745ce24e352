import GSLRandom

/// The physics side of a KMC simulation, as the solver sees it.
///
/// The solver knows events only as numbers `0 ..< eventCount`, each in at most one rate class
/// of the ``rateCatalog``. The application says which class an event is in *now*
/// (``classify(_:)``), carries an event out (``perform(_:rateClass:uniform:random:affected:)``) and
/// lists the events whose class that may have changed; the solver re-classifies exactly those.
public protocol KineticApplication {
    /// Number of event slots; events are `0 ..< eventCount`.
    var eventCount: Int { get }

    /// Class rates (s⁻¹, one event) and the event type of each class.
    var rateCatalog: RateCatalog { get }

    /// The class `event` is in for the current state, or nil when it cannot happen.
    func classify(_ event: UInt32) -> Int?

    /// Carries out `event` and appends to `affected` every event whose class may have changed —
    /// including `event` itself. Listing an unchanged event is harmless; missing one is a bug
    /// that the consistency tests catch. `uniform` is a free uniform number in [0, 1),
    /// independent of the choice of event (one choice among a few, a hop direction say, can use
    /// it); further random numbers come from `random`.
    mutating func perform(
        _ event: UInt32, rateClass: Int, uniform: Double, random: inout UniformBuffer, affected: AffectedEvents)

    /// Re-classifies `events` into `rates`, in order: each one's ``classify(_:)`` assigned with
    /// ``RateClassTable/assign(_:to:)``. The default does exactly that. An application may implement
    /// it in its own module, where `classify` inlines into the loop: one call per event instead of
    /// one per re-classified event. The order of the assignments must stay the list's (it fixes
    /// the order of class members, hence the selection). It must not change the application's
    /// state; it is `mutating` only so that the engine hands over the application in place (a
    /// non-mutating call on a large value stored in the engine can cost a copy of the value).
    /// The list is the application's own: one that implements this may write entries that are not
    /// plain event numbers (the Li model marks events it proved unchanged in the top bit), which the
    /// default, reading every entry as an event number, must then never see.
    mutating func reclassify(_ events: AffectedEvents, in rates: RateClassTable)

    /// Called as soon as `event` is chosen, before ``perform(_:rateClass:uniform:random:affected:)``:
    /// the place to prefetch the memory the event will touch (say, the cells around a site and
    /// the rate table's entries of the events it will list, ``RateClassTable/prefetch(_:)``), so
    /// that on a lattice larger than the cache those misses overlap instead of following one
    /// another. Must not change any state; the default does nothing.
    func prefetch(for event: UInt32, rates: RateClassTable)

    /// Called after every event, once the affected events are re-classified: the place to
    /// change type factors that depend on global state (an electrode potential, say).
    mutating func didPerform(rates: RateClassTable)
}

extension KineticApplication {
    @inlinable public mutating func reclassify(_ events: AffectedEvents, in rates: RateClassTable) {
        for i in 0..<events.count {  // a plain loop: a closure here would copy the application
            let e = events[i]
            rates.assign(e, to: classify(e))
        }
    }
    @inlinable public func prefetch(for event: UInt32, rates: RateClassTable) {}
    @inlinable public mutating func didPerform(rates: RateClassTable) {}
}
