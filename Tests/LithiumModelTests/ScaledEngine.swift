import GSLRandom
import Kinetics
import LithiumModel

/// A Li-model engine with its channels scaled (``ChannelScaling``, docs/MODEL.md §12): what an
/// `acceleration: {mode: auto}` run does, on a bare engine, for the equilibrium tests.
struct ScaledEngine {
    var engine: KineticEngine<LithiumModel>
    var scaling: ChannelScaling

    init(_ model: LithiumModel, seed: UInt64, settings: ScalingSettings) throws {
        engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: seed, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        scaling = try ChannelScaling(channels: LithiumModel.channels, settings: settings, typeCount: LithiumModel.eventTypeCount)
        scaling.restart(events: 0, firings: engine.application.eventsByType, rates: engine.rates)
    }

    /// One event, then the window's review if it is due.
    mutating func step(timeLimit: Double = .infinity) -> StopReason? {
        let stop = engine.step(timeLimit: timeLimit)
        _ = scaling.reviewIfDue(events: engine.clock.events, firings: engine.application.eventsByType, rates: engine.rates)
        return stop
    }

    /// The smallest factor a scalable channel had.
    var smallestFactor: Double { scaling.minimumFactors.min() ?? 1 }

    func minimumFactor(of name: String) -> Double {
        scaling.minimumFactors[LithiumModel.channels.firstIndex { $0.name == name }!]
    }
}
