import GSLRandom
import Kinetics
import Lattice
@testable import LithiumModel
import Testing

/// A site kind and three events declared through the event table alone, as a new physics would be
/// (docs: Sources/LithiumModel/README.md): a coating kind (solid, insulating, no bond to Li) that
/// grows on connected Li from the electrolyte, drifts into the electrolyte and dissolves. The whole
/// incremental state must equal a rebuild after every event of long plating/stripping sequences,
/// on a lithiophobic and a lithiophilic substrate, and every declared event must happen.
@Suite struct ExtraKindTests {
    static let coating: UInt8 = 5

    /// The coating's growth takes the empty site's third slot, which sub-grid nucleation (off here)
    /// holds in the Li model: a new event of the empty site needs a slot freed or added.
    static let table = EventTable(EventTable.lithium.rules.filter { $0.type != .nucleation } + [
        EventRule(kind: SiteKind.empty, slot: 2, type: .seiFormation,
                  reads: .keyIfConnectedNeighbor(among: [SiteKind.lithium]),
                  rate: { $0.n.lithium > 0 ? 0.4 : 0 },
                  action: .become(coating)),
        EventRule(kind: coating, slot: 0, type: .alloyTransport, reads: .key,
                  rate: { Double($0.n.empty) * 0.3 },
                  action: .move(to: .neighbor(ofKind: SiteKind.empty), leaving: SiteKind.empty, arriving: coating)),
        EventRule(kind: coating, slot: 1, type: .dealloying, reads: .key,
                  rate: { $0.n.empty > 0 ? 0.5 : 0 },
                  action: .become(SiteKind.empty)),
    ])

    @Test(arguments: ["Cu", "Au"])
    func incrementalStateEqualsRebuildWithACoatingKind(_ substrate: String) throws {
        var parameters = try ModelParameters(substrateNamed: substrate)
        parameters.lithiumBondEnergy = 0.04
        parameters.lithiumDiffusivity = 1e-13
        parameters.seiExchangeCurrentDensity = 0.05
        if parameters.substrate.lithiophilic {
            parameters.substrate.alloyDiffusivity = 3e-13
            parameters.substrate.alloyingFreeEnergy = 0
        }
        let shape = try LatticeShape(lx: 10, ly: 9, lz: 8)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: parameters.substrateLayers, lithiumLayers: 1)
        let model = try LithiumModel(shape: shape, parameters: parameters, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: 0.1)), table: Self.table)
        #expect(EventLookup.slots(of: SiteKind.empty, in: model.definition.lookup.liveSlots) == 0b111)
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: 5, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        var grown = 0, drifted = 0, dissolved = 0
        for round in 0..<20 {
            engine.application.control.mode = .potentiostatic(overpotential: round % 2 == 0 ? 0.12 : -0.12)
            engine.application.didPerform(rates: engine.rates)
            for _ in 0..<400 {
                let before = engine.application.grid.states
                guard engine.step() == nil else { break }
                let after = engine.application.grid.states
                let changed = before.indices.filter { before[$0] != after[$0] }
                if changed.count == 1, after[changed[0]] == Self.coating { grown += 1 }
                if changed.count == 1, before[changed[0]] == Self.coating { dissolved += 1 }
                if changed.count == 2, changed.contains(where: { after[$0] == Self.coating }) { drifted += 1 }
                let problems = engine.inconsistencies().prefix(3) + engine.application.staleCells().prefix(3).map { "stale \($0)" }
                    + engine.application.connectivityErrors().prefix(3)
                #expect(problems.isEmpty, "\(substrate) round \(round) event \(engine.clock.events): \(problems)")
                #expect(engine.application.grid.checkPlanes())
                if !problems.isEmpty { return }
            }
        }
        let final = engine.application
        #expect(final.population(of: Self.coating) == final.grid.states.filter { $0 == Self.coating }.count)
        #expect(grown > 20 && drifted > 20 && dissolved > 20, "coating grown \(grown), drifted \(drifted), dissolved \(dissolved)")
    }
}
