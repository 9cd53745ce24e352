/// The knobs of ``ChannelScaling`` (docs/MODEL.md §12): how far above the slow processes a scaled
/// channel must stay, how unbalanced a channel may be and still count as quasi-equilibrated, and
/// how many events a sampling window holds.
public struct ScalingSettings: Sendable, Equatable {
    /// δ: a scaled channel fires at least δ times as often as the fastest slow process (over a
    /// window). Allowed: ``separationRange``.
    public var separation: Double
    /// Largest |forward − reverse| / (forward + reverse) of a quasi-equilibrated channel (an
    /// imbalance within three Poisson standard deviations counts as balanced too). Allowed:
    /// ``toleranceRange``.
    public var tolerance: Double
    /// Events per sampling window: the counts are reviewed, and factors changed, once per window.
    /// Allowed: ``windowRange``.
    public var window: Int

    public static let separationRange: ClosedRange<Double> = 10...1e9
    public static let toleranceRange: ClosedRange<Double> = 0.001...0.5
    public static let windowRange: ClosedRange<Int> = 100...1_000_000_000

    public init(separation: Double = 1000, tolerance: Double = 0.05, window: Int = 100_000) {
        self.separation = separation
        self.tolerance = tolerance
        self.window = window
    }

    /// The first setting outside its range, as (name, allowed range), or nil.
    public var firstInvalid: (name: String, allowed: String)? {
        if !Self.separationRange.contains(separation) { return ("separation", "\(Self.separationRange)") }
        if !Self.toleranceRange.contains(tolerance) { return ("tolerance", "\(Self.toleranceRange)") }
        if !Self.windowRange.contains(window) { return ("window", "\(Self.windowRange)") }
        return nil
    }
}
