/// Adaptive scaling of fast, quasi-equilibrated event channels (stiff kinetics; docs/MODEL.md §12),
/// after Chatterjee & Voter (J. Chem. Phys. 132, 194101 (2010)), Dybeck, Plaisance & Neurock
/// (J. Chem. Theory Comput. 13, 1525 (2017)) and Prats, Li & Stamatakis (J. Chem. Theory Comput.
/// 21, 12262 (2025)).
///
/// Once per window of ``ScalingSettings/window`` events the firings of every event type over the
/// window are reviewed. A channel is quasi-equilibrated when its forward and reverse firings
/// balance: |F − R| ≤ tolerance·(F + R), or within three Poisson standard deviations, 3√(F + R)
/// (a channel that is its own reverse counts as balanced). The slow reference is the largest
/// window count among what may not be scaled — event types in no channel, channels declared not
/// scalable (gross F + R), channels out of equilibrium — raised to the upper end of its Poisson
/// band, s⁺ = s + 2√(s + 1) + 1 (3 when nothing slow fired: a count of 0 is consistent with a
/// rate of up to 3 per window). Each scalable channel is then held inside the time-scale window
/// [δ·s⁺, 2δ·s⁺] of firings per window:
///
/// - out of equilibrium → factor 1 (its true rate, at once);
/// - above 2δ·s⁺ → factor × 1.5δ·s⁺ / (F + R) (scaled down to the middle of the window);
/// - below δ·s⁺ while scaled → factor × 1.5δ·s⁺ / (F + R), at most 1 (scaled back up; 1 when it
///   did not fire at all).
///
/// A factor multiplies the rates of every type of its channel, forward and reverse alike
/// (``RateClassTable/setTypeFactor(_:to:)``: a change of a few class rates, no per-event cost), so
/// equilibria and detailed balance are kept. The clock still advances by −ln u / R with the
/// scaled total rate R: slow processes keep their time scale, the fast channels' own time is
/// coarse-grained (they fire fewer times per second than they would, each firing standing for
/// 1/factor of them). The decisions depend on the counts alone, so a trajectory — and its
/// factors — are fixed by the seed. The types of a scalable channel must be types whose factor
/// the application never sets itself.
public struct ChannelScaling: Sendable, Equatable {
    public let channels: [EventChannel]
    public let settings: ScalingSettings
    public let typeCount: Int
    /// The factor in force per channel (1: its true rate), and the smallest it has had.
    public internal(set) var factors: [Double]
    public internal(set) var minimumFactors: [Double]
    /// How many times a factor changed, over the whole run.
    public internal(set) var changes = 0
    /// Event count at which the current window ends.
    public internal(set) var nextReview: UInt64 = 0
    /// Firings per type when the current window began.
    var windowStart: [Int]

    /// No factor goes below this (a channel scaled this far has in effect stopped).
    public static let smallestFactor = 1e-12

    public init(channels: [EventChannel], settings: ScalingSettings, typeCount: Int) throws(ChannelScalingError) {
        if let bad = settings.firstInvalid { throw .setting(name: bad.name, allowed: bad.allowed) }
        var seen = Set<Int>()
        for channel in channels {
            guard !channel.forward.isEmpty, !channel.reverse.isEmpty else { throw .emptyChannel(channel.name) }
            for type in channel.types {
                guard (0..<typeCount).contains(type) else { throw .typeOutOfRange(channel.name, type: type, typeCount: typeCount) }
                guard seen.insert(type).inserted else { throw .typeInTwoChannels(channel.name, type: type) }
            }
        }
        self.channels = channels
        self.settings = settings
        self.typeCount = typeCount
        factors = [Double](repeating: 1, count: channels.count)
        minimumFactors = factors
        windowStart = [Int](repeating: 0, count: typeCount)
    }

    /// Every channel back to its true rate, and a new window from `events`, `firings` (cumulative
    /// per type): what a change of driving (a new phase of a protocol) calls for.
    public mutating func restart(events: UInt64, firings: [Int], rates: RateClassTable) {
        for c in channels.indices where factors[c] != 1 {
            factors[c] = 1
            changes += 1
        }
        beginWindow(events: events, firings: firings)
        apply(to: rates)
    }

    /// Reviews the window if `events` reached its end; true when a factor changed.
    @inlinable
    public mutating func reviewIfDue(events: UInt64, firings: @autoclosure () -> [Int], rates: RateClassTable) -> Bool {
        guard events >= nextReview else { return false }
        return review(events: events, firings: firings(), rates: rates)
    }

    /// Reviews the window that ends now (`firings`: cumulative per type), sets the new factors
    /// on `rates` and begins the next window. True when a factor changed.
    public mutating func review(events: UInt64, firings: [Int], rates: RateClassTable) -> Bool {
        precondition(firings.count >= typeCount, "\(firings.count) firing counts for \(typeCount) types")
        let counts = (0..<typeCount).map { firings[$0] - windowStart[$0] }
        let next = Self.decide(channels: channels, factors: factors, counts: counts, settings: settings)
        var changed = false
        for c in channels.indices where next[c] != factors[c] {
            factors[c] = next[c]
            minimumFactors[c] = min(minimumFactors[c], next[c])
            changes += 1
            changed = true
        }
        beginWindow(events: events, firings: firings)
        if changed { apply(to: rates) }
        return changed
    }

    /// Sets every scalable channel's factor on its types.
    public func apply(to rates: RateClassTable) {
        for (c, channel) in channels.enumerated() where channel.scalable {
            for type in channel.types { rates.setTypeFactor(type, to: factors[c]) }
        }
    }

    mutating func beginWindow(events: UInt64, firings: [Int]) {
        windowStart = Array(firings.prefix(typeCount))
        nextReview = events + UInt64(settings.window)
    }

    /// The new factors for one window's firing counts per type (the rules above).
    static func decide(channels: [EventChannel], factors: [Double], counts: [Int], settings: ScalingSettings) -> [Double] {
        let windows = channels.map { ChannelWindow(channel: $0, counts: counts, tolerance: settings.tolerance) }
        var slow = 0
        var inChannel = Set<Int>()
        for (channel, window) in zip(channels, windows) {
            inChannel.formUnion(channel.types)
            if !channel.scalable || !window.isBalanced { slow = max(slow, window.gross) }
        }
        for type in counts.indices where !inChannel.contains(type) { slow = max(slow, counts[type]) }
        let slowUpper = Double(slow) + 2 * Double(slow + 1).squareRoot() + 1
        let lower = settings.separation * slowUpper, upper = 2 * lower, target = 1.5 * lower
        return channels.indices.map { c in
            let (factor, window) = (factors[c], windows[c])
            guard channels[c].scalable else { return 1 }
            guard window.isBalanced else { return 1 }
            let gross = Double(window.gross)
            var next = factor
            if gross > upper {
                next = factor * target / gross
            } else if gross < lower && factor < 1 {
                next = gross > 0 ? min(1, factor * target / gross) : 1
            }
            return max(next, smallestFactor)
        }
    }
}

/// One channel's firings over a window.
struct ChannelWindow {
    let forward: Int, reverse: Int, gross: Int
    let isBalanced: Bool

    init(channel: EventChannel, counts: [Int], tolerance: Double) {
        if channel.isSelfReverse {
            gross = channel.forward.reduce(0) { $0 + counts[$1] }
            (forward, reverse) = (gross, gross)
            isBalanced = true
        } else {
            forward = channel.forward.reduce(0) { $0 + counts[$1] }
            reverse = channel.reverse.reduce(0) { $0 + counts[$1] }
            gross = forward + reverse
            let imbalance = Double(abs(forward - reverse)), g = Double(gross)
            isBalanced = imbalance <= tolerance * g || imbalance <= 3 * g.squareRoot()
        }
    }
}

public enum ChannelScalingError: Error, Equatable, Sendable, CustomStringConvertible {
    case setting(name: String, allowed: String)
    case emptyChannel(String)
    case typeOutOfRange(String, type: Int, typeCount: Int)
    case typeInTwoChannels(String, type: Int)

    public var description: String {
        switch self {
        case let .setting(name, allowed): return "\(name) is outside its range; allowed: \(allowed)"
        case let .emptyChannel(name): return "channel \(name) lacks a forward or a reverse event type"
        case let .typeOutOfRange(name, type, count): return "channel \(name) names event type \(type); allowed: 0..<\(count)"
        case let .typeInTwoChannels(name, type): return "event type \(type) of channel \(name) is in another channel too"
        }
    }
}
