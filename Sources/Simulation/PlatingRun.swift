import Analysis
import Foundation
import GSLRandom
import Kinetics
import Lattice
import LithiumModel

/// Runs one scenario: builds the electrode, drives it with the protocol, samples the time
/// series on a fixed grid and summarises nucleation.
public struct PlatingRun {
    public let scenario: Scenario
    public let replica: Int
    public private(set) var engine: KineticEngine<LithiumModel>
    let eventsPerSecond: Double
    let sampleInterval: Double

    /// A run of `scenario` with the random stream of replica `replica` (0 for a single run).
    public init(scenario: Scenario, replica: Int = 0) throws {
        self.scenario = scenario
        self.replica = replica
        let shape = try LatticeShape(lx: scenario.lx, ly: scenario.ly, lz: scenario.lz)
        try MemoryBudget.check(shape: shape, bytesPerSite: LithiumModel.bytesPerSite)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: scenario.parameters.substrateLayers,
                                                  lithiumLayers: scenario.plating.lithiumFilmLayers)
        let constants = RateConstants(scenario.parameters)
        let surface = shape.lx * shape.ly
        let p = scenario.plating
        let mode: ElectrochemicalControl.Mode
        switch p.mode {
        case .galvanostatic:
            eventsPerSecond = constants.eventsPerSecond(currentDensity: p.currentDensity, surfaceSites: surface)
            mode = .galvanostatic(eventsPerSecond: eventsPerSecond)
            sampleInterval = scenario.sampling.windowMonolayers * Double(surface) / eventsPerSecond
        case .potentiostatic:
            eventsPerSecond = 0
            mode = .potentiostatic(overpotential: p.overpotential / 1000)
            sampleInterval = p.maximumTime! / Double(scenario.sampling.potentiostaticSamples)
        case .deposition:
            eventsPerSecond = p.depositionRate * Double(surface)
            mode = .deposition(ratePerSite: p.depositionRate)
            sampleInterval = scenario.sampling.windowMonolayers / p.depositionRate
        }
        let model = try LithiumModel(shape: shape, parameters: scenario.parameters, kinds: kinds,
                                     control: ElectrochemicalControl(mode: mode))
        let stream = try RandomStream(generator: scenario.generator, masterSeed: scenario.seed, replica: replica)
        engine = KineticEngine(application: model, random: UniformBuffer(stream: stream))
        engine.application.didPerform(rates: engine.rates)  // η for the initial state
    }

    /// Runs to the end of the protocol, calling `progress` after every sample.
    public mutating func run(progress: ((Double) -> Void)? = nil) -> RunResult {
        let p = scenario.plating
        let constants = engine.application.constants
        let surface = engine.application.surfaceSites
        var series = TimeSeries()
        var window = 0.0, windowTime = 0.0
        var nextSample = sampleInterval
        let start = DispatchTime.now().uptimeNanoseconds
        var reason = StopReason.eventLimit
        let chargeTarget = netEventsToPlate()
        sample: while true {
            let eta = engine.application.control.overpotential
            let before = engine.clock.time
            let limit = min(nextSample, p.maximumTime ?? .infinity)
            let stop = engine.step(timeLimit: limit)
            let dt = engine.clock.time - before
            window += eta * dt
            windowTime += dt
            if engine.clock.time >= nextSample || stop != nil {
                if windowTime > 0 {
                    series.append(sample(windowOverpotential: window / windowTime, nuclei: nuclei().count,
                                         constants: constants, surface: surface))
                    progress?(fractionDone(chargeTarget: chargeTarget))
                }
                window = 0
                windowTime = 0
                nextSample += sampleInterval
            }
            if let stop, stop != .timeLimit { reason = stop; break sample }
            if let tMax = p.maximumTime, engine.clock.time >= tMax { reason = .timeLimit; break sample }
            if engine.application.netFaradaicEvents >= chargeTarget { reason = .predicate; break sample }
            if engine.clock.events >= p.maximumEvents { reason = .eventLimit; break sample }
            if engine.application.control.starved { reason = .noEvents; break sample }
        }
        let finalNuclei = nuclei()
        if windowTime > 0 {  // the partial last window: the series ends at the final state
            series.append(sample(windowOverpotential: window / windowTime, nuclei: finalNuclei.count,
                                 constants: constants, surface: surface))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return RunResult(scenario: scenario, replica: replica, series: series, stopReason: reason,
                         events: engine.clock.events, simulatedSeconds: engine.clock.time, wallSeconds: seconds,
                         finalNuclei: finalNuclei, constants: constants, surfaceSites: surface)
    }

    /// Net faradaic events at which the charge limit (monolayers or capacity) is reached.
    func netEventsToPlate() -> Int {
        let p = scenario.plating
        let surface = engine.application.surfaceSites
        var target = Int.max
        if let layers = p.monolayers { target = min(target, Int((layers * Double(surface)).rounded(.up))) }
        if let capacity = p.capacity {  // mAh/cm² × 3600 = mC/cm²
            let perEvent = engine.application.constants.chargePerEvent(surfaceSites: surface)
            target = min(target, Int((capacity * 3600 / perEvent).rounded(.up)))
        }
        return target
    }

    /// How far the run is towards whichever limit comes first: events, time or charge.
    func fractionDone(chargeTarget: Int) -> Double {
        let p = scenario.plating
        var fractions: [Double] = [Double(engine.clock.events) / Double(p.maximumEvents)]
        if let t = p.maximumTime { fractions.append(engine.clock.time / t) }
        if chargeTarget < Int.max { fractions.append(Double(engine.application.netFaradaicEvents) / Double(chargeTarget)) }
        return min(1, fractions.max() ?? 0)
    }

    func nuclei() -> [ClusterCensus.Cluster] {
        ClusterCensus(grid: engine.application.grid) { $0 == SiteKind.lithium }
            .clusters(minimumSize: scenario.sampling.nucleusMinimumSites)
    }

    func sample(windowOverpotential: Double, nuclei: Int, constants: RateConstants, surface: Int) -> TimeSeries.Sample {
        let model = engine.application
        return TimeSeries.Sample(
            time: engine.clock.time, overpotential: windowOverpotential * 1000,
            charge: Double(model.netFaradaicEvents) * constants.chargePerEvent(surfaceSites: surface),
            lithiumAtoms: Double(model.lithiumSites) * constants.atomsPerSite,
            alloyedAtoms: Double(model.alloySites) * constants.atomsPerSite,
            nuclei: nuclei, events: engine.clock.events)
    }
}

extension LithiumModel {
    /// Memory per site: kind byte, bit planes (5 states), cell, 3 event slots × 8 bytes and
    /// their member entries (4 bytes each, worst case).
    public static let bytesPerSite = 1 + 1 + 4 + 3 * 8 + 3 * 4
}
