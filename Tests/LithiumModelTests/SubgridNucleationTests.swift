import Foundation
import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Testing

/// Sub-grid heterogeneous nucleation: the rate measured on the lattice is the input
/// J(η) = J₀·exp(−B_n·f(θ)/η²) per area at every site edge, only bare substrate outside the
/// exclusion zone nucleates, and f(θ) is the spherical-cap factor (0 on a wetting substrate).
@Suite struct SubgridNucleationTests {
    /// f(θ) = (2 + cos θ)(1 − cos θ)²/4 at angles where it is known by hand.
    @Test func shapeFactorOfASphericalCap() {
        let f = RateConstants.heterogeneousShapeFactor
        #expect(f(0) == 0)  // wetting: no barrier
        #expect(abs(f(90) - 0.5) < 1e-15)
        #expect(abs(f(180) - 1) < 1e-15)  // no wetting: the homogeneous barrier
        #expect(abs(f(120) - 0.84375) < 1e-15)  // Cu's 120°: (2 − ½)(3/2)²/4
        #expect(f(1) < 1e-7 && f(1) > 0)  // → 0 as θ⁴/16 (θ in radians)
    }

    struct Case: Sendable, CustomStringConvertible {
        let siteEdge: Double, contactAngle: Double
        var description: String { "ℓ = \(siteEdge) nm, θ = \(contactAngle)°" }
    }

    /// Bare Cu at a fixed η = 40 mV with reduction, oxidation and hops made negligible (i₀ and D
    /// tiny), so nuclei stay where they form and the surface fills like random sequential
    /// adsorption with the exclusion zone. The rate per area is measured as K nucleation events over
    /// the exposure E = ∫ℓ²·N(t) dt, N(t) the eligible sites counted from the lattice after every
    /// event (empty, on M, touching the electrolyte, no Li or LiM next to it); K − J·E is a martingale
    /// of variance E[K], so |K − J·E| < 4√K. Every nucleation lands on an eligible site.
    @Test(arguments: [Case(siteEdge: 0.5, contactAngle: 120), Case(siteEdge: 1, contactAngle: 120),
                      Case(siteEdge: 2, contactAngle: 120), Case(siteEdge: 4, contactAngle: 120),
                      Case(siteEdge: 2, contactAngle: 0)])
    func measuredRateIsTheInputRate(_ item: Case) throws {
        var p = try ModelParameters(substrateNamed: "Cu")
        p.siteEdge = item.siteEdge
        p.substrate.contactAngleDegrees = item.contactAngle
        p.substrateLayers = 1
        p.exchangeCurrentDensity = 1e-12
        p.lithiumDiffusivity = 1e-30
        (p.subgridNucleationPrefactor, p.subgridNucleationBarrier) = (1e12, 2000)
        let eta = 0.040
        let cosine = cos(item.contactAngle * .pi / 180)
        let expected = 1e12 * exp(-2000e-6 * (2 + cosine) * (1 - cosine) * (1 - cosine) / 4 / (eta * eta))  // cm⁻² s⁻¹
        let area = pow(item.siteEdge * 1e-7, 2)
        let shape = try LatticeShape(lx: 48, ly: 48, lz: 4)
        var nucleations = 0, exposure = 0.0
        for replica in 0..<3 {
            let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1, lithiumLayers: 0)
            let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                         control: ElectrochemicalControl(mode: .potentiostatic(overpotential: eta)))
            var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: 19, replica: replica)))
            engine.application.didPerform(rates: engine.rates)
            var states = engine.application.grid.states
            var eligible = Self.eligible(states, shape: shape)
            while eligible.count > 0, nucleations < 100_000 {
                let (time, counted) = (engine.clock.time, engine.application.eventsByType[EventType.nucleation.rawValue])
                guard engine.step() == nil else { break }
                exposure += area * Double(eligible.count) * (engine.clock.time - time)
                let after = engine.application.grid.states
                if engine.application.eventsByType[EventType.nucleation.rawValue] > counted {
                    let changed = after.indices.filter { after[$0] != states[$0] }
                    #expect(changed.count == 1 && eligible.contains(changed[0]) && after[changed[0]] == SiteKind.lithium,
                            "a nucleation that is not one eligible site becoming Li: \(changed)")
                    nucleations += 1
                }
                states = after
                eligible = Self.eligible(states, shape: shape)
            }
            #expect(engine.application.reductions == 0 && engine.application.oxidations == 0)
        }
        #expect(nucleations > 1000)
        let tolerance = 4 * Double(nucleations).squareRoot()
        #expect(abs(Double(nucleations) - expected * exposure) < tolerance,
                "measured \(Double(nucleations) / exposure) vs J = \(expected) cm⁻² s⁻¹ (\(nucleations) nuclei)")
    }

    /// Sites where a sub-grid nucleus may form, read off the site kinds.
    static func eligible(_ kinds: [UInt8], shape: LatticeShape) -> Set<Int> {
        Set(kinds.indices.filter { site in
            let around = shape.neighbors(of: UInt32(site)).map { kinds[Int($0)] }
            return kinds[site] == SiteKind.empty && around.contains(SiteKind.substrate) && around.contains(SiteKind.empty)
                && !around.contains(SiteKind.lithium) && !around.contains(SiteKind.alloy)
        })
    }
}
