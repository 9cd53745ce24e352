import GSLRandom
import RealModule

/// Exact, rejection-free kinetic Monte Carlo (BKL / n-fold way) over rate classes.
///
/// One step: R = total rate; Δt = E/R with E = −ln(u₁) from the ``WaitingTimes`` block; the event is the one whose cumulative-rate
/// interval contains u₂·R (u₂ from two draws, so selection stays exact on 2³² events); the
/// application performs it, given where u₂·R fell inside the event's interval as a free uniform,
/// and names the events it affected, which are re-classified; the clock advances by Δt.
/// Draw order (a block of waiting-time uniforms whenever the last is used up; per event u₂, then
/// the application's own draws) is fixed, so a seed fixes the trajectory bit for bit.
///
/// The rate table and the random stream are reference types: a copy of an engine shares them, so
/// copy an engine only to move it. To fork a run, take a ``Checkpoint`` and resume it twice.
public struct KineticEngine<Application: KineticApplication> {
    public var application: Application
    public let rates: RateClassTable
    public var random: UniformBuffer
    public var clock: Clock
    /// Unit-mean exponential variates for the time steps, made in SIMD blocks from `random`.
    public var waitingTimes = WaitingTimes()
    @usableFromInline let affected = AffectedEvents()

    /// Classifies every event from scratch (events in increasing order) and starts the clock at 0.
    public init(application: Application, random: UniformBuffer, clock: Clock = Clock()) {
        self.application = application
        self.random = random
        self.clock = clock
        self.rates = RateClassTable(eventCount: application.eventCount, catalog: application.rateCatalog)
        reclassifyAll()
    }

    /// Re-derives every event's class from the application's state.
    public func reclassifyAll() {
        for event in 0..<application.eventCount {
            rates.assign(UInt32(event), to: application.classify(UInt32(event)))
        }
    }

    /// Carries out one event unless it would happen after `timeLimit`, in which case the clock
    /// is set to `timeLimit` (exact for a Markov process: waiting times are memoryless).
    @inlinable @inline(__always)
    public mutating func step(timeLimit: Double = .infinity) -> StopReason? {
        let total = rates.totalRate
        guard total > 0 else { return .noEvents }
        let dt = waitingTimes.next(from: &random) / total
        if clock.time + dt > timeLimit {
            clock.time = timeLimit
            return .timeLimit
        }
        let (event, rateClass, fraction) = rates.select(target: random.nextFine() * total)
        application.prefetch(for: event, rates: rates)
        affected.removeAll()
        application.perform(event, rateClass: rateClass, uniform: fraction, random: &random, affected: affected)
        application.reclassify(affected, in: rates)
        application.didPerform(rates: rates)
        clock.time += dt
        clock.events &+= 1
        return nil
    }

    /// Runs until `stop` is met or no event is possible.
    @inlinable
    public mutating func run(_ stop: StopCondition) -> StopReason {
        let eventLimit = stop.maximumEvents ?? .max
        let timeLimit = stop.maximumTime ?? .infinity
        var untilCheck = stop.predicateInterval
        while clock.events < eventLimit {
            if let reason = step(timeLimit: timeLimit) { return reason }
            if let predicate = stop.predicate {
                untilCheck -= 1
                if untilCheck == 0 {
                    untilCheck = stop.predicateInterval
                    if predicate(clock) { return .predicate }
                }
            }
        }
        return .eventLimit
    }

    /// Events whose stored class differs from a from-scratch classification (empty when the
    /// incremental bookkeeping is exact), plus broken member/position links.
    public func inconsistencies() -> [String] {
        var problems: [String] = []
        var seen = 0
        for c in 0..<rates.classCount {
            for (slot, event) in rates.members(ofClass: c).enumerated() {
                seen += 1
                if rates.rateClass(of: event) != c || rates.slot(of: event) != slot {
                    problems.append("event \(event) listed in class \(c) slot \(slot) but indexed elsewhere")
                }
            }
        }
        for event in 0..<UInt32(application.eventCount) {
            let stored = rates.rateClass(of: event)
            let fresh = application.classify(event)
            if stored != fresh {
                problems.append("event \(event): stored class \(stored.map(String.init) ?? "none"), "
                    + "fresh \(fresh.map(String.init) ?? "none")")
            }
            if stored != nil { seen -= 1 }
        }
        if seen != 0 { problems.append("member lists hold \(seen) more entries than classified events") }
        let nonEmpty = (0..<rates.classCount).filter { rates.count(ofClass: $0) > 0 }
        if rates.activeClasses.sorted() != nonEmpty {
            problems.append("active classes \(rates.activeClasses.sorted()) differ from the non-empty ones \(nonEmpty)")
        }
        return problems
    }
}
