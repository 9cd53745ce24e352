import Analysis
import Complexions
import GSLRandom
import Testing

@Suite struct SelfHealingTests {
    /// A clean surface and a 3-layer M deposit relax to the same h (difference within the 95 % CI of
    /// the difference, t of 15 dof times √(SE₁² + SE₂²)); after the strip the surface phase rebuilds
    /// under Kawasaki KMC (the surface layer's M fraction and Γ_M rise well above their stripped values)
    /// with a rebuild time inside the run.
    @Test func bothStartsReachTheSameThicknessAndTheLayerRebuilds() throws {
        var p = ComplexionParameters()
        p.temperature = 340
        p.chemicalPotentialDifference = -0.002
        var experiment = SelfHealing(parameters: p)
        experiment.sweeps = 8000
        let outcome = try experiment.run(stream: RandomStream(seed: 61))
        let a = outcome.clean.thickness, b = outcome.deposited.thickness
        let t = StudentT.quantile975(degreesOfFreedom: 15)
        print("clean h = \(a.mean) ± \(a.standardError), deposit h = \(b.mean) ± \(b.standardError); "
            + "Γ before strip \(outcome.excessBeforeStrip), after \(outcome.excessAfterStrip), plateau \(outcome.plateau.mean) ± \(outcome.plateau.standardError); "
            + "c_s \(outcome.surfaceFractionBeforeStrip) → \(outcome.surfaceFractionAfterStrip) → \(outcome.surfaceFractionPlateau.mean) ± \(outcome.surfaceFractionPlateau.standardError); "
            + "τ = \(outcome.rebuildTime) s over \(outcome.kmcEvents) events, end \(outcome.rebuild.last!.0) s")
        #expect(outcome.clean.equilibration.isConverged && outcome.deposited.equilibration.isConverged)
        #expect(abs(a.mean - b.mean) < t * (a.variance / Double(a.count) + b.variance / Double(b.count)).squareRoot())
        #expect(outcome.plateau.mean - outcome.excessAfterStrip > 5 * outcome.plateau.standardError)
        let surface = outcome.surfaceFractionPlateau
        #expect(surface.mean - outcome.surfaceFractionAfterStrip > 5 * surface.standardError)
        #expect(outcome.rebuildTime > 0 && outcome.rebuildTime < outcome.rebuild.last!.0 / 2)
    }
}
