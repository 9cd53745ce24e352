/// Simulated time (s) and the number of events carried out.
public struct Clock: Sendable, Equatable {
    public var time: Double = 0
    public var events: UInt64 = 0
    public init(time: Double = 0, events: UInt64 = 0) {
        self.time = time
        self.events = events
    }
}
