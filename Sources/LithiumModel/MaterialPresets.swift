/// Named materials shipped with LithiumKMC. Every value names its source; a scenario may
/// override any field.
///
/// Bond energies of the substrates are set through contact angles (Young–Dupré in the
/// bond-counting picture) relative to ε(Li,Li), so they stay meaningful when ε(Li,Li) is
/// changed to an effective mesoscale value.
public enum MaterialPresets {
    /// Li diffusivities (cm²/s, 25 °C unless noted), with their ranges and sources.
    public struct Diffusivity: Sendable, Equatable {
        public let material: String
        public let low: Double
        public let high: Double
        public let note: String
        /// Geometric mean of the range: the default where a single value is needed.
        public var typical: Double { (low * high).squareRoot() }
    }

    public static let diffusivities: [Diffusivity] = [
        Diffusivity(material: "Li (self-diffusion, NMR)", low: 7.65e-11, high: 7.65e-11, note: "25 °C, NMR"),
        Diffusivity(material: "Li (self-diffusion, model)", low: 6.12e-11, high: 6.12e-11, note: "25 °C, model"),
        Diffusivity(material: "Li22Sn5", low: 1.9e-7, high: 5.9e-7, note: "25 °C"),
        Diffusivity(material: "Li3Bi", low: 1e-6, high: 3e-6, note: "25 °C"),
        Diffusivity(material: "LiZn", low: 4e-8, high: 4e-7, note: "25 °C"),
        Diffusivity(material: "LixAg", low: 1.2e-9, high: 4e-8, note: "25 °C"),
        Diffusivity(material: "Li-Mg (beta, GITT)", low: 1e-8, high: 1e-8, note: "25 °C, GITT"),
        Diffusivity(material: "Li-Mg (beta, neutron)", low: 1e-11, high: 1e-11, note: "25 °C, neutron"),
        Diffusivity(material: "Li-Mg (beta, Sand)", low: 2.3e-11, high: 2.3e-11, note: "25 °C, Sand's time"),
        Diffusivity(material: "Li13Sn5", low: 5.01e-5, high: 7.59e-4, note: "415 °C"),
        Diffusivity(material: "Li22Sn5 (415 °C)", low: 6.58e-5, high: 1.91e-4, note: "415 °C"),
        Diffusivity(material: "Li22Si5", low: 5.13e-5, high: 7.24e-5, note: "415 °C"),
        Diffusivity(material: "Li-In", low: 4.73e-7, high: 3.98e-5, note: "415 °C"),
        Diffusivity(material: "Li3Sb", low: 2e-4, high: 4e-4, note: "360 °C"),
    ]

    public static func diffusivity(_ material: String) -> Diffusivity {
        diffusivities.first { $0.material == material }!
    }

    /// Li metal self-diffusion coefficient (NMR), cm²/s: the default mobility of a Li site.
    public static let lithiumSelfDiffusivity = 7.65e-11

    private static let onsetSource = "alloying onset potential vs Li/Li⁺ read from the first-discharge voltage "
        + "profiles of Yan et al., Nat. Energy 1, 16010 (2016) (approximate)"

    /// The substrate presets: contact angle (degrees) of Li on each, whether Li dissolves in it,
    /// the free energy of dissolving (eV per event: the alloying onset potential vs Li/Li⁺ times e)
    /// and the Li diffusivity in the alloy (cm²/s).
    public static let substrates: [Substrate] = [
        Substrate(
            name: "Cu", contactAngleDegrees: 120, lithiophilic: false, alloyingFreeEnergy: 0, alloyDiffusivity: 0,
            source: "Cu has negligible Li solubility; molten Li does not wet Cu (contact angle > 90°, "
                + "e.g. ~120–140° reported for untreated Cu foil); 120° used"),
        Substrate(
            name: "Au", contactAngleDegrees: 0, lithiophilic: true, alloyingFreeEnergy: 0.20,
            alloyDiffusivity: diffusivity("LixAg").typical,
            source: "lithiophilic (wetting, θ = 0°); \(onsetSource); no Li–Au diffusivity in the design table: "
                + "the LixAg value (fcc noble-metal host) is used"),
        Substrate(
            name: "Ag", contactAngleDegrees: 0, lithiophilic: true, alloyingFreeEnergy: 0.08,
            alloyDiffusivity: diffusivity("LixAg").typical,
            source: "lithiophilic (θ = 0°); \(onsetSource); D(LixAg) 1.2e-9–4e-8 cm²/s, geometric mean"),
        Substrate(
            name: "Mg", contactAngleDegrees: 0, lithiophilic: true, alloyingFreeEnergy: 0.02,
            alloyDiffusivity: diffusivity("Li-Mg (beta, GITT)").typical,
            source: "lithiophilic, wide Li solid solubility (θ = 0°); \(onsetSource); D(Li–Mg β) 1e-8 cm²/s (GITT)"),
        Substrate(
            name: "Zn", contactAngleDegrees: 0, lithiophilic: true, alloyingFreeEnergy: 0.15,
            alloyDiffusivity: diffusivity("LiZn").typical,
            source: "lithiophilic (θ = 0°); \(onsetSource); D(LiZn) 4e-8–4e-7 cm²/s, geometric mean"),
        Substrate(
            name: "Sn", contactAngleDegrees: 0, lithiophilic: true, alloyingFreeEnergy: 0.40,
            alloyDiffusivity: diffusivity("Li22Sn5").typical,
            source: "lithiophilic (θ = 0°); Li–Sn alloying onset ≈ 0.4–0.7 V vs Li/Li⁺; D(Li22Sn5) 1.9e-7–5.9e-7 cm²/s"),
    ]

    public static func substrate(named name: String) -> Substrate? {
        substrates.first { $0.name.lowercased() == name.lowercased() }
    }
}
