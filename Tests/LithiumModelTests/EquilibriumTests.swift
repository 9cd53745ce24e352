import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Testing
import Foundation

/// At η = 0 a flat Li slab is at equilibrium with Li⁺ (the kink atom is): no net growth beyond
/// the counting noise; at η = ±20 mV it grows or dissolves (the test has power).
@Suite struct EquilibriumTests {
    static func netGrowth(overpotential: Double, seed: UInt64) throws -> (net: Int, gross: Int) {
        var parameters = try ModelParameters(substrateNamed: "Cu")
        parameters.substrateLayers = 1
        let shape = try LatticeShape(lx: 24, ly: 24, lz: 10)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1, lithiumLayers: 4)
        let model = try LithiumModel(shape: shape, parameters: parameters, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: overpotential)))
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: seed, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        _ = engine.run(.time(20))
        let m = engine.application
        return (m.netFaradaicEvents, m.reductions + m.oxidations)
    }

    @Test func noNetGrowthAtZeroOverpotential() throws {
        // Net = reductions − oxidations; its standard deviation is at most √(gross) for
        // (nearly) independent events. 5σ.
        var total = 0, gross = 0
        for seed in 1...4 {
            let (net, g) = try Self.netGrowth(overpotential: 0, seed: UInt64(seed))
            total += net
            gross += g
        }
        #expect(gross > 10_000)
        #expect(Double(abs(total)) < 5 * Double(gross).squareRoot(), "net \(total) of \(gross) faradaic events")
        let (plating, grossPlating) = try Self.netGrowth(overpotential: 0.02, seed: 9)
        #expect(Double(plating) > 5 * Double(grossPlating).squareRoot())
        let (stripping, grossStripping) = try Self.netGrowth(overpotential: -0.02, seed: 9)
        #expect(Double(-stripping) > 5 * Double(grossStripping).squareRoot())
    }
}
