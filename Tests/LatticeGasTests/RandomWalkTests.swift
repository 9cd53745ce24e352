import Analysis
import GSLRandom
import Kinetics
import Lattice
import LatticeGas
import Testing

/// A lone particle is a continuous-time random walk: ⟨r²(t)⟩ = 2·d·D·t with D = Γℓ² (ℓ = 1),
/// Γ the hop rate per direction. The tolerance is 5 standard errors of the sample mean.
@Suite struct RandomWalkTests {
    @Test(arguments: [(64, 64, 1), (32, 32, 32)])
    func meanSquareDisplacementIsTwoDDt(lx: Int, ly: Int, lz: Int) throws {
        let shape = try LatticeShape(lx: lx, ly: ly, lz: lz, periodicZ: true)
        let parameters = LatticeGasParameters()
        let gamma = parameters.hopRate(binding: 0)
        let dimension = shape.dimension
        let duration = 200 / gamma  // ~ 200·2d hops: far from the periodic images
        var squares = SampleSummary()
        for walker in 0..<2000 {
            var states = [UInt8](repeating: SiteState.empty, count: shape.siteCount)
            states[0] = SiteState.particle
            var engine = try makeEngine(shape: shape, states: states, parameters: parameters, seed: UInt64(walker))
            var r = (0, 0, 0)
            while engine.step(timeLimit: duration) == nil {
                let step = displacement(direction: engine.application.lastHop.direction)
                r = (r.0 + step.0, r.1 + step.1, r.2 + step.2)
            }
            squares.add(Double(r.0 * r.0 + r.1 * r.1 + r.2 * r.2))
        }
        let expected = 2 * Double(dimension) * gamma * duration
        #expect(abs(squares.mean - expected) < 5 * squares.standardError,
                "⟨r²⟩ = \(squares.mean) ± \(squares.standardError), expected \(expected)")
    }
}
