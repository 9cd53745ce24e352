import GSLRandom
import Kinetics
import Lattice
@testable import LithiumModel
import Testing

/// Exact electronic connectivity: a built neck geometry, and the incremental dead flags against a
/// full flood fill after every event of long random plating/stripping sequences.
@Suite struct ConnectivityTests {
    static func model(_ substrate: String, _ shape: LatticeShape, layers: Int = 1, film: Int = 0,
                      eta: Double = 0, configure: (inout ModelParameters) -> Void = { _ in }) throws -> LithiumModel {
        var parameters = try ModelParameters(substrateNamed: substrate)
        parameters.substrateLayers = layers
        configure(&parameters)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: layers, lithiumLayers: film)
        return try LithiumModel(shape: shape, parameters: parameters, kinds: kinds,
                                control: ElectrochemicalControl(mode: .potentiostatic(overpotential: eta)))
    }

    static func engine(_ model: LithiumModel, seed: UInt64) throws -> KineticEngine<LithiumModel> {
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: seed, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        return engine
    }

    /// A 3 × 3 × 2 Li cluster on a one-site neck above Cu. Cutting the neck kills the cluster at
    /// once; under a strongly anodic potential it is then never oxidised (while the rest of the
    /// electrode is); plating that reaches it revives it.
    @Test func clusterOnANeck() throws {
        let shape = try LatticeShape(lx: 9, ly: 9, lz: 8)
        var model = try Self.model("Cu", shape) { $0.lithiumDiffusivity = 1e-16 }  // hops negligible
        let affected = AffectedEvents()
        let neck = shape.index(x: 4, y: 4, z: 1)
        var cluster: [UInt32] = []
        for z in 2...3 { for y in 3...5 { for x in 3...5 { cluster.append(shape.index(x: x, y: y, z: z)) } } }
        let anchor = shape.index(x: 0, y: 0, z: 1)  // connected Li elsewhere, to show oxidation does happen
        for site in [neck, anchor] + cluster { model.change(site, to: SiteKind.lithium, affected: affected) }
        #expect(model.deadSites == 0)
        model.change(neck, to: SiteKind.empty, affected: affected)
        #expect(model.deadSites == cluster.count)
        #expect(cluster.allSatisfy { model.isDeadLithium($0) })
        #expect(model.connectivityErrors().isEmpty)

        var engine = try Self.engine(model, seed: 5)
        engine.application.control.mode = .potentiostatic(overpotential: -0.3)
        engine.application.didPerform(rates: engine.rates)
        // Strip until every connected Li atom is gone, checking each event: the dead cluster is
        // never oxidised, however long the strip runs.
        let witness = EventWitness(shape: shape)
        var oxidised = 0
        while engine.application.connectedLithiumSites > 0 || oxidised == 0 {
            let before = engine.application.grid.states
            let dead = Set(cluster.filter { engine.application.isDeadLithium($0) }.map(Int.init))
            guard engine.step() == nil else { break }
            guard let event = witness.event(from: before, to: engine.application.grid.states) else {
                Issue.record("an event the model does not have"); break
            }
            if event.0 == .oxidation { oxidised += 1 }
            #expect(witness.violations(of: event, kinds: before, dead: dead.contains).isEmpty)
        }
        #expect(oxidised >= 1, "the anchor was oxidised")
        #expect(engine.application.connectedLithiumSites == 0)
        #expect(cluster.allSatisfy { engine.application.grid[$0] == SiteKind.lithium && engine.application.isDeadLithium($0) })
        // Nothing connected is left to oxidise: the anodic rate table holds no oxidation at all.
        #expect(engine.rates.totalRate(ofType: EventType.oxidation.rawValue) == 0)

        engine.application.control.mode = .potentiostatic(overpotential: 0.15)
        engine.application.didPerform(rates: engine.rates)
        while engine.application.deadSites > 0 && engine.clock.events < 1_000_000 {
            guard engine.step() == nil else { break }
        }
        #expect(engine.application.deadSites == 0, "plating reconnected the cluster")
        #expect(engine.application.connectivityErrors().isEmpty)
        #expect(engine.inconsistencies().isEmpty)
    }

    struct Case: Sendable, CustomStringConvertible {
        let substrate: String, lx: Int, ly: Int, lz: Int, film: Int
        var description: String { "\(substrate) \(lx)×\(ly)×\(lz) film=\(film)" }
    }

    static let cases = [
        Case(substrate: "Cu", lx: 10, ly: 10, lz: 9, film: 0),
        Case(substrate: "Cu", lx: 14, ly: 1, lz: 16, film: 0),
        Case(substrate: "Au", lx: 7, ly: 6, lz: 10, film: 0),
        Case(substrate: "Cu", lx: 9, ly: 8, lz: 8, film: 3),
        Case(substrate: "Cu", lx: 2, ly: 3, lz: 12, film: 2),
    ]

    /// Slow diffusion and alternating ±η grow a porous deposit and strip it unevenly, so pieces are
    /// cut off and reconnected often; after every event the dead flags equal a flood fill.
    /// Further seeds run (up to four) until the sequences have both cut Li off and revived it.
    @Test(arguments: cases)
    func incrementalEqualsFloodFillAfterEveryEvent(_ item: Case) throws {
        try Self.checkSequences(item, searchBudget: nil)
    }

    /// The same sequences with a search budget of two sites, so that every removal that needs a
    /// search hands over to the full bit-parallel flood fill: the fall-back in every geometry.
    @Test(arguments: cases)
    func fallbackFloodFillAfterEveryEvent(_ item: Case) throws {
        try Self.checkSequences(item, searchBudget: 2)
    }

    static func checkSequences(_ item: Case, searchBudget: Int?) throws {
        var mostDead = 0, revivals = 0
        for seed in UInt64(9)..<13 where mostDead == 0 || revivals == 0 {
            let (dead, revived) = try Self.platingStrippingSequence(item, seed: seed, searchBudget: searchBudget)
            mostDead = max(mostDead, dead)
            revivals += revived
        }
        #expect(mostDead > 0, "no Li was ever cut off: the test exercised nothing")
        #expect(revivals > 0, "no dead Li was ever reconnected")
    }

    /// Alternating ±0.3 V rounds on `item`, checking after every event the dead flags against a
    /// flood fill, every cell and rate class against a rebuild, and the event itself against the
    /// dead-Li rules; returns the most dead sites at once and how many events revived dead Li.
    static func platingStrippingSequence(_ item: Case, seed: UInt64, searchBudget: Int? = nil) throws
        -> (mostDead: Int, revivals: Int)
    {
        let shape = try LatticeShape(lx: item.lx, ly: item.ly, lz: item.lz)
        var model = try Self.model(item.substrate, shape, film: item.film) {
            $0.lithiumDiffusivity = 1e-14
            $0.lithiumBondEnergy = 0.0
            $0.seiExchangeCurrentDensity = 0.02
            $0.substrate.alloyDiffusivity = 1e-13
        }
        if let searchBudget { model.searchBudget = searchBudget }
        var engine = try Self.engine(model, seed: seed)
        let witness = EventWitness(shape: shape)
        var mostDead = 0, revivals = 0
        let area = item.lx * item.ly
        for round in 0..<(6000 / (7 * area / 2)) {
            let plating = round % 2 == 0
            engine.application.control.mode = .potentiostatic(overpotential: plating ? 0.3 : -0.3)
            engine.application.didPerform(rates: engine.rates)
            for _ in 0..<(plating ? 4 * area : 3 * area) {
                let dead = engine.application.deadSites
                let before = engine.application.grid.states
                let deadBefore = Set((0..<shape.siteCount).filter { engine.application.isDeadLithium(UInt32($0)) })
                guard engine.step() == nil else { break }
                if engine.application.deadSites < dead && engine.application.reductions > 0 { revivals += 1 }
                mostDead = max(mostDead, engine.application.deadSites)
                let event = witness.event(from: before, to: engine.application.grid.states)
                let errors = engine.application.connectivityErrors()
                    + engine.application.staleCells().prefix(3).map { "stale cell \($0)" }
                    + engine.inconsistencies().prefix(3)
                    + (event.map { witness.violations(of: $0, kinds: before, dead: deadBefore.contains) } ?? ["unknown event"])
                #expect(errors.isEmpty, "seed \(seed) round \(round) event \(engine.clock.events): \(errors.prefix(3))")
                if !errors.isEmpty { return (mostDead, revivals) }
            }
        }
        #expect(engine.inconsistencies().isEmpty)
        return (mostDead, revivals)
    }

    /// The search budget's fall-back (a full bit-parallel flood fill) gives the same state as the
    /// local searches.
    @Test func fallbackFloodFillAgrees() throws {
        let shape = try LatticeShape(lx: 6, ly: 6, lz: 40)
        var model = try Self.model("Cu", shape)
        let affected = AffectedEvents()
        // A tall column with a wide top: cutting its base needs a search larger than nothing.
        for z in 1..<39 { model.change(shape.index(x: 2, y: 2, z: z), to: SiteKind.lithium, affected: affected) }
        for y in 0..<6 { for x in 0..<6 { model.change(shape.index(x: x, y: y, z: 38), to: SiteKind.lithium, affected: affected) } }
        var viaFallback = model
        viaFallback.searchBudget = 10
        model.change(shape.index(x: 2, y: 2, z: 1), to: SiteKind.empty, affected: affected)
        viaFallback.change(shape.index(x: 2, y: 2, z: 1), to: SiteKind.empty, affected: affected)
        #expect(model.deadSites == 37 + 35)
        #expect(viaFallback.deadSites == model.deadSites)
        #expect(model.connectivityErrors().isEmpty && viaFallback.connectivityErrors().isEmpty)
    }
}
