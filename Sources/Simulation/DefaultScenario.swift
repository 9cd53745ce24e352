extension Scenario {
    /// The scenario `likmc run` uses when given no file: galvanostatic nucleation of Li on Cu.
    public static let defaultYAML = """
        # Default LithiumKMC scenario: galvanostatic Li plating on Cu (inert, lithiophobic).
        name: default-cu-nucleation
        seed: 1
        lattice: {lx: 64, ly: 64, lz: 8}
        material:
          substrate: Cu
          site_edge_nm: 2.0
        protocol:
          mode: galvanostatic
          current_density_mA_cm2: 1.0
          monolayers: 1.5
        sampling:
          window_monolayers: 0.01
        """
}
