import Complexions
import GSLRandom
import Kinetics
import Testing

@Suite struct ExchangeKineticsTests {
    /// After many swaps the incremental classes equal a from-scratch classification, and M is conserved.
    @Test func bookkeepingStaysExact() throws {
        var p = ComplexionParameters()
        p.soluteBond = 0.04
        let stream = try RandomStream(seed: 31)
        let slab = try Slab.random(lx: 5, ly: 4, lz: 7, layers: 5, frozenLayers: 1, soluteFraction: 0.3, random: stream)
        var engine = KineticEngine(application: try ExchangeKinetics(slab: slab, parameters: p), random: UniformBuffer(stream: stream))
        let before = slab.soluteTotal
        for _ in 0..<20 {
            _ = engine.run(.events(engine.clock.events + 500))
            #expect(engine.inconsistencies().isEmpty)
        }
        #expect(engine.application.slab.soluteTotal == before)
        #expect(engine.application.slab.states[0..<20] == slab.states[0..<20])  // the frozen layer never moves
    }
}
