extension ModelParameters {
    /// Every input of the Li model, in the order a scenario's `material` mapping is documented.
    /// Validation (``validate()``), the scenario reader, the checkpoint and docs/SCENARIOS.md's
    /// `material` table are read off this list: a new input is one entry here plus its field.
    /// One range per key; docs/MODEL.md gives the formulas that use them.
    public static let table: [ParameterDescriptor] = [
        .real("temperature_K", \.temperature, .above(0, atMost: 5000), "temperature T"),
        .real("site_edge_nm", \.siteEdge, .above(0, atMost: 1000), "site edge ℓ (0.2785 = Ω^(1/3): one Li per site)"),
        .choice("resolution", \.resolution,
                "how ℓ sets the per-site bonds and mobility (docs/MODEL.md §3b): fixed_bonds keeps ε(Li,Li) and the site mobility at every ℓ; physical derives them from γ, θ and D_s"),
        .real("li_surface_energy_J_m2", \.lithiumSurfaceEnergy, .above(0, atMost: 10), usedUnder: .physical,
              "Li surface energy γ; ε(Li,Li) = 2γΩ/ℓ per transferred electron (physical)"),
        .optionalReal("li_surface_diffusivity_cm2_s", \.lithiumSurfaceDiffusivity, .above(0, atMost: 1),
                      derived: "none: hops use li_diffusivity_cm2_s", usedUnder: .physical,
                      "Li surface self-diffusivity D_s; sets the hop prefactor by Mullins matching (physical)"),
        .real("li_li_bond_eV", \.lithiumBondEnergy, .closed(0, 10), usedUnder: .fixedBonds, "ε(Li,Li) (fixed_bonds)"),
        .real("contact_angle_deg", \.substrate.contactAngleDegrees, .closed(0, 180), default: .preset,
              "contact angle θ of Li on M; sets ε(Li,M) = ε(Li,Li)(1 + cos θ)/2 (Young–Dupré)"),
        .optionalReal("li_substrate_bond_eV", \.lithiumSubstrateBondEnergy, .closed(-10, 10),
                      derived: "from contact_angle_deg", excludes: "contact_angle_deg", usedUnder: .fixedBonds,
                      "ε(Li,M) directly (fixed_bonds)"),
        .boolean("lithiophilic", \.substrate.lithiophilic, default: .preset, "whether Li dissolves in M"),
        .real("alloying_free_energy_eV", \.substrate.alloyingFreeEnergy, .closed(-10, 10), default: .preset,
              "ΔG_alloy, stability of Li in M vs a kink"),
        .real("alloy_diffusivity_cm2_s", \.substrate.alloyDiffusivity, .closed(0, 1), default: .preset,
              "Li diffusivity in the alloy (> 0 if lithiophilic)"),
        .optionalReal("li_alloy_bond_eV", \.lithiumAlloyBondEnergy, .closed(-10, 10), derived: "= ε(Li,M)",
                      usedUnder: .fixedBonds, "ε(Li,LiM) (fixed_bonds)"),
        .real("li_diffusivity_cm2_s", \.lithiumDiffusivity, .above(0, atMost: 1), "Li site mobility on the bare substrate"),
        .real("exchange_current_density_mA_cm2", \.exchangeCurrentDensity, .above(0, atMost: 1e6), "i₀"),
        .real("transfer_coefficient", \.transferCoefficient, .open(0, 1), "α"),
        .integer("substrate_layers", \.substrateLayers, .closed(1, 10_000), "layers of M at the bottom"),
        .real("sei_exchange_current_density_mA_cm2", \.seiExchangeCurrentDensity, .closed(0, 1e6),
              "i_SEI: SEI side-reaction current at η = 0 per area of electrolyte touching connected Li (0: no SEI)"),
        .real("sei_transfer_coefficient", \.seiTransferCoefficient, .from(0, below: 1),
              "α_SEI: the SEI rate scales as exp(α_SEI·fη) (0: potential-independent)"),
        .real("li_sei_bond_eV", \.lithiumSEIBondEnergy, .closed(-10, 10), usedUnder: .fixedBonds, "ε(Li,SEI) (fixed_bonds)"),
        .real("subgrid_nucleation_prefactor_per_cm2_s", \.subgridNucleationPrefactor, .closed(0, 1e40),
              "J₀ of sub-grid heterogeneous nucleation, J = J₀·exp(−B_n·f(θ)/η²) (0: off, the lattice nucleates)"),
        .real("subgrid_nucleation_barrier_mV2", \.subgridNucleationBarrier, .closed(0, 1e12),
              "B_n of sub-grid nucleation, mV²"),
        .integer("coating_thickness_sites", \.coatingThickness, .closed(0, 10_000),
                 "protective coating thickness h_c in sites, on the Li film (li_film_layers) or the collector (0: no coating)"),
        .choice("coating_material", \.coatingMaterial,
                "the coating's Li-diffusivity preset: the geometric mean of its range in MaterialPresets.diffusivities"),
        .optionalReal("coating_diffusivity_cm2_s", \.coatingDiffusivity, .above(0, atMost: 1),
                      derived: "from coating_material", excludes: "coating_material",
                      "Li diffusivity D_c in the coating: hop Γ_c = D_c/ℓ² per direction"),
        .choice("coating_electronic", \.coatingElectronics,
                "conducting (C and C_Li conduct: Li⁺ reduced on the coating) or insulating (Li⁺ inserted, reduced only at metal below)"),
        .real("coating_li_free_energy_eV", \.coatingFreeEnergy, .closed(-10, 10),
              "ΔG_c: stability of Li in the coating vs a kink of Li metal"),
    ]

    /// The descriptor of `key`, if it is one.
    public static func descriptor(_ key: String) -> ParameterDescriptor? { table.first { $0.key == key } }
}
