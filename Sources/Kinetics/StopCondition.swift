/// When a run ends: after an event count, at a simulated time, or when a predicate says so.
public struct StopCondition {
    /// Stop once the clock has counted this many events in total.
    public var maximumEvents: UInt64?
    /// Stop at this simulated time (s); the clock is then set to exactly this time.
    public var maximumTime: Double?
    /// Checked every `predicateInterval` events; true ends the run.
    public var predicate: ((Clock) -> Bool)?
    public var predicateInterval: UInt64

    public init(
        maximumEvents: UInt64? = nil, maximumTime: Double? = nil,
        predicateInterval: UInt64 = 1, predicate: ((Clock) -> Bool)? = nil
    ) {
        self.maximumEvents = maximumEvents
        self.maximumTime = maximumTime
        self.predicateInterval = max(predicateInterval, 1)
        self.predicate = predicate
    }

    public static func events(_ n: UInt64) -> StopCondition { StopCondition(maximumEvents: n) }
    public static func time(_ t: Double) -> StopCondition { StopCondition(maximumTime: t) }
}

/// Why a run ended.
public enum StopReason: String, Sendable, Equatable {
    case eventLimit = "event limit"
    case timeLimit = "time limit"
    case predicate = "stop predicate"
    case noEvents = "no possible event (total rate 0)"
}
