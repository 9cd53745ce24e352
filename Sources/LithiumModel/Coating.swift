/// A protective coating on the electrode (docs/MODEL.md §4c): a layer of `coating_thickness_sites`
/// sites on the collector, or on the Li film when the protocol pre-plates one, through which Li
/// moves with the coating's diffusivity and below which it may plate.

/// The coating's material: a Li-diffusivity preset of ``MaterialPresets/diffusivities`` (its
/// geometric-mean value); a scenario may give `coating_diffusivity_cm2_s` instead.
public enum CoatingMaterial: String, CaseIterable, Sendable {
    case li22sn5 = "Li22Sn5"
    case li3bi = "Li3Bi"
    case lizn = "LiZn"
    case lixag = "LixAg"
    case limgGITT = "Li-Mg_GITT"
    case limgNeutron = "Li-Mg_neutron"
    case limgSand = "Li-Mg_Sand"
    case liIn = "Li-In"

    /// The preset's Li diffusivity, cm²/s.
    public var diffusivity: MaterialPresets.Diffusivity {
        switch self {
        case .li22sn5: return MaterialPresets.diffusivity("Li22Sn5")
        case .li3bi: return MaterialPresets.diffusivity("Li3Bi")
        case .lizn: return MaterialPresets.diffusivity("LiZn")
        case .lixag: return MaterialPresets.diffusivity("LixAg")
        case .limgGITT: return MaterialPresets.diffusivity("Li-Mg (beta, GITT)")
        case .limgNeutron: return MaterialPresets.diffusivity("Li-Mg (beta, neutron)")
        case .limgSand: return MaterialPresets.diffusivity("Li-Mg (beta, Sand)")
        case .liIn: return MaterialPresets.diffusivity("Li-In")
        }
    }
}

/// Whether the coating conducts electrons.
public enum CoatingElectronics: String, CaseIterable, Sendable {
    /// A Li-rich alloy (mixed conductor): C and C_Li conduct, Li⁺ is reduced on the coating's top
    /// surface (into it, or onto it as Li metal).
    case conducting
    /// An ion conductor (an alloy–LiCl composite, LiPON): C and C_Li do not conduct; Li⁺ enters at
    /// the top and becomes metal only where it meets metal below.
    case insulating
}
