import Complexions
import Foundation
import GSLRandom

/// One replica of a segregation scenario: the profile at the scenario's Δμ, then (if asked) the
/// isotherm points and their continuum fit, then (if asked) the self-healing experiment. Every
/// part draws from replica `replica`'s own stream, so the result depends on (seed, replica) only.
public struct SegregationRun {
    public let scenario: SegregationScenario
    public let replica: Int

    public init(scenario: SegregationScenario, replica: Int = 0) {
        self.scenario = scenario
        self.replica = replica
    }

    /// The profile of one Metropolis run at `deltaMu`, its acceptance rates and the final slab.
    func sample(deltaMu: Double, stream: RandomStream) throws -> (CompositionProfile, MetropolisSampler) {
        let s = scenario
        var p = s.parameters
        p.chemicalPotentialDifference = deltaMu
        let slab = try Slab.random(lx: s.lx, ly: s.ly, lz: s.lz, layers: s.layers, frozenLayers: s.frozenLayers,
                                   soluteFraction: s.initialFraction, random: stream)
        var sampler = try MetropolisSampler(slab: slab, parameters: p, ensemble: s.ensemble, flipFraction: s.flipFraction,
                                            random: UniformBuffer(stream: stream))
        var record = SweepRecord()
        sampler.run(sweeps: s.sweeps, into: &record)
        return (CompositionProfile(record: record, frozenLayers: s.frozenLayers, siteEdge: p.siteEdge, batches: s.batches), sampler)
    }

    public func run() throws -> SegregationResult {
        let started = Date()
        let s = scenario
        let stream = try RandomStream(generator: s.generator, masterSeed: s.seed, replica: replica)
        let (profile, sampler) = try sample(deltaMu: s.parameters.chemicalPotentialDifference, stream: stream)
        var isotherm: [ContinuumFit.Point] = []
        for deltaMu in s.isotherm {
            let (point, _) = try sample(deltaMu: deltaMu, stream: stream)
            isotherm.append(ContinuumFit.Point(chemicalPotentialDifference: deltaMu, thickness: point.thickness.mean,
                                               standardError: point.thickness.standardError,
                                               bulkComposition: point.bulkComposition.mean))
        }
        var fit: ContinuumFit?
        let film = ContinuumFit.filmPoints(isotherm, siteEdge: s.parameters.siteEdge)
        if film.count >= 4 {
            let families: [ExcessGrandPotential.Family] = s.family == .best ? ExcessGrandPotential.Family.allCases
                : [ExcessGrandPotential.Family(rawValue: s.family.rawValue)!]
            fit = try families.map {
                try ContinuumFit(family: $0, points: film, coexistence: s.parameters.coexistenceChemicalPotential,
                                 siteEdge: s.parameters.siteEdge)
            }.min { $0.chiSquared < $1.chiSquared }
        }
        var healing: SelfHealing.Outcome?
        if let h = s.selfHealing {
            var experiment = SelfHealing(parameters: s.parameters)
            experiment.rates = h.rates
            (experiment.lx, experiment.ly, experiment.lz, experiment.layers) = (s.lx, s.ly, s.lz, s.layers)
            experiment.frozenLayers = s.frozenLayers
            experiment.initialFraction = s.initialFraction
            experiment.depositLayers = h.depositLayers
            experiment.stripLayers = h.stripLayers
            experiment.sweeps = s.sweeps
            experiment.kmcEvents = h.kmcEvents
            experiment.samples = h.samples
            healing = try experiment.run(stream: stream)
        }
        return SegregationResult(scenario: s, replica: replica, profile: profile, exchanges: sampler.exchanges,
                                 flips: sampler.flips, isotherm: isotherm, fit: fit, selfHealing: healing,
                                 wallSeconds: Date().timeIntervalSince(started))
    }
}
