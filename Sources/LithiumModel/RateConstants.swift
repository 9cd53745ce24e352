import Foundation

/// Event rates of the Li model in s⁻¹, derived from ``ModelParameters``.
///
/// - Hop (per allowed direction): Γ(B) = (D_Li/ℓ²)·exp(−(B − ε(Li,M))/kT): an adatom on the bare
///   substrate (one bond, B = ε(Li,M)) hops with D_Li/ℓ².
/// - Reduction (per empty site touching a conductor): k₀·exp(αfη).
/// - Oxidation (per Li site touching the electrolyte): k₀·exp(−(1−α)fη)·exp(−(B − B_kink)/kT),
///   B_kink = 3ε(Li,Li).
/// - Reduction into M (per M site touching the electrolyte, lithiophilic only): k₀·exp(αfη);
///   oxidation of LiM (per LiM site touching the electrolyte): k₀·exp(−(1−α)fη)·exp(−(B_in − B_kink)/kT).
/// - Alloying (per M neighbour of a Li site): (D_alloy/ℓ²)·exp(−(B − ε(Li,M))/kT).
/// - De-alloying (per empty neighbour of a LiM site): (D_alloy/ℓ²)·exp(−(B_in − ε(Li,M))/kT).
/// - Transport in the alloy (per M neighbour of a LiM site): (D_alloy/ℓ²)·exp(−(B_in − B_in⁰)/kT).
/// B is the bond sum of the Li site; B_in = B_kink + ΔG_alloy + n_Li·(ε(Li,LiM) − ε(Li,M)) is the
/// binding of Li dissolved in M (ΔG_alloy: stability relative to bulk Li), B_in⁰ its value with no
/// Li neighbours. k₀ = i₀·ℓ²/(e·N): the exchange current per site at equilibrium, N = ℓ³/Ω atoms.
/// - SEI formation (per empty site touching connected Li): k_SEI·exp(α_SEI·f·η), k_SEI = i_SEI·ℓ²/(e·N).
/// - Coating (docs/MODEL.md §4c): hop Γ_c = D_c/ℓ² per C neighbour of C_Li; reduction into a C site
///   touching the electrolyte k₀·exp(αfη), its reverse k₀·exp(−(1−α)fη)·exp(−(B_c − B_kink)/kT);
///   plating underneath Γ_c, uptake into the coating Γ_c·exp(−(B − B_c)/kT); B_c = B_kink + ΔG_c.
/// - Sub-grid nucleation (per empty site on bare substrate with no Li neighbour): J(η)·ℓ²,
///   J = J₀·exp(−B_n·f(θ)/η²) for η > 0 (0 otherwise), f(θ) = (2 + cos θ)(1 − cos θ)²/4.
public struct RateConstants: Sendable, Equatable {
    public let kT: Double
    /// f = e/kT, V⁻¹ (one electron per event in the exponent).
    public let f: Double
    public let alpha: Double
    public let k0: Double
    /// SEI formation rate per site at η = 0, s⁻¹, and its transfer coefficient.
    public let seiRate: Double
    public let seiAlpha: Double
    public let hopPrefactor: Double
    public let alloyPrefactor: Double
    public let hopReference: Double
    public let kinkBinding: Double
    public let alloyBindingBase: Double
    public let atomsPerSite: Double
    /// Site face area ℓ², cm².
    public let siteArea: Double
    /// Sub-grid nucleation attempt rate per eligible site, J₀·ℓ², s⁻¹ (0: the event is off and the
    /// lattice nucleates on bare substrate by reduction, as without it).
    public let subgridNucleation: Double
    /// Its barrier in the exponent, B_n·f(θ), V²: J = J₀·exp(−B_n·f(θ)/η²).
    public let nucleationBarrier: Double
    /// Li hop rate inside the coating per direction, Γ_c = D_c/ℓ², s⁻¹ (0: no coating).
    public let coatingHop: Double
    /// Binding of Li in the coating, B_c = B_kink + ΔG_c, eV.
    public let coatingBinding: Double

    public init(_ p: ModelParameters) {
        kT = p.thermalEnergy
        f = 1 / kT
        alpha = p.transferCoefficient
        let edgeCm = p.siteEdge * 1e-7
        siteArea = edgeCm * edgeCm
        atomsPerSite = p.atomsPerSite
        let i0 = p.exchangeCurrentDensity * 1e-3  // A/cm²
        k0 = i0 * siteArea / (PhysicalConstants.elementaryCharge * atomsPerSite)
        seiRate = p.seiExchangeCurrentDensity * 1e-3 * siteArea / (PhysicalConstants.elementaryCharge * atomsPerSite)
        seiAlpha = p.seiTransferCoefficient
        hopPrefactor = p.hopPrefactor
        alloyPrefactor = p.substrate.lithiophilic ? p.substrate.alloyDiffusivity / siteArea : 0
        hopReference = p.effectiveSubstrateBondEnergy
        kinkBinding = 3 * p.effectiveLithiumBondEnergy
        alloyBindingBase = kinkBinding + p.substrate.alloyingFreeEnergy
        coatingHop = p.hasCoating ? p.effectiveCoatingDiffusivity / siteArea : 0
        coatingBinding = kinkBinding + p.coatingFreeEnergy
        subgridNucleation = p.subgridNucleationPrefactor * siteArea
        nucleationBarrier = p.subgridNucleationBarrier * 1e-6
            * Self.heterogeneousShapeFactor(contactAngleDegrees: p.effectiveContactAngleDegrees)
    }

    /// f(θ) = (2 + cos θ)(1 − cos θ)²/4: the fraction of the homogeneous nucleation barrier left for
    /// a spherical cap of contact angle θ on a flat substrate (Milchev, *Electrocrystallization*,
    /// 2002): 1 at θ = 180° (no wetting), ½ at 90°, 0 at θ = 0 (a wetting substrate: no barrier).
    public static func heterogeneousShapeFactor(contactAngleDegrees theta: Double) -> Double {
        let c = cos(theta * .pi / 180)
        return (2 + c) * (1 - c) * (1 - c) / 4
    }

    /// exp(−B/η²) for η > 0 (V), 0 for η ≤ 0, B = B_n·f(θ) in V²: what multiplies the sub-grid
    /// nucleation rate. Increasing in η, and smooth at 0⁺ when there is a barrier.
    public static func nucleationFactor(overpotential eta: Double, barrier: Double) -> Double {
        eta > 0 ? exp(-barrier / (eta * eta)) : 0
    }

    public func hop(binding b: Double) -> Double { hopPrefactor * exp(-(b - hopReference) / kT) }
    /// Oxidation rate at η = 0 (the η factor is applied per event type).
    public func oxidation(binding b: Double) -> Double { k0 * exp(-(b - kinkBinding) / kT) }
    /// Oxidation of Li dissolved in M at η = 0.
    public func alloyOxidation(alloyBinding bIn: Double) -> Double { k0 * exp(-(bIn - kinkBinding) / kT) }
    public func alloying(binding b: Double) -> Double { alloyPrefactor * exp(-(b - hopReference) / kT) }
    public func dealloying(alloyBinding bIn: Double) -> Double { alloyPrefactor * exp(-(bIn - hopReference) / kT) }
    public func alloyTransport(alloyBinding bIn: Double) -> Double { alloyPrefactor * exp(-(bIn - alloyBindingBase) / kT) }

    /// Li⁺ leaving a C_Li site for the electrolyte at η = 0: k₀·exp(−(B_c − B_kink)/kT) (reduction into
    /// C at k₀ is its reverse: their ratio is the coating's equilibrium filling at η = 0).
    public var coatingOxidation: Double { k0 * exp(-(coatingBinding - kinkBinding) / kT) }
    /// Li leaving the coating into the metal below (the column moves up): Γ_c, from the initial state's
    /// binding B_c measured from itself.
    public var underplating: Double { coatingHop }
    /// Li of binding B under the coating taken up into it (the column moves down): Γ_c·exp(−(B − B_c)/kT);
    /// with ``underplating`` the ratio exp(−ΔH/kT), ΔH = B − B_c.
    public func coatingUptake(binding b: Double) -> Double { coatingHop * exp(-(b - coatingBinding) / kT) }

    /// Net faradaic events per second that carry current density `j` (mA/cm²) over `sites` surface sites.
    public func eventsPerSecond(currentDensity j: Double, surfaceSites: Int) -> Double {
        j * 1e-3 * siteArea * Double(surfaceSites) / (PhysicalConstants.elementaryCharge * atomsPerSite)
    }

    /// Charge of one faradaic event per surface area, mC/cm², for `surfaceSites` sites.
    public func chargePerEvent(surfaceSites: Int) -> Double {
        PhysicalConstants.elementaryCharge * atomsPerSite * 1e3 / (siteArea * Double(surfaceSites))
    }
}
