import Analysis
import Complexions
import RealModule
import Testing

@Suite struct ProfileTests {
    /// No driving force at all (every bond equal, no surface term, Δμ = 0): every layer is an ideal
    /// solution at c = ½. Each layer must be within 4 SE of ½ (Bonferroni over ≤ 16 layers at 95 %
    /// with the 15-dof t of 16 batches: t ≈ 3.6).
    @Test func noDrivingForceGivesAFlatProfile() throws {
        var p = symmetricParameters(coupling: 0, temperature: 300)
        p.chemicalPotentialDifference = 0
        var sampler = try makeSampler(p, lx: 8, ly: 8, lz: 12, layers: 10, frozen: 1, fraction: 0.2, seed: 11)
        var record = SweepRecord()
        sampler.run(sweeps: 3000, into: &record)
        let profile = CompositionProfile(record: record, frozenLayers: 1, siteEdge: p.siteEdge)
        #expect(profile.equilibration.isConverged)
        let worst = profile.layers.dropFirst().map { abs($0.mean - 0.5) / $0.standardError }.max()!
        print("flat profile: largest |c(z) − ½| = \(worst) SE over \(profile.layers.count - 1) layers, cut \(profile.equilibration.truncation) sweeps")
        for z in 1..<profile.layers.count {
            let layer = profile.layers[z]
            #expect(abs(layer.mean - 0.5) < 4 * layer.standardError, "layer \(z): \(layer.mean) ± \(layer.standardError)")
            #expect(layer.confidenceInterval95.lowerBound < layer.confidenceInterval95.upperBound)
        }
        #expect(abs(profile.surfaceExcess.mean) < 4 * profile.surfaceExcess.standardError + 1e-12)
    }

    /// ε(Li,M) the mean of ε(Li,Li) and ε(M,M) (J = 0) but ε(Li,Li) ≠ ε(M,M): sites are independent and
    /// flipping Li → M costs δ = n_solid·(ε(Li,Li) − ε(M,M))/2 − Δμ, so c = 1/(1 + e^{δ/kT}) exactly.
    /// At Δμ = Δμ_coex the bulk is at ½ and the surface layer (one bond fewer) is M-rich: the broken-bond
    /// driving force alone. Every mobile layer within 4 SE of the exact value.
    @Test func independentSitesMatchTheExactProfile() throws {
        var p = ComplexionParameters()
        p.lithiumBond = 0.06
        p.soluteBond = 0.04
        p.mixedBond = 0.05
        p.lithiumSurface = 0
        p.soluteSurface = 0
        p.chemicalPotentialDifference = p.coexistenceChemicalPotential
        var sampler = try makeSampler(p, lx: 8, ly: 8, lz: 8, layers: 6, frozen: 1, seed: 12)
        var record = SweepRecord()
        sampler.run(sweeps: 3000, into: &record)
        let profile = CompositionProfile(record: record, frozenLayers: 1, siteEdge: p.siteEdge)
        for z in 1..<6 {
            let neighbours = z == 5 ? 5.0 : 6.0
            let delta = neighbours * (p.lithiumBond - p.soluteBond) / 2 - p.chemicalPotentialDifference
            let exact = 1 / (1 + Double.exp(delta / p.thermalEnergy))
            let layer = profile.layers[z]
            #expect(abs(layer.mean - exact) < 4 * layer.standardError, "layer \(z): \(layer.mean) ± \(layer.standardError) vs \(exact)")
        }
        #expect(profile.layers[5].mean > 0.55)
    }

    /// The bond energy the sampler carries along equals a recount after many accepted moves.
    @Test func trackedEnergyMatchesARecount() throws {
        var p = ComplexionParameters()
        p.chemicalPotentialDifference = -0.01
        var sampler = try makeSampler(p, lx: 6, ly: 6, lz: 8, layers: 6, frozen: 1, seed: 13)
        for _ in 0..<200 { sampler.sweep() }
        #expect(sampler.exchanges.accepted > 0 && sampler.flips.accepted > 0)
        #expect(abs(sampler.bondEnergy - sampler.slab.bondEnergy(p.pairEnergies)) < 1e-9)
        #expect(sampler.slab.soluteCount == (0..<8).map { z in
            sampler.slab.states[(z * 36)..<((z + 1) * 36)].count { $0 == SlabSpecies.solute } })
    }

    /// The thickness definition: pure M surface layers over a Li-rich bulk.
    @Test func thicknessDefinition() {
        #expect(abs(SurfaceLayerThickness.layers([0.1, 0.1, 0.1]) - (-0.5 + 0.5 / 0.9)) < 1e-12)
        #expect(abs(SurfaceLayerThickness.layers([0.0, 0.0, 0.0])) < 1e-12)
        #expect(abs(SurfaceLayerThickness.layers([0.0, 0.0, 0.5]) - 0.5) < 1e-12)
        #expect(abs(SurfaceLayerThickness.layers([0.0, 1.0, 1.0]) - 2.0) < 1e-12)
        #expect(abs(SurfaceLayerThickness.layers([0.0, 0.0, 1.0]) - 1.0) < 1e-12)
    }
}
