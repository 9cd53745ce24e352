import Analysis
import Complexions
import RealModule
import Testing

@Suite struct ContinuumTests {
    /// The closed-form minimiser agrees with a brute-force scan of Φ(h) for both families.
    @Test(arguments: ExcessGrandPotential.Family.allCases)
    func closedFormMinimumIsTheMinimum(family: ExcessGrandPotential.Family) {
        let model = ExcessGrandPotential(family: family, deltaGamma: -0.5, decayLength: 0.4)
        for g in [0.05, 0.2, 0.8] {
            let h = model.equilibriumThickness(volumeEnergy: g)
            let scan = stride(from: 0.0, through: 50, by: 0.0005).min { model.phi($0, volumeEnergy: g) < model.phi($1, volumeEnergy: g) }!
            #expect(abs(h - scan) < 0.001, "\(family) at ΔG_vol = \(g): \(h) vs scan \(scan)")
        }
        #expect(model.equilibriumThickness(volumeEnergy: 0) == .infinity)  // complete wetting at coexistence
        #expect(model.equilibriumThickness(volumeEnergy: 100) == 0)  // too costly: no film
    }

    /// Synthetic thicknesses from a known model are fitted back to it.
    @Test func fitRecoversAKnownModel() throws {
        let truth = ExcessGrandPotential(family: .exponential, deltaGamma: -0.3, decayLength: 0.25)
        let edge = 0.3, cb = 0.03
        let points = [-0.008, -0.004, -0.002, -0.001, -0.0005].map { dmu -> ContinuumFit.Point in
            let g = -dmu * (1 - 2 * cb) / (edge * edge * edge)
            return ContinuumFit.Point(chemicalPotentialDifference: dmu, thickness: truth.equilibriumThickness(volumeEnergy: g),
                                      standardError: 0.01, bulkComposition: cb)
        }
        let fit = try ContinuumFit(family: .exponential, points: points, coexistence: 0, siteEdge: edge)
        #expect(fit.residuals.allSatisfy { abs($0) < 0.01 }, "\(fit.residuals)")
        #expect(abs(fit.model.decayLength / 0.25 - 1) < 0.05)
        #expect(abs(fit.model.deltaGamma / -0.3 - 1) < 0.1)
        #expect(fit.thicknessAtCoexistence > 1 || fit.volumeEnergyOffset < 0.01)
    }

    /// The MC isotherm (T = 300 K, J = 0.008 eV, surface field 0.01 eV, 12 × 12 × 18 slab, 6000 sweeps
    /// per point): the best of the two fitted families reproduces every sampled h within its 95 % CI
    /// (Student t of 16 batches times the SE), and the film thickens toward coexistence.
    @Test func fitReproducesTheSampledIsotherm() throws {
        var points: [ContinuumFit.Point] = []
        for (k, dmu) in [-0.005, -0.004, -0.003, -0.002, -0.0015, -0.001].enumerated() {
            var p = ComplexionParameters()
            p.chemicalPotentialDifference = dmu
            var sampler = try makeSampler(p, lx: 12, ly: 12, lz: 20, layers: 18, frozen: 0, fraction: 0.03, seed: 50 + UInt64(k))
            var record = SweepRecord()
            sampler.run(sweeps: 8000, into: &record)
            let profile = CompositionProfile(record: record, frozenLayers: 0, siteEdge: p.siteEdge)
            #expect(profile.equilibration.isConverged)
            print("Δμ \(dmu): h \(profile.thickness.mean) ± \(profile.thickness.standardError), midpoint \(profile.midpointDepth.mean), c_b \(profile.bulkComposition.mean), cut \(profile.equilibration.truncation), top \(profile.layers.suffix(6).map { String(format: "%.3f", $0.mean) })")
            points.append(ContinuumFit.Point(chemicalPotentialDifference: dmu, thickness: profile.thickness.mean,
                                             standardError: profile.thickness.standardError,
                                             bulkComposition: profile.bulkComposition.mean))
        }
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.thickness < $1.thickness })
        let film = ContinuumFit.filmPoints(points, siteEdge: 0.3)
        #expect(film.count == points.count)
        let fits = try ExcessGrandPotential.Family.allCases.map {
            try ContinuumFit(family: $0, points: film, coexistence: 0, siteEdge: 0.3)
        }
        let t = StudentT.quantile975(degreesOfFreedom: 15)
        for fit in fits {
            print("\(fit.model.family): λ = \(fit.model.decayLength) nm, Δγ = \(fit.model.deltaGamma) eV/nm², ΔG₀ = \(fit.volumeEnergyOffset) eV/nm³, "
                + "χ² = \(fit.chiSquared), residuals \(fit.residuals), SE \(points.map(\.standardError)), h(coex) = \(fit.thicknessAtCoexistence), χ²(ΔG₀=0) = \(fit.chiSquaredWithoutOffset)")
        }
        let best = fits.min { $0.chiSquared < $1.chiSquared }!
        #expect(best.residualsWithin(t: t).allSatisfy { $0 }, "\(best.model.family) residuals \(best.residuals)")
    }
}
