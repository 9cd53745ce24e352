import Analysis
import GSLRandom
import Kinetics
import Testing

/// The channel-scaling controller (docs/MODEL.md §12): its window statistics and factor rules on
/// given counts, and whole runs of a stiff system against its exact solution.
@Suite struct ChannelScalingTests {
    /// A rate table with one class per type (rate 1), to watch the factors land on it.
    func table(types: Int) throws -> RateClassTable {
        RateClassTable(eventCount: 1, catalog: try RateCatalog(rates: [Double](repeating: 1, count: types),
                                                               types: Array(0..<types), typeCount: types))
    }

    let flip = EventChannel(name: "flip", forward: [0], reverse: [1])

    @Test func aFastBalancedChannelIsScaledToTheMiddleOfItsWindowAndNoFurther() throws {
        let settings = ScalingSettings(separation: 100, tolerance: 0.05, window: 1000)
        var scaling = try ChannelScaling(channels: [flip], settings: settings, typeCount: 3)
        let rates = try table(types: 3)
        // 50 000 flips each way and 16 slow events: s⁺ = 16 + 2√17 + 1, target 1.5·δ·s⁺ of 100 000.
        let changed = scaling.review(events: 1000, firings: [50_000, 50_000, 16], rates: rates)
        #expect(changed)
        let slowUpper = 16 + 2 * 17.0.squareRoot() + 1
        let expected = 1.5 * 100 * slowUpper / 100_000
        #expect(abs(scaling.factors[0] / expected - 1) < 1e-12)
        let factor = scaling.factors[0]
        #expect(rates.typeFactors == [factor, factor, 1], "forward and reverse share the factor; the slow type is untouched")
        #expect(scaling.nextReview == 2000)
        // Inside the window [δ·s⁺, 2δ·s⁺] nothing changes.
        let inside = Int(1.2 * 100 * slowUpper)
        let changedAgain = scaling.review(events: 2000, firings: [50_000 + inside / 2, 50_000 + inside / 2, 32], rates: rates)
        #expect(!changedAgain)
        #expect(scaling.factors[0] == factor && scaling.minimumFactors[0] == factor && scaling.changes == 1)
    }

    @Test func anUnbalancedChannelGoesBackToItsTrueRateAndABalancedOneWithinNoiseDoesNot() throws {
        let settings = ScalingSettings(separation: 10, tolerance: 0.05, window: 1000)
        var scaling = try ChannelScaling(channels: [flip], settings: settings, typeCount: 3)
        let rates = try table(types: 3)
        _ = scaling.review(events: 1000, firings: [10_000, 10_000, 0], rates: rates)
        #expect(scaling.factors[0] < 1)
        // Imbalance 20 of 400 = 0.05 but within 3√400 = 60: noise, still balanced.
        _ = scaling.review(events: 2000, firings: [10_210, 10_190, 0], rates: rates)
        #expect(scaling.factors[0] < 1)
        // 300 one way, 100 back: 0.5 > tolerance and 200 > 3√400: out of equilibrium.
        let restored = scaling.review(events: 3000, firings: [10_510, 10_290, 0], rates: rates)
        #expect(restored)
        #expect(scaling.factors[0] == 1 && rates.typeFactors[0] == 1 && rates.typeFactors[1] == 1)
        #expect(scaling.minimumFactors[0] < 1)
    }

    @Test func aScaledChannelThatNearsTheSlowProcessesIsScaledBackUpAndNeverAboveOne() throws {
        let settings = ScalingSettings(separation: 10, tolerance: 0.05, window: 1000)
        var scaling = try ChannelScaling(channels: [flip], settings: settings, typeCount: 3)
        let rates = try table(types: 3)
        _ = scaling.review(events: 1000, firings: [100_000, 100_000, 0], rates: rates)
        let scaled = scaling.factors[0]
        #expect(abs(scaled / (1.5 * 10 * 3 / 200_000) - 1) < 1e-12)
        // Now the slow process fires 100 times and the channel only 1 000: below δ·s⁺ = 10·121.
        let slowUpper = 100 + 2 * 101.0.squareRoot() + 1
        _ = scaling.review(events: 2000, firings: [100_500, 100_500, 100], rates: rates)
        #expect(abs(scaling.factors[0] / (scaled * 1.5 * 10 * slowUpper / 1000) - 1) < 1e-12)
        // A channel that stopped firing is restored; and no rise goes past the true rate.
        _ = scaling.review(events: 3000, firings: [100_500, 100_500, 200], rates: rates)
        #expect(scaling.factors[0] == 1)
        _ = scaling.review(events: 4000, firings: [100_600, 100_600, 10_200], rates: rates)
        #expect(scaling.factors[0] == 1)
    }

    @Test func channelsThatMayNotBeScaledAreTheSlowReference() throws {
        // The controlled channel fires 40 000 times, balanced: not scaled, and it is what the
        // scalable channel must stay δ above.
        let controlled = EventChannel(name: "controlled", forward: [2], reverse: [3], scalable: false)
        let settings = ScalingSettings(separation: 10, tolerance: 0.05, window: 1000)
        var scaling = try ChannelScaling(channels: [flip, controlled], settings: settings, typeCount: 4)
        let rates = try table(types: 4)
        _ = scaling.review(events: 1000, firings: [2_000_000, 2_000_000, 20_000, 20_000], rates: rates)
        #expect(scaling.factors[1] == 1 && rates.typeFactors[2] == 1 && rates.typeFactors[3] == 1)
        let slowUpper = 40_000 + 2 * 40_001.0.squareRoot() + 1
        #expect(abs(scaling.factors[0] / (1.5 * 10 * slowUpper / 4_000_000) - 1) < 1e-12)
    }

    @Test func badChannelsAndSettingsAreRefusedNamingWhat() throws {
        #expect(throws: ChannelScalingError.setting(name: "separation", allowed: "\(ScalingSettings.separationRange)")) {
            try ChannelScaling(channels: [flip], settings: ScalingSettings(separation: 2), typeCount: 2)
        }
        #expect(throws: ChannelScalingError.typeOutOfRange("flip", type: 1, typeCount: 1)) {
            try ChannelScaling(channels: [flip], settings: ScalingSettings(), typeCount: 1)
        }
        let overlapping = EventChannel(name: "other", forward: [1], reverse: [2])
        #expect(throws: ChannelScalingError.typeInTwoChannels("other", type: 1)) {
            try ChannelScaling(channels: [flip, overlapping], settings: ScalingSettings(), typeCount: 3)
        }
    }

    /// Runs the system to `time`, reviewing the window after every event.
    func run(_ system: ExchangeWithAbsorption, settings: ScalingSettings, seed: UInt64, time: Double)
        throws -> (engine: KineticEngine<ExchangeWithAbsorption>, scaling: ChannelScaling) {
        var engine = KineticEngine(application: system, random: UniformBuffer(stream: try RandomStream(seed: seed)))
        var scaling = try ChannelScaling(channels: ExchangeWithAbsorption.channels, settings: settings, typeCount: 3)
        scaling.restart(events: 0, firings: engine.application.firings, rates: engine.rates)
        while engine.step(timeLimit: time) == nil {
            _ = scaling.reviewIfDue(events: engine.clock.events, firings: engine.application.firings, rates: engine.rates)
        }
        return (engine, scaling)
    }

    @Test func aStiffSystemRunsInFewEventsAndAbsorbsAtTheExactRate() throws {
        // 2 000 sites flipping at 10⁴ s⁻¹ each way, absorbed from A at 1 s⁻¹: the exact run would
        // take 2·10⁷ events per simulated second.
        let system = try ExchangeWithAbsorption(sites: 2000, ab: 1e4, ba: 1e4, absorb: 1)
        let settings = ScalingSettings(separation: 100, tolerance: 0.05, window: 10_000)
        let (engine, scaling) = try run(system, settings: settings, seed: 7, time: 1)
        #expect(engine.clock.events < 1_000_000, "\(engine.clock.events) events")
        #expect(scaling.factors[0] < 0.1 && scaling.minimumFactors[0] <= scaling.factors[0])
        // Absorbed sites: binomial with p = 1 − S(1); 4σ (the scaling error, ~1/δ of the flip
        // time over the absorption time, is far below it).
        let p = 1 - system.survival(after: 1), n = 2000.0
        let sigma = (n * p * (1 - p)).squareRoot()
        let absorbed = Double(engine.application.absorbed)
        #expect(abs(absorbed - n * p) < 4 * sigma, "absorbed \(absorbed), exact \(n * p) ± \(sigma)")
        #expect(engine.inconsistencies().isEmpty)
    }

    @Test func withNoSeparationOfTimeScalesEveryFactorStaysOne() throws {
        // Flips as slow as the absorption: nothing to scale, even at the smallest separation.
        let system = try ExchangeWithAbsorption(sites: 2000, ab: 1, ba: 1, absorb: 1)
        let settings = ScalingSettings(separation: ScalingSettings.separationRange.lowerBound, tolerance: 0.05, window: 100)
        let (engine, scaling) = try run(system, settings: settings, seed: 8, time: 1)
        #expect(engine.clock.events > 1000)
        #expect(scaling.factors == [1] && scaling.minimumFactors == [1] && scaling.changes == 0)
        // And the run is the exact one, event for event.
        var exact = KineticEngine(application: system, random: UniformBuffer(stream: try RandomStream(seed: 8)))
        while exact.step(timeLimit: 1) == nil {}
        #expect(exact.clock == engine.clock && exact.application.states == engine.application.states)
    }

    @Test func theSameSeedGivesTheSameFactorsAndTrajectory() throws {
        let system = try ExchangeWithAbsorption(sites: 500, ab: 3e3, ba: 1e3, absorb: 1)
        let settings = ScalingSettings(separation: 50, tolerance: 0.05, window: 2000)
        let first = try run(system, settings: settings, seed: 11, time: 0.5)
        let second = try run(system, settings: settings, seed: 11, time: 0.5)
        #expect(first.scaling == second.scaling && first.scaling.changes > 0)
        #expect(first.engine.clock == second.engine.clock && first.engine.application.states == second.engine.application.states)
    }
}
