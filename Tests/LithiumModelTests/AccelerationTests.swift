import Analysis
import Foundation
import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Testing

/// Equilibrium is untouched by channel scaling (docs/MODEL.md §12): forward and reverse of every
/// channel share one factor, so with the fast channels scaled down the flat Li slab still does not
/// grow at η = 0, the alloy is still half full at η = −ΔG_alloy/e, and the occupation of every
/// configuration of the enumerated systems is still the exact stationary distribution. Each test
/// also checks that something was scaled (else it would test nothing).
@Suite struct AccelerationTests {
    static let settings = ScalingSettings(separation: 10, tolerance: 0.05, window: 1000)

    @Test func theChannelsAreTheModelsReversePairsAndOnlyTheChargeFreeOnesScale() {
        let channels = LithiumModel.channels
        #expect(channels.map(\.name) == ["hop", "alloy transport", "alloying", "faradaic"])
        #expect(channels.map(\.scalable) == [true, true, true, false])
        let faradaic = channels[3]
        #expect(faradaic.forward == [EventType.reduction.rawValue] && faradaic.reverse == [EventType.oxidation.rawValue])
        #expect(channels[2].forward == [EventType.alloying.rawValue] && channels[2].reverse == [EventType.dealloying.rawValue])
    }

    /// On a conducting coating exsolution (coating-hop type) and its reverse, dissolution (uptake
    /// type), straddle the two coating channels, so neither may be scaled; on an insulating one each
    /// channel is a process and its reverse (docs/MODEL.md §4c).
    @Test(arguments: [CoatingElectronics.conducting, .insulating])
    func coatingChannelsScaleOnlyWhereEachHoldsAProcessAndItsReverse(_ electronics: CoatingElectronics) throws {
        var p = try ModelParameters(substrateNamed: "Cu")
        p.coatingThickness = 2
        p.coatingElectronics = electronics
        let coating = LithiumModel.channels(for: p).suffix(2)
        #expect(coating.map(\.name) == ["coating hop", "buried interface"])
        #expect(coating.map(\.scalable) == [electronics == .insulating, electronics == .insulating])
    }

    @Test func aFlatSlabDoesNotGrowAtZeroOverpotential() throws {
        // As the exact test (EquilibriumTests), with adatoms 100 times more mobile: stiff.
        var p = try ModelParameters(substrateNamed: "Cu")
        p.substrateLayers = 1
        p.lithiumDiffusivity *= 100
        let shape = try LatticeShape(lx: 24, ly: 24, lz: 10)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1, lithiumLayers: 4)
        var total = 0, gross = 0, smallest = 1.0
        for seed in 1...4 {
            let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                         control: ElectrochemicalControl(mode: .potentiostatic(overpotential: 0)))
            var run = try ScaledEngine(model, seed: UInt64(seed), settings: Self.settings)
            while run.step(timeLimit: 20) == nil {}
            total += run.engine.application.netFaradaicEvents
            gross += run.engine.application.reductions + run.engine.application.oxidations
            smallest = min(smallest, run.minimumFactor(of: "hop"))
        }
        #expect(smallest < 0.1, "hops were never scaled (smallest factor \(smallest))")
        #expect(gross > 10_000)
        // As the exact test: 5σ of the net count of (nearly) independent events.
        #expect(Double(abs(total)) < 5 * Double(gross).squareRoot(), "net \(total) of \(gross) faradaic events")
    }

    @Test(arguments: [-0.012, 0.0, 0.015])
    func alloyIsHalfFilledAtItsEquilibriumPotential(offset: Double) throws {
        // As the exact test, with Li in the alloy 1 000 times more mobile: stiff.
        var p = try ModelParameters(substrateNamed: "Au")
        p.substrateLayers = 1
        p.substrate.alloyDiffusivity = 1e-10
        p.exchangeCurrentDensity = 100
        let eta = -p.substrate.alloyingFreeEnergy + offset
        let shape = try LatticeShape(lx: 8, ly: 8, lz: 3)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: eta)))
        var run = try ScaledEngine(model, seed: 23, settings: Self.settings)
        while run.engine.clock.events < 20_000 { _ = run.step() }
        var fraction = TimeWeightedBatches(batchDuration: 2)
        let start = run.engine.clock.time
        while run.engine.clock.time - start < 400 {
            let held = Double(run.engine.application.alloySites) / 64
            let before = run.engine.clock.time
            _ = run.step()
            fraction.add(held, duration: run.engine.clock.time - before)
        }
        #expect(run.minimumFactor(of: "alloy transport") < 0.1)
        let expected = 1 / (1 + exp(-(p.substrate.alloyingFreeEnergy + eta) / p.thermalEnergy))
        let summary = fraction.summary
        #expect(abs(summary.mean - expected) < 4 * summary.standardError,
                "alloy fraction \(summary.mean) ± \(summary.standardError), expected \(expected)")
    }

    /// The Au systems of ``DetailedBalanceTests`` (every kind of event) with hops and alloy
    /// transport 1 000 times faster, run scaled: the occupation still follows the exact
    /// stationary distribution of the true rates (χ² on batch means).
    @Test(arguments: DetailedBalanceTests.systems.filter { $0.substrate == "Au" })
    func occupationMatchesTheExactStationaryDistribution(_ s: DetailedBalanceTests.System) throws {
        var p = try DetailedBalanceTests.parameters(s.substrate)
        p.lithiumDiffusivity = 1e-11
        p.substrate.alloyDiffusivity = 1e-11
        let oracle = RateOracle(lx: s.lx, ly: s.ly, lz: s.lz, p: p)
        let space = StateSpace(oracle: oracle, start: DetailedBalanceTests.start(s), eta: s.eta)
        let reference = space.stationaryDistribution()
        let common = reference.indices.filter { reference[$0] >= 2e-3 }
        let category = Dictionary(uniqueKeysWithValues: common.enumerated().map { ($1, $0) })
        let rest = 1 - common.reduce(0) { $0 + reference[$1] }
        let expected = common.map { reference[$0] } + (rest >= 2e-3 ? [rest] : [])

        let shape = try LatticeShape(lx: s.lx, ly: s.ly, lz: s.lz)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: DetailedBalanceTests.start(s),
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: s.eta)))
        var run = try ScaledEngine(model, seed: 17, settings: Self.settings)
        while run.engine.clock.events < 20_000 { _ = run.step() }
        var visits: [(category: Int?, duration: Double)] = []
        for _ in 0..<1_500_000 {
            let state = space.index[run.engine.application.grid.states]
            #expect(state != nil, "the model reached a configuration the oracle cannot")
            let current = state.flatMap { category[$0] } ?? (expected.count > common.count ? common.count : nil)
            let before = run.engine.clock.time
            _ = run.step()
            visits.append((current, run.engine.clock.time - before))
        }
        // 200 batches of equal simulated time (the scaled clock's rate is not known beforehand).
        var occupation = OccupationBatches(categories: expected.count, batchDuration: visits.reduce(0) { $0 + $1.duration } / 200)
        for v in visits { occupation.add(v.category, duration: v.duration) }
        let chi2 = occupation.chiSquared(expected: expected)
        let critical = ChiSquared.criticalValue(degreesOfFreedom: expected.count - 1, alpha: 1e-4)
        print("\(s) scaled (smallest factor \(run.smallestFactor)): χ² = \(chi2) over \(expected.count) categories")
        #expect(run.smallestFactor < 0.2, "nothing was scaled (smallest factor \(run.smallestFactor))")
        #expect(chi2 < critical, "χ² = \(chi2) over \(expected.count) categories (critical \(critical))")
        #expect(occupation.batchCount >= 150 && common.count >= 8)
    }
}
