import Foundation

/// How the Li model turns the site edge ℓ into per-site energies and mobilities
/// (docs/MODEL.md §3b).
///
/// A site holds N = ℓ³/Ω atoms and every faradaic event moves N electrons, so the model's energies
/// are per transferred electron: a bond between two sites is the energy of the 2ℓ² of surface it
/// removes, 2γℓ², shared by N electrons.
public enum Resolution: String, CaseIterable, Sendable {
    /// ε(Li,Li) = `li_li_bond_eV` at every ℓ and the site mobility `li_diffusivity_cm2_s`: the
    /// critical nucleus is always a few sites, so morphology depends on ℓ (the behaviour before
    /// physical inputs; kept for comparison).
    case fixedBonds = "fixed_bonds"
    /// ε(Li,Li) = 2γℓ²/N = 2γΩ/ℓ from the Li surface energy γ, so that a cap's Gibbs–Thomson
    /// potential 2γΩ/(eR) and the contact angle do not depend on ℓ; with a surface diffusivity
    /// D_s, the hop prefactor is matched to Mullins' B = D_s·ν·Ω²·γ/kT.
    case physical
}

/// 1 J/m² in eV/nm².
let joulesPerSquareMetreInElectronVoltsPerSquareNanometre = 1 / (PhysicalConstants.elementaryCharge * 1e18)
