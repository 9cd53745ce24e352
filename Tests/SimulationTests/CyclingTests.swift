import Analysis
import LithiumModel
import Output
import Simulation
import Testing

/// Plate/strip cycling: exact Li accounting in every cycle, the cycle list in summary.json, and
/// the strip's end conditions.
@Suite struct CyclingTests {
    static func scenario(substrate: String, strip: String = "strip_cutoff_mV: 500", extra: String = "") throws -> Scenario {
        try Scenario.parse(yaml: """
            name: cycling-\(substrate)
            seed: 4
            lattice: {lx: 12, ly: 12, lz: 9}
            material:
              substrate: \(substrate)
              substrate_layers: 1
              sei_exchange_current_density_mA_cm2: 0.05
              alloy_diffusivity_cm2_s: 1.2e-10
            \(extra)
            protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 3}
            cycling: {cycles: 3, rest_s: 0.05, \(strip)}
            sampling: {window_monolayers: 0.05}
            """)
    }

    /// plated = stripped + dead Li⁰ + SEI Li⁺ + active, in integer atoms, every cycle; the
    /// inventories at the end of each cycle are the running sums of the per-cycle changes.
    @Test(arguments: ["Cu", "Au"])
    func lithiumIsConservedEveryCycle(substrate: String) throws {
        var run = try ElectrodeRun(scenario: try Self.scenario(substrate: substrate))
        let result = run.run()
        #expect(result.cycles.count == 3, "\(result.stopReason)")
        guard case let .object(summary) = result.summaryJSON(), case let .array(cycles)? = summary.first(where: { $0.0 == "cycles" })?.1
        else { Issue.record("no cycles in summary.json"); return }
        var dead = 0, sei = 0, active = 0, lost = 0.0
        for cycle in cycles {
            func int(_ key: String) -> Int { if case let .integer(n)? = cycle[key] { return n }; return Int.min }
            let plated = int("plated_atoms"), stripped = int("stripped_atoms")
            #expect(plated == stripped + int("dead_li0_atoms") + int("sei_li_plus") + int("active_atoms"))
            #expect(plated > 0 && stripped > 0)
            dead += int("dead_li0_atoms"); sei += int("sei_li_plus"); active += int("active_atoms")
            #expect(int("dead_li0_total_atoms") == dead && int("sei_li_plus_total") == sei && int("active_total_atoms") == active)
            guard case let .number(ce)? = cycle["coulombic_efficiency"] else {
                Issue.record("a cycle without coulombic_efficiency: \(cycle)")
                continue
            }
            #expect(abs(ce - Double(stripped) / Double(plated)) < 1e-15)
            lost += 1 - ce
        }
        #expect(sei > 0, "the SEI reaction ran")
        #expect(abs(result.coulombicEfficiency - (1 - lost / 3)) < 1e-12)
        let model = run.engine.application
        #expect(model.connectivityErrors().isEmpty)
        #expect(model.deadSites * 370 == dead)
    }

    /// A potentiostatic strip ends at its time limit or when nothing connected is left, and a strip
    /// never oxidises dead Li (the model's flags agree with a flood fill at the end).
    @Test func potentiostaticStrip() throws {
        var run = try ElectrodeRun(scenario: try Self.scenario(
            substrate: "Cu", strip: "strip_mode: potentiostatic, strip_overpotential_mV: -150, strip_max_time_s: 2"))
        let result = run.run()
        #expect(result.cycles.count == 3)
        #expect(result.cycles.allSatisfy { $0.stripEnd == "time limit" || $0.stripEnd == "nothing left to strip" })
        #expect(run.engine.application.connectivityErrors().isEmpty)
        #expect(result.series.samples.contains { $0.phase == 1 } && result.series.samples.contains { $0.phase == 2 })
    }

    @Test func galvanostaticStripEndsAtTheCutoffOrWhenEmpty() throws {
        var run = try ElectrodeRun(scenario: try Self.scenario(substrate: "Cu"))
        let result = run.run()
        for cycle in result.cycles {
            #expect(["cut-off potential", "nothing left to strip"].contains(cycle.stripEnd))
        }
        // At the end of each strip no connected Li is left above a small remainder (the cut-off
        // may stop a strip just before the last few atoms).
        #expect(run.engine.application.connectedLithiumSites <= 144)
    }
}
