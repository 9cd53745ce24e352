import Kinetics

/// How a run treats stiff kinetics: exactly (`off`, the default), or with the fast,
/// quasi-equilibrated channels of the model scaled down adaptively (`auto`; ``ChannelScaling``,
/// docs/MODEL.md §12). Scenario keys `acceleration.mode`, `.separation`, `.tolerance`, `.window`.
public struct Acceleration: Sendable, Equatable {
    public enum Mode: String, Sendable, Equatable, CaseIterable { case off, auto }

    public var mode = Mode.off
    public var settings = ScalingSettings()

    public init(mode: Mode = .off, settings: ScalingSettings = ScalingSettings()) {
        self.mode = mode
        self.settings = settings
    }
}
