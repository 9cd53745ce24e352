import LithiumModel
import Output
@testable import Simulation
import Testing

/// Runs with a protective coating (docs/MODEL.md §4c, §6): the limits of the plating place, Li
/// conserved exactly in every cycle, and summary.json's coating keys.
@Suite struct CoatingRunTests {
    static func scenario(_ electronics: String, current: Double, monolayers: Double = 3, thickness: Int = 2,
                         cycling: String = "") throws -> Scenario {
        try Scenario.parse(yaml: """
            name: coating-\(electronics)
            seed: 2
            lattice: {lx: 8, ly: 8, lz: 17}
            material:
              substrate: Cu
              substrate_layers: 1
              sei_exchange_current_density_mA_cm2: 0.02
              coating_thickness_sites: \(thickness)
              coating_diffusivity_cm2_s: 1.0e-10
              coating_electronic: \(electronics)
            protocol: {mode: galvanostatic, current_density_mA_cm2: \(current), monolayers: \(monolayers), li_film_layers: 2}
            \(cycling)
            sampling: {window_monolayers: 0.05}
            """)
    }

    /// At low current an insulating coating takes all the plated Li underneath (a few per cent stay
    /// in the coating, none goes on top) while the buried interface is smoother than the coating is
    /// thick (2 monolayers under 4 sites: it roughens like random deposition, docs/MODEL.md §10); at
    /// high current a conducting coating takes most on top.
    @Test func lowCurrentPlatesUnderneathAnInsulatingCoatingAndHighCurrentOnTopOfAConductingOne() throws {
        var low = try ElectrodeRun(scenario: try Self.scenario("insulating", current: 1, monolayers: 2, thickness: 3))
        let slow = low.run()
        #expect(slow.stopReason == "charge reached")
        #expect(slow.fractionPlatedOnTop == 0, "on top \(slow.fractionPlatedOnTop)")
        #expect(slow.fractionPlatedUnderneath > 0.9, "underneath \(slow.fractionPlatedUnderneath)")
        #expect(slow.coatingDisplacement > 0.8 * 2 * 2.0, "displacement \(slow.coatingDisplacement) nm")
        var high = try ElectrodeRun(scenario: try Self.scenario("conducting", current: 3000))
        let fast = high.run()
        #expect(fast.fractionPlatedOnTop > 0.5, "on top \(fast.fractionPlatedOnTop)")
        #expect(fast.fractionPlatedUnderneath < 0.1, "underneath \(fast.fractionPlatedUnderneath)")
        guard case let .object(pairs) = fast.summaryJSON() else { Issue.record("summary.json is no object"); return }
        let keys = Set(pairs.map(\.0))
        for key in ["fraction_plated_underneath", "fraction_plated_on_top", "coating_displacement_nm"] { #expect(keys.contains(key)) }
    }

    /// Plated (net charge up to the strip) = underneath + on top + in the coating + SEI, and over the whole
    /// cycle Δcharge = Δunderneath + Δon top + Δcoating + ΔSEI, in sites, every cycle, both coatings.
    @Test(arguments: ["conducting", "insulating"])
    func lithiumIsConservedEveryCycle(_ electronics: String) throws {
        var run = try ElectrodeRun(scenario: try Self.scenario(
            electronics, current: 20, monolayers: 2, cycling: "cycling: {cycles: 3, rest_s: 0.02, strip_cutoff_mV: 500}"))
        let result = run.run()
        #expect(result.cycles.count == 3, "\(result.stopReason)")
        for c in result.cycles {
            for d in [c.plating, c.change] {
                #expect(d.charge == d.underneath + d.onTop + d.coating + d.sei, "cycle \(c.cycle): \(d)")
                #expect(d.charge == d.dead + d.sei + d.active, "cycle \(c.cycle): \(d)")
            }
            #expect(c.plating.charge == c.platedSites && c.plating.underneath + c.plating.onTop > 0)
            #expect(c.fractionPlatedUnderneath + c.fractionPlatedOnTop <= 1)
        }
        #expect(run.engine.application.connectivityErrors().isEmpty)
    }
}
