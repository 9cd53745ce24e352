import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Testing

/// Incremental state (rate classes, neighbour keys, bit planes, dead flags) equals a from-scratch
/// rebuild after every event of long random plating/stripping sequences, and the model's event
/// counters equal what the lattice shows happened (each event read off the site kinds).
@Suite struct BookkeepingTests {
    struct Case: Sendable, CustomStringConvertible {
        let substrate: String, lx: Int, ly: Int, lz: Int, layers: Int, film: Int
        /// Sub-grid nucleation prefactor J₀, cm⁻² s⁻¹ (0: off).
        var nucleation = 0.0
        var description: String { "\(substrate) \(lx)×\(ly)×\(lz) layers=\(layers) film=\(film) J₀=\(nucleation)" }
    }

    static let cases = [
        Case(substrate: "Cu", lx: 12, ly: 12, lz: 8, layers: 1, film: 0),
        Case(substrate: "Au", lx: 10, ly: 8, lz: 7, layers: 2, film: 0),
        Case(substrate: "Zn", lx: 9, ly: 1, lz: 12, layers: 2, film: 1),
        Case(substrate: "Cu", lx: 16, ly: 16, lz: 6, layers: 1, film: 2),
        Case(substrate: "Sn", lx: 5, ly: 6, lz: 9, layers: 3, film: 0),
        Case(substrate: "Cu", lx: 12, ly: 12, lz: 8, layers: 1, film: 0, nucleation: 1e14),
        Case(substrate: "Au", lx: 10, ly: 8, lz: 7, layers: 2, film: 0, nucleation: 1e14),
    ]

    @Test(arguments: cases)
    func incrementalStateEqualsRebuildUnderPlatingAndStripping(_ item: Case) throws {
        var parameters = try ModelParameters(substrateNamed: item.substrate)
        parameters.substrateLayers = item.layers
        parameters.lithiumBondEnergy = 0.04
        // Slow diffusion down so that every kind of event, faradaic ones included, is frequent.
        parameters.lithiumDiffusivity = 1e-13
        parameters.seiExchangeCurrentDensity = 0.05
        (parameters.subgridNucleationPrefactor, parameters.subgridNucleationBarrier) = (item.nucleation, 200)
        if parameters.substrate.lithiophilic {
            parameters.substrate.alloyDiffusivity = 3e-13
            parameters.substrate.alloyingFreeEnergy = 0  // makes de-alloying frequent too
        }
        let shape = try LatticeShape(lx: item.lx, ly: item.ly, lz: item.lz)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: item.layers, lithiumLayers: item.film)
        let model = try LithiumModel(shape: shape, parameters: parameters, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: 0.1)))
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: 3, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        let initial = engine.application.grid.states
        let witness = EventWitness(shape: shape, subgridNucleation: item.nucleation > 0)
        var seen: [Witnessed: Int] = [:], faradaic = 0
        for round in 0..<24 {
            // Alternate plating and stripping potentials.
            let eta = round % 2 == 0 ? 0.12 : -0.12
            engine.application.control.mode = .potentiostatic(overpotential: eta)
            engine.application.didPerform(rates: engine.rates)
            for _ in 0..<400 {
                let before = engine.application.grid.states
                guard engine.step() == nil else { break }
                let after = engine.application.grid.states
                guard let event = witness.event(from: before, to: after) else {
                    Issue.record("round \(round): a change that is no event of the model"); return
                }
                seen[event.0, default: 0] += 1
                faradaic += event.0.faradaic
                // The whole incremental state against a rebuild, after every event.
                let problems = engine.inconsistencies().prefix(3) + engine.application.staleCells().prefix(3).map { "stale \($0)" }
                    + engine.application.connectivityErrors().prefix(3)
                #expect(problems.isEmpty, "round \(round) event \(engine.clock.events) (\(event.0)): \(problems)")
                #expect(engine.application.grid.checkPlanes())
                if !problems.isEmpty { return }
            }
        }
        // The model's counters against what the lattice shows happened.
        let final = engine.application
        let count = { (kind: UInt8) in final.grid.states.filter { $0 == kind }.count }
        let deposited = { (states: [UInt8]) in states.filter { $0 == SiteKind.lithium || $0 == SiteKind.alloy || $0 == SiteKind.sei }.count }
        #expect(deposited(final.grid.states) - deposited(initial) == faradaic)
        #expect(final.netFaradaicEvents == faradaic)
        #expect(final.reductions == (seen[.reduction] ?? 0) + (seen[.reductionIntoM] ?? 0))
        #expect(final.oxidations == (seen[.oxidation] ?? 0) + (seen[.oxidationOfLiM] ?? 0))
        #expect(final.seiFormations == (seen[.seiFormation] ?? 0))
        for type in EventType.allCases {
            let witnessed = seen.filter { $0.key.type == type }.values.reduce(0, +)
            #expect(final.eventsByType[type.rawValue] == witnessed, "\(type.name) counted \(final.eventsByType[type.rawValue]), seen \(witnessed)")
        }
        #expect(final.population == (0..<SiteKind.count).map { count(UInt8($0)) })
        #expect(final.lithiumSites == count(SiteKind.lithium) && final.alloySites == count(SiteKind.alloy))
        // Every event the substrate allows happened, each seen on the lattice.
        let expected: [Witnessed] = (parameters.substrate.lithiophilic
            ? Witnessed.allCases.filter { $0 != .nucleation } : [.reduction, .oxidation, .seiFormation, .hop])
            + (item.nucleation > 0 ? [.nucleation] : [])
        for kind in expected { #expect((seen[kind] ?? 0) > 0, "no \(kind.rawValue) in \(seen)") }
        if item.nucleation == 0 { #expect(seen[.nucleation] == nil) }
        #expect((seen[.reduction] ?? 0) > 100 && (seen[.oxidation] ?? 0) > 100)
    }
}
