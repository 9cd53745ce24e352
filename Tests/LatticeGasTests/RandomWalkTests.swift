import Analysis
import GSLRandom
import Kinetics
import Lattice
import LatticeGas
import Testing

/// A lone particle is a continuous-time random walk: ⟨x²(t)⟩ = 2Dt along each axis with D = Γℓ²
/// (ℓ = 1), Γ the hop rate per direction, and the 2d directions equally often. The particle's place
/// is read from the solver's rate table (the one event it holds), not from the application's record
/// of its hops. Tolerances: 5 standard errors per axis; χ² of the direction counts at α = 10⁻⁴.
@Suite struct RandomWalkTests {
    @Test(arguments: [(64, 64, 1), (32, 32, 32)])
    func eachAxisDiffusesAndEveryDirectionIsEquallyLikely(lx: Int, ly: Int, lz: Int) throws {
        let shape = try LatticeShape(lx: lx, ly: ly, lz: lz, periodicZ: true)
        let parameters = LatticeGasParameters()
        let gamma = parameters.hopRate(binding: 0)
        let dimension = shape.dimension
        let duration = 200 / gamma  // ~ 200·2d hops: far from the periodic images
        var squares = [SampleSummary](repeating: SampleSummary(), count: dimension)
        var directions = [Double](repeating: 0, count: 2 * dimension)
        let sizes = [lx, ly, lz]
        for walker in 0..<2000 {
            var states = [UInt8](repeating: SiteState.empty, count: shape.siteCount)
            states[0] = SiteState.particle
            var engine = try makeEngine(shape: shape, states: states, parameters: parameters, seed: UInt64(walker))
            var place = [0, 0, 0], r = [0, 0, 0]
            while engine.step(timeLimit: duration) == nil {
                let site = Int(engine.rates.members(ofClass: engine.rates.activeClasses[0])[0])
                let now = [site % lx, (site / lx) % ly, site / (lx * ly)]
                for axis in 0..<dimension where now[axis] != place[axis] {
                    let step = (now[axis] - place[axis] + sizes[axis] + 1) % sizes[axis] - 1  // ±1 across the wrap
                    #expect(abs(step) == 1)
                    r[axis] += step
                    directions[2 * axis + (step > 0 ? 0 : 1)] += 1
                }
                place = now
            }
            for axis in 0..<dimension { squares[axis].add(Double(r[axis] * r[axis])) }
        }
        let expected = 2 * gamma * duration
        for (axis, s) in squares.enumerated() {
            #expect(abs(s.mean - expected) < 5 * s.standardError, "axis \(axis): ⟨x²⟩ = \(s.mean) ± \(s.standardError), expected \(expected)")
        }
        let uniform = [Double](repeating: 1 / Double(2 * dimension), count: 2 * dimension)
        let chi2 = ChiSquared.statistic(observed: directions, probabilities: uniform)
        #expect(chi2 < ChiSquared.criticalValue(degreesOfFreedom: 2 * dimension - 1, alpha: 1e-4), "directions \(directions)")
    }
}
