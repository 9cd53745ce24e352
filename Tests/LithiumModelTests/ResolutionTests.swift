import Foundation
import Lattice
import LithiumModel
import Testing

/// Under `resolution: physical` the per-site parameters derived for ℓ = 0.5, 1, 2, 4 nm give the
/// same capillarity and surface transport: the Gibbs–Thomson potential of the lattice's Wulff
/// block (2ε/L at T = 0) equals 2γΩ/(eh) for its half-edge h, the contact angle of the effective
/// bonds is θ, and the lattice's low-temperature Mullins coefficient, computed from the model's own
/// hop rate, equals B = D_s·ν·Ω²·γ/kT (docs/MODEL.md §3b). These check the derivation through the
/// model's rate code; they are not simulations (what they leave out is in docs/MODEL.md §10).
@Suite struct ResolutionTests {
    static let edges = [0.5, 1.0, 2.0, 4.0]
    static let gamma = 0.5  // J/m²
    static let surfaceDiffusivity = 1e-7  // cm²/s
    /// 1 J/m² in eV/nm², from the elementary charge (independently of the model's constant).
    static let joule = 1 / 1.602_176_634e-19 / 1e18

    static func parameters(edge: Double, substrate: String = "Cu") throws -> ModelParameters {
        var p = try ModelParameters(substrateNamed: substrate)
        p.resolution = .physical
        p.siteEdge = edge
        p.lithiumSurfaceEnergy = gamma
        p.lithiumSurfaceDiffusivity = surfaceDiffusivity
        try p.validate()
        return p
    }

    /// A block of L × L × L sites bonded to a substrate of θ = 90° loses its top layer (L² sites):
    /// the bonds broken per site, ε(2L(L − 1) + L²)/L², fall short of a kink's 3ε by 2ε/L — the Gibbs–
    /// Thomson overpotential of the block, per transferred electron. Its half-edge is h = Lℓ/2.
    @Test(arguments: edges)
    func gibbsThomsonOfTheWulffBlockDoesNotDependOnTheSiteEdge(edge: Double) throws {
        let p = try Self.parameters(edge: edge)
        let constants = RateConstants(p)
        let epsilon = constants.kinkBinding / 3
        for halfEdgeNm in [4.0, 8.0, 16.0] {
            let sites = (2 * halfEdgeNm / edge).rounded()
            let h = sites * edge / 2
            let layerBinding = epsilon * (2 * sites * (sites - 1) + sites * sites) / (sites * sites)
            // A layer leaves more easily than a kink by 2ε/L: it is kept only at η = 2ε/L (V, one electron per event).
            let eta = constants.kinkBinding - layerBinding
            let physical = 2 * Self.gamma * Self.joule * PhysicalConstants.lithiumAtomicVolume / h
            // Exact with the model's volume per electron ℓ³/N; N = ℓ³/Ω rounded to whole atoms.
            let model = 2 * Self.gamma * Self.joule * p.modelAtomicVolume / h
            #expect(abs(eta / model - 1) < 1e-12, "ℓ = \(edge) nm, h = \(h) nm: \(eta) V vs \(model) V")
            let rounding = abs(p.modelAtomicVolume / PhysicalConstants.lithiumAtomicVolume - 1)
            #expect(rounding < 0.04 && abs(eta / physical - 1) <= rounding + 1e-12)
        }
    }

    @Test(arguments: edges)
    func effectiveBondsKeepTheContactAngle(edge: Double) throws {
        for (name, theta) in [("Cu", 120.0), ("Au", 0.0)] {
            var p = try Self.parameters(edge: edge, substrate: name)
            for angle in [theta, 60, 150] {
                p.substrate.contactAngleDegrees = angle
                let bonds = p.pairEnergies
                let li = Int(SiteKind.lithium)
                let implied = Substrate.contactAngleDegrees(substrateBond: bonds[li, Int(SiteKind.substrate)],
                                                            lithiumBond: bonds[li, li])
                #expect(abs(implied - angle) < 1e-9, "ℓ = \(edge) nm, θ = \(angle)°: \(implied)°")
            }
        }
    }

    /// Adatoms on a Li terrace (one bond, formed from a kink at 2ε) hop at Γ per direction:
    /// B_lattice = Γ·e^(−2ε/kT)·ℓ³·γ·Ω_model/kT, with Γ the model's own hop rate.
    @Test(arguments: edges)
    func latticeMullinsCoefficientEqualsThePhysicalOne(edge: Double) throws {
        let p = try Self.parameters(edge: edge)
        let k = RateConstants(p)
        let epsilon = k.kinkBinding / 3
        let gammaPerKT = Self.gamma * Self.joule / k.kT  // nm⁻²
        let gammaHop = k.hop(binding: epsilon)  // s⁻¹
        let lattice = gammaHop * exp(-2 * epsilon / k.kT) * pow(edge, 3) * gammaPerKT * p.modelAtomicVolume  // nm⁴/s
        let omega = PhysicalConstants.lithiumAtomicVolume
        let physical = Self.surfaceDiffusivity * 1e14 * pow(omega, -2.0 / 3) * omega * omega * gammaPerKT  // nm⁴/s
        #expect(abs(lattice / physical - 1) < 1e-9, "ℓ = \(edge) nm: \(lattice) vs \(physical) nm⁴/s")
    }

    /// The bond per transferred electron falls as 1/ℓ: the lattice's temperature kT/ε rises with ℓ.
    @Test func bondPerElectronScalesAsOneOverTheSiteEdge() throws {
        let bonds = try Self.edges.map { try Self.parameters(edge: $0).effectiveLithiumBondEnergy }
        for (edge, bond) in zip(Self.edges, bonds) {
            let n = max(1, (pow(edge, 3) / PhysicalConstants.lithiumAtomicVolume).rounded())
            #expect(abs(bond - 2 * Self.gamma * Self.joule * edge * edge / n) < 1e-15)
        }
        #expect(bonds[0] > bonds[1] && bonds[1] > bonds[2] && bonds[2] > bonds[3])
        // fixed_bonds keeps ε at every ℓ.
        var fixed = try ModelParameters(substrateNamed: "Cu")
        for edge in Self.edges {
            fixed.siteEdge = edge
            #expect(fixed.effectiveLithiumBondEnergy == fixed.lithiumBondEnergy)
        }
    }
}
