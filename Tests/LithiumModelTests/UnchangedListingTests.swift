import GSLRandom
import Kinetics
import Lattice
@testable import LithiumModel
import Testing

/// Events a site change lists as unchanged (``ModelDefinition/unchangedMark``) are skipped by the
/// re-classification only where that cannot matter: the trajectory — site kinds, clock, and the
/// member order of every rate class, which fixes the selection — is the same bit for bit as when
/// every listed event is re-classified, through plating, stripping with dead Li, alloying, sub-grid
/// nucleation, a declared extra kind and the coating's column moves.
@Suite struct UnchangedListingTests {
    struct Case: Sendable, CustomStringConvertible {
        let substrate: String, lx: Int, ly: Int, lz: Int, layers: Int, film: Int
        var nucleation = 0.0
        var coating: CoatingElectronics?
        var extraKind = false
        /// Surface diffusion at the material's rate (hops dominate, and a move's second change often
        /// finds hop targets around Li next to its first site), not slowed down.
        var fastHops = false
        var description: String {
            "\(substrate) \(lx)×\(ly)×\(lz) film=\(film) J₀=\(nucleation) coating=\(coating.map { "\($0)" } ?? "none")"
                + " extra=\(extraKind) fastHops=\(fastHops)"
        }
    }

    static let cases = [
        Case(substrate: "Cu", lx: 12, ly: 12, lz: 8, layers: 1, film: 0),
        Case(substrate: "Cu", lx: 16, ly: 16, lz: 6, layers: 1, film: 2),
        Case(substrate: "Au", lx: 10, ly: 8, lz: 7, layers: 2, film: 0),
        Case(substrate: "Zn", lx: 9, ly: 1, lz: 12, layers: 2, film: 1),
        Case(substrate: "Cu", lx: 12, ly: 12, lz: 8, layers: 1, film: 0, nucleation: 1e14),
        Case(substrate: "Cu", lx: 6, ly: 5, lz: 8, layers: 1, film: 1, coating: .conducting),
        Case(substrate: "Cu", lx: 5, ly: 5, lz: 9, layers: 1, film: 2, coating: .insulating),
        Case(substrate: "Cu", lx: 10, ly: 9, lz: 8, layers: 1, film: 1, extraKind: true),
        Case(substrate: "Cu", lx: 12, ly: 10, lz: 8, layers: 1, film: 3, fastHops: true),
        // Axes of 5 and 6, the shortest that mark.
        Case(substrate: "Cu", lx: 5, ly: 5, lz: 8, layers: 1, film: 2, fastHops: true),
        Case(substrate: "Au", lx: 5, ly: 6, lz: 7, layers: 2, film: 0),
    ]

    static func engine(_ item: Case, marking: Bool) throws -> KineticEngine<LithiumModel> {
        var p = try ModelParameters(substrateNamed: item.substrate)
        p.substrateLayers = item.layers
        p.lithiumBondEnergy = 0.04
        if !item.fastHops { p.lithiumDiffusivity = 1e-13 }
        p.seiExchangeCurrentDensity = 0.05
        (p.subgridNucleationPrefactor, p.subgridNucleationBarrier) = (item.nucleation, 200)
        if p.substrate.lithiophilic {
            p.substrate.alloyDiffusivity = 3e-13
            p.substrate.alloyingFreeEnergy = 0
        }
        if let electronics = item.coating {
            p.coatingThickness = 2
            p.coatingDiffusivity = 3e-13
            p.coatingElectronics = electronics
            p.coatingFreeEnergy = -0.02
        }
        let shape = try LatticeShape(lx: item.lx, ly: item.ly, lz: item.lz)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: item.layers, lithiumLayers: item.film,
                                                  coatingLayers: item.coating == nil ? 0 : p.coatingThickness)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: 0.1)),
                                     table: item.extraKind ? ExtraKindTests.table : .of(p), marksUnchanged: marking)
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: 7, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        return engine
    }

    @Test(arguments: cases)
    func skippingUnchangedEventsKeepsTheTrajectory(_ item: Case) throws {
        var marked = try Self.engine(item, marking: true), plain = try Self.engine(item, marking: false)
        #expect(marked.application.definition.unchangedMark != 0 && plain.application.definition.unchangedMark == 0)
        for round in 0..<16 {
            let mode = ElectrochemicalControl.Mode.potentiostatic(overpotential: round % 2 == 0 ? 0.12 : -0.12)
            marked.application.control.mode = mode
            marked.application.didPerform(rates: marked.rates)
            plain.application.control.mode = mode
            plain.application.didPerform(rates: plain.rates)
            for _ in 0..<500 {
                let a = marked.step(), b = plain.step()
                #expect(a == b)
                if a != nil { break }
            }
            let sameSites = marked.application.grid.states == plain.application.grid.states
            let sameClock = marked.clock.time == plain.clock.time && marked.clock.events == plain.clock.events
            #expect(sameSites && sameClock, "round \(round): sites \(sameSites ? "equal" : "differ"), clock \(sameClock ? "equal" : "differs")")
            let differing = (0..<marked.rates.classCount).filter { marked.rates.members(ofClass: $0) != plain.rates.members(ofClass: $0) }
            #expect(differing.isEmpty, "round \(round): member order differs in classes \(differing.prefix(5))")
            if !differing.isEmpty { return }
        }
        #expect(marked.inconsistencies().isEmpty)
    }

    /// On a lattice with a periodic axis of 2 to 4 sites a site can be a neighbour twice over, or of
    /// both sites of a move in a direction `change` does not look in: marking is off there.
    @Test func shortAxesTurnMarkingOff() throws {
        for (lx, ly, marks) in [(5, 5, true), (4, 5, false), (3, 5, false), (5, 2, false), (5, 1, true)] {
            let shape = try LatticeShape(lx: lx, ly: ly, lz: 5)
            let p = try ModelParameters(substrateNamed: "Cu")
            let model = try LithiumModel(shape: shape, parameters: p, kinds: LithiumModel.initialKinds(shape: shape, substrateLayers: 1),
                                         control: ElectrochemicalControl(mode: .potentiostatic(overpotential: 0.1)))
            #expect((model.definition.unchangedMark != 0) == marks, "\(lx)×\(ly)")
        }
    }
}
