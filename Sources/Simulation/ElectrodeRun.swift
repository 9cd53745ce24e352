import Analysis
import Foundation
import GSLRandom
import Kinetics
import Lattice
import LithiumModel

/// Runs one scenario: builds the electrode, drives it through the protocol's phases (one plating
/// run, or plate → rest → strip cycles), samples the time series on a fixed grid and keeps the Li
/// accounting of every cycle.
public struct ElectrodeRun {
    public let scenario: Scenario
    public let replica: Int
    public internal(set) var engine: KineticEngine<LithiumModel>
    /// The channel-scaling controller of an `acceleration: {mode: auto}` run; nil for an exact run.
    public internal(set) var scaling: ChannelScaling?
    let phases: [Phase]
    var series = TimeSeries()
    var cycles: [CycleRecord] = []
    /// Where the run is in its protocol (what a checkpoint must hold to continue it exactly).
    var at = RunPosition()
    /// The nucleus census of the latest sample and the event count it was taken at, so the census
    /// of the final sample serves the result too (one O(sites) pass, not two).
    var latestCensus: (events: UInt64, nuclei: [ClusterCensus.Cluster])?
    /// The scenario's YAML text: stored in checkpoints so that `likmc resume` can rebuild the run.
    public var scenarioText: String?
    /// Record a LAMMPS dump frame at the start and at the end of every phase (for `likmc run`).
    public var recordsSnapshots = false
    /// The recorded frames, one after the other (a multi-frame dump file).
    public internal(set) var snapshots = ""

    /// A run of `scenario` with the random stream of replica `replica` (0 for a single run).
    public init(scenario: Scenario, replica: Int = 0) throws {
        self.scenario = scenario
        self.replica = replica
        let shape = try LatticeShape(lx: scenario.lx, ly: scenario.ly, lz: scenario.lz)
        try scenario.checkFitsInMemory()
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: scenario.parameters.substrateLayers,
                                                  lithiumLayers: scenario.plating.lithiumFilmLayers,
                                                  coatingLayers: scenario.parameters.coatingThickness)
        phases = Self.phases(of: scenario, constants: RateConstants(scenario.parameters), surfaceSites: shape.lx * shape.ly)
        let model = try LithiumModel(shape: shape, parameters: scenario.parameters, kinds: kinds,
                                     control: ElectrochemicalControl(mode: phases[0].mode))
        let stream = try RandomStream(generator: scenario.generator, masterSeed: scenario.seed, replica: replica)
        engine = KineticEngine(application: model, random: UniformBuffer(stream: stream))
        engine.application.didPerform(rates: engine.rates)  // η for the initial state
        if scenario.acceleration.mode == .auto {
            scaling = try ChannelScaling(channels: LithiumModel.channels(for: scenario.parameters), settings: scenario.acceleration.settings,
                                         typeCount: LithiumModel.eventTypeCount)
        }
        at.cycleStart = Inventory(engine.application)
        at.stripStart = at.cycleStart
    }

    /// The protocol as a list of phases.
    static func phases(of scenario: Scenario, constants: RateConstants, surfaceSites surface: Int) -> [Phase] {
        let p = scenario.plating, sampling = scenario.sampling
        let chargeLimit = netEventsToPlate(p, constants: constants, surfaceSites: surface)
        func galvanostatic(_ kind: Phase.Kind, cycle: Int, current: Double, duration: Double?, cutoff: Double?) -> Phase {
            let rate = constants.eventsPerSecond(currentDensity: current, surfaceSites: surface)
            return Phase(kind: kind, cycle: cycle, mode: .galvanostatic(eventsPerSecond: kind == .strip ? -rate : rate),
                         sampleInterval: sampling.windowMonolayers * Double(surface) / rate,
                         chargeLimit: kind == .plate ? chargeLimit : nil, duration: duration, cutoff: cutoff)
        }
        func plate(cycle: Int) -> Phase {
            switch p.mode {
            case .galvanostatic:
                return galvanostatic(.plate, cycle: cycle, current: p.currentDensity, duration: p.maximumTime, cutoff: nil)
            case .potentiostatic:
                return Phase(kind: .plate, cycle: cycle, mode: .potentiostatic(overpotential: p.overpotential / 1000),
                             sampleInterval: p.maximumTime! / Double(sampling.potentiostaticSamples),
                             chargeLimit: chargeLimit, duration: p.maximumTime, cutoff: nil)
            case .deposition:
                return Phase(kind: .plate, cycle: cycle, mode: .deposition(ratePerSite: p.depositionRate),
                             sampleInterval: sampling.windowMonolayers / p.depositionRate,
                             chargeLimit: chargeLimit, duration: p.maximumTime, cutoff: nil)
            }
        }
        guard let c = scenario.cycling else { return [plate(cycle: 1)] }
        var list: [Phase] = []
        for cycle in 1...c.cycles {
            list.append(plate(cycle: cycle))
            if c.restSeconds > 0 {
                list.append(Phase(kind: .rest, cycle: cycle, mode: .galvanostatic(eventsPerSecond: 0),
                                  sampleInterval: c.restSeconds / Double(sampling.potentiostaticSamples),
                                  chargeLimit: nil, duration: c.restSeconds, cutoff: nil))
            }
            switch c.stripMode {
            case .galvanostatic:
                list.append(galvanostatic(.strip, cycle: cycle, current: c.stripCurrentDensity ?? p.currentDensity,
                                          duration: c.stripMaximumTime, cutoff: c.cutoff / 1000))
            case .potentiostatic:
                list.append(Phase(kind: .strip, cycle: cycle, mode: .potentiostatic(overpotential: c.stripOverpotential / 1000),
                                  sampleInterval: c.stripMaximumTime! / Double(sampling.potentiostaticSamples),
                                  chargeLimit: nil, duration: c.stripMaximumTime, cutoff: nil))
            }
        }
        return list
    }

    /// Net faradaic events at which one plating half-cycle reaches its charge (monolayers or capacity).
    static func netEventsToPlate(_ p: Scenario.PlatingProtocol, constants: RateConstants, surfaceSites surface: Int) -> Int? {
        var target: Int?
        if let layers = p.monolayers { target = Int((layers * Double(surface)).rounded(.up)) }
        if let capacity = p.capacity {  // mAh/cm² × 3600 = mC/cm²
            let events = Int((capacity * 3600 / constants.chargePerEvent(surfaceSites: surface)).rounded(.up))
            target = min(target ?? .max, events)
        }
        return target
    }

    /// Runs every phase (from where a resumed run stopped), calling `progress` with the fraction
    /// done after every sample.
    public mutating func run(progress: ((Progress) -> Void)? = nil) -> RunResult {
        do { return try run(progress: progress, checkpoint: nil) } catch {
            preconditionFailure("a run without checkpoints has nothing that can fail: \(error)")
        }
    }

    /// ``run(progress:)`` that also saves a checkpoint at every sample boundary where `checkpoint`
    /// says one is due; fails only if saving fails.
    public mutating func run(progress: ((Progress) -> Void)? = nil, checkpoint: CheckpointPolicy?) throws -> RunResult {
        let start = DispatchTime.now().uptimeNanoseconds
        let count = Double(phases.count)
        if at.phaseIndex == 0 && !at.inPhase && recordsSnapshots {
            snapshots += LAMMPSDump.frame(of: engine.application, timestep: engine.clock.events)
        }
        while at.phaseIndex < phases.count {
            let index = at.phaseIndex, phase = phases[index]
            if !at.inPhase { begin(phase) }
            let end = try run(phase, checkpoint: checkpoint, wallStart: start) { fraction, events, time in
                progress?(Progress(fraction: (Double(index) + fraction) / count, events: events, simulatedSeconds: time,
                                   phase: "cycle \(phase.cycle) \(phase.kind.name)"))
            }
            finish(phase, end: end)
            if end == .eventLimit || end == .starved || (end == .noEvents && phase.kind != .strip) { break }
        }
        let seconds = at.wallSeconds + Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let model = engine.application
        return RunResult(scenario: scenario, replica: replica, series: series, cycles: cycles,
                         stopReason: stopReason(lastPhaseEnd: at.lastEnd),
                         events: engine.clock.events, simulatedSeconds: engine.clock.time, wallSeconds: seconds,
                         finalNuclei: currentNuclei(), constants: model.constants, surfaceSites: model.surfaceSites,
                         coating: model.parameters.hasCoating ? model.coatingCensus() : nil,
                         acceleration: AccelerationRecord(mode: scenario.acceleration.mode, scaling: scaling,
                                                          channels: LithiumModel.channels(for: scenario.parameters),
                                                          eventsByType: model.eventsByType, events: engine.clock.events))
    }

    /// Sets the phase's control and remembers where it started.
    mutating func begin(_ phase: Phase) {
        engine.application.control.mode = phase.mode
        engine.application.didPerform(rates: engine.rates)
        // A new driving changes which channels are fast and balanced: every channel starts the
        // phase at its true rate and earns its scaling again.
        scaling?.restart(events: engine.clock.events, firings: engine.application.eventsByType, rates: engine.rates)
        at.inPhase = true
        at.phaseStartTime = engine.clock.time
        at.phaseStartCharge = engine.application.netFaradaicEvents
        at.nextSample = engine.clock.time + phase.sampleInterval
        if phase.kind == .strip { at.stripStart = Inventory(engine.application) }
    }

    /// Books a finished phase: its duration, a dump frame, and at the end of a strip the cycle's record.
    mutating func finish(_ phase: Phase, end: PhaseEnd) {
        at.lastEnd = end
        at.inPhase = false
        at.phaseIndex += 1
        let duration = engine.clock.time - at.phaseStartTime
        if phase.kind == .plate { at.plateSeconds = duration }
        if phase.kind == .strip { at.stripSeconds = duration }
        if recordsSnapshots { snapshots += LAMMPSDump.frame(of: engine.application, timestep: engine.clock.events) }
        guard phase.kind == .strip else { return }
        let now = Inventory(engine.application)
        cycles.append(CycleRecord(cycle: phase.cycle, platedSites: at.stripStart.charge - at.cycleStart.charge,
                                  strippedSites: at.stripStart.charge - now.charge, change: now.since(at.cycleStart), total: now,
                                  plating: at.stripStart.since(at.cycleStart),
                                  deadClusters: deadClusters(), stripEnd: end.rawValue,
                                  plateSeconds: at.plateSeconds, stripSeconds: at.stripSeconds))
        at.cycleStart = now
    }

    /// "cycles done" when a cycling run completed, else why its last phase ended.
    func stopReason(lastPhaseEnd end: PhaseEnd) -> String {
        guard let cycling = scenario.cycling else { return end.rawValue }
        return cycles.count == cycling.cycles ? "cycles done" : "stopped in cycle \(cycles.count + 1): \(end.rawValue)"
    }

    /// Runs the current phase to its end, sampling η averaged over windows of `sampleInterval`.
    mutating func run(_ phase: Phase, checkpoint: CheckpointPolicy?, wallStart: UInt64,
                      progress: (Double, UInt64, Double) -> Void) throws -> PhaseEnd {
        // Two copies of the loop, the scaled one apart: the exact one carries no trace of the scaling
        // and stays small enough for the compiler to inline the engine's step into it (with the
        // review in it, or both copies here, it did not: +221 or +29 instructions per event).
        if scaling != nil { return try runScaled(phase, checkpoint: checkpoint, wallStart: wallStart, progress: progress) }
        return try run(phase, scaled: false, checkpoint: checkpoint, wallStart: wallStart, progress: progress)
    }

    @inline(never)
    mutating func runScaled(_ phase: Phase, checkpoint: CheckpointPolicy?, wallStart: UInt64,
                            progress: (Double, UInt64, Double) -> Void) throws -> PhaseEnd {
        try run(phase, scaled: true, checkpoint: checkpoint, wallStart: wallStart, progress: progress)
    }

    @inline(__always)
    mutating func run(_ phase: Phase, scaled: Bool, checkpoint: CheckpointPolicy?, wallStart: UInt64,
                      progress: (Double, UInt64, Double) -> Void) throws -> PhaseEnd {
        let t0 = at.phaseStartTime, net0 = at.phaseStartCharge
        let endTime = phase.duration.map { t0 + $0 } ?? .infinity
        let direction = phase.kind == .strip ? -1 : 1
        var window = 0.0, windowTime = 0.0
        while true {
            let eta = engine.application.control.overpotential
            let before = engine.clock.time
            let stop = engine.step(timeLimit: min(at.nextSample, endTime))
            if scaled { reviewScaling() }
            let dt = engine.clock.time - before
            window += eta * dt
            windowTime += dt
            let passed = direction * (engine.application.netFaradaicEvents - net0)
            var end: PhaseEnd?
            if stop == .noEvents { end = .noEvents }
            if engine.clock.time >= endTime { end = .time }
            if let limit = phase.chargeLimit, passed >= limit { end = .charge }
            if engine.application.control.starved { end = phase.kind == .strip ? .exhausted : .starved }
            if engine.clock.events >= scenario.plating.maximumEvents { end = .eventLimit }
            if engine.clock.time >= at.nextSample || end != nil {
                if windowTime > 0 {
                    let windowed = window / windowTime
                    let census = nuclei()
                    latestCensus = (engine.clock.events, census)
                    series.append(sample(windowOverpotential: windowed, phase: phase, nuclei: census.count))
                    if let cutoff = phase.cutoff, windowed < -cutoff, end == nil { end = .cutoff }
                    progress(fraction(of: phase, since: t0, passed: passed), engine.clock.events, engine.clock.time)
                }
                window = 0
                windowTime = 0
                at.nextSample += phase.sampleInterval
                if end == nil, let checkpoint, checkpoint.isDue() {
                    at.wallSeconds += Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
                    try checkpoint.save(checkpointBytes())
                    at.wallSeconds -= Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
                }
            }
            if let end { return end }
        }
    }

    /// Changes of a scaling factor so far (0 in an exact run). Not inlined into the sampling (which
    /// sits in the event loop): that would grow the loop past what the compiler inlines `step` into.
    @inline(never) var factorChanges: Int { scaling?.changes ?? 0 }

    /// Reviews the scaling window if it is over (an `auto` run).
    @inline(never) mutating func reviewScaling() {
        _ = scaling!.reviewIfDue(events: engine.clock.events, firings: engine.application.eventsByType, rates: engine.rates)
    }

    /// How far a phase is towards whichever of its limits comes first.
    func fraction(of phase: Phase, since t0: Double, passed: Int) -> Double {
        var fractions = [Double(engine.clock.events) / Double(scenario.plating.maximumEvents)]
        if let d = phase.duration { fractions.append((engine.clock.time - t0) / d) }
        if let limit = phase.chargeLimit { fractions.append(Double(passed) / Double(limit)) }
        return min(1, fractions.max() ?? 0)
    }

    /// The nuclei now: the latest sample's census if no event happened since, else a fresh one.
    func currentNuclei() -> [ClusterCensus.Cluster] {
        if let latestCensus, latestCensus.events == engine.clock.events { return latestCensus.nuclei }
        return nuclei()
    }

    func nuclei() -> [ClusterCensus.Cluster] {
        ClusterCensus(grid: engine.application.grid) { $0 == SiteKind.lithium }
            .clusters(minimumSize: scenario.sampling.nucleusMinimumSites)
    }

    func deadClusters() -> [ClusterCensus.Cluster] {
        let model = engine.application
        guard model.deadSites > 0 else { return [] }
        return ClusterCensus(shape: model.shape) { model.isDeadLithium($0) }.clusters
    }

    func sample(windowOverpotential: Double, phase: Phase, nuclei: Int) -> TimeSeries.Sample {
        let model = engine.application
        let surface = model.surfaceSites, atoms = model.constants.atomsPerSite
        return TimeSeries.Sample(
            time: engine.clock.time, overpotential: windowOverpotential * 1000,
            charge: Double(model.netFaradaicEvents) * model.constants.chargePerEvent(surfaceSites: surface),
            lithiumAtoms: Double(model.lithiumSites) * atoms, alloyedAtoms: Double(model.alloySites) * atoms,
            deadAtoms: Double(model.deadSites) * atoms, seiAtoms: Double(model.seiSites) * atoms,
            nuclei: nuclei, events: engine.clock.events, cycle: phase.cycle, phase: phase.kind.rawValue,
            factorChanges: factorChanges)
    }
}

/// What a run reports after every sample: the fraction of its protocol done, events, simulated time, phase.
public struct Progress: Sendable {
    public var fraction: Double
    public var events: UInt64
    public var simulatedSeconds: Double
    public var phase: String
}

extension LithiumModel {
    /// Memory per site: kind byte, bit planes (5 states), cell, 3 event slots × 8 bytes and
    /// their member entries (4 bytes each, worst case), the connectivity search stamp.
    public static let bytesPerSite = 1 + 1 + 4 + 3 * 8 + 3 * 4 + 4
}
