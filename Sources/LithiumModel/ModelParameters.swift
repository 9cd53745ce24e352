import Foundation
import Lattice

/// The physical inputs of the Li model, in the units users think in. ``RateConstants``
/// turns them into event rates (s⁻¹); docs/MODEL.md gives every formula.
public struct ModelParameters: Sendable, Equatable {
    /// Temperature T, K.
    public var temperature = 298.15
    /// Site edge ℓ, nm. 0.2785 nm = Ω^(1/3) is atomistic (one Li per site); a few nm is a
    /// mesoscale site holding ℓ³/Ω atoms, with effective energies.
    public var siteEdge = 2.0
    /// How ℓ sets the per-site energies and mobility (``Resolution``).
    public var resolution = Resolution.fixedBonds
    /// Li surface energy γ, J/m²: sets ε(Li,Li) under ``Resolution/physical``.
    public var lithiumSurfaceEnergy = 0.5
    /// Li surface self-diffusivity D_s, cm²/s: under ``Resolution/physical`` sets the hop prefactor
    /// (Mullins matching); nil: the site mobility is ``lithiumDiffusivity``.
    public var lithiumSurfaceDiffusivity: Double?
    /// Effective Li–Li bond energy ε(Li,Li) under ``Resolution/fixedBonds``, eV. Default 0.05 eV: a mesoscale value that puts the
    /// kink–adatom binding difference (2ε = 0.1 eV ≈ 4 kT) in the range that gives
    /// nucleation overpotentials of tens of mV (see docs/MODEL.md; not fitted to any result).
    public var lithiumBondEnergy = 0.05
    /// The substrate (collector) metal.
    public var substrate: Substrate
    /// Li–M bond energy ε(Li,M), eV; nil: from the substrate's contact angle (Young–Dupré).
    public var lithiumSubstrateBondEnergy: Double?
    /// Li–alloy bond energy ε(Li,LiM), eV; nil: equal to ε(Li,M) (Li does not tell M and LiM apart).
    public var lithiumAlloyBondEnergy: Double?
    /// Li–SEI bond energy, eV.
    public var lithiumSEIBondEnergy = 0.0
    /// Mobility of a Li site on the bare substrate terrace, cm²/s: Γ = D/ℓ² per direction.
    /// Default: Li self-diffusion (NMR) 7.65e-11 cm²/s, the collective rearrangement of a mesoscale site.
    public var lithiumDiffusivity = MaterialPresets.lithiumSelfDiffusivity
    /// Exchange current density i₀ of Li/Li⁺, mA/cm².
    public var exchangeCurrentDensity = 1.0
    /// Transfer coefficient α.
    public var transferCoefficient = 0.5
    /// Substrate layers at the bottom of the box (z = 0 …), ≥ 1.
    public var substrateLayers = 2
    /// SEI side reaction: its current density at η = 0 per area of electrolyte touching connected
    /// Li, mA/cm² (0: no SEI). Each SEI event consumes one site's worth of Li⁺ and electrons.
    public var seiExchangeCurrentDensity = 0.0
    /// Transfer coefficient of the SEI reaction: its rate scales as exp(α_SEI·f·η) (0: independent
    /// of the potential).
    public var seiTransferCoefficient = 0.5
    /// Sub-grid heterogeneous nucleation: prefactor J₀, nuclei per cm² per s (0: off, the default).
    /// Each nucleus is one site of Li on bare substrate (docs/MODEL.md §4).
    public var subgridNucleationPrefactor = 0.0
    /// Its barrier coefficient B_n, mV²: J(η) = J₀·exp(−B_n·f(θ)/η²).
    public var subgridNucleationBarrier = 0.0
    /// Protective coating (docs/MODEL.md §4c): thickness h_c in sites (0: no coating, the default).
    public var coatingThickness = 0
    /// Its material (a diffusivity preset; the design table's first coating by default).
    public var coatingMaterial = CoatingMaterial.li22sn5
    /// Its Li diffusivity D_c, cm²/s; nil: the material preset's.
    public var coatingDiffusivity: Double?
    /// Whether it conducts electrons.
    public var coatingElectronics = CoatingElectronics.conducting
    /// ΔG_c, eV: stability of mobile Li in the coating relative to a kink site of Li metal. The
    /// coating is the Li-saturated phase in equilibrium with Li metal, and C sites hold its excess
    /// (mobile) Li, less stable than the metal: ΔG_c < 0. Default −0.1 eV ≈ −4kT: about 2 % of the
    /// C sites hold Li in equilibrium with the metal at η = 0 (docs/MODEL.md §4c).
    public var coatingFreeEnergy = -0.1
    /// Track electronic connectivity exactly (dead Li). `false` treats every Li site as connected:
    /// only for measuring what the bookkeeping costs.
    public var tracksConnectivity = true

    public init(substrate: Substrate) { self.substrate = substrate }

    /// Parameters for a named substrate preset (Cu, Au, Ag, Mg, Zn, Sn).
    public init(substrateNamed name: String) throws(ModelError) {
        guard let preset = MaterialPresets.substrate(named: name) else {
            throw .invalid(field: "substrate", value: name,
                           allowed: MaterialPresets.substrates.map(\.name).joined(separator: ", "))
        }
        self.init(substrate: preset)
    }

    /// k_B T, eV.
    public var thermalEnergy: Double { PhysicalConstants.boltzmann * temperature }
    /// Li atoms on one site: ℓ³/Ω rounded to a whole number (at least 1), so that charge and Li
    /// inventories are exact integers (a site of 2 nm holds 370 atoms, ℓ³/Ω = 370.4).
    public var atomsPerSite: Double { max(1, (pow(siteEdge, 3) / PhysicalConstants.lithiumAtomicVolume).rounded()) }
    /// The bonds of H = −Σ ε(sᵢ, sⱼ) by ``SiteKind``, in the bond table every bond-counting model
    /// shares: ε(Li,Li), ε(Li,M), ε(Li,LiM), ε(Li,SEI). Pairs without Li are left at 0: those sites
    /// never move, so their bonds are constants of H.
    public var pairEnergies: PairEnergies {
        let li = Int(SiteKind.lithium)
        return PairEnergies(stateCount: SiteKind.count)
            .setting(li, li, to: effectiveLithiumBondEnergy)
            .setting(li, Int(SiteKind.substrate), to: effectiveSubstrateBondEnergy)
            .setting(li, Int(SiteKind.alloy), to: effectiveAlloyBondEnergy)
            .setting(li, Int(SiteKind.sei), to: lithiumSEIBondEnergy)
    }

    /// ε(Li,Li) in effect, eV per transferred electron: ``lithiumBondEnergy``, or under
    /// ``Resolution/physical`` the 2ℓ² of Li surface a bond removes shared by the N atoms of a site,
    /// 2γℓ²/N (= 2γΩ/ℓ up to the rounding of N).
    public var effectiveLithiumBondEnergy: Double {
        switch resolution {
        case .fixedBonds: return lithiumBondEnergy
        case .physical:
            return 2 * lithiumSurfaceEnergy * joulesPerSquareMetreInElectronVoltsPerSquareNanometre * siteEdge * siteEdge / atomsPerSite
        }
    }

    /// Volume per transferred electron in the model, ℓ³/N, nm³: Ω up to the rounding of N.
    public var modelAtomicVolume: Double { pow(siteEdge, 3) / atomsPerSite }

    /// Hop prefactor P, s⁻¹ (the hop rate of a Li site bound only to the substrate, per direction):
    /// D/ℓ²; under ``Resolution/physical`` with a surface diffusivity, the value that makes the
    /// lattice's low-temperature surface-diffusion coefficient equal Mullins' B (docs/MODEL.md §3b):
    /// P = D_s·Ω^(4/3)·exp((3ε − ε(Li,M))/kT)/(ℓ³·Ω_model).
    public var hopPrefactor: Double {
        let edgeCm = siteEdge * 1e-7
        guard resolution == .physical, let surfaceDiffusivity = lithiumSurfaceDiffusivity else {
            return lithiumDiffusivity / (edgeCm * edgeCm)
        }
        let omega = PhysicalConstants.lithiumAtomicVolume * 1e-21  // cm³
        let omegaModel = modelAtomicVolume * 1e-21
        let excess = 3 * effectiveLithiumBondEnergy - effectiveSubstrateBondEnergy
        return surfaceDiffusivity * pow(omega, 4.0 / 3) * exp(excess / thermalEnergy) / (pow(edgeCm, 3) * omegaModel)
    }

    /// ε(Li,M) in effect, eV.
    public var effectiveSubstrateBondEnergy: Double {
        lithiumSubstrateBondEnergy ?? substrate.lithiumBondEnergy(lithiumBond: effectiveLithiumBondEnergy)
    }

    /// θ in effect, degrees: the input, or what ε(Li,M) implies when the bond is given directly.
    public var effectiveContactAngleDegrees: Double {
        guard let bond = lithiumSubstrateBondEnergy, effectiveLithiumBondEnergy > 0 else { return substrate.contactAngleDegrees }
        return Substrate.contactAngleDegrees(substrateBond: bond, lithiumBond: effectiveLithiumBondEnergy)
    }

    /// Whether the electrode has a coating.
    public var hasCoating: Bool { coatingThickness > 0 }
    /// D_c in effect, cm²/s: the input, else the material preset's typical value.
    public var effectiveCoatingDiffusivity: Double { coatingDiffusivity ?? coatingMaterial.diffusivity.typical }

    /// ε(Li,LiM) in effect, eV.
    public var effectiveAlloyBondEnergy: Double { lithiumAlloyBondEnergy ?? effectiveSubstrateBondEnergy }

    /// Throws unless every input is in its range (``table``: one range per key, the scenario
    /// reader's too) and the inputs agree; the message names the key and the allowed range.
    public func validate() throws(ModelError) {
        for parameter in Self.table {
            guard let x = parameter.value(in: self) else { continue }
            guard parameter.admits(x) else {
                throw .invalid(field: parameter.key, value: parameter.text(x), allowed: parameter.allowedText)
            }
        }
        // An input stated directly in eV does not scale with ℓ: under physical resolution it is refused.
        for parameter in Self.table where parameter.isOptional && parameter.usedUnder.map({ $0 != resolution }) ?? false {
            if let x = parameter.value(in: self) {
                throw .invalid(field: parameter.key, value: parameter.text(x), allowed: "absent under resolution: \(resolution.rawValue)")
            }
        }
        if hasCoating {
            // The coating's uptake of Li from the metal below takes the Li site's third event slot,
            // which alloying holds on a lithiophilic substrate (docs/MODEL.md §4c).
            guard !substrate.lithiophilic else {
                throw .invalid(field: "lithiophilic", value: "true", allowed: "false with a coating (coating_thickness_sites > 0)")
            }
        }
        if substrate.lithiophilic && !(substrate.alloyDiffusivity > 0) {
            throw .invalid(field: "alloy_diffusivity_cm2_s", value: "\(substrate.alloyDiffusivity)",
                           allowed: "> 0 for a lithiophilic substrate")
        }
    }
}

/// Why a Li-model input was refused.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(field: String, value: String, allowed: String)
    case impossible(String)

    public var description: String {
        switch self {
        case let .invalid(field, value, allowed): return "\(field) = \(value) is not allowed; allowed: \(allowed)"
        case let .impossible(reason): return reason
        }
    }
}
