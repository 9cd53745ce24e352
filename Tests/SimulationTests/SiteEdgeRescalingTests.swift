import Foundation
import LithiumModel
import Simulation
import Testing

/// `likmc converge` runs the same physical scenario at every site edge: the box in nm, every
/// charge in mC/cm², thicknesses in nm, and everything else (currents, potentials, times) as given.
@Suite struct SiteEdgeRescalingTests {
    /// One scenario per protocol kind and end condition the reader knows, all at ℓ₀ = 2 nm.
    static let protocols: [(String, String)] = [
        ("galvanostatic, monolayers", "protocol: {mode: galvanostatic, current_density_mA_cm2: 3, monolayers: 1.5, max_time_s: 50}"),
        ("galvanostatic, capacity", "protocol: {mode: galvanostatic, capacity_mAh_cm2: 0.001, max_events: 1000000}"),
        ("potentiostatic", "protocol: {mode: potentiostatic, overpotential_mV: 40, max_time_s: 2, monolayers: 2}\n"
            + "sampling: {potentiostatic_samples: 50}"),
        ("deposition", "protocol: {mode: deposition, deposition_rate_per_site_s: 0.3, monolayers: 1}\n"
            + "sampling: {window_monolayers: 0.0001, nucleus_min_sites: 3}"),
        ("film", "protocol: {mode: galvanostatic, monolayers: 1, li_film_layers: 2}"),
        ("cycling, galvanostatic strip", "protocol: {mode: galvanostatic, monolayers: 3}\n"
            + "cycling: {cycles: 2, rest_s: 1, strip_current_density_mA_cm2: 2, strip_cutoff_mV: 300}"),
        ("cycling, potentiostatic strip", "protocol: {mode: potentiostatic, overpotential_mV: 30, max_time_s: 1, monolayers: 1}\n"
            + "cycling: {cycles: 2, strip_mode: potentiostatic, strip_overpotential_mV: -80, strip_max_time_s: 3}"),
    ]

    /// The scenario of protocol `kind` at ℓ₀ = 2 nm, and at `edge` with the rescaling that made it.
    static func rescaled(_ kind: String, to edge: Double) throws -> (old: Scenario, new: Scenario, SiteEdgeRescaling) {
        let text = "lattice: {lx: 16, ly: 8, lz: 8}\nmaterial: {substrate: Cu, site_edge_nm: 2, substrate_layers: 1}\n"
            + protocols.first { $0.0 == kind }!.1
        let old = try Scenario.parse(yaml: text)
        let rescaling = try SiteEdgeRescaling(old, siteEdge: edge)
        return (old, try Scenario.parse(yaml: try ScenarioOverrides.apply(rescaling.assignments, to: text)), rescaling)
    }

    /// Charge of one monolayer of sites, mC/cm².
    static func monolayer(_ s: Scenario) -> Double { RateConstants(s.parameters).chargePerEvent(surfaceSites: 1) }

    @Test(arguments: protocols.map(\.0), [4.0, 1, 0.5])
    func physicalScenarioIsTheSame(kind: String, edge: Double) throws {
        let (old, new, rescaling) = try Self.rescaled(kind, to: edge)
        let (l0, l) = (old.parameters.siteEdge, new.parameters.siteEdge)
        #expect(l == edge)
        // The box in nm: exactly; substrate and film thickness in nm within half a layer; never less room above.
        #expect(Double(new.lx) * l == Double(old.lx) * l0 && Double(new.ly) * l == Double(old.ly) * l0)
        #expect(abs(Double(new.parameters.substrateLayers) * l - Double(old.parameters.substrateLayers) * l0) <= l / 2
                || new.parameters.substrateLayers == 1)
        #expect(abs(Double(new.plating.lithiumFilmLayers) * l - Double(old.plating.lithiumFilmLayers) * l0) <= l / 2)
        let room = { (s: Scenario) in Double(s.lz - s.parameters.substrateLayers - s.plating.lithiumFilmLayers) * s.parameters.siteEdge }
        #expect(room(new) >= room(old) && room(new) < room(old) + l)
        // Every charge per area in mC/cm² (and the deposition flux): to rounding.
        func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * abs(b) }
        #expect(same((new.plating.monolayers ?? 0) * Self.monolayer(new), (old.plating.monolayers ?? 0) * Self.monolayer(old)))
        #expect(same(new.sampling.windowMonolayers * Self.monolayer(new), old.sampling.windowMonolayers * Self.monolayer(old)))
        if old.plating.mode == .deposition {
            #expect(same(new.plating.depositionRate * Self.monolayer(new), old.plating.depositionRate * Self.monolayer(old)))
        }
        // A nucleus is the same amount of Li, to half a site (at least one site).
        let atoms = { (s: Scenario) in Double(s.sampling.nucleusMinimumSites) * s.parameters.atomsPerSite }
        #expect(abs(atoms(new) - atoms(old)) <= new.parameters.atomsPerSite / 2 || new.sampling.nucleusMinimumSites == 1)
        #expect(Double(new.plating.maximumEvents) >= Double(old.plating.maximumEvents) * pow(l0 / l, 5))
        // Everything else is untouched: put the rescaled keys back and the scenarios are equal.
        var back = new
        (back.lx, back.ly, back.lz) = (old.lx, old.ly, old.lz)
        back.parameters.siteEdge = l0
        back.parameters.substrateLayers = old.parameters.substrateLayers
        back.plating.lithiumFilmLayers = old.plating.lithiumFilmLayers
        (back.plating.monolayers, back.plating.depositionRate) = (old.plating.monolayers, old.plating.depositionRate)
        back.plating.maximumEvents = old.plating.maximumEvents
        back.sampling = old.sampling
        #expect(back == old)
        #expect(rescaling.roundings.allSatisfy { ["material.substrate_layers", "protocol.li_film_layers", "lattice.lz",
                                                  "sampling.nucleus_min_sites"].contains($0.key) })
    }

    /// At its own site edge a scenario is unchanged, and nothing is rounded.
    @Test(arguments: protocols.map(\.0))
    func ownSiteEdgeChangesNothing(kind: String) throws {
        let (old, new, rescaling) = try Self.rescaled(kind, to: 2)
        #expect(new == old && rescaling.roundings.isEmpty)
    }

    /// A box that is not a whole number of sites is refused, naming the key; a half layer of
    /// substrate is rounded and said.
    @Test func wholeSitesOrASaidRounding() throws {
        let old = try Self.rescaled(Self.protocols[0].0, to: 2).old
        #expect {
            try SiteEdgeRescaling(old, siteEdge: 3)
        } throws: { ($0 as? ScenarioError)?.path == "lattice.lx" && "\($0)".contains("32 nm / n") }
        #expect(throws: ScenarioError.self) { try SiteEdgeRescaling(old, siteEdge: 0) }
        let coarse = try SiteEdgeRescaling(old, siteEdge: 4)
        // 2 sites of 2 nm (740 atoms) are a quarter of a 4 nm site: one site.
        #expect(coarse.roundings.map(\.key) == ["material.substrate_layers", "lattice.lz", "sampling.nucleus_min_sites"])
        #expect(coarse.roundings[0].used == 1 && coarse.roundings[0].exact == 0.5)
    }

    /// The plated charge of a galvanostatic run, in mC/cm², is the same at ℓ = 2 nm and at 1 nm
    /// (to one site's charge at the coarser ℓ: a run stops at the first whole event past the target).
    /// (The times differ by the galvanostatic control's event noise, so they are not compared.)
    @Test func runsPlateTheSameChargePerArea() throws {
        let old = try Scenario.parse(yaml: """
            lattice: {lx: 8, ly: 8, lz: 6}
            material: {substrate: Cu, site_edge_nm: 2, substrate_layers: 1}
            protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 0.7}
            sampling: {window_monolayers: 0.05}
            """)
        let rescaling = try SiteEdgeRescaling(old, siteEdge: 1)
        let text = "lattice: {lx: 8, ly: 8, lz: 6}\nmaterial: {substrate: Cu, site_edge_nm: 2, substrate_layers: 1}\n"
            + "protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 0.7}\nsampling: {window_monolayers: 0.05}"
        let new = try Scenario.parse(yaml: try ScenarioOverrides.apply(rescaling.assignments, to: text))
        func charge(_ s: Scenario) throws -> Double {
            var run = try ElectrodeRun(scenario: s)
            return run.run().observables.first { $0.0 == "charge_mC_per_cm2" }!.1
        }
        let q0 = try charge(old), q1 = try charge(new)
        let site = Self.monolayer(old) / 64
        #expect(abs(q1 - q0) <= site, "\(q0) vs \(q1) mC/cm²")
        #expect(abs(q0 - 0.7 * Self.monolayer(old)) <= site)
    }
}
