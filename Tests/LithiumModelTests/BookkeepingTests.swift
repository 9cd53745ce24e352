import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Testing

/// Incremental state (rate classes, neighbour keys, bit planes) equals a from-scratch rebuild
/// after long random plating/stripping sequences, and Li is conserved exactly.
@Suite struct BookkeepingTests {
    struct Case: Sendable, CustomStringConvertible {
        let substrate: String, lx: Int, ly: Int, lz: Int, layers: Int, film: Int
        var description: String { "\(substrate) \(lx)×\(ly)×\(lz) layers=\(layers) film=\(film)" }
    }

    static let cases = [
        Case(substrate: "Cu", lx: 12, ly: 12, lz: 8, layers: 1, film: 0),
        Case(substrate: "Au", lx: 10, ly: 8, lz: 7, layers: 2, film: 0),
        Case(substrate: "Zn", lx: 9, ly: 1, lz: 12, layers: 2, film: 1),
        Case(substrate: "Cu", lx: 16, ly: 16, lz: 6, layers: 1, film: 2),
        Case(substrate: "Sn", lx: 5, ly: 6, lz: 9, layers: 3, film: 0),
    ]

    @Test(arguments: cases)
    func incrementalStateEqualsRebuildUnderPlatingAndStripping(_ item: Case) throws {
        var parameters = try ModelParameters(substrateNamed: item.substrate)
        parameters.substrateLayers = item.layers
        parameters.lithiumBondEnergy = 0.04
        // Slow diffusion down so that every kind of event, faradaic ones included, is frequent.
        parameters.lithiumDiffusivity = 1e-13
        parameters.seiExchangeCurrentDensity = 0.05
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
        let initialLithium = engine.application.lithiumSites + engine.application.alloySites
        for round in 0..<24 {
            // Alternate plating and stripping potentials.
            let eta = round % 2 == 0 ? 0.12 : -0.12
            engine.application.control.mode = .potentiostatic(overpotential: eta)
            engine.application.didPerform(rates: engine.rates)
            _ = engine.run(.events(engine.clock.events + 400))
            #expect(engine.inconsistencies().isEmpty, "round \(round): \(engine.inconsistencies().prefix(3))")
            #expect(engine.application.staleCells().isEmpty)
            #expect(engine.application.grid.checkPlanes())
            #expect(engine.application.connectivityErrors().isEmpty, "\(engine.application.connectivityErrors().prefix(3))")
            let model = engine.application
            #expect(model.lithiumSites + model.alloySites + model.seiSites == initialLithium + model.netFaradaicEvents)
            #expect(model.netFaradaicEvents == model.reductions + model.seiFormations - model.oxidations)
            #expect(model.population == model.grid.populations())
        }
        #expect(engine.application.reductions > 100 && engine.application.oxidations > 100)
        let counts = engine.application.eventsByType
        #expect(counts[EventType.hop.rawValue] > 20)
        #expect(counts[EventType.seiFormation.rawValue] > 0)
        if parameters.substrate.lithiophilic {
            for type in [EventType.alloying, .dealloying, .alloyTransport] {
                #expect(counts[type.rawValue] > 0, "no \(type.name) event: \(counts)")
            }
        }
    }
}
