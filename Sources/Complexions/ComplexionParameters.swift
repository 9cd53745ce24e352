import Lattice

/// The Hamiltonian of the Li–M slab (docs/MODEL.md §11):
///
///     H = −Σ_⟨ij⟩ ε(sᵢ, sⱼ) − Δμ·N_M      (eV)
///
/// over face-neighbour pairs, with s ∈ {empty, Li, M}. ε(Li,Li), ε(M,M), ε(Li,M) are bonds;
/// ε(Li,empty) and ε(M,empty) are the surface terms (binding of a surface atom to the
/// electrolyte per exposed face); ε(empty,empty) = 0. Δμ = μ_M − μ_Li enters only the
/// semi-grand-canonical ensemble. The lattice-gas ↔ Ising mapping (n = (1+σ)/2, σ = +1 for M)
/// gives J = (ε(Li,Li) + ε(M,M) − 2ε(Li,M))/4 and the bulk field
/// H_I = Δμ/2 + z·(ε(M,M) − ε(Li,Li))/4, so bulk coexistence (H_I = 0, z = 6) is at
/// Δμ_coex = 3·(ε(Li,Li) − ε(M,M)) and coexisting compositions are c and 1 − c.
public struct ComplexionParameters: Sendable, Equatable {
    /// Temperature T, K.
    public var temperature = 300.0
    /// Site edge ℓ, nm.
    public var siteEdge = 0.3
    /// ε(Li,Li), ε(M,M), ε(Li,M): bond energies, eV (> 0 attractive).
    public var lithiumBond = 0.05
    public var soluteBond = 0.05
    public var mixedBond = 0.034
    /// ε(Li,empty), ε(M,empty): surface terms per face exposed to the electrolyte, eV.
    public var lithiumSurface = 0.0
    public var soluteSurface = 0.02
    /// Δμ = μ_M − μ_Li, eV (semi-grand-canonical moves only).
    public var chemicalPotentialDifference = 0.0

    public init() {}

    /// k_B T, eV (the Boltzmann constant the Li model uses).
    public var thermalEnergy: Double { 8.617_333_262e-5 * temperature }

    /// The pair table of H (indices are ``SlabSpecies`` values).
    public var pairEnergies: PairEnergies {
        PairEnergies(stateCount: SlabSpecies.count)
            .setting(Int(SlabSpecies.lithium), Int(SlabSpecies.lithium), to: lithiumBond)
            .setting(Int(SlabSpecies.solute), Int(SlabSpecies.solute), to: soluteBond)
            .setting(Int(SlabSpecies.lithium), Int(SlabSpecies.solute), to: mixedBond)
            .setting(Int(SlabSpecies.lithium), Int(SlabSpecies.empty), to: lithiumSurface)
            .setting(Int(SlabSpecies.solute), Int(SlabSpecies.empty), to: soluteSurface)
    }

    /// Ising coupling J = (ε(Li,Li) + ε(M,M) − 2ε(Li,M))/4, eV: > 0 means Li and M demix.
    public var isingCoupling: Double { (lithiumBond + soluteBond - 2 * mixedBond) / 4 }

    /// Bulk coexistence Δμ_coex = 3·(ε(Li,Li) − ε(M,M)), eV (simple cubic, z = 6; exact by the
    /// Ising symmetry whenever the bulk is below its critical temperature).
    public var coexistenceChemicalPotential: Double { 3 * (lithiumBond - soluteBond) }

    /// The Ising field on a surface site relative to a bulk one, eV: (ε(M,empty) − ε(Li,empty))/2
    /// from the surface terms, plus (ε(Li,Li) − ε(M,M))/4 from the missing bond.
    public var surfaceField: Double { (soluteSurface - lithiumSurface) / 2 + (lithiumBond - soluteBond) / 4 }

    /// Throws unless every field is finite and in range; the message names the scenario key.
    public func validate() throws(ComplexionError) {
        func check(_ ok: Bool, _ field: String, _ value: Double, _ allowed: String) throws(ComplexionError) {
            if !ok { throw .invalid(field: field, value: value, allowed: allowed) }
        }
        try check(temperature > 0 && temperature.isFinite, "temperature_K", temperature, "> 0, finite")
        try check(siteEdge > 0 && siteEdge.isFinite, "site_edge_nm", siteEdge, "> 0, finite")
        for (field, value) in [("li_li_bond_eV", lithiumBond), ("m_m_bond_eV", soluteBond), ("li_m_bond_eV", mixedBond),
                               ("li_surface_eV", lithiumSurface), ("m_surface_eV", soluteSurface),
                               ("delta_mu_eV", chemicalPotentialDifference)] {
            try check(value.isFinite && abs(value) <= 10, field, value, "[−10, 10] eV")
        }
    }
}

/// Why a complexion input was refused.
public enum ComplexionError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(field: String, value: Double, allowed: String)
    case impossible(String)

    public var description: String {
        switch self {
        case let .invalid(field, value, allowed): return "\(field) = \(value) is not allowed; allowed: \(allowed)"
        case let .impossible(reason): return reason
        }
    }
}
