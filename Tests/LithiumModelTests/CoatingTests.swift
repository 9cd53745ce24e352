import Foundation
import GSLRandom
import Kinetics
import Lattice
@testable import LithiumModel
import Testing

/// The protective coating (docs/MODEL.md §4c): exact bookkeeping through the column move, Li
/// conservation at every event, and detailed balance of every coating event by enumeration
/// against an energy function written out here independently of the rate code.
@Suite struct CoatingTests {
    /// Fast enough coating and slow enough surface diffusion that every event is frequent.
    static func parameters(_ electronics: CoatingElectronics, thickness: Int) -> ModelParameters {
        var p = ModelParameters(substrate: MaterialPresets.substrate(named: "Cu")!)
        p.substrateLayers = 1
        p.lithiumBondEnergy = 0.04
        p.lithiumDiffusivity = 1e-13
        p.seiExchangeCurrentDensity = 0.05
        p.coatingThickness = thickness
        p.coatingDiffusivity = 3e-13
        p.coatingElectronics = electronics
        p.coatingFreeEnergy = -0.02
        return p
    }

    struct Case: Sendable, CustomStringConvertible {
        let electronics: CoatingElectronics, lx: Int, ly: Int, lz: Int, film: Int, thickness: Int
        var description: String { "\(electronics.rawValue) \(lx)×\(ly)×\(lz) film=\(film) h_c=\(thickness)" }
    }

    static let cases = [
        Case(electronics: .conducting, lx: 6, ly: 5, lz: 8, film: 1, thickness: 2),
        Case(electronics: .insulating, lx: 6, ly: 5, lz: 8, film: 1, thickness: 2),
        Case(electronics: .conducting, lx: 12, ly: 1, lz: 10, film: 1, thickness: 1),
        Case(electronics: .insulating, lx: 5, ly: 4, lz: 9, film: 2, thickness: 3),
    ]

    /// Rate classes, keys, hop targets, dead flags and column-reading classes equal a rebuild after
    /// every event of plating/stripping sequences, and plated = underneath + on top + in coating + SEI
    /// (net faradaic events against the lattice) after every event.
    @Test(arguments: cases)
    func incrementalStateEqualsRebuildThroughColumnMoves(_ item: Case) throws {
        let p = Self.parameters(item.electronics, thickness: item.thickness)
        let shape = try LatticeShape(lx: item.lx, ly: item.ly, lz: item.lz)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1, lithiumLayers: item.film,
                                                  coatingLayers: item.thickness)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: 0.1)))
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: 11, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        let start = engine.application.coatingCensus()
        let startSEI = engine.application.seiSites
        let coatingSites = item.lx * item.ly * item.thickness
        for round in 0..<16 {
            engine.application.control.mode = .potentiostatic(overpotential: round % 2 == 0 ? 0.15 : -0.1)
            engine.application.didPerform(rates: engine.rates)
            for _ in 0..<250 {
                guard engine.step() == nil else { break }
                let m = engine.application
                let problems = engine.inconsistencies().prefix(3) + m.staleCells().prefix(3).map { "stale \($0)" }
                    + m.connectivityErrors().prefix(3)
                #expect(problems.isEmpty, "round \(round) event \(engine.clock.events): \(problems)")
                #expect(m.grid.checkPlanes())
                let c = m.coatingCensus()
                let plated = (c.underneath - start.underneath) + (c.onTop - start.onTop) + c.inCoating + (m.seiSites - startSEI)
                #expect(m.netFaradaicEvents == plated, "round \(round) event \(engine.clock.events)")
                // The coating neither gains nor loses sites, and stays one run per column.
                #expect(m.population(of: SiteKind.coating) + m.population(of: SiteKind.lithiatedCoating) == coatingSites)
                if !problems.isEmpty || m.netFaradaicEvents != plated { return }
            }
        }
        let m = engine.application
        for type in [EventType.coatingHop, .underplating, .coatingUptake, .reduction, .oxidation] {
            #expect(m.eventsByType[type.rawValue] > 20, "\(type.name): \(m.eventsByType[type.rawValue]) events")
        }
        #expect(m.coatingCensus().meanInterfaceHeight != start.meanInterfaceHeight)
    }

    // MARK: Detailed balance by enumeration

    /// 3×1×3: collector, a one-site coating, one free layer: the column can move up into the top plane.
    static func start(_ electronics: CoatingElectronics) throws -> (LithiumModel, ModelParameters) {
        var p = parameters(electronics, thickness: 1)
        p.seiExchangeCurrentDensity = 0
        let shape = try LatticeShape(lx: 3, ly: 1, lz: 3)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1, lithiumLayers: 0, coatingLayers: 1)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: eta)))
        return (model, p)
    }

    static let eta = 0.03

    /// ln of a configuration's grand-canonical weight at η, from the bonds (x periodic, walls in z,
    /// Li bonds to Li and M only) and the chemical potentials: β[Σ bonds + N_Li(eη − 3ε) + N_CLi(eη + ΔG_c)].
    static func logWeight(_ kinds: [UInt8], p: ModelParameters, lx: Int, lz: Int) -> Double {
        let kT = p.thermalEnergy, eps = p.lithiumBondEnergy, epsM = p.effectiveSubstrateBondEnergy
        func bond(_ a: UInt8, _ b: UInt8) -> Double {
            if a == SiteKind.lithium && b == SiteKind.lithium { return eps }
            if (a == SiteKind.lithium && b == SiteKind.substrate) || (b == SiteKind.lithium && a == SiteKind.substrate) { return epsM }
            return 0
        }
        var h = 0.0
        for z in 0..<lz {
            for x in 0..<lx {
                let k = kinds[x + lx * z]
                h += bond(k, kinds[(x + 1) % lx + lx * z])
                if z + 1 < lz { h += bond(k, kinds[x + lx * (z + 1)]) }
                if k == SiteKind.lithium { h += eta - 3 * eps }
                if k == SiteKind.lithiatedCoating { h += eta + p.coatingFreeEnergy }
            }
        }
        return h / kT
    }

    /// A transition to one state: its total rate, the model carried there, and whether only Li hops lead there.
    struct Transition {
        var rate = 0.0
        var model: LithiumModel
        var hopsOnly = true
    }

    /// Every transition the model can make from `model`'s state, with its rate: each event with a
    /// class, carried out on a copy for 60 evenly spaced uniform numbers (every choice among up to
    /// six targets is taken equally often).
    static func transitions(of model: LithiumModel, p: ModelParameters) -> [[UInt8]: Transition] {
        let k = model.constants
        var out: [[UInt8]: Transition] = [:]
        var random = UniformBuffer(stream: try! RandomStream(masterSeed: 1, replica: 0))
        for event in 0..<UInt32(model.eventCount) {
            guard let c = model.classify(event) else { continue }
            var rate = model.rateCatalog.rates[c]
            let type = model.rateCatalog.types[c]
            if type == EventType.reduction.rawValue { rate *= exp(k.alpha * k.f * eta) }
            if type == EventType.oxidation.rawValue { rate *= exp(-(1 - k.alpha) * k.f * eta) }
            for i in 0..<60 {
                var copy = model
                copy.perform(event, rateClass: c, uniform: (Double(i) + 0.5) / 60, random: &random, affected: AffectedEvents())
                out[copy.grid.states, default: Transition(model: copy)].rate += rate / 60
                if type != EventType.hop.rawValue { out[copy.grid.states]!.hopsOnly = false }
            }
        }
        return out
    }

    /// The ratio of a move's rate to its reverse's, against the Boltzmann weights; nil when the
    /// reverse does not exist.
    static func balance(from model: LithiumModel, to target: Transition, p: ModelParameters, lx: Int, lz: Int)
        -> (ratio: Double, boltzmann: Double)? {
        guard let back = transitions(of: target.model, p: p)[model.grid.states] else { return nil }
        let boltzmann = exp(logWeight(target.model.grid.states, p: p, lx: lx, lz: lz) - logWeight(model.grid.states, p: p, lx: lx, lz: lz))
        return (target.rate / back.rate, boltzmann)
    }

    /// An overhang: column 0 holds its lithiated coating site, an empty site, then Li held by its
    /// neighbour. The column moves up into the empty site (plating underneath), after which the
    /// coating touches the Li above; the move down must still be possible (its run may end under a
    /// solid), with the Boltzmann ratio — else the move up would have no reverse (detailed balance broken).
    @Test(arguments: [CoatingElectronics.conducting, .insulating])
    func aColumnThatMovedUpUnderAnOverhangCanMoveBack(_ electronics: CoatingElectronics) throws {
        var p = Self.parameters(electronics, thickness: 1)
        p.seiExchangeCurrentDensity = 0
        let shape = try LatticeShape(lx: 3, ly: 1, lz: 4)
        let (e, li, m, c, cLi) = (SiteKind.empty, SiteKind.lithium, SiteKind.substrate, SiteKind.coating, SiteKind.lithiatedCoating)
        let kinds: [UInt8] = [m, m, m, cLi, c, c, e, li, e, li, li, e]  // z = 0, 1, 2, 3 (x = 0, 1, 2 each)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: Self.eta)))
        var up = kinds
        up[3] = li
        up[6] = c
        let moves = Self.transitions(of: model, p: p)
        let move = try #require(moves[up], "column 0 does not move up into the empty site under the overhang")
        let balance = try #require(Self.balance(from: model, to: move, p: p, lx: 3, lz: 4),
                                   "the move up under an overhang has no reverse")
        #expect(abs(balance.ratio / balance.boltzmann - 1) < 1e-9, "ratio \(balance.ratio), Boltzmann \(balance.boltzmann)")
    }

    @Test(arguments: [CoatingElectronics.conducting, .insulating])
    func everyCoatingMoveAndItsReverseHaveTheBoltzmannRatio(_ electronics: CoatingElectronics) throws {
        let (first, p) = try Self.start(electronics)
        var models = [first], index = [first.grid.states: 0], rates: [[Int: Double]] = []
        var hopsOnly: Set<[Int]> = []
        var next = 0
        while next < models.count {
            var row: [Int: Double] = [:]
            // The model carried through the move is the next state's model (its bookkeeping is exact:
            // the test above), so no state is rebuilt.
            for (state, move) in Self.transitions(of: models[next], p: p) where state != models[next].grid.states {
                if index[state] == nil {
                    index[state] = models.count
                    models.append(move.model)
                }
                row[index[state]!] = move.rate
                if move.hopsOnly { hopsOnly.insert([next, index[state]!]) }
            }
            rates.append(row)
            next += 1
            #expect(models.count < 5000)
            if models.count >= 5000 { return }
        }
        var checked = 0, stranded = 0, columnMoves = 0
        for (i, row) in rates.enumerated() {
            let from = models[i].grid.states
            for (j, rate) in row {
                let to = models[j].grid.states
                guard let back = rates[j][i] else {
                    // A Li atom whose support was taken from under it may be unable to hop back (docs/MODEL.md §4);
                    // every other move must have its reverse.
                    #expect(hopsOnly.contains([i, j]), "\(from) → \(to) has no reverse and is not a Li hop")
                    stranded += 1
                    continue
                }
                let ratio = rate / back
                let boltzmann = exp(Self.logWeight(to, p: p, lx: 3, lz: 3) - Self.logWeight(from, p: p, lx: 3, lz: 3))
                #expect(abs(ratio / boltzmann - 1) < 1e-9, "\(from) → \(to): ratio \(ratio), Boltzmann \(boltzmann)")
                checked += 1
                let moved = (0..<3).contains { x in from[x + 6] != to[x + 6] && SiteKind.isCoating(to[x + 6]) && from[x + 6] == SiteKind.empty }
                if moved { columnMoves += 1 }
            }
        }
        #expect(models.count > 30 && checked > 100 && columnMoves > 0, "\(models.count) states, \(checked) moves, \(columnMoves) column moves")
        #expect(stranded < checked / 20, "\(stranded) moves without a reverse")
    }
}

