import Complexions
import Yams

extension SegregationScenario {
    /// Reads and validates a segregation scenario; errors name the key path and the allowed range.
    public static func parse(yaml text: String) throws(ScenarioError) -> SegregationScenario {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw ScenarioError("", "not valid YAML: \(error)") }
        var top = try ConfigNode(root, path: "")
        var s = SegregationScenario()
        _ = try top.string("kind", oneOf: [ScenarioKind.segregation.rawValue])
        s.name = try top.string("name", default: s.name)
        s.seed = UInt64(try top.integer("seed", default: 1, 0...Int.max))
        s.generator = try top.string("generator", default: s.generator)
        var lattice = try top.child("lattice")
        s.lx = try lattice.integer("lx", default: s.lx, 1...4096)
        s.ly = try lattice.integer("ly", default: s.ly, 1...4096)
        s.lz = try lattice.integer("lz", default: s.lz, 2...4096)
        try lattice.finish()
        var slab = try top.child("slab")
        s.layers = try slab.integer("layers", default: min(s.layers, s.lz - 1), 1...4095)
        s.frozenLayers = try slab.integer("frozen_bottom_layers", default: 0, 0...4094)
        s.initialFraction = try slab.double("initial_m_fraction", default: s.initialFraction, 0...1)
        try slab.finish()
        var m = try top.child("material")
        var p = ComplexionParameters()
        p.temperature = try m.double("temperature_K", default: p.temperature, 0...5000, openLower: true)
        p.siteEdge = try m.double("site_edge_nm", default: p.siteEdge, 0...1000, openLower: true)
        p.lithiumBond = try m.double("li_li_bond_eV", default: p.lithiumBond, -10...10)
        p.soluteBond = try m.double("m_m_bond_eV", default: p.soluteBond, -10...10)
        p.mixedBond = try m.double("li_m_bond_eV", default: p.mixedBond, -10...10)
        p.lithiumSurface = try m.double("li_surface_eV", default: p.lithiumSurface, -10...10)
        p.soluteSurface = try m.double("m_surface_eV", default: p.soluteSurface, -10...10)
        try m.finish()
        var sampling = try top.child("sampling")
        let ensemble = try sampling.string("ensemble", default: s.ensemble.rawValue, oneOf: SamplingEnsemble.allCases.map(\.rawValue))
        s.ensemble = SamplingEnsemble(rawValue: ensemble.lowercased())!
        p.chemicalPotentialDifference = try sampling.double("delta_mu_eV", default: 0, -10...10)
        s.sweeps = try sampling.integer("sweeps", default: s.sweeps, 100...100_000_000)
        s.flipFraction = try sampling.double("flip_fraction", default: s.flipFraction, 0...1, openLower: true)
        s.batches = try sampling.integer("batches", default: s.batches, 4...1000)
        try sampling.finish()
        s.parameters = p
        if top.has("isotherm") {
            var isotherm = try top.child("isotherm")
            s.isotherm = try isotherm.doubles("delta_mu_eV", -10...10, minimumCount: 4)
            let family = try isotherm.string("family", default: "best", oneOf: FamilyChoice.allCases.map(\.rawValue))
            s.family = FamilyChoice(rawValue: family.lowercased())!
            try isotherm.finish()
        }
        if top.has("self_healing") {
            var n = try top.child("self_healing")
            var h = SelfHealingSettings()
            h.depositLayers = try n.integer("deposit_layers", default: h.depositLayers, 1...4096)
            h.stripLayers = try n.integer("strip_layers", default: h.stripLayers, 1...4096)
            h.kmcEvents = try n.integer("kmc_events", default: h.kmcEvents, 1000...10_000_000_000)
            h.samples = try n.integer("samples", default: h.samples, 10...100_000)
            h.rates.attemptFrequency = try n.double("attempt_frequency_per_s", default: h.rates.attemptFrequency, 0...1e20, openLower: true)
            h.rates.barrier = try n.double("exchange_barrier_eV", default: h.rates.barrier, 0...10)
            try n.finish()
            s.selfHealing = h
        }
        try top.finish()
        try s.check()
        return s
    }

    /// Cross-field checks no single key can make.
    func check() throws(ScenarioError) {
        if layers >= lz {
            throw ScenarioError("slab.layers", "\(layers) leaves no electrolyte layer in lz = \(lz); allowed: 1 … \(lz - 1)")
        }
        if frozenLayers >= layers - 1 {
            throw ScenarioError("slab.frozen_bottom_layers", "\(frozenLayers) leaves fewer than 2 mobile layers; allowed: 0 … \(max(0, layers - 2))")
        }
        if ensemble == .canonical && !isotherm.isEmpty {
            throw ScenarioError("isotherm", "an isotherm varies Δμ: it needs sampling.ensemble: semi-grand")
        }
        if !isotherm.isEmpty, let bad = isotherm.first(where: { $0 >= parameters.coexistenceChemicalPotential }) {
            throw ScenarioError("isotherm.delta_mu_eV", "\(bad) eV is not below bulk coexistence; allowed: < Δμ_coex = "
                + "3·(li_li_bond_eV − m_m_bond_eV) = \(parameters.coexistenceChemicalPotential) eV")
        }
        if let h = selfHealing {
            if h.depositLayers >= layers - frozenLayers {
                throw ScenarioError("self_healing.deposit_layers", "\(h.depositLayers); allowed: 1 … \(layers - frozenLayers - 1)")
            }
            if h.stripLayers >= layers - frozenLayers - 1 {
                throw ScenarioError("self_healing.strip_layers", "\(h.stripLayers); allowed: 1 … \(layers - frozenLayers - 2)")
            }
            do { try h.rates.validate() } catch { throw ScenarioError("self_healing", "\(error)") }
        }
        do { try parameters.validate() } catch { throw ScenarioError("material", "\(error)") }
    }
}
