import Foundation
import LithiumModel
import Simulation
import Testing

/// Every scenario shipped in Runs/ is valid, and bad scenarios are refused with the key path
/// and the allowed range.
@Suite struct ScenarioTests {
    static let runsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Runs")

    @Test func everyShippedScenarioIsValid() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.runsDirectory.path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 3)
        for file in files {
            let text = try String(contentsOf: Self.runsDirectory.appendingPathComponent(file), encoding: .utf8)
            switch try ScenarioKind.of(yaml: text) {
            case .electrode: do { _ = try Scenario.parse(yaml: text) } catch { Issue.record("\(file): \(error)") }
            case .segregation: do { _ = try SegregationScenario.parse(yaml: text) } catch { Issue.record("\(file): \(error)") }
            }
        }
        _ = try Scenario.parse(yaml: Scenario.defaultYAML)
        #expect(try ScenarioKind.of(yaml: Scenario.defaultYAML) == .electrode)  // no `kind`: an electrode
        #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: "kind: segregation\nprotocol: {monolayers: 1}") }
    }

    static let bad: [(String, String)] = [
        ("lattice: {lx: 8, ly: 8, lz: 4}\nprotocol: {monolayers: 1}\ncolour: blue", "colour"),
        ("lattice: {lx: 8, ly: 8, lz: 4, lw: 3}\nprotocol: {monolayers: 1}", "lattice.lw"),
        ("lattice: {lx: 0, ly: 8, lz: 4}\nprotocol: {monolayers: 1}", "lattice.lx"),
        ("lattice: {lx: eight, ly: 8, lz: 4}\nprotocol: {monolayers: 1}", "lattice.lx"),
        ("material: {substrate: Pt}\nprotocol: {monolayers: 1}", "material.substrate"),
        ("material: {temperature_K: -5}\nprotocol: {monolayers: 1}", "material.temperature_K"),
        ("material: {transfer_coefficient: 1.5}\nprotocol: {monolayers: 1}", "material.transfer_coefficient"),
        ("material: {li_diffusivity_cm2_s: 0}\nprotocol: {monolayers: 1}", "material.li_diffusivity_cm2_s"),
        ("material: {contact_angle_deg: 100, li_substrate_bond_eV: 0.01}\nprotocol: {monolayers: 1}", "li_substrate_bond_eV"),
        ("protocol: {mode: galvanostatic}", "protocol"),
        ("protocol: {mode: sideways, monolayers: 1}", "protocol.mode"),
        ("protocol: {mode: potentiostatic, monolayers: 1}", "protocol.max_time_s"),
        ("protocol: {current_density_mA_cm2: -1, monolayers: 1}", "protocol.current_density_mA_cm2"),
        ("lattice: {lx: 8, ly: 8, lz: 3}\nmaterial: {substrate_layers: 2}\nprotocol: {monolayers: 1, li_film_layers: 1}", "lattice.lz"),
        ("protocol: {monolayers: 1}\ncycling: {cycles: 0}", "cycling.cycles"),
        ("protocol: {monolayers: 1}\ncycling: {cycles: 2, spin: 3}", "cycling.spin"),
        ("protocol: {monolayers: 1}\ncycling: {strip_overpotential_mV: 50}", "cycling.strip_overpotential_mV"),
        ("protocol: {monolayers: 1}\ncycling: {strip_mode: potentiostatic}", "cycling.strip_max_time_s"),
        ("protocol: {monolayers: 1}\ncycling: {strip_cutoff_mV: 0}", "cycling.strip_cutoff_mV"),
        ("protocol: {mode: deposition, monolayers: 1}\ncycling: {cycles: 2}", "protocol.mode"),
        ("material: {sei_exchange_current_density_mA_cm2: -1}\nprotocol: {monolayers: 1}", "material.sei_exchange_current_density_mA_cm2"),
        ("material: {sei_transfer_coefficient: 1}\nprotocol: {monolayers: 1}", "material.sei_transfer_coefficient"),
        ("[1, 2, 3]", "mapping"),
        ("lattice: {lx: 8\n", "YAML"),
    ]

    @Test(arguments: bad)
    func badScenariosNameTheKey(yaml: String, mentions: String) {
        do {
            _ = try Scenario.parse(yaml: yaml)
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect("\(error)".contains(mentions), "message: \(error)")
        }
    }

    @Test func overridesAreValidatedLikeTheFile() throws {
        let base = Scenario.defaultYAML
        let changed = try Scenario.parse(yaml: ScenarioOverrides.apply(
            ["protocol.current_density_mA_cm2=2.5", "lattice.lx=32", "material.substrate=Au"], to: base))
        #expect(changed.plating.currentDensity == 2.5)
        #expect(changed.lx == 32)
        #expect(changed.parameters.substrate.name == "Au")
        #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: ScenarioOverrides.apply(["protocol.nope=1"], to: base)) }
        #expect(throws: ScenarioError.self) { try ScenarioOverrides.apply(["noequals"], to: base) }
    }

    @Test func presetsCarryTheDesignDiffusivities() {
        #expect(MaterialPresets.diffusivity("Li (self-diffusion, NMR)").low == 7.65e-11)
        #expect(MaterialPresets.diffusivity("LiZn").high == 4e-7)
        #expect(MaterialPresets.diffusivity("Li3Sb").note.contains("360"))
        for name in ["Cu", "Au", "Ag", "Mg", "Zn", "Sn"] { #expect(MaterialPresets.substrate(named: name) != nil) }
        #expect(MaterialPresets.substrate(named: "Cu")!.lithiophilic == false)
        // Young–Dupré: θ > 90° for Cu, wetting for Au.
        let cu = MaterialPresets.substrate(named: "Cu")!
        #expect(cu.contactAngleDegrees > 90)
        #expect(cu.lithiumBondEnergy(lithiumBond: 0.05) < 0.025)
        #expect(abs(Substrate.contactAngleDegrees(substrateBond: cu.lithiumBondEnergy(lithiumBond: 0.05), lithiumBond: 0.05) - 120) < 1e-9)
    }
}
