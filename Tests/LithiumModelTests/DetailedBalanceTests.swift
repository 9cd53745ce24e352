import Analysis
import Foundation
import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Testing

/// Detailed balance of the Li model by enumeration: tiny electrodes at fixed η, every reachable
/// configuration listed by the independent ``RateOracle``; each move and its reverse have the
/// rate ratio of the grand-canonical weights, and a long KMC run of the model occupies each
/// configuration for the fraction of time the exact stationary distribution gives (χ² on batch
/// means). The alloy sits at equilibrium at η = −ΔG_alloy/e.
@Suite struct DetailedBalanceTests {
    struct System: Sendable, CustomStringConvertible {
        let substrate: String, lx: Int, ly: Int, lz: Int, eta: Double
        var description: String { "\(substrate) \(lx)×\(ly)×\(lz) η=\(eta)" }
    }

    /// 3×1×3: two free layers above one substrate layer, so Li can be cut off (dead) and reconnected.
    /// 3×3×2 and 3×1×2: one free layer, where every move is reversible.
    static let systems = [
        System(substrate: "Cu", lx: 3, ly: 1, lz: 3, eta: 0.1),
        System(substrate: "Au", lx: 3, ly: 1, lz: 3, eta: 0.03),
        System(substrate: "Cu", lx: 3, ly: 3, lz: 2, eta: 0.1),
        System(substrate: "Au", lx: 3, ly: 1, lz: 2, eta: 0.03),
    ]

    /// Slow hops and alloy transport (comparable with the faradaic rates) so that the tiny system
    /// mixes in a few events; ΔG_alloy = 0.02 eV so that the alloy layer fluctuates at η = 30 mV.
    static func parameters(_ substrate: String) throws -> ModelParameters {
        var p = try ModelParameters(substrateNamed: substrate)
        p.substrateLayers = 1
        p.lithiumDiffusivity = 1e-14
        if p.substrate.lithiophilic {
            p.substrate.alloyDiffusivity = 1e-14
            p.substrate.alloyingFreeEnergy = 0.02
        }
        return p
    }

    static func start(_ s: System) -> [UInt8] {
        (0..<(s.lx * s.ly * s.lz)).map { $0 < s.lx * s.ly ? RateOracle.metal : RateOracle.empty }
    }

    /// A hop whose mover touches no solid but its destination at the origin: the reverse hop is
    /// forbidden (its destination would touch the mover only). Such atoms exist only after the
    /// solid under them was oxidised, and are documented as the one exception (docs/MODEL.md §4).
    static func isStrandedHop(_ t: RateOracle.Transition, from kinds: [UInt8], oracle: RateOracle) -> Bool {
        guard t.type == .hop else { return false }
        return oracle.neighbors(t.site).allSatisfy { kinds[$0] == RateOracle.empty }
    }

    @Test(arguments: systems)
    func everyMoveAndItsReverseHaveTheBoltzmannRatio(_ s: System) throws {
        let oracle = RateOracle(lx: s.lx, ly: s.ly, lz: s.lz, p: try Self.parameters(s.substrate))
        let space = StateSpace(oracle: oracle, start: Self.start(s), eta: s.eta)
        var checked = 0, stranded = 0
        for (i, kinds) in space.states.enumerated() {
            for t in oracle.transitions(kinds, eta: s.eta) {
                let j = space.index[t.result]!
                guard let back = space.rates[j][i] else {
                    #expect(Self.isStrandedHop(t, from: kinds, oracle: oracle), "\(t.type) at \(t.site) has no reverse")
                    stranded += 1
                    continue
                }
                let ratio = space.rates[i][j]! / back
                let boltzmann = exp(oracle.logWeight(t.result, eta: s.eta) - oracle.logWeight(kinds, eta: s.eta))
                #expect(abs(ratio / boltzmann - 1) < 1e-9, "\(t.type) at \(t.site): ratio \(ratio), Boltzmann \(boltzmann)")
                checked += 1
            }
        }
        #expect(space.states.count > 20 && checked > 100, "\(space.states.count) states, \(checked) moves")
        if s.lz == 2 { #expect(stranded == 0) }
    }

    /// KMC occupation vs the exact stationary distribution; where every move is reversible that
    /// distribution is the grand-canonical one, exp(β[Σ bonds + N_Li(eη − B_kink) + N_LiM(eη + ΔG)]).
    @Test(arguments: systems)
    func occupationMatchesTheExactStationaryDistribution(_ s: System) throws {
        let p = try Self.parameters(s.substrate)
        let oracle = RateOracle(lx: s.lx, ly: s.ly, lz: s.lz, p: p)
        let space = StateSpace(oracle: oracle, start: Self.start(s), eta: s.eta)
        let exact = space.stationaryDistribution()
        let weights = space.states.map { exp(oracle.logWeight($0, eta: s.eta)) }
        let z = weights.reduce(0, +)
        let grandCanonical = weights.map { $0 / z }
        let reversible = s.lz == 2
        if reversible {
            for k in exact.indices { #expect(abs(exact[k] - grandCanonical[k]) < 1e-9, "state \(k)") }
        }
        let reference = reversible ? grandCanonical : exact

        // Categories: every configuration with π ≥ 2·10⁻³, and the rest lumped together if that
        // lump is as likely.
        let common = reference.indices.filter { reference[$0] >= 2e-3 }
        let category = Dictionary(uniqueKeysWithValues: common.enumerated().map { ($1, $0) })
        let rest = 1 - common.reduce(0) { $0 + reference[$1] }
        let expected = common.map { reference[$0] } + (rest >= 2e-3 ? [rest] : [])

        let shape = try LatticeShape(lx: s.lx, ly: s.ly, lz: s.lz)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: Self.start(s),
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: s.eta)))
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: 17, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        _ = engine.run(.events(20_000))  // forget the empty start
        let events = 1_500_000
        let batchDuration = Double(events) / 200 / Self.meanTotalRate(space, reference)
        var occupation = OccupationBatches(categories: expected.count, batchDuration: batchDuration)
        for _ in 0..<events {
            let state = space.index[engine.application.grid.states]
            #expect(state != nil, "the model reached a configuration the oracle cannot")
            let current = state.flatMap { category[$0] } ?? (expected.count > common.count ? common.count : nil)
            let before = engine.clock.time
            _ = engine.step()
            occupation.add(current, duration: engine.clock.time - before)
        }
        let chi2 = occupation.chiSquared(expected: expected)
        let critical = ChiSquared.criticalValue(degreesOfFreedom: expected.count - 1, alpha: 1e-4)
        print("\(s): \(space.states.count) states, χ² = \(chi2) over \(expected.count) categories (critical \(critical))")
        #expect(chi2 < critical, "χ² = \(chi2) over \(expected.count) categories (critical \(critical))")
        #expect(occupation.batchCount >= 150 && common.count >= 8)
    }

    /// Σ_s π_s·R_s: the mean total rate, to size the batches in simulated time.
    static func meanTotalRate(_ space: StateSpace, _ pi: [Double]) -> Double {
        zip(space.rates, pi).reduce(0) { $0 + $1.1 * $1.0.values.reduce(0, +) }
    }

    /// At η = −ΔG_alloy/e + δ the surface layer of M holds Li with the Fermi–Dirac occupation
    /// 1/(1 + exp(−(ΔG_alloy + eη)/kT)) — ½ at the equilibrium potential (no Li adatoms form there:
    /// their weight is exp(−(3ε − ε(Li,M) − eη)/kT) ≈ 10⁻⁵).
    @Test(arguments: [-0.012, 0.0, 0.015])
    func alloyIsHalfFilledAtItsEquilibriumPotential(offset: Double) throws {
        var p = try ModelParameters(substrateNamed: "Au")
        p.substrateLayers = 1
        p.substrate.alloyDiffusivity = 1e-13
        p.exchangeCurrentDensity = 100  // reduction into M at ~1.4 s⁻¹ per site near η = −0.2 V
        let eta = -p.substrate.alloyingFreeEnergy + offset
        let shape = try LatticeShape(lx: 8, ly: 8, lz: 3)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: eta)))
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: 23, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        _ = engine.run(.events(20_000))
        var fraction = TimeWeightedBatches(batchDuration: 2)
        let start = engine.clock.time
        while engine.clock.time - start < 400 {
            let held = Double(engine.application.alloySites) / 64
            let before = engine.clock.time
            _ = engine.step()
            fraction.add(held, duration: engine.clock.time - before)
        }
        let expected = 1 / (1 + exp(-(p.substrate.alloyingFreeEnergy + eta) / p.thermalEnergy))
        let summary = fraction.summary
        // 4 standard errors of the batch mean (200 batches of 2 s ≫ the ~0.3 s relaxation time).
        #expect(abs(summary.mean - expected) < 4 * summary.standardError,
                "alloy fraction \(summary.mean) ± \(summary.standardError), expected \(expected)")
    }
}
