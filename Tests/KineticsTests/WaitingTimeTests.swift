import Analysis
import GSLRandom
import Kinetics
import RealModule
import Testing

/// A system whose events never change anything: the total rate is constant, so waiting times
/// must be exponential with mean 1/R and each event must be chosen in proportion to its rate.
struct ConstantRateSystem: KineticApplication {
    let rateCatalog: RateCatalog
    let eventCount: Int
    var performed: [Int]

    init(rates: [Double]) throws {
        rateCatalog = try RateCatalog(rates: rates)
        eventCount = rates.count
        performed = [Int](repeating: 0, count: rates.count)
    }

    func classify(_ event: UInt32) -> Int? { Int(event) }

    mutating func perform(
        _ event: UInt32, rateClass: Int, uniform: Double, random: inout UniformBuffer, affected: AffectedEvents
    ) {
        performed[Int(event)] += 1
    }
}

@Suite struct WaitingTimeTests {
    @Test func waitingTimesAreExponentialWithMeanOneOverR() throws {
        let rates = [0.5, 1.5, 3.0]
        let total = rates.reduce(0, +)
        var engine = KineticEngine(application: try ConstantRateSystem(rates: rates),
                                   random: UniformBuffer(stream: try RandomStream(seed: 99)))
        let n = 100_000
        var waits: [Double] = []
        waits.reserveCapacity(n)
        for _ in 0..<n {
            let before = engine.clock.time
            #expect(engine.step() == nil)
            waits.append(engine.clock.time - before)
        }
        let summary = SampleSummary(waits)
        #expect(abs(summary.mean - 1 / total) < 5 / total / Double(n).squareRoot())
        let d = KolmogorovSmirnov.statistic(waits) { 1 - Double.exp(-total * $0) }
        #expect(KolmogorovSmirnov.pValue(statistic: d, sampleSize: n) > 1e-4)
        // Event frequencies ∝ rates (χ², 2 degrees of freedom).
        let chi2 = ChiSquared.statistic(observed: engine.application.performed.map(Double.init),
                                        probabilities: rates.map { $0 / total })
        #expect(chi2 < ChiSquared.criticalValue(degreesOfFreedom: 2, alpha: 1e-4))
    }

    @Test func stopConditions() throws {
        var engine = KineticEngine(application: try ConstantRateSystem(rates: [1, 2]),
                                   random: UniformBuffer(stream: try RandomStream(seed: 1)))
        #expect(engine.run(.events(1000)) == .eventLimit)
        #expect(engine.clock.events == 1000)
        #expect(engine.run(.time(800)) == .timeLimit)
        #expect(engine.clock.time == 800)
        let target = engine.clock.events + 500
        let stop = StopCondition(predicateInterval: 10) { $0.events >= target }
        #expect(engine.run(stop) == .predicate)
        #expect(engine.clock.events >= target && engine.clock.events < target + 10)
        var dead = KineticEngine(application: try ConstantRateSystem(rates: [0]),
                                 random: UniformBuffer(stream: try RandomStream(seed: 1)))
        #expect(dead.run(.events(10)) == .noEvents)
    }

    @Test func sameSeedSameTrajectory() throws {
        func run() throws -> (Double, [Int]) {
            var engine = KineticEngine(application: try ConstantRateSystem(rates: [1, 2, 3, 4]),
                                       random: UniformBuffer(stream: try RandomStream(seed: 5)))
            _ = engine.run(.events(10_000))
            return (engine.clock.time, engine.application.performed)
        }
        let (a, b) = (try run(), try run())
        #expect(a.0.bitPattern == b.0.bitPattern && a.1 == b.1)
    }
}
