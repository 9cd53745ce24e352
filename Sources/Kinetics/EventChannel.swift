/// A reversible pair of event processes, as an application declares it to ``ChannelScaling``:
/// the event types of the forward direction and those of the reverse (the same types for a
/// process that is its own reverse, a hop say). The solver knows nothing else about it.
///
/// Scaling multiplies the rates of all of a channel's types by one common factor, forward and
/// reverse alike, so every ratio of a forward to its reverse rate — every equilibrium constant,
/// and detailed balance — is kept. A channel that carries something the application controls
/// (a current that an electrode potential is solved for, say) is declared not `scalable`: it
/// is watched, and counts as a slow process, but never scaled.
public struct EventChannel: Sendable, Equatable {
    public let name: String
    public let forward: [Int]
    public let reverse: [Int]
    public let scalable: Bool

    public init(name: String, forward: [Int], reverse: [Int], scalable: Bool = true) {
        self.name = name
        self.forward = forward
        self.reverse = reverse
        self.scalable = scalable
    }

    /// True when the channel is its own reverse: net and gross firings cannot be told apart by
    /// type, so its balance is taken as exact (see ``ChannelScaling``).
    public var isSelfReverse: Bool { Set(forward) == Set(reverse) }

    /// Every type of the channel, once.
    public var types: [Int] { isSelfReverse ? forward : forward + reverse }
}
